import type { Rect } from '../../core/address';
import type { FakeCell, FakeSheet, FakeWorkbookState } from '../fake-excel/state';
import { cssColour } from './colour';

/**
 * The fake workbook's state as Univer's workbook snapshot (IWorkbookData), written as plain data so
 * it is tested without loading Univer. Rows and columns are 0-based in Univer, 1-based in the fake.
 * Enum values are Univer 0.25.1's (core/lib/types/types/enum): BooleanNumber 1 = true,
 * HorizontalAlign left 1 / centre 2 / right 3, VerticalAlign top 1 / middle 2 / bottom 3,
 * WrapStrategy wrap 3, BorderStyleTypes thin 1 / medium 8 / thick 13, CellValueType string 1 / number 2 / boolean 3.
 */
export interface UStyle {
  bl?: 0 | 1;
  it?: 0 | 1;
  fs?: number;
  cl?: { rgb: string };
  bg?: { rgb: string };
  ht?: number;
  vt?: number;
  tb?: number;
  n?: { pattern: string };
  bd?: Partial<Record<'t' | 'b' | 'l' | 'r', { s: number; cl: { rgb: string } }>>;
}

export interface UCell {
  v?: string | number | boolean | null;
  f?: string;
  t?: 1 | 2 | 3;
  s?: UStyle;
}

export interface USheet {
  id: string;
  name: string;
  hidden: 0 | 1;
  tabColor: string;
  rowCount: number;
  columnCount: number;
  freeze: { xSplit: number; ySplit: number; startRow: number; startColumn: number };
  mergeData: { startRow: number; endRow: number; startColumn: number; endColumn: number }[];
  cellData: Record<number, Record<number, UCell>>;
  columnData: Record<number, { w?: number; hd?: 0 | 1 }>;
  rowData: Record<number, { h: number }>;
}

export interface UWorkbook {
  id: string;
  name: string;
  locale: string;
  styles: Record<string, never>;
  sheetOrder: string[];
  sheets: Record<string, USheet>;
}

/** Excel measures widths and heights in points, Univer in CSS pixels (96 per inch, 72 points per inch). */
export const pointsToPixels = (pt: number): number => Math.round((pt * 96) / 72);

const H_ALIGN: Readonly<Record<string, number>> = { Left: 1, Center: 2, CenterAcrossSelection: 2, Right: 3, Justify: 4, Distributed: 6 };
const V_ALIGN: Readonly<Record<string, number>> = { Top: 1, Center: 2, Bottom: 3, Justify: 2, Distributed: 2 };
/** Excel's border styles (XlLineStyle names in Office.js) to Univer's. */
const BORDER: Readonly<Record<string, number>> = { Continuous: 1, Dash: 4, DashDot: 5, DashDotDot: 6, Dot: 3, Double: 7, SlantDashDot: 12 };

/** Univer's sheet id for a fake sheet: its name would do, but ids must not change when a sheet is renamed. */
export const univerSheetId = (sheet: Pick<FakeSheet, 'id'>): string => sheet.id.replace(/[{}]/g, '');

function styleOf(cell: FakeCell | undefined, borders: UStyle['bd']): UStyle | undefined {
  const s: UStyle = {};
  if (cell?.bold) s.bl = 1;
  if (cell?.italic) s.it = 1;
  if (cell?.fontSize) s.fs = cell.fontSize;
  const font = cssColour(cell?.fontColor);
  if (font) s.cl = { rgb: font };
  const fill = cssColour(cell?.fill);
  if (fill) s.bg = { rgb: fill };
  if (cell?.hAlign && H_ALIGN[cell.hAlign]) s.ht = H_ALIGN[cell.hAlign];
  if (cell?.vAlign && V_ALIGN[cell.vAlign]) s.vt = V_ALIGN[cell.vAlign];
  if (cell?.wrap) s.tb = 3;
  if (cell?.numberFormat && cell.numberFormat !== 'General') s.n = { pattern: cell.numberFormat };
  if (borders && Object.keys(borders).length > 0) s.bd = borders;
  return Object.keys(s).length > 0 ? s : undefined;
}

/** A cell as Univer stores it: the formula (A1, as the fake keeps it) with its cached value, or the value. */
export function cellData(cell: FakeCell | undefined, borders?: UStyle['bd']): UCell | undefined {
  const out: UCell = {};
  if (cell?.formula !== undefined) out.f = cell.formula;
  const value = cell?.error ?? cell?.value;
  if (value !== null && value !== undefined && value !== '') {
    out.v = value;
    out.t = typeof value === 'number' ? 2 : typeof value === 'boolean' ? 3 : 1;
  }
  const s = styleOf(cell, borders);
  if (s) out.s = s;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The fake's border lines (`h:R:C` above row R, `v:R:C` left of column C) as each cell's own edges. */
export function bordersByCell(lines: ReadonlyMap<string, string>): Map<string, NonNullable<UStyle['bd']>> {
  const out = new Map<string, NonNullable<UStyle['bd']>>();
  const put = (row: number, col: number, edge: 't' | 'b' | 'l' | 'r', s: number): void => {
    if (row < 1 || col < 1) return;
    const key = `${row},${col}`;
    const bd = out.get(key) ?? {};
    bd[edge] = { s, cl: { rgb: '#000000' } };
    out.set(key, bd);
  };
  for (const [key, style] of lines) {
    const s = BORDER[style];
    if (!s) continue;
    const [kind, r, c] = key.split(':') as [string, string, string];
    const row = Number(r);
    const col = Number(c);
    // Each line is drawn on both cells it separates, as Excel shows it whichever cell is read.
    if (kind === 'h') { put(row, col, 't', s); put(row - 1, col, 'b', s); }
    else { put(row, col, 'l', s); put(row, col - 1, 'r', s); }
  }
  return out;
}

const bounds = (sheet: FakeSheet): { rows: number; cols: number } => {
  let rows = 0;
  let cols = 0;
  for (const key of sheet.cells.keys()) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    rows = Math.max(rows, r);
    cols = Math.max(cols, c);
  }
  for (const m of sheet.merges) { rows = Math.max(rows, m.bottom); cols = Math.max(cols, m.right); }
  return { rows, cols };
};

const toRange = (r: Rect): USheet['mergeData'][number] => ({ startRow: r.top - 1, endRow: r.bottom - 1, startColumn: r.left - 1, endColumn: r.right - 1 });

export function sheetData(sheet: FakeSheet): USheet {
  const { rows, cols } = bounds(sheet);
  const borders = bordersByCell(sheet.lines);
  const cells: USheet['cellData'] = {};
  const keys = new Set([...sheet.cells.keys(), ...borders.keys()]);
  for (const key of keys) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    const data = cellData(sheet.cells.get(key), borders.get(key));
    if (!data) continue;
    (cells[r - 1] ??= {})[c - 1] = data;
  }
  const columnData: USheet['columnData'] = {};
  for (const [c, w] of sheet.columnWidths) columnData[c - 1] = { w: pointsToPixels(w) };
  for (const c of sheet.hiddenColumns) columnData[c - 1] = { ...columnData[c - 1], hd: 1 };
  const rowData: USheet['rowData'] = {};
  for (const [r, h] of sheet.rowHeights) rowData[r - 1] = { h: pointsToPixels(h) };
  const { rows: fr, cols: fc } = sheet.freeze;
  return {
    id: univerSheetId(sheet),
    name: sheet.name,
    hidden: sheet.visibility === 'Visible' ? 0 : 1,
    tabColor: cssColour(sheet.tabColor) ?? '',
    // Room to type below and right of the content, as an Excel sheet has.
    rowCount: Math.max(rows + 50, 100),
    columnCount: Math.max(cols + 5, 26),
    freeze: fr || fc ? { xSplit: fc, ySplit: fr, startRow: fr, startColumn: fc } : { xSplit: 0, ySplit: 0, startRow: -1, startColumn: -1 },
    mergeData: sheet.merges.map(toRange),
    cellData: cells,
    columnData,
    rowData,
  };
}

export function workbookData(state: FakeWorkbookState, id = 'preview'): UWorkbook {
  const sheets: Record<string, USheet> = {};
  for (const s of state.sheets) sheets[univerSheetId(s)] = sheetData(s);
  return { id, name: 'Preview workbook', locale: 'enUS', styles: {}, sheetOrder: state.sheets.map(univerSheetId), sheets };
}
