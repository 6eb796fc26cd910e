import type { CellValue, Grid } from '../../core/grid';
import { parseA1, splitRef } from '../../core/address';
import { markProductGrids, type DefinedName } from '../../core/product-sheet';
import type { XContext, XRange, XWorksheet } from '../../host/office-api';

/**
 * Queue the one load a grid needs (values, number formats, value types and address of the used
 * range, values only, and the sheet's own defined names, where the pane's product marker is);
 * after the caller's sync, the returned function gives the Grid, or undefined when the sheet is
 * missing or empty.
 */
export function loadGrid(sheet: XWorksheet): () => Grid | undefined {
  sheet.load('name, isNullObject');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(['address', 'values', 'numberFormat', 'valueTypes', 'isNullObject']);
  sheet.names.load('items/name');
  return () => loadedGrid(sheet, used);
}

/** Only after the sync that carried loadGrid's load. */
function loadedGrid(sheet: XWorksheet, used: XRange): Grid | undefined {
  if (sheet.isNullObject || used.isNullObject) return undefined;
  const grid = toGrid(sheet.name, used.address, used.values, used.numberFormat, used.valueTypes);
  return markProductGrids([grid], sheet.names.items.map((n) => ({ name: n.name, ref: '', scope: sheet.name })))[0];
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
