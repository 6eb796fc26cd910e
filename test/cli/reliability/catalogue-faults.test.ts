import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultCatalogue } from '../../../src/catalogue';
import { tempDir } from '../helpers';
import { bounded, expectCouldNotDo, PERIOD, writeTemplate } from './corpus';

/**
 * A catalogue with every kind of schema fault, one per file and all in one file. `catalogue check`
 * finishes and lists each by JSON path (exit 1: done, errors found); a command that needs the
 * catalogue refuses it (exit 2, one line naming the file) and writes nothing.
 */
type Json = Record<string, unknown> & { indicators: Record<string, unknown>[] };
type Fault = [name: string, path: RegExp, apply: (c: Json) => void];

const FAULTS: Fault[] = [
  ['schema version from the future', /schemaVersion/, (c) => { c.schemaVersion = 2; }],
  ['organisation missing', /organisation/, (c) => { delete c.organisation; }],
  ['financial year misspelt', /financialYears/, (c) => { c.financialYears = ['2023/24']; }],
  ['no priorities', /priorities/, (c) => { c.priorities = []; }],
  ['unknown unit', /indicators\[0\]\.unit/, (c) => { c.indicators[0]!.unit = 'furlongs'; }],
  ['unknown polarity', /indicators\[0\]\.polarity/, (c) => { c.indicators[0]!.polarity = 'sideways'; }],
  ['unknown kind', /indicators\[0\]/, (c) => { c.indicators[0]!.kind = 'vibes'; }],
  ['fractional decimals', /indicators\[0\]\.decimals/, (c) => { c.indicators[0]!.decimals = 1.5; }],
  ['a quarter that does not exist', /indicators\[0\]\.dueQuarters/, (c) => { c.indicators[0]!.dueQuarters = ['Q5']; }],
  ['a target that is text', /indicators\[0\]\.targets/, (c) => { c.indicators[0]!.targets = { '2024-25': 'eighty' }; }],
  ['a negative suppression threshold', /indicators\[0\]\.suppressBelow/, (c) => { c.indicators[0]!.suppressBelow = -1; }],
  ['a tolerance with both kinds', /indicators\[0\]\.tolerance/, (c) => { c.indicators[0]!.tolerance = { relative: 5, absolute: 2 }; }],
  ['an upside-down range', /indicators\[0\]\.range/, (c) => { c.indicators[0]!.range = { min: 100, max: 0 }; }],
  ['a duplicate id', /indicators\[1\]\.id/, (c) => { c.indicators[1]!.id = c.indicators[0]!.id; }],
  ['a priority that is not listed', /indicators\[0\]\.priority/, (c) => { c.indicators[0]!.priority = 'P9'; }],
  ['indicators not a list', /indicators/, (c) => { (c as Record<string, unknown>).indicators = { CS01: {} }; }],
];

const CROSS = ['an upside-down range', 'a duplicate id', 'a priority that is not listed'];

const TEXT_FAULTS: [string, string, RegExp][] = [
  ['not-json.json', '{"schemaVersion": 1,', /not valid JSON/],
  ['empty.json', '', /not valid JSON/],
  ['array.json', '[]', /must be an object/],
  ['null.json', 'null', /must be an object/],
];

let dir = '';
const base = (): Json => JSON.parse(JSON.stringify(defaultCatalogue())) as Json;
const fileOf = (i: number): string => `fault-${String(i).padStart(2, '0')}.json`;

beforeAll(async () => {
  dir = tempDir();
  await writeTemplate(dir);
  FAULTS.forEach(([, , apply], i) => {
    const c = base();
    apply(c);
    fs.writeFileSync(path.join(dir, fileOf(i)), JSON.stringify(c, null, 2));
  });
  // Shape faults are all reported together; faults between records (duplicate ids, unknown
  // priorities, ranges) are checked once the shape is right, so they get a file of their own.
  const shape = base();
  for (const [name, , apply] of FAULTS) if (!CROSS.includes(name) && name !== 'indicators not a list') apply(shape);
  fs.writeFileSync(path.join(dir, 'all-shape-faults.json'), JSON.stringify(shape, null, 2));
  const cross = base();
  for (const [name, , apply] of FAULTS) if (CROSS.includes(name)) apply(cross);
  fs.writeFileSync(path.join(dir, 'all-cross-faults.json'), JSON.stringify(cross, null, 2));
  for (const [file, text] of TEXT_FAULTS) fs.writeFileSync(path.join(dir, file), text);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('catalogue check lists every fault by JSON path', () => {
  it.each(FAULTS.map(([name, p], i) => [name, p, i] as const))('%s', async (_name, where, i) => {
    const r = await bounded(dir, ['catalogue', 'check', fileOf(i)]);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(where);
  });

  it.each([
    ['all-shape-faults.json', FAULTS.filter(([name]) => !CROSS.includes(name) && name !== 'indicators not a list')],
    ['all-cross-faults.json', FAULTS.filter(([name]) => CROSS.includes(name))],
  ])('%s lists each of its faults', async (file, faults) => {
    const r = await bounded(dir, ['catalogue', 'check', file]);
    expect(r.code).toBe(1);
    for (const [, where] of faults) expect(r.out).toMatch(where);
  });

  it.each(TEXT_FAULTS)('%s', async (file, _text, reason) => {
    const r = await bounded(dir, ['catalogue', 'check', file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(file);
    expect(r.out).toMatch(reason);
  });
});

describe('commands that need the catalogue refuse a faulty one and write nothing', () => {
  const files = (): string[] => [...FAULTS.map((_, i) => fileOf(i)), 'all-shape-faults.json', 'all-cross-faults.json', ...TEXT_FAULTS.map(([f]) => f)];

  it('validate, consolidate, template, catalogue export: exit 2, one line naming the catalogue', async () => {
    for (const file of files()) {
      expectCouldNotDo(await bounded(dir, ['validate', 'good.xlsx', '--catalogue', file]), file, /not a valid catalogue/);
      expectCouldNotDo(await bounded(dir, ['consolidate', 'good.xlsx', '--period', PERIOD, '--catalogue', file, '--out', 'cabinet.xlsx']), file, /not a valid catalogue/);
      expectCouldNotDo(await bounded(dir, ['template', '--period', PERIOD, '--catalogue', file, '--out', 'blank.xlsx']), file, /not a valid catalogue/);
      expectCouldNotDo(await bounded(dir, ['catalogue', 'export', file, '--out', 'catalogue.xlsx']), file, /not a valid catalogue/);
    }
    for (const out of ['cabinet.xlsx', 'blank.xlsx', 'catalogue.xlsx']) expect(fs.existsSync(path.join(dir, out))).toBe(false);
  }, 120_000);
});
