import { a1, a1Range, columnNumber, MAX_COLS, MAX_ROWS } from '../../core/grid';

/** A rectangle of cells, 1-based and inclusive. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly lastRow: number;
  readonly lastCol: number;
}

// Whole-row and whole-column references expand to the largest sheet Excel allows.
export { MAX_COLS, MAX_ROWS };

/** `Return!F12` / `'Return (2)'!A1:B3` → sheet and local part; a bare `F12` has no sheet. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** `B2`, `B2:D10`, `4:4`, `A:C` (with or without `$`) → a rectangle; undefined when not an address. */
export function parseRect(local: string): Rect | undefined {
  const clean = local.replace(/\$/g, '').toUpperCase();
  const parts = clean.split(':');
  if (parts.length > 2) return undefined;
  const a = parseEnd(parts[0] ?? '');
  const b = parseEnd(parts[1] ?? parts[0] ?? '');
  if (!a || !b) return undefined;
  const row = a.row ?? 1;
  const col = a.col ?? 1;
  const lastRow = b.row ?? MAX_ROWS;
  const lastCol = b.col ?? MAX_COLS;
  return { row: Math.min(row, lastRow), col: Math.min(col, lastCol), lastRow: Math.max(row, lastRow), lastCol: Math.max(col, lastCol) };
}

function parseEnd(text: string): { row?: number; col?: number } | undefined {
  const m = /^([A-Z]{0,3})(\d{0,7})$/.exec(text);
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  const out: { row?: number; col?: number } = {};
  if (m[1]) out.col = columnNumber(m[1]);
  if (m[2]) out.row = Number(m[2]);
  return out;
}

export function rectAddress(r: Rect): string {
  return r.row === r.lastRow && r.col === r.lastCol ? a1(r.row, r.col) : a1Range(r.row, r.col, r.lastRow, r.lastCol);
}

export function rectSize(r: Rect): { rows: number; cols: number } {
  return { rows: r.lastRow - r.row + 1, cols: r.lastCol - r.col + 1 };
}
