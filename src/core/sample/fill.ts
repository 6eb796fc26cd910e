/**
 * Fill a Return sheet plan with entries, as a lead would type them: columns found by header name
 * inside the plan's cells (never by position), values written only to entry columns.
 */
import { normaliseHeader, HEADER } from '../return/layout';
import { isPercentFormat } from '../return/values';
import { contains } from '../address';
import type { CellBlock, PlanValue, SheetPlan } from '../plan/types';
import type { QualitativeStatus } from '../catalogue/schema';
import { textRowHeights } from '../plan/row-heights';
import { RETURN_FONT } from '../plan/template';

/** One indicator's entry. Absent fields are left as the template had them. */
export interface ReturnEntry {
  readonly ref: string;
  readonly actual?: number | string | null;
  readonly status?: QualitativeStatus | null;
  readonly numerator?: number | null;
  readonly denominator?: number | null;
  readonly commentary?: string | null;
  readonly action?: string | null;
  /** Shown in the Indicator column when the ref has no row and one is added. */
  readonly title?: string;
}

const ENTRY_FIELDS = ['actual', 'status', 'numerator', 'denominator', 'commentary', 'action'] as const;

type CellMap = Map<string, PlanValue>;
const key = (row: number, col: number): string => `${row},${col}`;

function cellMap(blocks: readonly CellBlock[]): CellMap {
  const map: CellMap = new Map();
  for (const b of blocks) b.values.forEach((r, i) => r.forEach((v, j) => map.set(key(b.row + i, b.col + j), v)));
  return map;
}

interface MutableBlock { row: number; col: number; values: PlanValue[][] }

/** Write one value in place: into the block that covers the cell, else as a new one-cell block. */
function setCell(blocks: MutableBlock[], row: number, col: number, value: PlanValue): void {
  const b = blocks.find((x) => row >= x.row && row < x.row + x.values.length && col >= x.col && col < x.col + (x.values[row - x.row]?.length ?? 0));
  const line = b?.values[row - b.row];
  if (b === undefined || line === undefined) blocks.push({ row, col, values: [[value]] });
  else line[col - b.col] = value;
}

/** The sheet with the entries typed in, and label values (Prepared by, Signed off by …) beside their labels. */
export function fillReturnPlan(plan: SheetPlan, entries: readonly ReturnEntry[], labels: Readonly<Record<string, PlanValue>> = {}): SheetPlan {
  // One copy up front, then writes in place: copying a block per entry made large fills quadratic.
  const blocks: MutableBlock[] = plan.cells.map((b) => ({ ...b, values: b.values.map((r) => [...r]) }));
  const cells = [...cellMap(blocks)].map(([k, v]) => {
    const [r = 0, c = 0] = k.split(',').map(Number);
    return { r, c, v };
  });
  const refHeader = normaliseHeader(HEADER.ref);
  const isText = (v: PlanValue, want: string): boolean => typeof v === 'string' && normaliseHeader(v) === want;
  const headerRow = Math.min(...cells.filter((x) => isText(x.v, refHeader)).map((x) => x.r));
  if (!Number.isFinite(headerRow)) throw new Error('fillReturnPlan: the plan has no Ref header');
  const columns = new Map<string, number>();
  for (const x of cells) if (x.r === headerRow && typeof x.v === 'string' && !columns.has(normaliseHeader(x.v))) columns.set(normaliseHeader(x.v), x.c);
  const refCol = columns.get(refHeader) ?? 1;
  const rowsByRef = new Map<string, number>();
  let lastRow = headerRow;
  for (const x of cells) {
    if (x.r > headerRow && x.c === refCol && typeof x.v === 'string' && x.v.trim() !== '') {
      rowsByRef.set(x.v.trim().toUpperCase(), x.r);
      lastRow = Math.max(lastRow, x.r);
    }
  }
  for (const entry of entries) {
    let row = rowsByRef.get(entry.ref.toUpperCase());
    if (row === undefined) {
      row = ++lastRow;
      rowsByRef.set(entry.ref.toUpperCase(), row);
      setCell(blocks, row, refCol, entry.ref);
      const titleCol = columns.get(normaliseHeader(HEADER.indicator));
      if (titleCol !== undefined && entry.title) setCell(blocks, row, titleCol, entry.title);
    }
    for (const field of ENTRY_FIELDS) {
      const value = entry[field];
      const col = columns.get(normaliseHeader(HEADER[field]));
      if (value === undefined || col === undefined) continue;
      const percentCell = plan.styles.some((s) => isPercentFormat(s.style.numFmt) && contains(s.range, row, col));
      setCell(blocks, row, col, percentCell && typeof value === 'number' ? value / 100 : value);
    }
  }
  for (const [label, value] of Object.entries(labels)) {
    for (const x of cells) if (x.r < headerRow && isText(x.v, normaliseHeader(label))) setCell(blocks, x.r, x.c + 1, value);
  }
  // Rows grow with the commentary and action typed in (a template's heights fit its own text only).
  const rowHeights = plan.rowHeights && [
    ...plan.rowHeights.filter((h) => h.row <= headerRow),
    ...textRowHeights({ ...plan, cells: blocks }, headerRow + 1, lastRow, RETURN_FONT, 2),
  ];
  return { ...plan, cells: blocks, ...(rowHeights ? { rowHeights } : {}) };
}
