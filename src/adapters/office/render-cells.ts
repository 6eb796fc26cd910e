import { rect, rectA1 } from '../../core/address';
import type { CellBlock } from '../../core/plan/types';
import { cellInput, inputBytes } from './cell-input';
import type { XRange, XWorksheet } from '../../host/office-api';
import { toA1, toR1C1 } from '../../core/r1c1';

/** Estimated JSON bytes of one action in the request (object path, property name, value). */
export const OP_BYTES = 120;

/** Keeps each sync's request under the limit; `room` flushes first when the next action would pass it. */
export interface PayloadBudget {
  readonly max: number;
  room(bytes: number): Promise<void>;
}

/** One R1C1 formula written to a column run of a block: `first`…`last` are 0-based block rows. */
export interface ColumnFill {
  readonly col: number;
  readonly first: number;
  readonly last: number;
  readonly formulaR1C1: string;
  /** `covered[i]`: row i of the block gets its formula from the fill. */
  readonly covered: ReadonlySet<number>;
}

/**
 * Formula columns of a block as fills: in each column, the R1C1 form most cells share (the
 * template's RAG and helper formulas are one formula filled down). A run stops at a ragged
 * row (a cell the plan leaves alone); cells in the run with other values are written over it.
 * Only formulas that convert to R1C1 and back to the very same text are filled.
 */
export function columnFills(block: CellBlock): ColumnFill[] {
  const width = Math.max(0, ...block.values.map((r) => r.length));
  const fills: ColumnFill[] = [];
  for (let j = 0; j < width; j++) {
    const col = block.col + j;
    const forms: (string | undefined)[] = block.values.map((row, i) => {
      const v = row[j];
      if (v === null || typeof v !== 'object') return undefined;
      const text = cellInput(v) as string;
      const r1c1 = toR1C1(text, block.row + i, col);
      return r1c1 !== undefined && toA1(r1c1, block.row + i, col) === text ? r1c1 : undefined;
    });
    const counts = new Map<string, number>();
    for (const f of forms) if (f !== undefined) counts.set(f, (counts.get(f) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (!best || best[1] < 2) continue;
    let run: { first: number; last: number; covered: Set<number> } | undefined;
    const close = (): void => {
      if (run && run.covered.size > 1) fills.push({ col, first: run.first, last: run.last, formulaR1C1: best[0], covered: run.covered });
      run = undefined;
    };
    block.values.forEach((row, i) => {
      if (row[j] === undefined) return close();
      if (forms[i] !== best[0]) return;
      run ??= { first: i, last: i, covered: new Set() };
      run.last = i;
      run.covered.add(i);
    });
    close();
  }
  return fills;
}

/**
 * Blocks that continue one another (same first column, next row) as one block: one action
 * instead of one per row. Shorter rows are padded with cells left as they are, as before.
 */
export function coalesceBlocks(blocks: readonly CellBlock[]): CellBlock[] {
  const out: CellBlock[] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    if (last && last.col === b.col && last.row + last.values.length === b.row) out[out.length - 1] = { ...last, values: [...last.values, ...b.values] };
    else out.push(b);
  }
  return out;
}

/**
 * One value for every cell of a range, as the documentation writes it: a full 2-D array the size
 * of the range ("Use range.values with a two-dimensional array, even when you write to a single
 * cell": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values).
 * A bare value for a whole range is not documented. Returns the request bytes it adds.
 */
export function setEveryCell(range: XRange, rows: number, cols: number, key: 'formulasR1C1' | 'numberFormat' | 'values', value: string | number | boolean): void {
  const row = new Array<string | number | boolean>(cols).fill(value);
  range[key] = new Array<(string | number | boolean)[]>(rows).fill(row);
}

/** The JSON bytes of a `rows`×`cols` array of one value (what setEveryCell adds to the request). */
export function everyCellBytes(rows: number, cols: number, value: string | number | boolean): number {
  return rows * (cols * (JSON.stringify(value).length + 1) + 3);
}

/**
 * One block as `range.formulas` (constants and formulas alike), split by rows when it alone is
 * too big. With `fill`, formula columns are first written once as R1C1 fills and left null in the
 * array (null leaves a cell as it is), so a formula's text is sent once, not once per row.
 */
export async function writeBlock(sheet: XWorksheet, block: CellBlock, budget: PayloadBudget, fill: boolean, copyFrom = false): Promise<void> {
  const width = Math.max(0, ...block.values.map((r) => r.length));
  if (width === 0) return;
  const fills = fill ? columnFills(block) : [];
  for (const f of fills) await writeFill(sheet, block, f, budget, copyFrom);
  const filled = new Map<number, ColumnFill>(fills.map((f) => [f.col - block.col, f]));
  const max = budget.max;
  let start = 0;
  let rows: (string | number | boolean | null)[][] = [];
  let bytes = OP_BYTES;
  const flushRows = async (): Promise<void> => {
    if (rows.length === 0) return;
    await budget.room(bytes);
    const r = block.row + start;
    sheet.getRange(rectA1(rect(r, block.col, r + rows.length - 1, block.col + width - 1))).formulas = rows;
    start += rows.length;
    rows = [];
    bytes = OP_BYTES;
  };
  for (const [i, planRow] of block.values.entries()) {
    // A ragged row is padded with null: Office.js leaves those cells as they are.
    const row: (string | number | boolean | null)[] = [];
    let rowBytes = 2;
    for (let c = 0; c < width; c++) {
      const v = planRow[c];
      const input = v === undefined || filled.get(c)?.covered.has(i) ? null : cellInput(v);
      row.push(input);
      rowBytes += input === null ? 5 : inputBytes(input);
    }
    if (rows.length > 0 && bytes + rowBytes > max) await flushRows();
    rows.push(row);
    bytes += rowBytes;
  }
  await flushRows();
}

/**
 * A formula column run: with `copyFrom` (ExcelApi 1.9), the formula in the run's first cell and
 * `Range.copyFrom` of that cell, formulas only, over the rest ("if the destination range is an exact
 * multiple greater than the source range ... the source content is replicated", Excel.Range.copyFrom:
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-copyfrom-member(1)),
 * so the formula's text is sent once; else one R1C1 text per row, as a full 2-D array.
 */
async function writeFill(sheet: XWorksheet, block: CellBlock, f: ColumnFill, budget: PayloadBudget, copyFrom: boolean): Promise<void> {
  const top = block.row + f.first;
  const bottom = block.row + f.last;
  if (copyFrom) {
    await budget.room(OP_BYTES * 2 + f.formulaR1C1.length);
    const first = rectA1(rect(top, f.col));
    sheet.getRange(first).formulasR1C1 = [[f.formulaR1C1]];
    if (bottom > top) sheet.getRange(rectA1(rect(top + 1, f.col, bottom, f.col))).copyFrom(first, 'Formulas');
    return;
  }
  // Split so one array alone never passes the request limit.
  const per = Math.max(1, Math.floor((budget.max - OP_BYTES) / everyCellBytes(1, 1, f.formulaR1C1)));
  for (let r = top; r <= bottom; r += per) {
    const last = Math.min(bottom, r + per - 1);
    await budget.room(OP_BYTES + everyCellBytes(last - r + 1, 1, f.formulaR1C1));
    setEveryCell(sheet.getRange(rectA1(rect(r, f.col, last, f.col))), last - r + 1, 1, 'formulasR1C1', f.formulaR1C1);
  }
}
