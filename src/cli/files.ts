import * as fs from 'node:fs';
import * as path from 'node:path';
import { signatureProblem } from '../adapters/exceljs/signature';
import { FileError } from './errors';

/** A path as the user wrote it, resolved against the command's working folder. */
export function resolvePath(cwd: string, file: string): string {
  return path.resolve(cwd, file);
}

function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (e as Error).message ?? String(e);
}

/** The largest file any command reads: a return is well under a megabyte, a catalogue less. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * A file's bytes: only a regular file (not a device such as /dev/zero, a pipe or a socket, which
 * could run forever) and only up to MAX_INPUT_BYTES, checked before anything is read.
 */
export function readBytes(cwd: string, file: string): Uint8Array {
  let fd: number | undefined;
  try {
    fd = fs.openSync(resolvePath(cwd, file), fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new FileError(file, 'is a folder, not a file');
    if (!stat.isFile()) throw new FileError(file, 'is not a regular file (a device, pipe or socket); give a saved file');
    if (stat.size > MAX_INPUT_BYTES) {
      throw new FileError(file, `is ${Math.round(stat.size / 1024 / 1024)} MB, more than the ${MAX_INPUT_BYTES / 1024 / 1024} MB any return or catalogue needs`);
    }
    const bytes = new Uint8Array(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const n = fs.readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return at === bytes.length ? bytes : bytes.subarray(0, at);
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(file, reasonOf(e));
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function readText(cwd: string, file: string): string {
  return Buffer.from(readBytes(cwd, file)).toString('utf8');
}

/** An .xlsx is a zip: check the signature first, so a CSV, an .xls or an encrypted file gets a plain reason. */
export function checkXlsx(file: string, bytes: Uint8Array): void {
  if (bytes.length === 0) throw new FileError(file, 'is empty (0 bytes)');
  const problem = signatureProblem(bytes);
  if (problem) throw new FileError(file, problem);
}

/** A file the command reads, as the user named it, and what it is to the run ('the --catalogue', 'a return'). */
export interface Input {
  readonly file: string;
  readonly role: string;
}

/** Where a path really is: its real path (symlinks resolved, or its folder's when absent) and, when it exists, its device and inode (hard links). */
interface Identity {
  readonly real: string;
  readonly dev?: number;
  readonly ino?: number;
}

// realpath(3) in one call: the JS realpathSync lstat()s every folder on the way, and a consolidate
// checks each of its outputs against every return (issue 19: a tenth of a quarter's extra time).
const realpath = fs.realpathSync.native;

function identity(full: string): Identity {
  try {
    const real = realpath(full);
    const st = fs.statSync(real);
    return { real, dev: st.dev, ino: st.ino };
  } catch {
    try {
      return { real: path.join(realpath(path.dirname(full)), path.basename(full)) };
    } catch {
      return { real: full };
    }
  }
}

function samePlace(a: Identity, b: Identity): boolean {
  if (a.real === b.real) return true;
  return a.ino !== undefined && b.ino !== undefined && a.dev === b.dev && a.ino === b.ino;
}

/**
 * Inputs are never overwritten, whatever the flag: an output that is one of the run's inputs, by
 * the same path, a symlink to it, a path through a symlinked folder or a hard link, is refused
 * naming both (exit 2), --force or not.
 */
export function checkNotAnInput(cwd: string, file: string, inputs: readonly Input[]): void {
  if (inputs.length === 0) return;
  const out = identity(resolvePath(cwd, file));
  for (const input of inputs) {
    if (samePlace(out, identity(resolvePath(cwd, input.file)))) {
      const named = input.file === file ? input.role : `${input.role} ${input.file}`;
      throw new FileError(file, `is also an input (${named}); inputs are never overwritten, even with --force: choose another file to write`);
    }
  }
}

/** Refuse to overwrite unless told to: the Never list. An input is refused whatever `force` says. */
export function checkWritable(cwd: string, file: string, force: boolean, inputs: readonly Input[] = []): void {
  const full = resolvePath(cwd, file);
  checkNotAnInput(cwd, file, inputs);
  if (fs.existsSync(full)) {
    if (fs.statSync(full).isDirectory()) throw new FileError(file, 'is a folder; give a file name');
    if (!force) throw new FileError(file, 'already exists; use --force to overwrite it');
  }
  const dir = path.dirname(full);
  if (!fs.existsSync(dir)) throw new FileError(file, `folder ${path.dirname(file)} does not exist`);
}

let tempCount = 0;
const temps = new Set<string>();
function tempPathFor(full: string, kind: 'tmp' | 'old'): string {
  tempCount += 1;
  const temp = path.join(path.dirname(full), `.${path.basename(full)}.${process.pid}.${Date.now()}.${tempCount}.${kind}`);
  temps.add(temp);
  return temp;
}

/**
 * Remove every temp file this process made (staged outputs not yet in place, kept old versions):
 * on Ctrl+C. A temp path already renamed into place no longer exists, so a finished output stays.
 */
export function removeTempFiles(): void {
  for (const temp of temps) {
    try { fs.rmSync(temp, { force: true }); } catch { /* gone already, or not ours to remove */ }
  }
  temps.clear();
}

function removeQuietly(file: string | undefined): void {
  if (file !== undefined) fs.rmSync(file, { force: true });
}

/**
 * An output written in full to a temp file beside it, not yet in place. `commit` puts it there;
 * `undo` takes a committed file back (a new file removed, a replaced one restored), so a run
 * with several outputs writes all of them or none; `done` forgets what undo would need; `discard`
 * removes an uncommitted temp file.
 */
export interface StagedWrite {
  readonly file: string;
  commit(): void;
  undo(): void;
  done(): void;
  discard(): void;
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Write `data` to a temp file beside `file`, after the checks (inputs, --force, folder). Without
 * `force` the commit creates the file exclusively: it fails (naming the file) if another run made
 * it meanwhile, never replacing it.
 */
export function stageWrite(cwd: string, file: string, data: Uint8Array | string, force: boolean, inputs: readonly Input[] = []): StagedWrite {
  checkWritable(cwd, file, force, inputs);
  const full = resolvePath(cwd, file);
  const tmp = tempPathFor(full, 'tmp');
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx' });
  } catch (e) {
    removeQuietly(tmp);
    throw new FileError(file, `could not be written (${reasonOf(e)})`);
  }
  let state: 'staged' | 'created' | 'replaced' | 'gone' = 'staged';
  let kept: string | undefined;
  const createExclusively = (): void => {
    try {
      fs.linkSync(tmp, full);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (!NO_HARD_LINKS.has(code)) throw e;
      // A file system without hard links: claim the name exclusively, then rename over the claim.
      fs.closeSync(fs.openSync(full, 'wx'));
      try {
        fs.renameSync(tmp, full);
      } catch (renameError) {
        fs.rmSync(full, { force: true });
        throw renameError;
      }
      return;
    }
    fs.rmSync(tmp, { force: true });
  };
  return {
    file,
    commit() {
      try {
        if (force) {
          if (fs.existsSync(full)) {
            kept = tempPathFor(full, 'old');
            try {
              fs.linkSync(full, kept);
            } catch {
              kept = undefined;
            }
          }
          fs.renameSync(tmp, full);
          state = kept !== undefined ? 'replaced' : 'created';
        } else {
          createExclusively();
          state = 'created';
        }
      } catch (e) {
        removeQuietly(tmp);
        removeQuietly(kept);
        kept = undefined;
        state = 'gone';
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new FileError(file, 'appeared while this run was working (another run at the same time?); it was left as it is and this run wrote nothing. Run again, or use --force to replace it');
        }
        throw new FileError(file, `could not be written (${reasonOf(e)})`);
      }
    },
    undo() {
      if (state === 'created') fs.rmSync(full, { force: true });
      else if (state === 'replaced' && kept !== undefined) fs.renameSync(kept, full);
      kept = undefined;
      state = 'gone';
    },
    done() {
      removeQuietly(kept);
      kept = undefined;
    },
    discard() {
      if (state === 'staged') removeQuietly(tmp);
      state = 'gone';
    },
  };
}

/**
 * Commit several staged writes in order, all or none: when one fails, those already committed
 * are undone (a new file removed, a replaced one restored) and the rest discarded.
 */
export function commitAll(writes: readonly StagedWrite[]): void {
  const committed: StagedWrite[] = [];
  try {
    for (const w of writes) {
      w.commit();
      committed.push(w);
    }
  } catch (e) {
    for (const w of committed.reverse()) w.undo();
    for (const w of writes) w.discard();
    throw e;
  }
  for (const w of writes) w.done();
}

/**
 * Write through a temp file in the same folder, then rename: a reader never sees half a
 * workbook, and a failed run leaves the old file as it was. Without `force` the file is created
 * exclusively (another run making it meanwhile is an error, not a silent replacement).
 */
export function writeAtomic(cwd: string, file: string, data: Uint8Array | string, force: boolean, inputs: readonly Input[] = []): void {
  commitAll([stageWrite(cwd, file, data, force, inputs)]);
}

export function ensureDir(cwd: string, dir: string): void {
  try {
    fs.mkdirSync(resolvePath(cwd, dir), { recursive: true });
  } catch (e) {
    throw new FileError(dir, `could not be created (${reasonOf(e)})`);
  }
}

/** Entries in a folder, or undefined when it does not exist. */
export function listDir(cwd: string, dir: string): string[] | undefined {
  const full = resolvePath(cwd, dir);
  if (!fs.existsSync(full)) return undefined;
  if (!fs.statSync(full).isDirectory()) throw new FileError(dir, 'is a file, not a folder');
  return fs.readdirSync(full);
}

export function displayPath(file: string): string {
  return file.split(path.sep).join('/');
}
