import * as fs from 'node:fs';
import * as path from 'node:path';
import { signatureProblem } from '../adapters/exceljs/read';
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

export function readBytes(cwd: string, file: string): Uint8Array {
  try {
    return new Uint8Array(fs.readFileSync(resolvePath(cwd, file)));
  } catch (e) {
    throw new FileError(file, reasonOf(e));
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

/** Refuse to overwrite unless told to: the Never list. */
export function checkWritable(cwd: string, file: string, force: boolean): void {
  const full = resolvePath(cwd, file);
  if (fs.existsSync(full)) {
    if (fs.statSync(full).isDirectory()) throw new FileError(file, 'is a folder; give a file name');
    if (!force) throw new FileError(file, 'already exists; use --force to overwrite it');
  }
  const dir = path.dirname(full);
  if (!fs.existsSync(dir)) throw new FileError(file, `folder ${path.dirname(file)} does not exist`);
}

/**
 * Write through a temp file in the same folder, then rename: a reader never sees half a
 * workbook, and a failed run leaves the old file as it was.
 */
export function writeAtomic(cwd: string, file: string, data: Uint8Array | string, force: boolean): void {
  checkWritable(cwd, file, force);
  const full = resolvePath(cwd, file);
  const tmp = path.join(path.dirname(full), `.${path.basename(full)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx' });
    fs.renameSync(tmp, full);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new FileError(file, `could not be written (${reasonOf(e)})`);
  }
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
