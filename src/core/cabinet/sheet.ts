import { cellA1, rect, type Rect } from '../address';
import { ragConditionalFormats } from '../plan/palette';
import type { CellBlock, ConditionalFormatPlan, PlanValue, StyleRange } from '../plan/types';
import { columnOf, COLUMNS } from './layout';
import { BODY_FONT, rowHeightFor, type PrintBlock } from './print';

export const LAST_COL = COLUMNS.length;
export const WIDTHS: readonly number[] = COLUMNS.map((c) => c.width);
const SPACER_HEIGHT = 9;

/**
 * Collects the Cabinet sheet top to bottom: every value plain (never a formula), every row given
 * a height (Excel does not measure rows it did not type, and page breaks need known heights).
 */
export class Sheet {
  row = 0;
  readonly cells: CellBlock[] = [];
  readonly styles: StyleRange[] = [];
  readonly cfs: ConditionalFormatPlan[] = [];
  readonly heights: number[] = [];
  readonly blocks: PrintBlock[] = [];
  readonly merges: Rect[] = [];

  /** One row of values from `col`; `height` defaults to what its wrapped text needs at `fontSize`. */
  put(values: readonly PlanValue[], style?: StyleRange['style'], opts: { col?: number; height?: number } = {}): number {
    const col = opts.col ?? 1;
    this.row += 1;
    this.cells.push({ row: this.row, col, values: [values] });
    if (style) this.styles.push({ range: rect(this.row, col, this.row, col + Math.max(values.length, 1) - 1), style });
    const widths = WIDTHS.slice(col - 1);
    const font = style?.fontSize ?? BODY_FONT;
    this.heights[this.row - 1] = opts.height ?? (style?.wrap ? rowHeightFor(values, widths, font) : rowHeightFor([], widths, font));
    return this.row;
  }

  /** A short blank row between blocks; the previous-paper reader also ends the indicator table at a blank row. */
  skip(): void {
    this.row += 1;
    this.heights[this.row - 1] = SPACER_HEIGHT;
  }

  /** Cells shown as one (a wide note): the value is the top-left cell's. */
  merge(range: Rect): void {
    this.merges.push(range);
  }

  style(range: Rect, style: StyleRange['style']): void {
    this.styles.push({ range, style });
  }

  /** Rows from `first` to the current row print together where they can (see pageBreaks). */
  block(first: number, keep: number): void {
    if (this.row >= first) this.blocks.push({ first, last: this.row, keep });
  }

  rag(first: number, last: number): void {
    if (last < first) return;
    const col = columnOf('rag');
    // The rule's formula text reads the range's top-left cell.
    this.cfs.push(...ragConditionalFormats(rect(first, col, last, col), cellA1(first, col), this.cfs.length + 1));
  }
}
