import * as fs from 'node:fs';
import type { HistoryIssue } from '../../core/history/add';
import { historyIssueText } from '../../core/messages';
import { readMaster } from '../../app/bi-master';
import { emptyHistory } from '../../core/history/parse';
import type { History } from '../../core/history/schema';
import { FileError } from '../errors';
import { readText, resolvePath, stageWrite, type Input, type StagedWrite } from '../files';

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
 * The new history, staged beside the master for the caller to commit with its other outputs; the
 * version it replaces is kept as FILE.bak first, so one mistaken run can be undone by hand. The
 * previous .bak is replaced. Neither may be a file the run reads (`inputs`).
 */
export function stageHistory(cwd: string, file: string, loaded: LoadedHistory, next: History, inputs: readonly Input[]): { readonly writes: StagedWrite[]; readonly backup?: string } {
  const backup = loaded.text !== undefined ? `${file}.bak` : undefined;
  const writes: StagedWrite[] = [];
  try {
    if (backup !== undefined && loaded.text !== undefined) writes.push(stageWrite(cwd, backup, loaded.text, true, [...inputs, { file, role: 'the --history BI master' }]));
    writes.push(stageWrite(cwd, file, historyJsonText(next), true, inputs));
  } catch (e) {
    for (const w of writes) w.discard();
    throw e;
  }
  return { writes, ...(backup !== undefined ? { backup } : {}) };
}

export function historyIssueLine(i: HistoryIssue): string {
  return `  ${i.severity === 'error' ? 'error' : 'warning'} [${i.code}] ${historyIssueText(i)}`;
}
