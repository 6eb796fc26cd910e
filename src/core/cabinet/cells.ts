import type { PlanValue } from '../plan/types';
import type { CabinetModel, CabinetRow } from './model';
import type { CabinetValue } from './value';
import { COLUMNS, type ColumnKey } from './layout';

const orNull = (s: string): string | null => (s === '' ? null : s);
const valueCell = (v: CabinetValue): PlanValue => (v.value !== undefined ? v.value : orNull(v.text));

/** Direction of travel as an arrow and a word: the arrow is better or worse, not up or down. */
export const DIRECTION_ARROW: Readonly<Record<string, string>> = { Improving: '↑', Worsening: '↓', 'No change': '→' };

export function directionText(d: string): string {
  const arrow = DIRECTION_ARROW[d];
  return arrow ? `${arrow} ${d}` : d;
}

/** Characters of commentary kept for an indicator that is not Red or Amber (the exceptions and off-target rows keep it all). */
export const SHORT_COMMENTARY = 60;

/** `text` cut at a word to at most `max` characters, ending `…` when cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/**
 * The commentary cell of the indicator table: in full for Amber (and a conflict's note always); for
 * Red the start of it and a pointer to the Exceptions, where every Red's commentary and action are
 * in full; kept short otherwise, so the tables stay within their pages.
 */
export function tableCommentary(row: Pick<CabinetRow, 'commentary' | 'action' | 'conflict' | 'status'>): string {
  if (row.status === 'Amber') return commentaryText(row);
  const words = commentaryText({ commentary: row.commentary, action: row.action });
  const short = row.status === 'Red'
    ? `In full under Exceptions${words === '' ? '.' : `: ${shorten(words, SHORT_COMMENTARY - 26)}`}`
    : (words === '' ? '' : shorten(words, SHORT_COMMENTARY));
  return [row.conflict ?? '', short].filter((p) => p !== '').join('\n');
}

/**
 * Commentary and action in one wrapped cell, after the conflict note when returns disagreed; typed
 * text stays text, whatever it starts with.
 */
export function commentaryText(row: Pick<CabinetRow, 'commentary' | 'action' | 'conflict'>): string {
  const parts = [row.conflict ?? '', row.commentary.trim(), row.action.trim() ? `Action: ${row.action.trim()}` : ''].filter((p) => p !== '');
  return parts.join('\n');
}

export function dataPeriodText(row: Pick<CabinetRow, 'dataPeriod' | 'stale'>): string {
  return row.stale && row.dataPeriod ? `${row.dataPeriod} (earlier)` : row.dataPeriod;
}

/**
 * One indicator row as the Cabinet sheet writes it: the same cells the fingerprint reads back.
 * Target, Actual, Numerator, Denominator and Benchmark are numbers where they are numbers (the unit
 * in the number format); the benchmark's label is in the paper's notes.
 */
export function rowCells(row: CabinetRow): Readonly<Record<ColumnKey, PlanValue>> {
  let cells = CELLS.get(row);
  if (!cells) CELLS.set(row, (cells = cellsOf(row)));
  return cells;
}

/**
 * The cells of every row of the model's indicator tables, section by section, made once per model
 * and read by position: the plan reads them three times over (which columns to print, the data
 * fingerprint, the table), and a lookup per row by the row itself was a tenth of the plan's time at
 * 30,000 rows. The Red rows' cells are also kept by row, for the exceptions (the same rows again).
 */
export function sectionCells(model: CabinetModel): readonly (readonly Readonly<Record<ColumnKey, PlanValue>>[])[] {
  let out = MODEL_CELLS.get(model);
  if (!out) {
    out = model.sections.map((sec) => sec.rows.map((row) => {
      const known = CELLS.get(row);
      if (known) return known;
      const cells = cellsOf(row);
      if (row.status === 'Red') CELLS.set(row, cells);
      return cells;
    }));
    MODEL_CELLS.set(model, out);
  }
  return out;
}

const MODEL_CELLS = new WeakMap<CabinetModel, readonly (readonly Readonly<Record<ColumnKey, PlanValue>>[])[]>();

/**
 * Each row's cells, made once: the plan asks for them three times (which columns to print, the data
 * fingerprint, the table), and the commentary's shortening was a good part of the plan's time.
 * Rows are never changed once made (a row with a conflict note is a new object), so this is safe.
 */
const CELLS = new WeakMap<CabinetRow, Readonly<Record<ColumnKey, PlanValue>>>();

function cellsOf(row: CabinetRow): Readonly<Record<ColumnKey, PlanValue>> {
  return {
    ref: row.ref,
    indicator: row.statutory ? `${row.title} (statutory)` : row.title,
    service: row.service,
    target: row.targetValue ? valueCell(row.targetValue) : orNull(row.target),
    actual: valueCell(row.actual),
    numerator: valueCell(row.numerator),
    denominator: valueCell(row.denominator),
    rag: row.rag,
    dirPrevious: orNull(directionText(row.direction.previous)),
    dirLastYear: orNull(directionText(row.direction.lastYear)),
    dataPeriod: orNull(dataPeriodText(row)),
    benchmark: row.benchmarkValue ? valueCell(row.benchmarkValue) : orNull(row.benchmark),
    commentary: orNull(tableCommentary(row)),
  };
}

/** The number format of each number cell of an indicator row, by column. */
export function rowFormats(row: CabinetRow): Partial<Record<ColumnKey, CabinetValue>> {
  const out: Partial<Record<ColumnKey, CabinetValue>> = { actual: row.actual, numerator: row.numerator, denominator: row.denominator };
  if (row.targetValue) out.target = row.targetValue;
  if (row.benchmarkValue) out.benchmark = row.benchmarkValue;
  return out;
}

export function rowValues(row: CabinetRow): PlanValue[] {
  const cells = rowCells(row);
  return COLUMNS.map((c) => cells[c.key]);
}
