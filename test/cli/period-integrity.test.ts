import * as fs from 'node:fs';
import * as path from 'node:path';
import { readWorkbookGrids } from '../../src/adapters/exceljs/read';
import { run, tempDir } from './helpers';
import { demoIn, workbooksIn } from '../helpers/demo';

/**
 * A quarter's figures are never published as another's. Seen on the demo's own files: Highways'
 * Q1 return, given with the Q2 returns and --period Q2, was published as "2024-25 Q2 Green" and hid
 * Highways' missing Q2 return; the Q2 returns with --period Q3 made a Q3 paper of Q2 data.
 */

let dir = '';
const listed = (sub: string): string[] => workbooksIn(dir, sub);

beforeAll(async () => {
  dir = tempDir();
  await demoIn(dir);
}, 120_000);

interface Json {
  readonly files: { file: string; period: string | null; rows: { ref: string; status: string }[]; issues: { code: string; severity: string; message: string }[] }[];
  readonly missing: string[];
  readonly counts: Record<string, number>;
  readonly errors: number;
}

describe('the file’s period wins over --period', () => {
  it('a Q1 return given with the Q2 returns is an error, left out, and its indicators count as missing', async () => {
    const q2 = listed('demo/returns');
    const q1 = listed('demo/earlier/2024-25-q1');
    const r = await run(dir, ['consolidate', ...q2, ...q1, '--period', '2024-25 Q2', '--out', 'mixed.xlsx', '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as Json;
    const highwaysQ1 = doc.files.find((f) => f.file.includes('earlier') && /highways/i.test(f.file));
    expect(highwaysQ1?.period).toBe('2024-25 Q1');
    const mismatch = highwaysQ1?.issues.find((i) => i.code === 'period-mismatch');
    expect(mismatch).toMatchObject({ severity: 'error', message: expect.stringMatching(/for 2024-25 Q1.*not 2024-25 Q2/) });
    // Highways sent no Q2 return: HWY01 is missing, not Q1's value relabelled.
    expect(doc.missing).toContain('HWY01');
    const book = await readWorkbookGrids(new Uint8Array(fs.readFileSync(path.join(dir, 'mixed.xlsx'))));
    const cabinet = book.sheets.find((g) => g.sheet.startsWith('Cabinet'));
    const hwy = cabinet?.values.find((row) => row[0] === 'HWY01');
    expect(hwy?.some((v) => typeof v === 'string' && /Green/.test(v))).toBe(false);
  });

  it('Q2 returns consolidated as Q3 make no Q3 figures: every return an error, every indicator missing', async () => {
    const q2 = listed('demo/returns');
    const r = await run(dir, ['consolidate', ...q2, '--period', '2024-25 Q3', '--out', 'q3.xlsx', '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as Json;
    for (const f of doc.files) expect(f.issues.filter((i) => i.code === 'period-mismatch')).toHaveLength(1);
    const counted = Object.entries(doc.counts).filter(([k]) => k !== 'Missing' && k !== 'Not due' && k !== 'Tracking').reduce((a, [, n]) => a + n, 0);
    expect(counted).toBe(0);
    expect(doc.counts.Missing).toBeGreaterThan(0);
  });

  it('validate --period on another quarter’s return says which quarter the file holds', async () => {
    const [one] = listed('demo/returns');
    const r = await run(dir, ['validate', one as string, '--period', '2024-25 Q3']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/This return is for 2024-25 Q2.*not 2024-25 Q3/);
  });

  it('mixed quarters without --period: refused, and the advice does not lead into relabelling', async () => {
    const r = await run(dir, ['consolidate', ...listed('demo/returns'), ...listed('demo/earlier/2024-25-q1'), '--out', 'x.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/different periods .*2024-25 Q1.*2024-25 Q2|different periods .*2024-25 Q2.*2024-25 Q1/);
    expect(r.err).toMatch(/one quarter at a time/);
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });
});
