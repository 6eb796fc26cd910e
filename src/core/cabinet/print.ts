/**
 * Print geometry for the Cabinet sheet: how tall a wrapped row must be and where a page would
 * end, so the plan can set every row height and break pages itself. Calibrated on LibreOffice's
 * PDF with Carlito (Calibri's metrics, as Excel draws Calibri): a 10 pt line of a wrapped cell takes
 * about 1.27 characters per Excel width unit, less a character of cell padding. A line is
 * 12.2 pt in Excel (LibreOffice sets lines closer, 10 pt), so a row fits Excel with nothing cut off
 * and is at most about a fifth taller than its text in LibreOffice.
 */
import type { PlanValue } from '../plan/types';

/** A4 landscape in points. */
export const PAGE = { width: 842, height: 595 } as const;
/** Inches, as the file format keeps them; the header and footer sit inside top and bottom. */
export const MARGINS = { left: 0.3, right: 0.3, top: 0.45, bottom: 0.45, header: 0.15, footer: 0.15 } as const;
export const BODY_FONT = 10;
/** Points per line of 10 pt Calibri in a wrapped cell, as Excel sets it. */
export const LINE = 12.2;
const PADDING = 0.8;
/** Characters of 10 pt Calibri/Carlito per Excel width unit (measured 1.25 to 1.33 on mixed-case text), less padding. */
const CHARS_PER_UNIT = 1.27;
/**
 * Of the page's room, what the plan fills before breaking: Excel rounds a fit-to-width zoom down to
 * a whole per cent and LibreOffice measures columns a little wider, so a page is never planned full.
 */
const SAFE_FILL = 0.985;

/** Points of one column of `width` Excel characters (Calibri 11: 7 px a character + 5 px padding). */
export function columnPoints(width: number): number {
  return (Math.trunc(width * 7) + 5) * 0.75;
}

/** The zoom a one-page-wide fit gives: printable width over the sheet's width, at most 100 %. */
export function fitScale(widths: readonly number[]): number {
  const printable = PAGE.width - 72 * (MARGINS.left + MARGINS.right);
  const total = widths.reduce((n, w) => n + columnPoints(w), 0);
  return Math.min(1, printable / total);
}

/** Sheet points that fit on one page's body at the fit-to-width zoom. */
export function pageCapacity(widths: readonly number[]): number {
  return (SAFE_FILL * (PAGE.height - 72 * (MARGINS.top + MARGINS.bottom))) / fitScale(widths);
}

/** Whether a UTF-16 unit is white space as a regular expression's `\s` has it. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Lines a text takes in a wrapped cell: greedy word wrap, long words broken. Each line (`\n`) is a
 * paragraph; words are runs of anything but white space. One pass over the characters, no word
 * list: the commentary cells are most of the Cabinet sheet's text.
 */
export function wrappedLines(text: string, width: number, fontSize = BODY_FONT): number {
  const perLine = Math.max(1, Math.floor(((width * CHARS_PER_UNIT - 1) * BODY_FONT) / fontSize));
  // Most cells are one short line: nothing to count (30,000 rows × 13 cells).
  if (text.length <= perLine && !text.includes('\n')) return 1;
  let lines = 0;
  let used = 0;
  let count = 1;
  let word = 0;
  const endWord = (): void => {
    if (word === 0) return;
    const need = used === 0 ? word : used + 1 + word;
    if (need <= perLine) used = need;
    else if (word <= perLine) {
      count += 1;
      used = word;
    } else {
      const extra = Math.ceil((word - (used === 0 ? 0 : perLine - used - 1)) / perLine);
      count += used === 0 ? extra - 1 : extra;
      used = word % perLine || perLine;
    }
    word = 0;
  };
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x0a;
    if (c === 0x0a) {
      endWord();
      lines += count;
      used = 0;
      count = 1;
    } else if (isSpace(c)) endWord();
    else word += 1;
  }
  return Math.max(1, lines);
}

/** Height in points of a row of wrapped cells, at most Excel's 409. */
export function rowHeightFor(values: readonly PlanValue[], widths: readonly number[], fontSize = BODY_FONT): number {
  let most = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'string' && v !== '') most = Math.max(most, wrappedLines(v, widths[i] ?? 10, fontSize));
  }
  const line = (LINE * fontSize) / BODY_FONT;
  return Math.min(409, Math.ceil((most * line + PADDING) * 2) / 2);
}

/** Rows that belong together: a heading and the rows under it. */
export interface PrintBlock {
  readonly first: number;
  readonly last: number;
  /** Rows that must share a page with the first, so a heading is never left alone at a page foot. */
  readonly keep: number;
}

/**
 * Rows after which to break the page: before a block that would fit on a page of its own but not
 * in what is left of this one, and before one whose first `keep` rows would not fit. Between those
 * the page ends where the sheet's own automatic break would fall. `heights[i]` is row i + 1's;
 * `repeatRow` is printed at the top of every page, so it is taken off every page's room.
 */
export function pageBreaks(heights: readonly number[], blocks: readonly PrintBlock[], capacity: number, repeatRow: number): number[] {
  const room = capacity - (heights[repeatRow - 1] ?? 0);
  const sum = (from: number, to: number): number => heights.slice(from - 1, to).reduce((n, h) => n + h, 0);
  const starts = new Map(blocks.map((b) => [b.first, b]));
  const breaks: number[] = [];
  let used = 0;
  heights.forEach((h, i) => {
    const row = i + 1;
    if (row === repeatRow) return;
    const b = starts.get(row);
    if (b && used > 0) {
      const total = sum(b.first, b.last);
      const kept = sum(b.first, Math.min(b.last, b.first + Math.max(1, b.keep) - 1));
      if ((total <= room && used + total > room) || used + kept > room) {
        breaks.push(row - 1);
        used = 0;
      }
    }
    if (used > 0 && used + h > room) used = 0;
    used += h;
  });
  return breaks;
}
