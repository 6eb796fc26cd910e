import * as fs from 'node:fs';
import * as os from 'node:os';
import { FileError } from './errors';
import { resolvePath } from './files';

/**
 * One run at a time updates a file (the BI master): `FILE.lock` is created exclusively ('wx')
 * holding who holds it (process id, machine, since when); a second run finds it and stops before
 * writing anything. A lock whose process has gone (same machine, no such process) or that is older
 * than STALE_AFTER_MS is stale: it is taken over, with a warning. The holder removes it in a
 * finally block; a killed run leaves it, and the next run takes it over.
 */
export const STALE_AFTER_MS = 60 * 60 * 1000;

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

export interface Lock {
  readonly file: string;
  release(): void;
}

function holderOf(text: string): Holder | undefined {
  try {
    const h = JSON.parse(text) as Partial<Holder>;
    if (typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.since === 'string') return { pid: h.pid, host: h.host, since: h.since };
  } catch {
    // A lock half-written by a killed run: judged by its age alone.
  }
  return undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Why a lock is stale, or undefined when its holder may still be working. */
function staleReason(holder: Holder | undefined, ageMs: number): string | undefined {
  if (holder && holder.host === os.hostname() && !alive(holder.pid)) return `process ${holder.pid} that made it is no longer running`;
  if (ageMs > STALE_AFTER_MS) return `it is ${Math.round(ageMs / 60000)} minutes old`;
  if (!holder && ageMs > 60_000) return 'it is unreadable and over a minute old';
  return undefined;
}

/**
 * Lock `file` (as the user named it) for this run, or throw a FileError naming it when another
 * run holds the lock. `warn` gets one line when a stale lock is taken over.
 */
export function lockFile(cwd: string, file: string, warn: (line: string) => void): Lock {
  const full = `${resolvePath(cwd, file)}.lock`;
  const lockName = `${file}.lock`;
  const mine = `${JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() })}\n`;
  const busy = (text: string | undefined): FileError => {
    const h = text !== undefined ? holderOf(text) : undefined;
    const who = h ? ` (process ${h.pid} on ${h.host}, since ${h.since})` : '';
    return new FileError(file, `is being updated by another run${who}; this run wrote nothing. Run again when it has finished; if no other run is going, delete ${lockName}`);
  };
  const create = (): boolean => {
    try {
      fs.writeFileSync(full, mine, { flag: 'wx' });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw new FileError(lockName, `could not be created to lock ${file} (${(e as Error).message})`);
    }
  };
  if (!create()) {
    const text = readOrUndefined(full);
    let ageMs = 0;
    try {
      ageMs = Date.now() - fs.statSync(full).mtimeMs;
    } catch {
      // Gone meanwhile: try once more below.
    }
    const why = text === undefined ? 'it has just gone' : staleReason(holderOf(text), ageMs);
    if (why === undefined) throw busy(text);
    // Take it over: move it aside (only one run can), and check it is still the one judged stale.
    const aside = `${full}.${process.pid}.${Date.now()}.stale`;
    let moved = false;
    try {
      fs.renameSync(full, aside);
      moved = true;
    } catch {
      // Someone else took it over first.
    }
    if (moved) {
      const movedText = readOrUndefined(aside);
      if (movedText !== text) {
        // A fresh lock of another run: put it back (never over a newer one) and stop.
        try {
          fs.linkSync(aside, full);
        } catch {
          // A newer lock is there; that run holds the file.
        }
        fs.rmSync(aside, { force: true });
        throw busy(movedText);
      }
      fs.rmSync(aside, { force: true });
    }
    if (!create()) throw busy(readOrUndefined(full));
    if (text !== undefined) warn(`warning: ${lockName} was left by a run that did not finish (${why}); taken over`);
  }
  return {
    file: lockName,
    release() {
      if (readOrUndefined(full) === mine) fs.rmSync(full, { force: true });
    },
  };
}
