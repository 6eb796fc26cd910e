import { parseA1, rectA1, rectSize } from '../../core/address';
import type { XChart, XCharts, XChartSeries, XChartType, XRange } from '../../host/office-api';
import { FakeContext, FakeOfficeError, bytesOf } from './context';
import { FakeRange, type SheetRef } from './range';
import { findSheet, peekCell, type FakeSheet, type FakeWorkbookState, type Scalar } from './state';

type SeriesBy = NonNullable<Parameters<XCharts['add']>[2]>;

/** A chart as the workbook holds it: what tests assert on (type, data range, series, title, place). */
export interface FakeChartState {
  name: string;
  readonly type: XChartType;
  /** The sheet the source data is on, and its rectangle (`A3:D6`), as `charts.add` was given it. */
  readonly sourceSheet: string;
  readonly source: string;
  readonly seriesBy: SeriesBy;
  /** Series fixed when the chart is made, from the source's shape (one per column after the first). */
  readonly seriesCount: number;
  title: string;
  legend: { position: Excel.ChartLegend['position']; visible: boolean };
  position?: { readonly startCell: string; readonly endCell?: string };
  readonly seriesFormat: Map<number, { fill?: string; line?: string }>;
}

// Kept beside the sheet state rather than in it, so the chart model stays in one file.
const store = new WeakMap<FakeSheet, FakeChartState[]>();

export function chartsOf(sheet: FakeSheet): readonly FakeChartState[] {
  return store.get(sheet) ?? [];
}

export interface ChartData {
  readonly categories: readonly (Scalar | null)[];
  readonly series: readonly { readonly name: Scalar | null; readonly values: readonly (Scalar | null)[] }[];
}

/**
 * What the chart plots, read live from the cells as Excel does. Simplification: the first row and
 * first column are always labels (Excel guesses so for a text header row and a text first column).
 */
export function chartData(state: FakeWorkbookState, chart: FakeChartState): ChartData {
  const sheet = findSheet(state, chart.sourceSheet);
  const r = parseA1(chart.source);
  if (!sheet || !r) throw new FakeOfficeError('InvalidReference', `The chart ${chart.name} has no source data.`);
  const at = (row: number, col: number): Scalar | null => peekCell(sheet, row, col)?.value ?? null;
  const byColumns = chart.seriesBy !== 'Rows';
  const outer = byColumns ? [r.left + 1, r.right] : [r.top + 1, r.bottom];
  const inner = byColumns ? [r.top + 1, r.bottom] : [r.left + 1, r.right];
  const span = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  const cell = (s: number, p: number): Scalar | null => (byColumns ? at(p, s) : at(s, p));
  return {
    categories: span(inner[0] as number, inner[1] as number).map((p) => (byColumns ? at(p, r.left) : at(r.top, p))),
    series: span(outer[0] as number, outer[1] as number).map((s) => ({
      name: byColumns ? at(r.top, s) : at(s, r.left),
      values: span(inner[0] as number, inner[1] as number).map((p) => cell(s, p)),
    })),
  };
}

const noRead = (what: string): never => {
  throw new FakeOfficeError('PropertyNotLoaded', `chart ${what} is not modelled for reading`);
};

class FakeChart implements XChart {
  constructor(private readonly ctx: FakeContext, private readonly state: () => FakeChartState) {}
  private q(value: unknown, fn: (s: FakeChartState) => void): void {
    this.ctx.enqueue(bytesOf(value), () => fn(this.state()));
  }
  get name(): string { return noRead('name'); }
  set name(v: string) { this.q(v, (s) => { s.name = v; }); }
  readonly title: XChart['title'] = ((chart: FakeChart) => ({
    get text(): string { return noRead('title.text'); },
    set text(v: string) { chart.q(v, (s) => { s.title = v; }); },
  }))(this);
  readonly legend: XChart['legend'] = ((chart: FakeChart) => ({
    get position(): Excel.ChartLegend['position'] { return noRead('legend.position'); },
    set position(v: Excel.ChartLegend['position']) { chart.q(v, (s) => { s.legend.position = v; }); },
    get visible(): boolean { return noRead('legend.visible'); },
    set visible(v: boolean) { chart.q(v, (s) => { s.legend.visible = v; }); },
  }))(this);
  readonly series = {
    getItemAt: (index: number): XChartSeries => {
      const format = (fn: (f: { fill?: string; line?: string }) => void) => (s: FakeChartState): void => {
        if (!Number.isInteger(index) || index < 0 || index >= s.seriesCount) {
          throw new FakeOfficeError('InvalidArgument', `The chart ${s.name} has no series ${index} (it has ${s.seriesCount}).`);
        }
        const f = s.seriesFormat.get(index) ?? {};
        fn(f);
        s.seriesFormat.set(index, f);
      };
      const q = (value: unknown, fn: (s: FakeChartState) => void): void => this.q(value, fn);
      return {
        format: {
          fill: { setSolidColor: (color: string): void => q(color, format((f) => { f.fill = color; })) },
          line: {
            get color(): string { return noRead('series line colour'); },
            set color(v: string) { q(v, format((f) => { f.line = v; })); },
          },
        },
      };
    },
  };
  setPosition(startCell: string, endCell?: string): void {
    this.q([startCell, endCell], (s) => {
      for (const c of [startCell, endCell]) {
        if (c !== undefined && !parseA1(c)) throw new FakeOfficeError('InvalidArgument', `'${c}' is not a cell address.`);
      }
      s.position = endCell === undefined ? { startCell } : { startCell, endCell };
    });
  }
}

/** `worksheet.charts`: `add` makes the chart at sync time, as Excel does, from the source range's shape. */
export class FakeCharts implements XCharts {
  constructor(private readonly ctx: FakeContext, private readonly sheet: SheetRef) {}
  add(type: XChartType, sourceData: XRange, seriesBy: SeriesBy = 'Auto'): XChart {
    if (!(sourceData instanceof FakeRange)) throw new FakeOfficeError('InvalidArgument', 'The source data must be a range of this workbook.');
    let made: FakeChartState | undefined;
    this.ctx.enqueue(bytesOf([type, seriesBy]), () => {
      const sheet = this.sheet();
      if (sheet.protection.protected && !sheet.protection.options.allowEditObjects) {
        throw new FakeOfficeError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
      }
      const rect = sourceData.rect();
      const { rows, cols } = rectSize(rect);
      const list = store.get(sheet) ?? [];
      made = {
        name: `Chart ${list.length + 1}`, type, sourceSheet: sourceData.sheetRef().name, source: rectA1(rect), seriesBy,
        seriesCount: Math.max(0, (seriesBy === 'Rows' ? rows : cols) - 1),
        title: '', legend: { position: 'Right', visible: true }, seriesFormat: new Map(),
      };
      store.set(sheet, [...list, made]);
    });
    const chart = new FakeChart(this.ctx, () => {
      if (!made) throw new FakeOfficeError('InvalidOperation', 'The chart was not created.');
      return made;
    });
    return chart;
  }
}
