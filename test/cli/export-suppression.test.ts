import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Catalogue } from '../../src/core/catalogue/schema';
import { run, tempDir } from './helpers';
import { demoIn } from '../helpers/demo';

/**
 * `consolidate --json` and `validate --csv` are exports too: the demo plants a count below its
 * indicator's suppressBelow, which the paper shows as `<N`. Before, both carried the raw count.
 */

let dir = '';
let catalogue: Catalogue;
let returns: string[] = [];
let catFile = '';

beforeAll(async () => {
  dir = tempDir();
  await demoIn(dir);
  catFile = ['demo/catalogue.json', 'demo/indicator-catalogue.json'].find((f) => fs.existsSync(path.join(dir, f)))
    ?? path.join('demo', fs.readdirSync(path.join(dir, 'demo')).find((f) => /catalogue.*\.json$/i.test(f)) ?? 'catalogue.json');
  catalogue = JSON.parse(fs.readFileSync(path.join(dir, catFile), 'utf8')) as Catalogue;
  returns = fs.readdirSync(path.join(dir, 'demo', 'returns')).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join('demo', 'returns', f));
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const belowOf = (ref: string): number | undefined => catalogue.indicators.find((i) => i.id.toUpperCase() === ref.toUpperCase())?.suppressBelow ?? undefined;
const isSmall = (ref: string, v: unknown): boolean => {
  const n = belowOf(ref);
  return n !== undefined && typeof v === 'number' && v >= 1 && v < n;
};

describe('exports carry no small count of an individual-level indicator', () => {
  it('consolidate --json: files[].rows and conflicts show <N, as the paper does', async () => {
    const r = await run(dir, ['consolidate', ...returns, '--catalogue', catFile, '--out', 'paper.xlsx', '--json']);
    const doc = JSON.parse(r.out) as { files: { rows: { ref: string; actual: unknown }[] }[]; conflicts: { ref: string; values: { actual: unknown; numerator?: unknown; denominator?: unknown }[] }[] };
    const rows = doc.files.flatMap((f) => f.rows);
    expect(rows.filter((x) => isSmall(x.ref, x.actual))).toEqual([]);
    for (const c of doc.conflicts) for (const v of c.values) expect([v.actual, v.numerator, v.denominator].filter((x) => isSmall(c.ref, x))).toEqual([]);
    // The planted count is there, in the paper's words, under the same key.
    expect(rows.some((x) => belowOf(x.ref) !== undefined && x.actual === `<${belowOf(x.ref)}`)).toBe(true);
  });

  it('validate --csv: the actual column says <N', async () => {
    const r = await run(dir, ['validate', ...returns, '--catalogue', catFile, '--csv', 'rows.csv']);
    expect(r.code).toBeLessThan(2);
    const lines = fs.readFileSync(path.join(dir, 'rows.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((l) => l.split(','));
    expect(lines.filter(([, ref, actual]) => isSmall(ref as string, actual === '' ? null : Number(actual)))).toEqual([]);
    expect(lines.some(([, ref, actual]) => belowOf(ref as string) !== undefined && actual === `<${belowOf(ref as string)}`)).toBe(true);
  });
});
