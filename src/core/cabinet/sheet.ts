import { cellA1, rect, type Rect } from '../address';
import { ragConditionalFormats } from '../plan/palette';
import type { CellBlock, ConditionalFormatPlan, PlanValue, StyleRange } from '../plan/types';
import { COLUMNS, type Column, type ColumnKey } from './layout';
import { BODY_FONT, pageCapacity, rowHeightFor } from './print';

const SPACER_HEIGHT = 8;

/** A header row that is written again at the top of every page its table runs onto. */
interface TableHeader {
  readonly values: readonly PlanValue[];
  readonly style: StyleRange['style'];
}

/**
 * Collects the Cabinet sheet top to bottom: every value plain (never a formula), every row given
 * a height (Excel does not measure rows it did not type), and the pages laid out as it goes: the
 * sheet breaks its own pages and writes a table's header row again at the top of each page the
 * table runs onto, so no print titles are needed (Excel cannot scope them to one table, and the
 * main table's would stack over the exceptions' and changes' own headers).
 */
export class Sheet {
  row = 0;
  readonly cells: CellBlock[] = [];
  readonly styles: StyleRange[] = [];
  readonly cfs: ConditionalFormatPlan[] = [];
  readonly heights: number[] = [];
  readonly merges: Rect[] = [];
  /** Rows after which a page ends. */
  readonly breaks: number[] = [];
  /** The table header rows written (the first of each table and its repeats on later pages). */
  readonly headerRows: number[] = [];
  readonly columns: readonly Column[];
  readonly widths: readonly number[];
  readonly lastCol: number;
  /** Sheet points one page holds at the fit-to-width zoom. */
  readonly capacity: number;
  /** Asked a score of times per indicator row. */
  private readonly colOf: ReadonlyMap<ColumnKey, number>;
  private used = 0;
  private table: TableHeader | undefined;

  constructor(columns: readonly Column[] = COLUMNS) {
    this.columns = columns;
    this.widths = columns.map((c) => c.width);
    this.lastCol = columns.length;
    this.capacity = pageCapacity(this.widths);
    const colOf = new Map<ColumnKey, number>();
    columns.forEach((c, i) => { if (!colOf.has(c.key)) colOf.set(c.key, i + 1); });
    this.colOf = colOf;
  }

  /** The column of `key` on this sheet, 0 when the paper leaves it out. */
  col(key: ColumnKey): number {
    return this.colOf.get(key) ?? 0;
  }

  /** Values placed by column key, in this sheet's columns. */
  line(values: Partial<Record<ColumnKey, PlanValue>>): PlanValue[] {
    return this.columns.map((c) => values[c.key] ?? null);
  }

  /** One row of values from `col`; `height` defaults to what its wrapped text needs at `fontSize`. */
  put(values: readonly PlanValue[], style?: StyleRange['style'], opts: { col?: number; height?: number } = {}): number {
    const col = opts.col ?? 1;
    const widths = col === 1 ? this.widths : this.widths.slice(col - 1);
    const font = style?.fontSize ?? BODY_FONT;
    const height = opts.height ?? (style?.wrap ? rowHeightFor(values, widths, font) : rowHeightFor([], widths, font));
    if (this.used > 0 && this.used + height > this.capacity) {
      this.newPage();
      if (this.table) this.writeHeader(this.table);
    }
    return this.write(values, height, col, style);
  }

  private write(values: readonly PlanValue[], height: number, col: number, style?: StyleRange['style']): number {
    this.row += 1;
    this.cells.push({ row: this.row, col, values: [values] });
    if (style) this.styles.push({ range: rect(this.row, col, this.row, col + Math.max(values.length, 1) - 1), style });
    this.heights[this.row - 1] = height;
    this.used += height;
    return this.row;
  }

  private writeHeader(h: TableHeader): number {
    const r = this.write(h.values, rowHeightFor(h.values, this.widths, h.style?.fontSize ?? BODY_FONT), 1, h.style);
    this.headerRows.push(r);
    return r;
  }

  /** A short blank row between blocks (never at the top of a page); the readers end the indicator table at a blank row. */
  skip(): void {
    if (this.used === 0) return;
    this.row += 1;
    this.heights[this.row - 1] = SPACER_HEIGHT;
    this.used += SPACER_HEIGHT;
  }

  /** End the page here (nothing happens at the top of a page). */
  newPage(): void {
    if (this.used === 0) return;
    this.breaks.push(this.row);
    this.used = 0;
  }

  /** Start a new page unless `points` more fit on this one: a heading is never left alone at a page foot. */
  need(points: number): void {
    if (this.used === 0 || this.used + points <= this.capacity) return;
    this.newPage();
    if (this.table) this.writeHeader(this.table);
  }

  /** A table's header row, written again at the top of every page until `endTable`. */
  header(values: readonly PlanValue[], style: StyleRange['style']): number {
    this.table = { values, style };
    return this.writeHeader(this.table);
  }

  endTable(): void {
    this.table = undefined;
  }

  /** Cells shown as one (a wide note): the value is the top-left cell's. */
  merge(range: Rect): void {
    this.merges.push(range);
  }

  style(range: Rect, style: StyleRange['style']): void {
    this.styles.push({ range, style });
  }

  /** RAG colours by conditional formatting on this sheet's RAG cells of rows `first` to `last`. */
  rag(first: number, last: number): void {
    const col = this.col('rag');
    if (last < first || col === 0) return;
    // The rule's formula text reads the range's top-left cell.
    this.cfs.push(...ragConditionalFormats(rect(first, col, last, col), cellA1(first, col), this.cfs.length + 1));
  }
}
