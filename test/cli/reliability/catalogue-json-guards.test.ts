import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultCatalogue } from '../../../src/catalogue';
import { tempDir } from '../helpers';
import { bounded, expectCouldNotDo, listing, PERIOD, writeTemplate } from './corpus';

/**
 * Issue 18 point 1, the catalogue JSON's part: a key given twice is refused (JSON.parse would keep
 * the last, so `"suppressBelow": 5, "suppressBelow": null` published small numbers), and
 * suppressBelow has a sane maximum (1e9 crashed the process).
 */
let dir = '';
type Json = Record<string, unknown> & { indicators: Record<string, unknown>[] };
const base = (): Json => JSON.parse(JSON.stringify(defaultCatalogue())) as Json;
const suppressed = (c: Json): number => c.indicators.findIndex((i) => typeof i.suppressBelow === 'number');

beforeAll(async () => {
  dir = tempDir();
  await writeTemplate(dir);
  const c = base();
  const at = suppressed(c);
  expect(at).toBeGreaterThanOrEqual(0);
  // The text a person might save: the threshold, then a later line quietly switching it off.
  const text = JSON.stringify(c, null, 2);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => /"suppressBelow": \d+/.test(l));
  lines.splice(line + 1, 0, lines[line]!.replace(/\d+/, 'null').replace(/,?$/, ','));
  fs.writeFileSync(path.join(dir, 'twice.json'), lines.join('\n'));
  const big = base();
  big.indicators[at]!.suppressBelow = 1e9;
  fs.writeFileSync(path.join(dir, 'huge.json'), JSON.stringify(big, null, 2));
  const edge = base();
  edge.indicators[at]!.suppressBelow = 100;
  fs.writeFileSync(path.join(dir, 'edge.json'), JSON.stringify(edge, null, 2));
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a key given twice in the catalogue JSON', () => {
  it('is read by JSON.parse as the last value (why a scanner is needed)', () => {
    const c = JSON.parse(fs.readFileSync(path.join(dir, 'twice.json'), 'utf8')) as Json;
    expect(c.indicators.some((i) => i.suppressBelow === null)).toBe(true);
  });

  it('catalogue check: exit 1 naming the key path', async () => {
    const at = suppressed(base());
    const r = await bounded(dir, ['catalogue', 'check', 'twice.json']);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`indicators[${at}].suppressBelow is given twice`);
  });

  it.each([
    ['consolidate', ['consolidate', 'good.xlsx', '--period', PERIOD, '--catalogue', 'twice.json', '--out', 'out.xlsx']],
    ['template', ['template', '--period', PERIOD, '--catalogue', 'twice.json', '--out', 'out.xlsx']],
    ['validate', ['validate', 'good.xlsx', '--catalogue', 'twice.json']],
  ])('%s refuses it: exit 2 naming the file and the key path, nothing written', async (_what, argv) => {
    const before = listing(dir);
    const r = await bounded(dir, argv);
    expectCouldNotDo(r, 'twice.json', new RegExp(`indicators\\[${suppressed(base())}\\]\\.suppressBelow is given twice`));
    expect(listing(dir)).toEqual(before);
  });
});

describe('suppressBelow has a maximum', () => {
  it('1e9: exit 2 with the reason, no crash, nothing written', async () => {
    const before = listing(dir);
    const r = await bounded(dir, ['consolidate', 'good.xlsx', '--period', PERIOD, '--catalogue', 'huge.json', '--out', 'out.xlsx']);
    expectCouldNotDo(r, 'huge.json', /suppressBelow must be 100 or less: it hides counts below it to protect individuals/);
    expect(listing(dir)).toEqual(before);
    const check = await bounded(dir, ['catalogue', 'check', 'huge.json']);
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/suppressBelow must be 100 or less.*found 1000000000/);
  });

  it('100 is allowed', async () => {
    const r = await bounded(dir, ['catalogue', 'check', 'edge.json']);
    expect(r.code).toBe(0);
  });
});
