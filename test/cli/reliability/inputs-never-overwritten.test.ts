import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../helpers';
import { bounded, expectCouldNotDo, listing, PERIOD, writeTemplate } from './corpus';

/**
 * Issue 18 point 2: inputs are never overwritten, whatever the flag. Every file a command reads is
 * refused as its output (exit 2 naming both), --force or not, by the same path, a symlink to it, a
 * path through a symlinked folder, or a hard link: compared by real path and by device and inode.
 */
let dir = '';

/** Every file in the folder (links followed) and its SHA-256: nothing may change. */
function snapshot(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of listing(dir)) {
    const full = path.join(dir, f);
    if (fs.statSync(full).isFile()) out[f] = createHash('sha256').update(fs.readFileSync(full)).digest('hex');
  }
  return out;
}

beforeAll(async () => {
  dir = tempDir();
  await writeTemplate(dir);
  expect((await bounded(dir, ['catalogue', 'export', '--out', 'catalogue.xlsx', '--quiet'])).code).toBe(0);
  expect((await bounded(dir, ['catalogue', 'import', 'catalogue.xlsx', '--out', 'catalogue.json', '--quiet'])).code).toBe(0);
  expect((await bounded(dir, ['consolidate', 'good.xlsx', '--period', PERIOD, '--out', 'previous.xlsx', '--quiet'])).code).not.toBe(2);
  expect((await bounded(dir, ['consolidate', 'good.xlsx', '--period', PERIOD, '--out', 'last-year.xlsx', '--quiet'])).code).not.toBe(2);
  expect((await bounded(dir, ['consolidate', 'good.xlsx', '--period', PERIOD, '--out', 'closed.xlsx', '--history', 'master.json', '--quiet'])).code).not.toBe(2);
  fs.linkSync(path.join(dir, 'catalogue.xlsx'), path.join(dir, 'catalogue-hard.xlsx'));
  fs.symlinkSync('catalogue.xlsx', path.join(dir, 'catalogue-sym.xlsx'));
  fs.linkSync(path.join(dir, 'master.json'), path.join(dir, 'master-hard.json'));
  fs.linkSync(path.join(dir, 'catalogue.json'), path.join(dir, 'other.json.bak'));
  fs.linkSync(path.join(dir, 'previous.xlsx'), path.join(dir, 'previous-hard.xlsx'));
  fs.symlinkSync('.', path.join(dir, 'here'));
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const consolidate = (...rest: string[]): string[] => ['consolidate', 'good.xlsx', '--period', PERIOD, ...rest, '--force'];

describe.each([
  // [what, argv, the output named, the input named]
  ['--out a hard link to the --catalogue', consolidate('--catalogue', 'catalogue.xlsx', '--out', 'catalogue-hard.xlsx'), 'catalogue-hard.xlsx', 'catalogue.xlsx'],
  ['--out a symlink to the --catalogue', consolidate('--catalogue', 'catalogue.xlsx', '--out', 'catalogue-sym.xlsx'), 'catalogue-sym.xlsx', 'catalogue.xlsx'],
  ['--out the --catalogue through a symlinked folder', consolidate('--catalogue', 'catalogue.xlsx', '--out', 'here/catalogue.xlsx'), 'here/catalogue.xlsx', 'catalogue.xlsx'],
  ['--out the --previous workbook', consolidate('--previous', 'previous.xlsx', '--out', 'previous.xlsx'), 'previous.xlsx', '--previous'],
  ['--out a hard link to the --previous workbook', consolidate('--previous', 'previous.xlsx', '--out', 'previous-hard.xlsx'), 'previous-hard.xlsx', 'previous.xlsx'],
  ['--out the --last-year workbook', consolidate('--last-year', 'last-year.xlsx', '--out', './last-year.xlsx'), './last-year.xlsx', 'last-year.xlsx'],
  ['--out a return through a symlinked folder', consolidate('--out', 'here/good.xlsx'), 'here/good.xlsx', 'good.xlsx'],
  ['the master\'s backup a hard link to the --catalogue', consolidate('--catalogue', 'catalogue.json', '--history', 'other.json', '--out', 'new.xlsx'), 'other.json.bak', 'catalogue.json'],
  ['validate --csv onto the --catalogue', ['validate', 'good.xlsx', '--catalogue', 'catalogue.json', '--csv', 'catalogue.json', '--force'], 'catalogue.json', '--catalogue'],
  ['validate --csv onto the BI master', ['validate', 'good.xlsx', '--history', 'master.json', '--csv', 'master.json', '--force'], 'master.json', '--history'],
  ['validate --csv onto a hard link to the BI master', ['validate', 'good.xlsx', '--history', 'master.json', '--csv', 'master-hard.json', '--force'], 'master-hard.json', 'master.json'],
  ['validate --csv onto a return through a symlinked folder', ['validate', 'good.xlsx', '--csv', 'here/good.xlsx', '--force'], 'here/good.xlsx', 'good.xlsx'],
  ['template --out a symlink to the --catalogue', ['template', '--period', PERIOD, '--catalogue', 'catalogue.xlsx', '--out', 'catalogue-sym.xlsx', '--force'], 'catalogue-sym.xlsx', 'catalogue.xlsx'],
  ['catalogue export --out the catalogue through a symlinked folder', ['catalogue', 'export', 'catalogue.xlsx', '--out', 'here/catalogue.xlsx', '--force'], 'here/catalogue.xlsx', 'catalogue.xlsx'],
  ['catalogue import --out a hard link to the workbook imported', ['catalogue', 'import', 'catalogue.xlsx', '--out', 'catalogue-hard.xlsx', '--force'], 'catalogue-hard.xlsx', 'catalogue.xlsx'],
])('%s', (_what, argv, output, input) => {
  it('is refused with --force: exit 2 naming both, every file byte for byte as it was, nothing new', async () => {
    const before = snapshot();
    const names = listing(dir);
    const r = await bounded(dir, argv);
    expectCouldNotDo(r, output, /is also an input.*never overwritten, even with --force/);
    expect(r.err).toContain(input);
    expect(snapshot()).toEqual(before);
    expect(listing(dir)).toEqual(names);
  });
});

describe('links that are not inputs are still outputs', () => {
  it('a hard link to a file the run does not read may be replaced with --force', async () => {
    fs.writeFileSync(path.join(dir, 'mine.csv'), 'old\n');
    fs.linkSync(path.join(dir, 'mine.csv'), path.join(dir, 'mine-hard.csv'));
    const r = await bounded(dir, ['validate', 'good.xlsx', '--csv', 'mine-hard.csv', '--force']);
    expect(r.code).not.toBe(2);
    expect(fs.readFileSync(path.join(dir, 'mine-hard.csv'), 'utf8')).toMatch(/CS01/);
    // The write renames a new file into place: the other name keeps its own bytes.
    expect(fs.readFileSync(path.join(dir, 'mine.csv'), 'utf8')).toBe('old\n');
    fs.rmSync(path.join(dir, 'mine.csv'));
    fs.rmSync(path.join(dir, 'mine-hard.csv'));
  });
});
