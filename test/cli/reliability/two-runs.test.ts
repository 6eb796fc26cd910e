import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { tempDir } from '../helpers';
import { bounded, expectCouldNotDo, listing, PERIOD, writeTemplate } from './corpus';
// The module object itself, so a spy on it reaches src/cli/files.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require('node:fs') as typeof import('node:fs');

/**
 * Issue 18 point 3: two runs at once. A new --out is created exclusively (a run that finds it
 * made meanwhile says so and writes nothing), updates of the BI master are serialised by
 * MASTER.json.lock, and a run that cannot save the master writes no Cabinet either.
 */
let dir = '';
const at = (f: string): string => path.join(dir, f);
const OLD = 'the Cabinet paper from last time\n';

beforeAll(async () => {
  dir = tempDir();
  await writeTemplate(dir);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => jest.restoreAllMocks());

const consolidate = (...rest: string[]): string[] => ['consolidate', 'good.xlsx', '--period', PERIOD, '--quiet', ...rest];
const hidden = (): string[] => listing(dir).filter((f) => f.startsWith('.'));

async function cabinetSheet(file: string): Promise<string | undefined> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(at(file));
  return wb.worksheets.find((w) => w.name.startsWith('Cabinet'))?.name;
}

/** A process id that is no longer running: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  if (child.pid === undefined) throw new Error('could not start a child process');
  return child.pid;
}

describe('two runs creating the same new --out without --force', () => {
  it('exactly one succeeds; the other is exit 2 naming the file, which is a valid workbook, and no temp file is left', async () => {
    const runs = await Promise.all([bounded(dir, consolidate('--out', 'same.xlsx')), bounded(dir, consolidate('--out', 'same.xlsx'))]);
    const lost = runs.filter((r) => r.code === 2);
    expect(lost).toHaveLength(1);
    expect(runs.filter((r) => r.code !== 2)).toHaveLength(1);
    // Found at the last check before writing, or (when it appears between that check and the write) by the exclusive create.
    expectCouldNotDo(lost[0]!, 'same.xlsx', /already exists; use --force|appeared while this run was working.*wrote nothing/);
    expect(await cabinetSheet('same.xlsx')).toBeDefined();
    expect(hidden()).toEqual([]);
  });
  it('another process making the file while this run writes it: exit 2 naming it, the other run\'s file kept byte for byte', async () => {
    const theirs = fs.readFileSync(at('same.xlsx'));
    const real = fs.writeFileSync;
    // The other run (another process) finishes just as this one has written its temp file.
    jest.spyOn(fs, 'writeFileSync').mockImplementation((file, data, options) => {
      real(file, data, options as import('node:fs').WriteFileOptions);
      if (/\.race\.xlsx\..*tmp$/.test(String(file))) real(at('race.xlsx'), theirs);
    });
    const before = listing(dir);
    const r = await bounded(dir, consolidate('--out', 'race.xlsx'));
    jest.restoreAllMocks();
    expectCouldNotDo(r, 'race.xlsx', /appeared while this run was working.*wrote nothing.*--force/);
    expect(fs.readFileSync(at('race.xlsx')).equals(theirs)).toBe(true);
    expect(listing(dir)).toEqual([...before, 'race.xlsx'].sort());
  });
});

describe('the BI master is updated by one run at a time', () => {
  it('a held lock: the second run is exit 2 naming the master, and writes nothing (not even the Cabinet)', async () => {
    const lock = `${JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() })}\n`;
    fs.writeFileSync(at('held.json.lock'), lock);
    const before = listing(dir);
    const r = await bounded(dir, consolidate('--out', 'held.xlsx', '--history', 'held.json'));
    expectCouldNotDo(r, 'held.json', new RegExp(`being updated by another run \\(process ${process.pid} on .*\\); this run wrote nothing.*held\\.json\\.lock`));
    expect(listing(dir)).toEqual(before);
    expect(fs.readFileSync(at('held.json.lock'), 'utf8')).toBe(lock);
    fs.rmSync(at('held.json.lock'));
  });

  it('a stale lock (its process has gone) is taken over with a warning, and removed when the run ends', async () => {
    const pid = deadPid();
    fs.writeFileSync(at('stale.json.lock'), JSON.stringify({ pid, host: os.hostname(), since: '2024-10-01T09:00:00.000Z' }));
    const r = await bounded(dir, consolidate('--out', 'stale.xlsx', '--history', 'stale.json'));
    expect(r.code).not.toBe(2);
    expect(r.err).toMatch(new RegExp(`warning: stale\\.json\\.lock was left by a run that did not finish \\(process ${pid} that made it is no longer running\\); taken over`));
    expect(await cabinetSheet('stale.xlsx')).toBeDefined();
    expect((JSON.parse(fs.readFileSync(at('stale.json'), 'utf8')) as { periods: unknown[] }).periods).toHaveLength(1);
    expect(fs.existsSync(at('stale.json.lock'))).toBe(false);
    expect(hidden()).toEqual([]);
  });

  it('two runs recording the same quarter at once: one Cabinet, the quarter recorded once, no lock left', async () => {
    const runs = await Promise.all([
      bounded(dir, consolidate('--out', 'both-1.xlsx', '--history', 'both.json')),
      bounded(dir, consolidate('--out', 'both-2.xlsx', '--history', 'both.json')),
    ]);
    // The winner records the quarter (exit 1: the one return leaves indicators missing); the other finds the lock held, or the quarter already recorded.
    expect(runs.filter((r) => /Recorded 2024-25 Q2 in both\.json/.test(r.out))).toHaveLength(1);
    const other = runs.find((r) => !/Recorded/.test(r.out));
    expect(other?.code === 2 ? other.err : other?.out).toMatch(/both\.json: is being updated by another run|already holds 2024-25 Q2/);
    expect(['both-1.xlsx', 'both-2.xlsx'].filter((f) => fs.existsSync(at(f)))).toHaveLength(1);
    expect((JSON.parse(fs.readFileSync(at('both.json'), 'utf8')) as { periods: unknown[] }).periods).toHaveLength(1);
    expect(fs.existsSync(at('both.json.lock'))).toBe(false);
    expect(hidden()).toEqual([]);
  });
});

describe('all or nothing: a run that cannot save the master writes no Cabinet', () => {
  it('a master in a folder that does not exist is refused before anything is written', async () => {
    const before = listing(dir);
    const r = await bounded(dir, consolidate('--out', 'orphan.xlsx', '--history', 'no-such-folder/master.json'));
    expectCouldNotDo(r, 'no-such-folder/master.json', /folder no-such-folder does not exist/);
    expect(listing(dir)).toEqual(before);
  });

  it.each([
    ['a new Cabinet is removed again', false],
    ['a replaced Cabinet (--force) is put back as it was', true],
  ])('the master fails as it is put in place: %s, the master and its backup as they were', async (_what, force) => {
    expect((await bounded(dir, consolidate('--out', 'seed.xlsx', '--history', 'fail.json'))).code).not.toBe(2);
    const master = fs.readFileSync(at('fail.json'), 'utf8');
    const hadBackup = fs.existsSync(at('fail.json.bak'));
    const backup = hadBackup ? fs.readFileSync(at('fail.json.bak'), 'utf8') : undefined;
    if (force) fs.writeFileSync(at('again.xlsx'), OLD);
    const before = listing(dir);
    const real = fs.renameSync;
    jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(to).endsWith('fail.json')) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      real(from, to);
    });
    const r = await bounded(dir, consolidate('--out', 'again.xlsx', '--history', 'fail.json', '--reopen', '--reason', 'a late correction', ...(force ? ['--force'] : [])));
    jest.restoreAllMocks();
    expectCouldNotDo(r, 'fail.json', /could not be written/);
    expect(listing(dir)).toEqual(before);
    if (force) expect(fs.readFileSync(at('again.xlsx'), 'utf8')).toBe(OLD);
    expect(fs.readFileSync(at('fail.json'), 'utf8')).toBe(master);
    expect(hadBackup ? fs.readFileSync(at('fail.json.bak'), 'utf8') : fs.existsSync(at('fail.json.bak'))).toBe(hadBackup ? backup : false);
    for (const f of ['fail.json', 'fail.json.bak', 'fail.json.lock', 'seed.xlsx', 'again.xlsx']) fs.rmSync(at(f), { force: true });
  });
});
