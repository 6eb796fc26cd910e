/**
 * Row heights from the text a plan holds: LibreOffice prints a row at the height the file gives
 * (it does not grow a row for wrapped text on opening), and Excel keeps a height it is given, so a
 * plan whose rows wrap must say how tall each row is, or wrapped text runs over the row below.
 */
import { contains } from '../address';
import { rowHeightFor } from '../cabinet/print';
import type { SheetPlan } from './types';

export interface RowHeight { readonly row: number; readonly height: number }

/**
 * Excel characters taken off a column's width before measuring its text: LibreOffice lays text out
 * at the printed zoom and wraps a line that only just fits the estimate (print.ts wrappedLines) one
 * word early, so a row measured at full width can come out a line short and run over the next.
 */
export const WRAP_SLACK = 1.5;

/**
 * Each row from `first` to `last`: as tall as the most lines any wrapped cell's text takes in its
 * column's width (in `fontSize` points), and at least `minLines` lines. Hidden columns never count.
 */
export function textRowHeights(plan: Pick<SheetPlan, 'cells' | 'styles' | 'columns'>, first: number, last: number, fontSize: number, minLines = 1): RowHeight[] {
  const widths = new Map(plan.columns.filter((c) => !c.hidden).map((c) => [c.col, c.width]));
  const wraps = plan.styles.filter((s) => s.style.wrap !== undefined && s.range.bottom >= first && s.range.top <= last);
  // The last style range that says wrap or not for a cell decides, as the renderers apply them.
  const wrapped = (row: number, col: number): boolean => {
    for (let i = wraps.length - 1; i >= 0; i--) {
      const s = wraps[i];
      if (s && contains(s.range, row, col)) return s.style.wrap === true;
    }
    return false;
  };
  const texts = new Map<number, { text: string; width: number }[]>();
  for (const b of plan.cells) {
    b.values.forEach((line, i) => {
      const row = b.row + i;
      if (row < first || row > last) return;
      line.forEach((v, j) => {
        const col = b.col + j;
        const width = widths.get(col);
        if (typeof v !== 'string' || v === '' || width === undefined || !wrapped(row, col)) return;
        const list = texts.get(row) ?? [];
        list.push({ text: v, width: Math.max(1, width - WRAP_SLACK) });
        texts.set(row, list);
      });
    });
  }
  const least = rowHeightFor([Array.from({ length: Math.max(1, minLines) }, () => 'x').join('\n')], [10], fontSize);
  const out: RowHeight[] = [];
  for (let row = first; row <= last; row++) {
    const list = texts.get(row) ?? [];
    out.push({ row, height: Math.max(least, rowHeightFor(list.map((t) => t.text), list.map((t) => t.width), fontSize)) });
  }
  return out;
}
