import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../helpers';
import { bounded, expectCouldNotDo, listing, PERIOD, writeNotReturns, writeTemplate, writeUnreadable, type Unreadable } from './corpus';

/**
 * Every unreadable file through the real CLI main(): validate, consolidate, catalogue check and
 * import, verify. The contract: exit 2 with one line naming the file and the reason, never a stack
 * trace, never a hang, and nothing written (no --out file, no temp file left).
 */
let dir = '';
let corpus: Unreadable[] = [];

beforeAll(async () => {
  dir = tempDir();
  await writeTemplate(dir);
  corpus = await writeUnreadable(dir, new Uint8Array(fs.readFileSync(path.join(dir, 'good.xlsx'))));
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const each = (): [string, RegExp][] => corpus.map((c) => [c.file, c.reason]);

describe('unreadable inputs', () => {
  it('the corpus has every kind', () => {
    expect(corpus.map((c) => c.file)).toEqual(expect.arrayContaining(['empty.xlsx', 'random-bytes.xlsx', 'truncated.xlsx', 'csv-renamed.xlsx', 'not-a-workbook.xlsx', 'encrypted.xlsx']));
  });

  it('validate: exit 2, one line', async () => {
    for (const [file, reason] of each()) expectCouldNotDo(await bounded(dir, ['validate', file]), file, reason);
  });

  it('validate --json and --csv: exit 2, stdout empty, no CSV', async () => {
    for (const [file, reason] of each()) {
      const r = await bounded(dir, ['validate', 'good.xlsx', file, '--json', '--csv', 'rows.csv']);
      expectCouldNotDo(r, file, reason);
      expect(r.out).toBe('');
      expect(fs.existsSync(path.join(dir, 'rows.csv'))).toBe(false);
    }
  });

  it('consolidate: exit 2 before anything is written, even when the bad file is last among good ones', async () => {
    const before = listing(dir);
    for (const [file, reason] of each()) {
      const r = await bounded(dir, ['consolidate', 'good.xlsx', 'good.xlsx', file, '--period', PERIOD, '--out', 'cabinet.xlsx']);
      expectCouldNotDo(r, file, reason);
      expect(fs.existsSync(path.join(dir, 'cabinet.xlsx'))).toBe(false);
    }
    expect(listing(dir)).toEqual(before);
  });

  it('consolidate: an unreadable --previous or --last-year stops the run too', async () => {
    for (const flag of ['--previous', '--last-year']) {
      const r = await bounded(dir, ['consolidate', 'good.xlsx', '--period', PERIOD, flag, 'truncated.xlsx', '--out', 'cabinet.xlsx']);
      expectCouldNotDo(r, 'truncated.xlsx', /corrupt or truncated zip/);
      expect(fs.existsSync(path.join(dir, 'cabinet.xlsx'))).toBe(false);
    }
  });

  it('catalogue check and import of a workbook: exit 2, no JSON written', async () => {
    for (const [file, reason] of each()) {
      expectCouldNotDo(await bounded(dir, ['catalogue', 'check', file]), file, reason);
      expectCouldNotDo(await bounded(dir, ['catalogue', 'import', file, '--out', 'catalogue.json']), file, reason);
      expect(fs.existsSync(path.join(dir, 'catalogue.json'))).toBe(false);
    }
  });

  it('validate and consolidate with an unreadable --catalogue workbook: exit 2 naming the catalogue', async () => {
    for (const [file, reason] of each()) {
      expectCouldNotDo(await bounded(dir, ['validate', 'good.xlsx', '--catalogue', file]), file, reason);
      expectCouldNotDo(await bounded(dir, ['consolidate', 'good.xlsx', '--catalogue', file, '--out', 'cabinet.xlsx']), file, reason);
    }
  });

  it('verify: exit 2', async () => {
    for (const [file, reason] of each()) expectCouldNotDo(await bounded(dir, ['verify', file]), file, reason);
  });

  it('a file that does not exist, and a folder, are named too', async () => {
    expectCouldNotDo(await bounded(dir, ['validate', 'nowhere.xlsx']), 'nowhere.xlsx', /no such file/);
    fs.mkdirSync(path.join(dir, 'folder.xlsx'), { recursive: true });
    expectCouldNotDo(await bounded(dir, ['validate', 'folder.xlsx']), 'folder.xlsx', /folder/);
  });
});

describe('workbooks that open but are not returns', () => {
  let files: string[] = [];
  beforeAll(async () => { files = await writeNotReturns(dir); });

  it.each(['no-return-sheet.xlsx', 'no-ref-header.xlsx'])('validate %s: exit 1, the report names the file and says there is no Return sheet', async (file) => {
    expect(files).toContain(file);
    const r = await bounded(dir, ['validate', file, '--period', PERIOD, '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const doc = JSON.parse(r.out) as { files: { file: string; issues: { code: string }[] }[] };
    expect(doc.files[0]?.file).toBe(file);
    expect(doc.files[0]?.issues.map((i) => i.code)).toContain('no-return-sheet');
  });

  it('verify of a return (not a Cabinet workbook): exit 2, one line', async () => {
    expectCouldNotDo(await bounded(dir, ['verify', 'good.xlsx']), 'good.xlsx', /not a Cabinet workbook/);
  });
});
