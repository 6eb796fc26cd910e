import { cabinetModel, type CabinetModel, type CabinetOptions, type CabinetRow } from '../../core/cabinet/model';
import type { Catalogue } from '../../core/catalogue/schema';
import type { Consolidation } from '../../core/consolidate-types';
import { a1 } from '../../core/grid';
import { addPeriod } from '../../core/history/add';
import { emptyHistory } from '../../core/history/parse';
import type { History } from '../../core/history/schema';
import { comparePeriods, formatPeriod, parsePeriod } from '../../core/period';
import type { ChartKind, ChartPlan } from '../../core/plan/chart-types';
import { dashboardPlan, type DashboardPlan } from '../../core/cabinet/dashboard';
import type { PlanValue } from '../../core/plan/types';
import type { ScorecardServices } from '../../app/ports';
import { parseRect, rectSize } from './address';
import type { ExcelRun, XChartType, XContext, XWorksheet } from './excel-types';
import { DEFAULT_MAX_PAYLOAD_BYTES, loadSheetState, renderSheetPlan, type RenderOptions, type SheetState } from './render';

const CHART_TYPE: Record<ChartKind, XChartType> = { barStacked: 'BarStacked', line: 'Line' };
const NOTE_STYLE = { italic: true, fontSize: 9 } as const;

/** Queue a plan's charts on a sheet (ExcelApi 1.1). No sync: the caller's one sync sends them with the cells. */
export function addCharts(sheet: XWorksheet, charts: readonly ChartPlan[]): void {
  for (const c of charts) {
    const seriesBy = c.seriesBy === 'rows' ? 'Rows' : 'Columns';
    const chart = sheet.charts.add(CHART_TYPE[c.kind], sheet.getRange(c.source), seriesBy);
    chart.name = c.name;
    chart.title.text = c.title;
    chart.setPosition(c.at.topLeft, c.at.bottomRight);
    const rect = parseRect(c.source);
    const size = rect ? rectSize(rect) : { rows: 0, cols: 0 };
    // One series needs no legend: the title names it.
    const series = (seriesBy === 'Rows' ? size.rows : size.cols) - 1;
    chart.legend.visible = series > 1;
    if (series > 1) chart.legend.position = 'Bottom';
    c.colors?.slice(0, Math.max(0, series)).forEach((color, i) => {
      const format = chart.series.getItemAt(i).format;
      if (c.kind === 'line') format.line.color = color;
      else format.fill.setSolidColor(color);
    });
  }
}

/**
 * The history the pane can form: every quarter it holds a consolidation of, up to `current`
 * (which stands for its own quarter). Records only; nothing is saved.
 */
export function heldHistory(catalogue: Catalogue, current: Consolidation, held: Iterable<Consolidation>, closedAt: string, master?: History): History {
  const now = parsePeriod(current.period);
  const earlier = [...held].filter((c) => {
    const p = parsePeriod(c.period);
    return p !== undefined && now !== undefined && comparePeriods(p, now) < 0;
  });
  // On top of the BI master when one is loaded; a quarter it already closed keeps its closed values.
  let history = master ?? emptyHistory(catalogue.organisation);
  for (const c of [...earlier, current]) history = addPeriod(history, c, { closedAt, catalogueVersion: catalogue.version }).history;
  return history;
}

/**
 * The Cabinet model of `current` with each row's trend taken from the held quarters. Counts and
 * rows stay those of the Cabinet sheet this pane makes (no history), so the two agree.
 */
export function dashboardModel(catalogue: Catalogue, current: Consolidation, held: Iterable<Consolidation>, generatedAt: string, compare: { readonly options?: CabinetOptions; readonly master?: History } = {}): CabinetModel {
  const base = cabinetModel(catalogue, current, { generatedAt, ...compare.options });
  const history = heldHistory(catalogue, current, held, generatedAt, compare.master);
  const withTrend = cabinetModel(catalogue, current, { generatedAt, history: { history, catalogue } });
  const trends = new Map(withTrend.sections.flatMap((s) => s.rows.map((r) => [r.ref, r.trend] as const)));
  const row = (r: CabinetRow): CabinetRow => {
    const trend = trends.get(r.ref);
    return trend ? { ...r, trend } : r;
  };
  return { ...base, trendPeriods: withTrend.trendPeriods, sections: base.sections.map((s) => ({ ...s, rows: s.rows.map(row) })) };
}

function planValue(plan: DashboardPlan, row: number, col: number): PlanValue | undefined {
  for (const b of plan.sheet.cells) {
    const v = b.values[row - b.row]?.[col - b.col];
    if (v !== undefined) return v;
  }
  return undefined;
}

/**
 * The Dashboard plan with its notes: what a blank quarter means, and, when fewer than two quarters
 * of the chosen indicator can be shown, a plain "too little data" in place of the line chart.
 */
export function dashboardWithNotes(model: CabinetModel, held: readonly string[], ref?: string): DashboardPlan {
  const plan = dashboardPlan(model, ref);
  const trend = plan.charts.find((c) => c.kind === 'line');
  const rect = trend ? parseRect(trend.source) : undefined;
  const points = rect ? Array.from({ length: rect.lastRow - rect.row }, (_, i) => planValue(plan, rect.row + 1 + i, rect.col + 1)).filter((v) => typeof v === 'number').length : 0;
  const label = rect ? String(planValue(plan, rect.row, rect.col + 1) ?? '') : '';
  const heldText = held.length ? `This pane holds ${held.join(', ')}.` : 'This pane holds no consolidation yet.';
  const notes = points >= 2
    ? ['Blank quarters were not consolidated in this pane, or are withheld (small numbers).']
    : [
      label
        ? `Too little data for a trend: ${points === 0 ? 'no quarter' : 'only one quarter'} of ${label} has a value that may be shown. ${heldText}`
        : `Too little data for a trend: no indicator has a value that may be shown. ${heldText}`,
      'Consolidate earlier quarters in this pane (Consolidate tab), then create the dashboard again.',
    ];
  const last = Math.max(0, ...plan.sheet.cells.map((b) => b.row + b.values.length - 1));
  const rows = notes.map((text, i) => last + 2 + i);
  return {
    sheet: {
      ...plan.sheet,
      cells: [...plan.sheet.cells, ...rows.map((row, i) => ({ row, col: 1, values: [[notes[i] ?? '']] }))],
      styles: [...plan.sheet.styles, ...rows.map((row) => ({ range: a1(row, 1), style: NOTE_STYLE }))],
    },
    charts: points >= 2 ? plan.charts : plan.charts.filter((c) => c !== trend),
  };
}

/**
 * A context whose syncs are held, so the charts queued after `renderSheetPlan` ride in its closing
 * request. Only for a plan far below the payload limit, where render's one sync is that closing one.
 */
function holdingSyncs(ctx: XContext): { readonly ctx: XContext; release(): Promise<void> } {
  let held = 0;
  return {
    ctx: { workbook: ctx.workbook, sync: async () => { held++; } },
    release: async () => { if (held > 0) await ctx.sync(); },
  };
}

type Basis = (ctx: XContext, catalogue: Catalogue, period: string, also?: () => void) => Promise<{ readonly c: Consolidation }>;

export interface DashboardDeps {
  readonly run: ExcelRun;
  /** The services' source of a quarter's consolidation; runs `also` in its last read sync. */
  readonly basis: Basis;
  /** Every consolidation the pane holds, by any period. */
  readonly held: () => Iterable<Consolidation>;
  readonly now: () => Date;
  readonly render: Pick<RenderOptions, 'pageLayout' | 'documentProperties' | 'rangeAreas'>;
  /** What the Cabinet sheet compares against (the BI master), so the dashboard's counts agree with it. */
  readonly compare?: (catalogue: Catalogue, c: Consolidation) => { readonly options: CabinetOptions; readonly master?: History };
}

/**
 * `createDashboard`: 1 or 2 read syncs (the basis, with the sheet names riding on its last) and one
 * write sync carrying the cells and every chart, whatever the number of indicators.
 */
export function dashboardService(deps: DashboardDeps): ScorecardServices['createDashboard'] {
  return (catalogue, period, ref) =>
    deps.run(async (ctx) => {
      let state: (() => SheetState) | undefined;
      const { c } = await deps.basis(ctx, catalogue, period, () => { state = loadSheetState(ctx, { name: 'Dashboard' }, 'new'); });
      const generatedAt = deps.now().toISOString();
      const held = [...deps.held()];
      const periods = [...new Set([...held, c].map((x) => x.period))]
        .map((p) => parsePeriod(p)).filter((p) => p !== undefined).sort(comparePeriods).map(formatPeriod);
      const plan = dashboardWithNotes(dashboardModel(catalogue, c, held, generatedAt, deps.compare?.(catalogue, c)), periods, ref);
      const known = state?.();
      const small = JSON.stringify(plan.sheet).length < DEFAULT_MAX_PAYLOAD_BYTES / 4;
      // Without the state read in the basis sync, render reads for itself: nothing may be held then.
      const hold = small && known ? holdingSyncs(ctx) : undefined;
      const report = await renderSheetPlan(hold?.ctx ?? ctx, plan.sheet, { mode: 'new', activate: true, ...deps.render, ...(known ? { known } : {}) });
      addCharts(ctx.workbook.worksheets.getItem(report.sheet), plan.charts);
      if (hold) await hold.release();
      else await ctx.sync();
      return { sheet: report.sheet };
    });
}
