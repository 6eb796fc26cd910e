import * as os from 'node:os';
import * as path from 'node:path';
import { commitAll, stageWrite, writeAtomic } from '../../src/cli/files';
import { lockFile, STALE_AFTER_MS } from '../../src/cli/lock';
import { tempDir } from './helpers';
// The module object itself, so a spy on it reaches src/cli/files.ts and src/cli/lock.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require('node:fs') as typeof import('node:fs');

let dir = '';
beforeEach(() => { dir = tempDir(); });
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});
const at = (f: string): string => path.join(dir, f);

describe('exclusive creation without --force', () => {
  it('a file made between the checks and the commit is left as it is: exit-2 error naming it, no temp file', () => {
    const staged = stageWrite(dir, 'out.xlsx', 'mine', false);
    fs.writeFileSync(at('out.xlsx'), 'theirs');
    expect(() => commitAll([staged])).toThrow(/out\.xlsx: appeared while this run was working/);
    expect(fs.readFileSync(at('out.xlsx'), 'utf8')).toBe('theirs');
    expect(fs.readdirSync(dir)).toEqual(['out.xlsx']);
  });

  it('on a file system without hard links it still creates exclusively (claim the name, then rename)', () => {
    jest.spyOn(fs, 'linkSync').mockImplementation(() => { throw Object.assign(new Error('EPERM'), { code: 'EPERM' }); });
    writeAtomic(dir, 'new.csv', 'mine', false);
    expect(fs.readFileSync(at('new.csv'), 'utf8')).toBe('mine');
    const staged = stageWrite(dir, 'other.csv', 'mine', false);
    fs.writeFileSync(at('other.csv'), 'theirs');
    expect(() => commitAll([staged])).toThrow(/other\.csv: appeared while/);
    expect(fs.readFileSync(at('other.csv'), 'utf8')).toBe('theirs');
    expect(fs.readdirSync(dir).sort()).toEqual(['new.csv', 'other.csv']);
  });

  it('commitAll: when a later write fails, earlier ones are undone (new removed, replaced restored)', () => {
    fs.writeFileSync(at('old.txt'), 'old');
    const a = stageWrite(dir, 'new.txt', 'a', false);
    const b = stageWrite(dir, 'old.txt', 'b', true);
    const c = stageWrite(dir, 'late.txt', 'c', false);
    fs.writeFileSync(at('late.txt'), 'theirs');
    expect(() => commitAll([a, b, c])).toThrow(/late\.txt/);
    expect(fs.readdirSync(dir).sort()).toEqual(['late.txt', 'old.txt']);
    expect(fs.readFileSync(at('old.txt'), 'utf8')).toBe('old');
  });
});

describe('the lock file', () => {
  const holder = (pid: number): string => JSON.stringify({ pid, host: os.hostname(), since: '2024-10-01T09:00:00.000Z' });

  it('is exclusive while held, and released only by its holder', () => {
    const warn = jest.fn();
    const first = lockFile(dir, 'm.json', warn);
    expect(() => lockFile(dir, 'm.json', warn)).toThrow(new RegExp(`m\\.json: is being updated by another run \\(process ${process.pid}`));
    first.release();
    expect(fs.existsSync(at('m.json.lock'))).toBe(false);
    const second = lockFile(dir, 'm.json', warn);
    fs.writeFileSync(at('m.json.lock'), holder(process.pid)); // someone else's lock replaced ours meanwhile
    second.release();
    expect(fs.readFileSync(at('m.json.lock'), 'utf8')).toBe(holder(process.pid));
    expect(warn).not.toHaveBeenCalled();
  });

  it('a live process\'s lock older than the limit is taken over with a warning', () => {
    fs.writeFileSync(at('m.json.lock'), holder(process.pid));
    const old = (Date.now() - STALE_AFTER_MS - 60_000) / 1000;
    fs.utimesSync(at('m.json.lock'), old, old);
    const warn = jest.fn();
    lockFile(dir, 'm.json', warn).release();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/m\.json\.lock was left by a run that did not finish \(it is \d+ minutes old\); taken over/));
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('an unreadable lock: held while fresh, taken over when over a minute old', () => {
    fs.writeFileSync(at('m.json.lock'), '{"pid": 12');
    expect(() => lockFile(dir, 'm.json', jest.fn())).toThrow(/is being updated by another run; this run wrote nothing/);
    const old = (Date.now() - 120_000) / 1000;
    fs.utimesSync(at('m.json.lock'), old, old);
    const warn = jest.fn();
    lockFile(dir, 'm.json', warn).release();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/unreadable and over a minute old/));
  });

  it('a folder that does not exist: an error naming the lock, not a crash', () => {
    expect(() => lockFile(dir, 'nowhere/m.json', jest.fn())).toThrow(/nowhere\/m\.json\.lock: could not be created/);
  });
});
