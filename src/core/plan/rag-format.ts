import { cellA1, rect, type Rect } from '../address';
import { RAG_STYLE, ragConditionalFormats } from './palette';
import type { SheetPlan, StyleRange } from './types';
import { HEADER, normaliseHeader } from '../return/layout';
import type { ReadReturn, ValidationResult } from '../return/types';

/**
 * RAG formatting for a validated return, as a partial sheet plan: with a RAG column, the live
 * colour rules on it and on Actual (keyed on the row's RAG cell); without one, each Actual cell
 * filled by the status validation found. Formatting only: no value is written.
 */
export function ragFormatPlan(read: ReadReturn, result: ValidationResult): SheetPlan {
  const empty: SheetPlan = { name: read.sheet, cells: [], styles: [], columns: [], validations: [], conditionalFormats: [] };
  if (read.rows.length === 0) return empty;
  const first = Math.min(...read.rows.map((r) => r.row));
  const last = Math.max(...read.rows.map((r) => r.row));
  const ragCol = read.columns[normaliseHeader(HEADER.rag)];
  const actualCol = read.columns[normaliseHeader(HEADER.actual)];
  if (ragCol !== undefined) {
    // Formula text: each rule reads the first row's RAG cell, column fixed for the Actual rule.
    const rules = [...ragConditionalFormats(rect(first, ragCol, last, ragCol), cellA1(first, ragCol), 0)];
    if (actualCol !== undefined) rules.push(...ragConditionalFormats(rect(first, actualCol, last, actualCol), cellA1(first, ragCol, { col: true }), 100));
    return { ...empty, conditionalFormats: rules };
  }
  const styles: StyleRange[] = [];
  for (const row of result.rows) {
    // A row's cell is its Actual's: the row it was read from, in the Actual column.
    const cell: Rect | undefined = row.cell !== undefined && row.row !== undefined && actualCol !== undefined ? rect(row.row, actualCol) : undefined;
    if (!cell) continue;
    const s = RAG_STYLE[row.status];
    styles.push({ range: cell, style: { fill: s.fill, fontColor: s.fontColor } });
  }
  return { ...empty, styles };
}
