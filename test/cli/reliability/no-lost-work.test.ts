import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { writeAtomic } from '../../../src/cli/files';
import { fillReturn, tempDir } from '../helpers';
import { bounded, listing, PERIOD, writeTemplate } from './corpus';
// The module object itself (not an import wrapper), so a spy on it reaches src/cli/files.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require('node:fs') as typeof import('node:fs');

/** No lost work: nothing is overwritten without --force, writes are atomic, inputs are never touched. */
let dir = '';
const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(path.join(dir, file))).digest('hex');
const OLD = 'the BI team\'s file from last quarter\n';

beforeAll(async () => {
  dir = tempDir();
  await writeTemplate(dir);
  await fillReturn(dir, 'template.xlsx', 'second.xlsx', { CS01: { Actual: 70, Commentary: 'Staff shortage', Action: 'Recruit' } });
  const r = await bounded(dir, ['consolidate', 'good.xlsx', '--period', PERIOD, '--out', 'previous.xlsx', '--quiet']);
  expect(r.code).not.toBe(2);
  expect((await bounded(dir, ['catalogue', 'export', '--out', 'catalogue.xlsx', '--quiet'])).code).toBe(0);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('never overwrites without --force', () => {
  it.each([
    ['template', (out: string) => ['template', '--period', PERIOD, '--out', out]],
    ['consolidate', (out: string) => ['consolidate', 'good.xlsx', '--period', PERIOD, '--out', out]],
    ['validate --csv', (out: string) => ['validate', 'good.xlsx', '--csv', out]],
    ['catalogue import', (out: string) => ['catalogue', 'import', 'catalogue.xlsx', '--out', out]],
    ['catalogue export', (out: string) => ['catalogue', 'export', '--out', out]],
  ])('%s: exit 2 naming the file, which is left as it was; with --force it is replaced', async (_what, argv) => {
    const out = /validate/.test(_what) ? 'existing.csv' : /import/.test(_what) ? 'existing.json' : 'existing.xlsx';
    fs.writeFileSync(path.join(dir, out), OLD);
    const refused = await bounded(dir, argv(out));
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(new RegExp(`${out}.*already exists.*--force`));
    expect(fs.readFileSync(path.join(dir, out), 'utf8')).toBe(OLD);
    const forced = await bounded(dir, [...argv(out), '--force']);
    expect(forced.code).not.toBe(2);
    expect(fs.readFileSync(path.join(dir, out), 'utf8')).not.toBe(OLD);
    fs.rmSync(path.join(dir, out));
  });

  it('demo: a folder with files in it is refused without --force, and its files kept', async () => {
    fs.mkdirSync(path.join(dir, 'demo'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'demo', 'mine.txt'), OLD);
    const r = await bounded(dir, ['demo', '--out', 'demo']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/demo.*not empty.*--force/);
    expect(fs.readdirSync(path.join(dir, 'demo'))).toEqual(['mine.txt']);
  });

  it('consolidate refuses to write over one of its inputs, even with --force', async () => {
    const before = sha('good.xlsx');
    const r = await bounded(dir, ['consolidate', 'good.xlsx', '--period', PERIOD, '--out', './good.xlsx', '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is also an input/);
    expect(sha('good.xlsx')).toBe(before);
  });

  it('validate --csv refuses to write over a return', async () => {
    const before = sha('good.xlsx');
    const r = await bounded(dir, ['validate', 'good.xlsx', '--csv', 'good.xlsx', '--force']);
    expect(r.code).toBe(2);
    expect(sha('good.xlsx')).toBe(before);
  });
});

describe('atomic writes', () => {
  let sub = '';
  beforeEach(() => {
    sub = fs.mkdtempSync(path.join(dir, 'atomic-'));
    fs.writeFileSync(path.join(sub, 'cabinet.xlsx'), OLD);
  });
  afterEach(() => jest.restoreAllMocks());

  it('a failure mid-write (disk full after half the bytes) leaves the old file intact and no temp file', () => {
    const real = fs.writeFileSync;
    jest.spyOn(fs, 'writeFileSync').mockImplementation((file, data, options) => {
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data as Uint8Array);
      real(file, bytes.subarray(0, bytes.length >> 1), options as import('node:fs').WriteFileOptions);
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    expect(() => writeAtomic(sub, 'cabinet.xlsx', 'x'.repeat(10_000), true)).toThrow(/cabinet\.xlsx: could not be written/);
    expect(fs.readFileSync(path.join(sub, 'cabinet.xlsx'), 'utf8')).toBe(OLD);
    expect(fs.readdirSync(sub)).toEqual(['cabinet.xlsx']);
  });

  it('a failed rename leaves the old file intact and no temp file', () => {
    jest.spyOn(fs, 'renameSync').mockImplementation(() => { throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' }); });
    expect(() => writeAtomic(sub, 'cabinet.xlsx', 'new', true)).toThrow(/could not be written/);
    expect(fs.readFileSync(path.join(sub, 'cabinet.xlsx'), 'utf8')).toBe(OLD);
    expect(fs.readdirSync(sub)).toEqual(['cabinet.xlsx']);
  });

  it('through the CLI: a failed write is exit 2 with one line, the old Cabinet kept, nothing left behind', async () => {
    const before = listing(dir);
    fs.writeFileSync(path.join(dir, 'cabinet-old.xlsx'), OLD);
    jest.spyOn(fs, 'renameSync').mockImplementation(() => { throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }); });
    const r = await bounded(dir, ['consolidate', 'good.xlsx', '--period', PERIOD, '--out', 'cabinet-old.xlsx', '--force']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/cabinet-old\.xlsx: could not be written/);
    expect(fs.readFileSync(path.join(dir, 'cabinet-old.xlsx'), 'utf8')).toBe(OLD);
    expect(listing(dir)).toEqual([...before, 'cabinet-old.xlsx'].sort());
    fs.rmSync(path.join(dir, 'cabinet-old.xlsx'));
  });
});

describe('consolidation never modifies its inputs', () => {
  it('every input, the catalogue and --previous have the same SHA-256 before and after', async () => {
    const inputs = ['good.xlsx', 'second.xlsx', 'template.xlsx', 'previous.xlsx', 'catalogue.xlsx'];
    const before = inputs.map(sha);
    const stats = inputs.map((f) => fs.statSync(path.join(dir, f)).mtimeMs);
    const r = await bounded(dir, ['consolidate', 'good.xlsx', 'second.xlsx', 'template.xlsx', '--period', PERIOD, '--previous', 'previous.xlsx', '--catalogue', 'catalogue.xlsx', '--out', 'out.xlsx', '--force']);
    expect(r.code).not.toBe(2);
    expect(fs.existsSync(path.join(dir, 'out.xlsx'))).toBe(true);
    expect(inputs.map(sha)).toEqual(before);
    expect(inputs.map((f) => fs.statSync(path.join(dir, f)).mtimeMs)).toEqual(stats);
  });

  it('validate (with --csv) leaves every return as it was', async () => {
    const inputs = ['good.xlsx', 'second.xlsx'];
    const before = inputs.map(sha);
    const r = await bounded(dir, ['validate', ...inputs, '--csv', 'rows.csv', '--force']);
    expect(r.code).not.toBe(2);
    expect(inputs.map(sha)).toEqual(before);
  });
});
