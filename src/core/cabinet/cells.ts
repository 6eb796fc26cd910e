import type { PlanValue } from '../plan/types';
import type { CabinetRow } from './model';
import type { CabinetValue } from './value';
import { COLUMNS, type ColumnKey } from './layout';

const orNull = (s: string): string | null => (s === '' ? null : s);
const valueCell = (v: CabinetValue): PlanValue => (v.value !== undefined ? v.value : orNull(v.text));

/**
 * Commentary and action in one wrapped cell, after the conflict note when returns disagreed; typed
 * text stays text, whatever it starts with.
 */
export function commentaryText(row: Pick<CabinetRow, 'commentary' | 'action' | 'conflict'>): string {
  const parts = [row.conflict ?? '', row.commentary.trim(), row.action.trim() ? `Action: ${row.action.trim()}` : ''].filter((p) => p !== '');
  return parts.join('\n');
}

export function dataPeriodText(row: Pick<CabinetRow, 'dataPeriod' | 'stale'>): string {
  return row.stale && row.dataPeriod ? `${row.dataPeriod} (earlier data)` : row.dataPeriod;
}

/** One indicator row as the Cabinet sheet writes it: the same cells the fingerprint reads back. */
export function rowCells(row: CabinetRow): Record<ColumnKey, PlanValue> {
  return {
    ref: row.ref,
    indicator: row.statutory ? `${row.title} (statutory)` : row.title,
    service: row.service,
    target: orNull(row.target),
    actual: valueCell(row.actual),
    numerator: valueCell(row.numerator),
    denominator: valueCell(row.denominator),
    rag: row.rag,
    dirPrevious: orNull(row.direction.previous),
    dirLastYear: orNull(row.direction.lastYear),
    dataPeriod: orNull(dataPeriodText(row)),
    benchmark: orNull(row.benchmark),
    commentary: orNull(commentaryText(row)),
  };
}

export function rowValues(row: CabinetRow): PlanValue[] {
  const cells = rowCells(row);
  return COLUMNS.map((c) => cells[c.key]);
}
