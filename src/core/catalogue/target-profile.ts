import type { Indicator, Target } from './schema';
import { quarterName, type Period } from '../period';
import { targetFor } from './accessors';

export type AggregationKind = 'snapshot' | 'cumulative' | 'rolling12';

export function aggregationOf(ind: Indicator): AggregationKind {
  return ind.aggregation ?? 'snapshot';
}

/** The target for the quarter: a cumulative measure's profile step when the catalogue gives one, else the annual target. */
export function profiledTarget(ind: Indicator, period: Period): Target {
  if (aggregationOf(ind) === 'cumulative') {
    const step = ind.targetProfile?.[period.year]?.[quarterName(period)];
    if (step !== undefined) return step;
  }
  return targetFor(ind, period.year);
}
