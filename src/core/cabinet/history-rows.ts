import { effectiveCatalogue } from '../catalogue/effective';
import { findIndicator } from '../catalogue/lookup';
import type { Catalogue, Indicator } from '../catalogue/schema';
import { aggregate, aggregationOf } from '../history/aggregate';
import { lastAvailableRag, series, valueAt } from '../history/read';
import type { History, HistoryValue } from '../history/schema';
import { parsePeriod, type Period } from '../period';
import { rag, type RagStatus } from '../rag';
import { shownStatus, suppressValues, type ShownStatus, type ShownValues } from './suppress';
import { toValue, type CabinetValue } from './value';

/** The BI master as the Cabinet model reads it: the history and the full catalogue (every target of every day). */
export interface CabinetHistory {
  readonly history: History;
  readonly catalogue: Catalogue;
}

/** One quarter of an indicator's trend, as the paper may show it (through suppression). */
export interface TrendPoint {
  readonly period: string;
  readonly value: CabinetValue;
  /** Blank when the quarter recorded nothing for the indicator. */
  readonly status: ShownStatus | '';
}

/** A recorded value through suppression, with the RAG the paper may show for it (rated against its own period's catalogue). */
function shownRecord(h: CabinetHistory, ind: Indicator, v: HistoryValue, at: Period): { shown: ShownValues; status: ShownStatus } {
  const cat = effectiveCatalogue(h.catalogue, at);
  const own = findIndicator(cat, ind.id) ?? ind;
  const shown: ShownValues = own.kind === 'qualitative'
    ? { actual: v.qualitative ? { kind: 'text', text: v.qualitative } : { kind: 'blank' }, numerator: { kind: 'blank' }, denominator: { kind: 'blank' } }
    : suppressValues(own, { actual: v.actual, numerator: v.numerator ?? null, denominator: v.denominator ?? null });
  const defaults = cat.defaults ? { defaults: cat.defaults } : {};
  const statusOf = (x: number): RagStatus => rag({ indicator: own, period: at, ...defaults, actual: x }).status;
  return { shown, status: shownStatus(v.status, shown.possible, statusOf) };
}

/** The last n quarters to `period` (this one included once it is recorded), oldest first; every value through suppression. */
export function trendOf(h: CabinetHistory, ind: Indicator, period: Period, decimals: number, n = 5): TrendPoint[] {
  return series(h.history, ind.id, period, n).map((p) => {
    const at = parsePeriod(p.period) as Period;
    if (!p.value) return { period: p.period, value: { text: '', suppressed: false }, status: '' };
    const { shown, status } = shownRecord(h, ind, p.value, at);
    return { period: p.period, value: toValue(shown.actual, ind, decimals, false), status };
  });
}

export interface LastAvailableRow {
  readonly actual: CabinetValue;
  readonly status: ShownStatus;
  readonly dataPeriod: string;
}

/** A measure not due this quarter: its last available result, rated on its own period's target, through suppression. */
export function lastAvailableRow(h: CabinetHistory, ind: Indicator, period: Period, decimals: number): LastAvailableRow | undefined {
  const found = lastAvailableRag(h.catalogue, h.history, ind.id, period);
  if (!found || !found.stale) return undefined;
  const dataPeriod = parsePeriod(found.dataPeriod) as Period;
  const cat = effectiveCatalogue(h.catalogue, dataPeriod);
  const own = findIndicator(cat, ind.id) ?? ind;
  const shown: ShownValues = own.kind === 'qualitative'
    ? { actual: found.value.qualitative ? { kind: 'text', text: found.value.qualitative } : { kind: 'blank' }, numerator: { kind: 'blank' }, denominator: { kind: 'blank' } }
    : suppressValues(own, { actual: found.value.actual, numerator: found.value.numerator ?? null, denominator: found.value.denominator ?? null });
  const defaults = cat.defaults ? { defaults: cat.defaults } : {};
  const statusOf = (x: number): RagStatus => rag({ indicator: own, period, dataPeriod, ...defaults, actual: x }).status;
  return { actual: toValue(shown.actual, ind, decimals, false), status: shownStatus(found.status, shown.possible, statusOf), dataPeriod: found.dataPeriod };
}

/** The rolling 12-month figure for a rolling12 measure, or undefined when the history cannot form it (or the lead reports it). */
export function rolling12Value(h: CabinetHistory, ind: Indicator, period: Period, current: { actual: number | string | null; numerator?: number | null; denominator?: number | null }): number | undefined {
  if (aggregationOf(ind) !== 'rolling12') return undefined;
  const agg = aggregate(ind, h.history, period, current.actual, {
    ...(current.numerator !== undefined ? { numerator: current.numerator } : {}),
    ...(current.denominator !== undefined ? { denominator: current.denominator } : {}),
  });
  if (agg.periods.length < 4 || agg.value === null) return undefined;
  return agg.value;
}

/** The rolling figure as of an earlier quarter, from the history alone, for direction of travel. */
export function rolling12At(h: CabinetHistory, ind: Indicator, period: Period): number | undefined {
  const v = valueAt(h.history, ind.id, period);
  if (!v) return undefined;
  return rolling12Value(h, ind, period, { actual: v.actual, numerator: v.numerator ?? null, denominator: v.denominator ?? null });
}
