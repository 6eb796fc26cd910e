/**
 * Cell geometry ⇄ A1 text, the one place either way. Plans, readers and renderers work in
 * numbers (`Rect`); A1 text is made here, by renderers (and by core only inside formula text, which
 * Excel reads as A1), and read back here.
 *
 * Conventions: rows and columns are 1-based, as Excel counts them (row 1, column 1 = `A1`);
 * columns run to 16,384 (`XFD`), rows to 1,048,576 (`MAX_COLS`, `MAX_ROWS` in ./grid).
 * A `Rect` is inclusive at both ends: `{ top: 2, left: 2, bottom: 10, right: 4 }` is `B2:D10`.
 */
import { MAX_COLS, MAX_ROWS } from './grid';

/** A rectangle of cells, 1-based and inclusive: `top`/`bottom` are rows, `left`/`right` columns. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A run of whole rows, 1-based and inclusive (print titles: `{ first: 4, last: 4 }` is `4:4`). */
export interface RowSpan {
  readonly first: number;
  readonly last: number;
}

/** Which parts of a reference carry `$`: `{ col: true }` is `$L15`, both is `$L$15`. */
export interface Anchor {
  readonly row?: boolean;
  readonly col?: boolean;
}

export const ABSOLUTE: Anchor = { row: true, col: true };

/** A rectangle from its corners; one cell when only `top` and `left` are given. */
export function rect(top: number, left: number, bottom: number = top, right: number = left): Rect {
  return { top, left, bottom, right };
}

/** The rectangle of `rows` × `cols` cells whose top-left cell is (`row`, `col`). */
export function rectAt(row: number, col: number, rows: number, cols: number): Rect {
  return { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 };
}

export function rectSize(r: Rect): { readonly rows: number; readonly cols: number } {
  return { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 };
}

export function contains(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

/** True when the two rectangles share at least one cell. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** The smallest rectangle holding both. */
export function union(a: Rect, b: Rect): Rect {
  return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
}

const isCol = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= MAX_COLS;
const isRow = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= MAX_ROWS;

/** Column number to letters: 1 → `A`, 26 → `Z`, 27 → `AA`, 16384 → `XFD`. Throws outside 1 … 16,384. */
export function columnLetters(col: number): string {
  if (!isCol(col)) throw new RangeError(`not a column number (1 to ${MAX_COLS}): ${col}`);
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters to column number, either case: `A` → 1, `AA` → 27, `XFD` → 16384. Throws when not a column. */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`not column letters: ${JSON.stringify(letters)}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n > MAX_COLS) throw new RangeError(`past the last column (XFD): ${letters}`);
  return n;
}

/** `F12`; `$F$12` with ABSOLUTE, `$F12` with `{ col: true }`. Throws outside the sheet. */
export function cellA1(row: number, col: number, anchor: Anchor = {}): string {
  if (!isRow(row)) throw new RangeError(`not a row number (1 to ${MAX_ROWS}): ${row}`);
  return `${anchor.col ? '$' : ''}${columnLetters(col)}${anchor.row ? '$' : ''}${row}`;
}

/** `4:4`, `4:6`; `$4:$4` with `absolute`. */
export function rowsA1(span: RowSpan, absolute = false): string {
  for (const r of [span.first, span.last]) if (!isRow(r)) throw new RangeError(`not a row number (1 to ${MAX_ROWS}): ${r}`);
  const $ = absolute ? '$' : '';
  return `${$}${span.first}:${$}${span.last}`;
}

/**
 * `B2:D10`; one cell as `B2`. A rectangle as wide as the sheet is written as rows (`4:4`), one as
 * tall as the sheet as columns (`A:C`), as Excel writes them. The anchor applies to both ends.
 */
export function rectA1(r: Rect, anchor: Anchor = {}): string {
  const wholeRows = r.left === 1 && r.right === MAX_COLS;
  const wholeCols = r.top === 1 && r.bottom === MAX_ROWS;
  if (wholeRows && !wholeCols) return rowsA1({ first: r.top, last: r.bottom }, anchor.row);
  if (wholeCols && !wholeRows) {
    const $ = anchor.col ? '$' : '';
    return `${$}${columnLetters(r.left)}:${$}${columnLetters(r.right)}`;
  }
  const first = cellA1(r.top, r.left, anchor);
  return r.top === r.bottom && r.left === r.right ? first : `${first}:${cellA1(r.bottom, r.right, anchor)}`;
}

/** `Q1`, `AB12`, `R1C1`, `R`, `C`, `TRUE`: unquoted, Excel would read these as a cell or a value, not a sheet. */
function looksLikeReference(name: string): boolean {
  return /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name) || /^(true|false)$/i.test(name);
}

/** A sheet name as a reference needs it: `Return`, but `'Return (2)'` and `'Bob''s sheet'` (quote doubled). */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !looksLikeReference(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `Return!F12`, `'Bob''s sheet'!$A$1:$B$3`: a rectangle on a named sheet. */
export function refA1(sheet: string, r: Rect, anchor: Anchor = {}): string {
  return `${quoteSheet(sheet)}!${rectA1(r, anchor)}`;
}

/** `Return!F12` from a sheet and a 1-based row and column. */
export function cellRefA1(sheet: string, row: number, col: number, anchor: Anchor = {}): string {
  return `${quoteSheet(sheet)}!${cellA1(row, col, anchor)}`;
}

/** `Return!F12` / `'Return (2)'!A1:B3` → sheet (unquoted) and local part; a bare `F12` has no sheet. */
export function splitRef(address: string): { readonly sheet?: string; readonly local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

function parseEnd(text: string): { row?: number; col?: number } | undefined {
  const m = /^\$?([A-Z]{0,3})\$?(\d{0,7})$/.exec(text);
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  // `$` only before letters or digits that are there: `$` alone or `A$` is not an address.
  if (/\$$/.test(text) || /\$\$/.test(text)) return undefined;
  const out: { row?: number; col?: number } = {};
  if (m[1]) {
    const col = m[1].split('').reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
    if (col > MAX_COLS) return undefined;
    out.col = col;
  }
  if (m[2]) {
    const row = Number(m[2]);
    if (!isRow(row)) return undefined;
    out.row = row;
  }
  return out;
}

/**
 * A1 text without a sheet → rectangle: `B2`, `B2:D10`, `D10:B2`, `4:4` (whole rows), `A:C` (whole
 * columns), with or without `$`, either case. Undefined when it is not one rectangle of the sheet.
 */
export function parseA1(local: string): Rect | undefined {
  const parts = local.trim().toUpperCase().split(':');
  if (parts.length > 2) return undefined;
  const a = parseEnd(parts[0] ?? '');
  const b = parseEnd(parts[1] ?? parts[0] ?? '');
  if (!a || !b) return undefined;
  // Both ends the same kind: a cell and a whole row do not make a range.
  const kind = (e: { row?: number; col?: number }): string => `${e.row !== undefined}${e.col !== undefined}`;
  if (kind(a) !== kind(b)) return undefined;
  // A whole row or column is written with both ends (`4:4`, `A:A`), never alone.
  if (parts.length === 1 && (a.row === undefined || a.col === undefined)) return undefined;
  const top = a.row ?? 1;
  const left = a.col ?? 1;
  const bottom = b.row ?? MAX_ROWS;
  const right = b.col ?? MAX_COLS;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/** `'Bob''s sheet'!A1:B3` → `{ sheet: "Bob's sheet", rect }`; a bare `A1` has no sheet. Undefined when not a reference. */
export function parseRef(address: string): { readonly sheet?: string; readonly rect: Rect } | undefined {
  const { sheet, local } = splitRef(address);
  const r = parseA1(local);
  if (!r) return undefined;
  return sheet === undefined ? { rect: r } : { sheet, rect: r };
}
