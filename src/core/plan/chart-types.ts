/**
 * Native Excel charts as plain data, like the rest of a sheet plan: the Office.js adapter turns one
 * into `sheet.charts.add(type, range, seriesBy)`. ExcelJS cannot write charts, so files carry the
 * tables (and data bars) a chart is drawn from, never the chart itself.
 */
import type { Rect } from '../address';

export type ChartKind = 'barStacked' | 'line';

export interface ChartPlan {
  readonly name: string;
  readonly kind: ChartKind;
  readonly title: string;
  /** The source table on the plan's sheet, header row and first column included. */
  readonly source: Rect;
  /** Each column of the source is one series (Excel.ChartSeriesBy.columns). */
  readonly seriesBy: 'columns' | 'rows';
  /** Where the chart sits: from the top-left to the bottom-right cell of this rectangle. */
  readonly at: Rect;
  /** Series colours in order (`#RRGGBB`), e.g. Green, Amber, Red; absent = Excel's own. */
  readonly colors?: readonly string[];
}
