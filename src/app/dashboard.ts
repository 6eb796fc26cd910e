import { rect } from '../core/address';
import { dashboardPlan, type DashboardPlan } from '../core/cabinet/dashboard';
import { cabinetModel, type CabinetModel, type CabinetOptions, type CabinetRow } from '../core/cabinet/model';
import { effectiveCatalogue } from '../core/catalogue/effective';
import type { Catalogue } from '../core/catalogue/schema';
import type { Consolidation } from '../core/consolidate-types';
import { addPeriod } from '../core/history/add';
import { emptyHistory } from '../core/history/parse';
import type { History } from '../core/history/schema';
import { comparePeriods, formatPeriod, parsePeriod } from '../core/period';
import type { PlanValue } from '../core/plan/types';

const NOTE_STYLE = { italic: true, fontSize: 9 } as const;

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
  // The quarter's own catalogue, as the Cabinet sheet uses, so the two agree.
  const period = parsePeriod(current.period);
  const own = period ? effectiveCatalogue(catalogue, period) : catalogue;
  const base = cabinetModel(own, current, { generatedAt, ...compare.options });
  const history = heldHistory(catalogue, current, held, generatedAt, compare.master);
  const withTrend = cabinetModel(own, current, { generatedAt, history: { history, catalogue } });
  const trends = new Map(withTrend.sections.flatMap((s) => s.rows.map((r) => [r.ref, r.trend] as const)));
  const row = (r: CabinetRow): CabinetRow => {
    const trend = trends.get(r.ref);
    return trend ? { ...r, trend } : r;
  };
  // The trends come through secondary suppression (a rolling figure's quarters): the note names both papers' indicators.
  const secondarySuppressed = [...new Set([...base.secondarySuppressed, ...withTrend.secondarySuppressed])];
  return { ...base, trendPeriods: withTrend.trendPeriods, secondarySuppressed, sections: base.sections.map((s) => ({ ...s, rows: s.rows.map(row) })) };
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
  const source = trend?.source;
  const points = source ? Array.from({ length: source.bottom - source.top }, (_, i) => planValue(plan, source.top + 1 + i, source.left + 1)).filter((v) => typeof v === 'number').length : 0;
  const label = source ? String(planValue(plan, source.top, source.left + 1) ?? '') : '';
  const heldText = held.length ? `This pane holds ${held.join(', ')}.` : 'This pane holds no consolidation yet.';
  const secondary = model.secondarySuppressed.length > 0
    ? [`Secondary suppression applied (${model.secondarySuppressed.join(', ')}): a figure that, with those shown beside it, would reveal a small number is not shown either.`]
    : [];
  const notes = points >= 2
    ? ['Blank quarters were not consolidated in this pane, or are withheld (small numbers).', ...secondary]
    : [...secondary,
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
      styles: [...plan.sheet.styles, ...rows.map((row) => ({ range: rect(row, 1), style: NOTE_STYLE }))],
    },
    charts: points >= 2 ? plan.charts : plan.charts.filter((c) => c !== trend),
  };
}


/** The quarters a pane holds consolidations of, in date order, each once. */
export function heldPeriods(held: readonly Consolidation[]): string[] {
  return [...new Set(held.map((x) => x.period))].map((p) => parsePeriod(p)).filter((p) => p !== undefined).sort(comparePeriods).map(formatPeriod);
}

/**
 * The dashboard of a quarter: RAG counts per priority and the trend of one indicator (`ref`, else
 * the first with a value) over the quarters held, with its notes.
 */
export function dashboard(catalogue: Catalogue, current: Consolidation, held: readonly Consolidation[], now: string, compare: { readonly options?: CabinetOptions; readonly master?: History } = {}, ref?: string): DashboardPlan {
  return dashboardWithNotes(dashboardModel(catalogue, current, held, now, compare), heldPeriods([...held, current]), ref);
}
