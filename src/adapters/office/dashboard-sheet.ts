import { dashboard } from '../../app/dashboard';
import type { CabinetOptions } from '../../core/cabinet/model';
import type { Catalogue } from '../../core/catalogue/schema';
import type { Consolidation } from '../../core/consolidate-types';
import type { History } from '../../core/history/schema';
import type { ChartKind, ChartPlan } from '../../core/plan/chart-types';
import type { ScorecardServices } from '../../app/ports';
import { cellA1, rectA1, rectSize } from '../../core/address';
import type { ExcelRun, XChartType, XContext, XWorksheet } from '../../host/office-api';
import { DEFAULT_MAX_PAYLOAD_BYTES, loadSheetState, renderSheetPlan, type RenderOptions, type SheetState } from './render';

const CHART_TYPE: Record<ChartKind, XChartType> = { barStacked: 'BarStacked', line: 'Line' };

/** Queue a plan's charts on a sheet (ExcelApi 1.1). No sync: the caller's one sync sends them with the cells. */
export function addCharts(sheet: XWorksheet, charts: readonly ChartPlan[]): void {
  for (const c of charts) {
    const seriesBy = c.seriesBy === 'rows' ? 'Rows' : 'Columns';
    const chart = sheet.charts.add(CHART_TYPE[c.kind], sheet.getRange(rectA1(c.source)), seriesBy);
    chart.name = c.name;
    chart.title.text = c.title;
    chart.setPosition(cellA1(c.at.top, c.at.left), cellA1(c.at.bottom, c.at.right));
    const size = rectSize(c.source);
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
 * A context whose syncs are held, so the charts queued after `renderSheetPlan` ride in its closing
 * request. Only for a plan far below the payload limit, where render's one sync is that closing one.
 */
function holdingSyncs(ctx: XContext): { readonly ctx: XContext; release(): Promise<void> } {
  let held = 0;
  return {
    ctx: { workbook: ctx.workbook, runtime: ctx.runtime, sync: async () => { held++; } },
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
      const plan = dashboard(catalogue, c, held, generatedAt, deps.compare?.(catalogue, c), ref);
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
