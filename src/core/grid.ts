import type { ProductSheetKind } from './product-kind';

/**
 * A block of cell values read from a sheet, as both adapters can give it: Office.js
 * `range.values`/`numberFormat`, ExcelJS cell values. Dates arrive as Excel serial numbers with a
 * date number format; error values as `{ error: '#DIV/0!' }`; formulas as their cached result.
 */
/** The largest sheet Excel allows. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export type CellError = { readonly error: string };
export type CellValue = number | string | boolean | null | CellError;

export interface Grid {
  readonly sheet: string;
  /** Rows of values; `values[0][0]` is the cell at `origin` (A1 unless given). */
  readonly values: readonly (readonly CellValue[])[];
  /** Number formats, same shape as values where known (`0.0%`, `@`, `dd/mm/yyyy`). */
  readonly formats?: readonly (readonly (string | null | undefined)[])[];
  /** 1-based row and column of `values[0][0]`. */
  readonly origin?: { readonly row: number; readonly col: number };
  /** A sheet this product wrote (its marker, core/product-sheet): never read as a return. */
  readonly product?: ProductSheetKind;
  /** Cells holding a formula (A1 addresses, the first few), where the reader tells: values above are their cached results. */
  readonly formulaCells?: readonly string[];
  /**
   * What a reader sees of the sheet besides its cells (verify, issue 18.4), where the reader tells:
   * hidden rows and columns within A1 to the last value, the sheet's state, and whether it is the
   * sheet the workbook opens on.
   */
  readonly view?: SheetView;
}

export interface SheetView {
  readonly hiddenRows: readonly number[];
  readonly hiddenCols: readonly number[];
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  readonly opensFirst: boolean;
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** One cell as a file reader found it: 1-based row and column, its value and number format. */
export interface PlacedCell {
  readonly r: number;
  readonly c: number;
  readonly value: CellValue;
  readonly format: string | undefined;
}

/**
 * The most cells a Grid read from a file may span, A1 to the last value. A return is a few hundred
 * rows by a few dozen columns; a stray value typed far away (XFD1048576) would otherwise lay out a
 * dense grid of 17 billion cells.
 */
export const MAX_GRID_CELLS = 2_000_000;

const letters = (col: number): string => {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

/** The A1 address of a 1-based row and column. */
export const cellAddress = (row: number, col: number): string => `${letters(col)}${row}`;

/** Refuse, with a reason naming the sheet and the limit, a grid whose values reach too far from A1. */
export function checkGridExtent(sheet: string, rows: number, cols: number): void {
  if (rows * cols <= MAX_GRID_CELLS) return;
  const n = (x: number): string => x.toLocaleString('en-GB');
  throw new Error(`sheet "${sheet}" has values as far as row ${n(rows)} and column ${letters(cols)}, ${n(rows * cols)} cells from A1; `
    + `a return is a few hundred rows and at most ${n(MAX_GRID_CELLS)} cells are read: clear the stray cells far below or to the right and save again`);
}

/** A Grid from A1 to the last cell holding a value, formats alongside: where both .xlsx readers end. */
/** The last row and column a grid spans (1-based), A1 to its last value. */
export function gridExtent(grid: Grid): { rows: number; cols: number } {
  const { row, col } = grid.origin ?? { row: 1, col: 1 };
  let width = 0;
  for (const line of grid.values) width = Math.max(width, line.length);
  return { rows: grid.values.length === 0 ? 0 : row - 1 + grid.values.length, cols: width === 0 ? 0 : col - 1 + width };
}

export function gridFromCells(sheet: string, cells: readonly PlacedCell[]): Grid {
  let rows = 0;
  let cols = 0;
  for (const x of cells) if (x.value !== null) { rows = Math.max(rows, x.r); cols = Math.max(cols, x.c); }
  checkGridExtent(sheet, rows, cols);
  const values: CellValue[][] = Array.from({ length: rows }, () => Array<CellValue>(cols).fill(null));
  const formats: (string | null)[][] = Array.from({ length: rows }, () => Array<string | null>(cols).fill(null));
  for (const x of cells) {
    if (x.r > rows || x.c > cols) continue;
    (values[x.r - 1] as CellValue[])[x.c - 1] = x.value;
    (formats[x.r - 1] as (string | null)[])[x.c - 1] = x.format ?? null;
  }
  return { sheet, values, formats, origin: { row: 1, col: 1 } };
}
