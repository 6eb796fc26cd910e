/**
 * Native Excel charts as plain data, like the rest of a sheet plan: the Office.js adapter turns one
 * into `sheet.charts.add(type, range, seriesBy)`. ExcelJS cannot write charts, so files carry the
 * tables (and data bars) a chart is drawn from, never the chart itself.
 */
export type ChartKind = 'barStacked' | 'line';

export interface ChartPlan {
  readonly name: string;
  readonly kind: ChartKind;
  readonly title: string;
  /** The source table, header row and first column included (`A3:D6`). */
  readonly source: string;
  /** Each column of the source is one series (Excel.ChartSeriesBy.columns). */
  readonly seriesBy: 'columns' | 'rows';
  /** Where the chart sits: its top-left and bottom-right cells. */
  readonly at: { readonly topLeft: string; readonly bottomRight: string };
  /** Series colours in order (`#RRGGBB`), e.g. Green, Amber, Red; absent = Excel's own. */
  readonly colors?: readonly string[];
}
