import type { CellValue, Grid } from '../../core/grid';
import { parseA1, rect, rectA1, rectSize, splitRef, type Rect } from '../../core/address';
import { returnShape } from '../../core/return/read';
import { type DefinedName, markProductGrids } from '../../core/product-sheet';
import type { XContext, XRange, XWorksheet } from '../../host/office-api';

/**
 * Excel on the web limits a response to 5 MB, and any get to five million cells
 * (https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices;
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-large): a return of 10,000
 * rows loaded whole (values, number formats and value types of every column) is about 7 MB. So a
 * sheet is read as core reads it: first the top of the sheet (`HEAD`: the template's header is at
 * row 14, its labels and sign-off above it), in the caller's own read sync; then, only for a
 * return, the columns the reader takes below its header, in blocks of `BLOCK_CELLS` cells, one sync
 * each (so syncs grow with the data, about one per 5,000 rows, never per row). A block refused for
 * its size is read again in halves, as the large-ranges guide advises. Cells not read stay null in
 * the Grid: core never looks at them (core/return/read `returnShape`).
 */
export const HEAD = { rows: 40, cols: 32 } as const;
export const BLOCK_CELLS = 40_000;

/** Where the caller is after its sync: the sheet's own names, and the rest of the grid to read. */
export interface PendingGrid {
  /** The sheet's own defined names (after the caller's sync). */
  names(): string[];
  /** Read what core needs, in blocks; `mark` adds product markers. Undefined when the sheet is missing or empty. */
  finish(ctx: XContext, mark?: (grid: Grid) => Grid): Promise<Grid | undefined>;
}

type Loaded = Pick<XRange, 'values' | 'numberFormat' | 'valueTypes'>;

function loadCells(range: XRange): XRange {
  range.load(['values', 'numberFormat', 'valueTypes']);
  return range;
}

/**
 * Queue the first look at a sheet (name, the used range's address, the sheet's names, and the
 * top-left `HEAD` of the sheet's cells), to ride in the caller's read sync.
 */
export function loadGrid(sheet: XWorksheet): PendingGrid {
  sheet.load('name, isNullObject');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(['address', 'isNullObject']);
  const head = loadCells(sheet.getRange(rectA1(rect(1, 1, HEAD.rows, HEAD.cols))));
  sheet.names.load('items/name');
  return {
    names: () => (sheet.isNullObject ? [] : sheet.names.items.map((n) => n.name)),
    finish: (ctx, mark = (g) => g) => finishGrid(ctx, sheet, used, head, mark),
  };
}

async function finishGrid(ctx: XContext, sheet: XWorksheet, used: XRange, head: Loaded, byWorkbook: (grid: Grid) => Grid): Promise<Grid | undefined> {
  if (sheet.isNullObject || used.isNullObject) return undefined;
  // The pane's product marker is a name scoped to its sheet; the command line's, the workbook's.
  const own = sheet.names.items.map((n) => ({ name: n.name, ref: '', scope: sheet.name }));
  const mark = (g: Grid): Grid => byWorkbook(markProductGrids([g], own)[0] ?? g);
  const u = parseA1(splitRef(used.address).local);
  if (!u) return undefined;
  const { rows, cols } = rectSize(u);
  const values: CellValue[][] = Array.from({ length: rows }, () => Array<CellValue>(cols).fill(null));
  const formats: (string | null)[][] = Array.from({ length: rows }, () => Array<string | null>(cols).fill(null));
  const put = (at: Rect, cells: Loaded): void => {
    const g = toGrid(sheet.name, rectA1(at), cells.values, cells.numberFormat, cells.valueTypes);
    g.values.forEach((line, i) => line.forEach((v, j) => {
      const r = at.top + i - u.top;
      const c = at.left + j - u.left;
      if (r < 0 || c < 0 || r >= rows || c >= cols) return;
      (values[r] as CellValue[])[c] = v;
      (formats[r] as (string | null)[])[c] = g.formats?.[i]?.[j] ?? null;
    }));
  };
  const window = rect(1, 1, HEAD.rows, HEAD.cols);
  put(window, head);
  const grid = (): Grid => ({ sheet: sheet.name, values, formats, origin: { row: u.top, col: u.left } });
  const headOf = (bottom: number): Grid => ({ sheet: sheet.name, values: values.slice(0, bottom - u.top + 1), formats: formats.slice(0, bottom - u.top + 1), origin: { row: u.top, col: u.left } });
  // Rows read across the whole used width so far (the window covers it when the sheet is narrow).
  let fullTo = u.right <= window.right ? Math.min(u.bottom, window.bottom) : u.top - 1;
  // A sheet this product wrote is never read as a return: its head is enough.
  if (mark(headOf(u.top)).product) return mark(grid());
  let shape = fullTo >= u.top ? returnShape(headOf(fullTo)) : undefined;
  // The header is further down (or the sheet is wider than the window): read whole rows until it shows.
  while (!shape && fullTo < u.bottom) {
    const per = Math.max(1, Math.floor(BLOCK_CELLS / cols));
    const block = rect(fullTo + 1, u.left, Math.min(u.bottom, fullTo + per), u.right);
    await readBlocks(ctx, sheet, [block], put);
    fullTo = block.bottom;
    shape = returnShape(headOf(fullTo));
  }
  if (!shape) return mark(grid());
  // The rows down to the header, across the whole width (labels, duplicate headers).
  if (fullTo < shape.headerRow) {
    await readBlocks(ctx, sheet, rowBlocks(rect(fullTo + 1, u.left, shape.headerRow, u.right)), put);
    fullTo = shape.headerRow;
    shape = returnShape(headOf(fullTo)) ?? shape;
  }
  // Below the header: only the reader's columns, as runs of adjacent columns, in row blocks.
  const headerRow = shape.headerRow;
  const start = (c: number): number => Math.max(headerRow + 1, fullTo + 1, c <= window.right ? window.bottom + 1 : 0);
  const runs: Rect[] = [];
  for (const c of shape.columns) {
    const last = runs[runs.length - 1];
    const top = start(c);
    if (top > u.bottom) continue;
    if (last && last.right + 1 === c && last.top === top) runs[runs.length - 1] = { ...last, right: c };
    else runs.push(rect(top, c, u.bottom, c));
  }
  const width = runs.reduce((n, r) => n + rectSize(r).cols, 0);
  if (width > 0) {
    const per = Math.max(1, Math.floor(BLOCK_CELLS / width));
    const first = Math.min(...runs.map((r) => r.top));
    for (let top = first; top <= u.bottom; top += per) {
      const bottom = Math.min(u.bottom, top + per - 1);
      const parts = runs.filter((r) => r.top <= bottom).map((r) => ({ ...r, top: Math.max(r.top, top), bottom }));
      await readBlocks(ctx, sheet, parts, put);
    }
  }
  return mark(grid());
}

/** Whole-row rectangles of at most BLOCK_CELLS cells. */
function rowBlocks(r: Rect): Rect[] {
  const per = Math.max(1, Math.floor(BLOCK_CELLS / rectSize(r).cols));
  const out: Rect[] = [];
  for (let top = r.top; top <= r.bottom; top += per) out.push({ ...r, top, bottom: Math.min(r.bottom, top + per - 1) });
  return out;
}

/** Load rectangles in one sync; a sync refused for its response size is read again in halves. */
async function readBlocks(ctx: XContext, sheet: XWorksheet, parts: readonly Rect[], put: (at: Rect, cells: Loaded) => void): Promise<void> {
  const ranges = parts.map((r) => ({ r, range: loadCells(sheet.getRange(rectA1(r))) }));
  try {
    await ctx.sync();
  } catch (e) {
    const tall = parts.some((r) => r.bottom > r.top);
    if ((e as { code?: string }).code !== 'ResponsePayloadSizeLimitExceeded' || !tall) throw e;
    for (const r of parts) {
      const mid = Math.floor((r.top + r.bottom) / 2);
      await readBlocks(ctx, sheet, r.bottom > r.top ? [{ ...r, bottom: mid }, { ...r, top: mid + 1 }] : [r], put);
    }
    return;
  }
  for (const { r, range } of ranges) put(r, range);
}

/**
 * Queue a load of the workbook's defined names (ExcelApi 1.1 `name` and `value`: a named range's
 * value is its address), to ride in the caller's sync; afterwards the returned function marks the
 * grids a product marker points into (a Cabinet workbook written by the command line, opened here).
 */
export function loadWorkbookMarkers(ctx: XContext): (grids: readonly (Grid | undefined)[]) => Grid[] {
  const names = ctx.workbook.names;
  names.load('items/name,items/value');
  return (grids) => {
    const defined: DefinedName[] = names.items.map((n) => ({ name: n.name, ref: typeof n.value === 'string' ? n.value : '' }));
    return markProductGrids(grids.filter((g): g is Grid => g !== undefined), defined);
  };
}

/** Office.js ranges as a Grid: error cells (`#DIV/0!`, valueType Error) become `{ error }`. */
export function toGrid(sheetName: string, address: string, values: unknown[][], formats: unknown[][], types: readonly (readonly string[])[]): Grid {
  const rect = parseA1(splitRef(address).local);
  const out: CellValue[][] = values.map((row, r) =>
    row.map((v, c) => {
      if (types[r]?.[c] === 'Error') return { error: String(v) };
      if (v === '' || v === null || v === undefined) return null;
      return typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
    }),
  );
  const fmts = formats.map((row) => row.map((f) => (typeof f === 'string' ? f : null)));
  return { sheet: sheetName, values: out, formats: fmts, origin: { row: rect?.top ?? 1, col: rect?.left ?? 1 } };
}

/** Activate the sheet and select the cell of an issue (`Return!F12`, `'Return (2)'!F12`). */
export async function selectCell(ctx: XContext, address: string): Promise<void> {
  const { sheet, local } = splitRef(address);
  const ws = sheet ? ctx.workbook.worksheets.getItem(sheet) : ctx.workbook.worksheets.getActiveWorksheet();
  ws.activate();
  ws.getRange(local).select();
  await ctx.sync();
}
