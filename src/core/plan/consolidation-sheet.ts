import type { Consolidation } from '../consolidate-types';
import { cellA1, rect } from '../address';
import { ragConditionalFormats, ragLabel } from './palette';
import type { PlanValue, SheetPlan } from './types';

export const SCORECARD_SHEET = 'Scorecard';

const HEADERS = ['Ref', 'Actual', 'RAG', 'Direction', 'Commentary', 'Action', 'File', 'Sheet', 'Cell'] as const;
const WIDTHS = [10, 12, 14, 14, 50, 50, 28, 14, 14];

/**
 * The consolidated rows with their provenance (file, sheet, cell), then conflicts and missing
 * returns: the BI team's working sheet, not the Cabinet paper (no protection, no suppression).
 */
export function scorecardPlan(c: Consolidation): SheetPlan {
  const head: PlanValue[][] = [[`Consolidated scorecard ${c.period}`], [`${c.files.length} return(s); ${c.rows.length} indicator(s); ${c.conflicts.length} conflict(s); ${c.missing.length} missing`], [], [...HEADERS]];
  const headerRow = head.length;
  const rows: PlanValue[][] = c.rows.map((r) => [r.ref, r.actual, ragLabel(r.status), r.direction, r.commentary ?? '', r.action ?? '', r.file, r.sheet, r.cell ?? '']);
  const after: PlanValue[][] = [[], ['Conflicts'], ...c.conflicts.flatMap((k) => k.values.map((v) => [k.ref, v.actual, v.status, '', '', '', v.file, '', v.cell ?? ''] as PlanValue[])), [], ['Missing returns'], ...c.missing.map((m) => [m] as PlanValue[])];
  const first = headerRow + 1;
  const last = headerRow + Math.max(1, rows.length);
  const ragRange = rect(first, 3, last, 3);
  return {
    name: SCORECARD_SHEET,
    cells: [{ row: 1, col: 1, values: [...head, ...rows, ...after] }],
    styles: [
      { range: rect(1, 1), style: { bold: true, fontSize: 14 } },
      { range: rect(headerRow, 1, headerRow, HEADERS.length), style: { bold: true, fill: '#1D4F91', fontColor: '#FFFFFF' } },
      { range: rect(first, 5, last, 6), style: { wrap: true, vAlign: 'top' } },
      { range: rect(headerRow + rows.length + 2, 1), style: { bold: true } },
    ],
    columns: WIDTHS.map((width, i) => ({ col: i + 1, width })),
    validations: [],
    conditionalFormats: rows.length > 0 ? ragConditionalFormats(ragRange, cellA1(first, 3), 0) : [],
    freeze: { rows: headerRow, cols: 1 },
    marker: 'scorecard',
  };
}
