import * as fs from 'node:fs';
import * as path from 'node:path';
import { run, tempDir } from './helpers';
import { demoIn } from '../helpers/demo';

/**
 * One set of counts: the text summary, --json (counts, errors, warnings, the issues listed) and the
 * history record agree. On the demo the text said 2 errors where the JSON said 5 and listed 3.
 */

let dir = '';
let returns: string[] = [];
beforeAll(async () => {
  dir = tempDir();
  await demoIn(dir);
  returns = fs.readdirSync(path.join(dir, 'demo', 'returns')).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join('demo', 'returns', f));
}, 120_000);

interface Json {
  files: { errors: number; warnings: number; issues: { severity: string }[] }[];
  issues: { severity: string; code: string }[];
  errors: number;
  warnings: number;
  counts: Record<string, number>;
  summary: { returns: number; inReturns: { errors: number; warnings: number }; found: { errors: number; warnings: number } };
  history?: { issues: { code: string; params: { count?: number } }[] };
}

describe('consolidate prints one set of counts', () => {
  it('text and JSON agree, and the JSON adds up: files’ issues + the issues listed = errors and warnings', async () => {
    const text = await run(dir, ['consolidate', ...returns, '--period', '2024-25 Q2', '--out', 'a.xlsx']);
    const json = await run(dir, ['consolidate', ...returns, '--period', '2024-25 Q2', '--out', 'b.xlsx', '--json']);
    expect(text.code).toBe(json.code);
    const doc = JSON.parse(json.out) as Json;
    const sum = (f: (x: Json['files'][number]) => number): number => doc.files.reduce((a, x) => a + f(x), 0);
    const listed = (sev: string): number => doc.issues.filter((i) => i.severity === sev).length;
    expect(sum((f) => f.errors) + listed('error')).toBe(doc.errors);
    expect(sum((f) => f.warnings) + listed('warning')).toBe(doc.warnings);
    expect(doc.summary.inReturns.errors).toBe(sum((f) => f.errors));
    expect(doc.summary.found.errors).toBe(listed('error'));
    expect(doc.errors).toBeGreaterThan(doc.summary.inReturns.errors);
    const n = (k: number, w: string): string => `${k} ${w}${k === 1 ? '' : 's'}`;
    const pair = (t: { errors: number; warnings: number }): string => `${n(t.errors, 'error')}, ${n(t.warnings, 'warning')}`;
    const line = `${pair(doc)} in all: ${pair(doc.summary.inReturns)} in the returns; ${pair(doc.summary.found)} found in consolidating`;
    expect(text.out).toContain(line);
    for (const [status, n] of Object.entries(doc.counts)) if (n > 0) expect(text.out).toContain(`${status} ${n}`);
  });

  it('the history records the same number of errors', async () => {
    const r = await run(dir, ['consolidate', ...returns, '--period', '2024-25 Q2', '--out', 'c.xlsx', '--history', 'new-master.json', '--json']);
    const doc = JSON.parse(r.out) as Json;
    const closed = doc.history?.issues.find((i) => i.code === 'closed-with-errors');
    expect(closed?.params.count).toBe(doc.errors);
  });
});
