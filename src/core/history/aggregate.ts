import type { Indicator, Target, Unit } from '../catalogue/schema';
import { sum15, to15 } from '../excel-round';
import { formatPeriod, previousPeriod, type Period } from '../period';
import { aggregationOf, profiledTarget, type AggregationKind } from '../catalogue/target-profile';
import { valueAt } from './read';
import type { History } from './schema';

export type RollingMethod = 'mean' | 'sum';

/**
 * Optional indicator fields this module reads (the catalogue schema is loose, so they survive):
 * `rollingMethod` overrides the unit's choice of mean or sum; `reportedAs: "aggregate"` says the lead
 * already reports the 12-month figure, so it is taken as given instead of being built from quarters.
 */
interface AggregationFields {
  readonly rollingMethod?: unknown;
  readonly reportedAs?: unknown;
}

/**
 * Rates, percentages and scores are levels: a year's figure is the mean of its quarters. Counts,
 * money and days (days lost, days of delay) add up over a year. A percentage with numerator and
 * denominator in all four quarters is the pooled ratio instead (see rolling12).
 */
const METHOD_BY_UNIT: Readonly<Record<Unit, RollingMethod>> = {
  percent: 'mean', rate: 'mean', score: 'mean', number: 'sum', currency: 'sum', days: 'sum',
};

export function rollingMethod(ind: Indicator): RollingMethod {
  const own = (ind as AggregationFields).rollingMethod;
  if (own === 'mean' || own === 'sum') return own;
  return METHOD_BY_UNIT[ind.unit ?? 'number'];
}

export interface Aggregate {
  readonly kind: AggregationKind;
  /** The figure to rate and show; null when it cannot be formed (a quarter missing or suppressed). */
  readonly value: number | null;
  readonly target: Target;
  readonly method?: RollingMethod | 'pooled';
  /** The quarters the value rests on, oldest first. */
  readonly periods: readonly string[];
  /** Quarters a rolling figure needed and the history lacks (or holds as `<5` or blank). */
  readonly missingPeriods: readonly string[];
}

type Quarter = { readonly period: string; readonly value: number | null; readonly numerator?: number | null; readonly denominator?: number | null };

const numeric = (v: number | string | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function rolling12(ind: Indicator, quarters: readonly Quarter[]): Pick<Aggregate, 'value' | 'method' | 'missingPeriods'> {
  const missingPeriods = quarters.filter((q) => q.value === null).map((q) => q.period);
  if (missingPeriods.length > 0) return { value: null, missingPeriods };
  const parts = quarters.map((q) => [numeric(q.numerator), numeric(q.denominator)] as const);
  if (ind.unit === 'percent' && parts.every(([n, d]) => n !== null && d !== null && d > 0)) {
    const num = parts.reduce((s, [n]) => sum15(s, n as number), 0);
    const den = parts.reduce((s, [, d]) => sum15(s, d as number), 0);
    return { value: to15((100 * num) / den), method: 'pooled', missingPeriods };
  }
  const method = rollingMethod(ind);
  const total = quarters.reduce((s, q) => sum15(s, q.value as number), 0);
  return { value: method === 'sum' ? total : to15(total / quarters.length), method, missingPeriods };
}

/**
 * The figure a council reports for the quarter, by the indicator's `aggregation`:
 * - snapshot: the value as given, against the annual target;
 * - cumulative: the lead reports the year to date, so the value is as given, against profiledTarget;
 * - rolling12: the last four quarters (this one from `currentValue`, three from the history), summed or
 *   averaged per rollingMethod, against the annual target; taken as given when `reportedAs: "aggregate"`.
 */
export function aggregate(ind: Indicator, history: History, period: Period, currentValue: number | string | null, current: { numerator?: number | null; denominator?: number | null } = {}): Aggregate {
  const kind = aggregationOf(ind);
  const here = formatPeriod(period);
  const target = profiledTarget(ind, period);
  const given = numeric(currentValue);
  if (kind !== 'rolling12' || (ind as AggregationFields).reportedAs === 'aggregate') {
    return { kind, value: given, target, periods: [here], missingPeriods: given === null ? [here] : [] };
  }
  const quarters: Quarter[] = [{ period: here, value: given, ...current }];
  for (let p = previousPeriod(period); quarters.length < 4; p = previousPeriod(p)) {
    const v = valueAt(history, ind.id, p);
    quarters.unshift({ period: formatPeriod(p), value: numeric(v?.actual), numerator: v?.numerator ?? null, denominator: v?.denominator ?? null });
  }
  return { kind, target, periods: quarters.map((q) => q.period), ...rolling12(ind, quarters) };
}

export { aggregationOf, profiledTarget } from '../catalogue/target-profile';
export type { AggregationKind } from '../catalogue/target-profile';
