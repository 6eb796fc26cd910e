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

/** Excel applies a single value to every cell of the range (documented; Office.js types only the array). */
export function setEveryCell(range: XRange, key: 'formulasR1C1' | 'numberFormat' | 'values', value: string | number | boolean): void {
  (range as unknown as Record<typeof key, unknown>)[key] = value;
}

/**
 * One block as `range.formulas` (constants and formulas alike), split by rows when it alone is
 * too big. With `fill`, formula columns are first written once as R1C1 fills and left null in the
 * array (null leaves a cell as it is), so a formula's text is sent once, not once per row.
 */
export async function writeBlock(sheet: XWorksheet, block: CellBlock, budget: PayloadBudget, fill: boolean): Promise<void> {
  const width = Math.max(0, ...block.values.map((r) => r.length));
  if (width === 0) return;
  const fills = fill ? columnFills(block) : [];
  for (const f of fills) {
    await budget.room(OP_BYTES + f.formulaR1C1.length);
    setEveryCell(sheet.getRange(rectA1(rect(block.row + f.first, f.col, block.row + f.last, f.col))), 'formulasR1C1', f.formulaR1C1);
  }
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
