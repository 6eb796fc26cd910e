import * as fs from 'node:fs';
import type { HistoryIssue } from '../../core/history/add';
import { historyIssueText } from '../../core/messages';
import { readMaster } from '../../app/bi-master';
import { emptyHistory } from '../../core/history/parse';
import type { History } from '../../core/history/schema';
import { FileError } from '../errors';
import { readText, resolvePath, writeAtomic } from '../files';

export interface LoadedHistory {
  readonly history: History;
  /** The file's text as read, for the backup; undefined when the history is new. */
  readonly text?: string;
}

/** The BI master: read and validated (exit 2 naming the JSON path when bad), or a new, empty one when the file is absent. */
export function loadHistory(cwd: string, file: string, organisation: string): LoadedHistory {
  if (!/\.json$/i.test(file)) throw new FileError(file, 'the history (BI master) is a .json file');
  if (!fs.existsSync(resolvePath(cwd, file))) return { history: emptyHistory(organisation) };
  const text = readText(cwd, file);
  const read = readMaster(text, undefined);
  if (!read.ok) throw new FileError(file, read.reason);
  return { history: read.history, text };
}

/** An existing history, for commands that only read it: a missing file is an error here, not a new history. */
export function readHistory(cwd: string, file: string): History {
  if (!fs.existsSync(resolvePath(cwd, file))) throw new FileError(file, 'no such file');
  return loadHistory(cwd, file, '').history;
}

export function historyJsonText(h: History): string {
  return `${JSON.stringify(h, null, 2)}\n`;
}

/**
 * Write the new history atomically; the version it replaces is kept as FILE.bak first, so one
 * mistaken run can be undone by hand. The previous .bak is replaced.
 */
export function saveHistory(cwd: string, file: string, loaded: LoadedHistory, next: History): string | undefined {
  const backup = loaded.text !== undefined ? `${file}.bak` : undefined;
  if (backup !== undefined && loaded.text !== undefined) writeAtomic(cwd, backup, loaded.text, true);
  writeAtomic(cwd, file, historyJsonText(next), true);
  return backup;
}

export function historyIssueLine(i: HistoryIssue): string {
  return `  ${i.severity === 'error' ? 'error' : 'warning'} [${i.code}] ${historyIssueText(i)}`;
}
