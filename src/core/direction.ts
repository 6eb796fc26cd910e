import type { Catalogue, Indicator, QualitativeStatus } from './catalogue/schema';
import { excelRound, sum15 } from './excel-round';
import { decimalsOf, targetFor } from './catalogue/accessors';

/** Direction of travel; `Up`/`Down` for tracking-only measures, where neither is better. Blank: nothing to compare. */
export type Direction = 'Improving' | 'Worsening' | 'No change' | 'Up' | 'Down' | '';

export interface DirectionPair {
  /** Against the previous period. */
  readonly previous: Direction;
  /** Against the same period last year. */
  readonly lastYear: Direction;
}

const STATUS_RANK: Readonly<Record<QualitativeStatus, number>> = { 'Off track': 0, 'At risk': 1, 'On track': 2, Complete: 3 };

export type Comparable = number | QualitativeStatus | null | undefined;

/** Distance outside a band (0 inside): closer to the band is better. */
function distanceFromBand(v: number, min: number, max: number): number {
  // sum15: 90 − 89.7 and 95.3 − 95 must come out equal, not differ by a binary crumb.
  return v < min ? sum15(min, -v) : v > max ? sum15(v, -max) : 0;
}

/**
 * Polarity-aware direction of travel from `before` to `now`, both rounded to the indicator's
 * decimals first so that a change too small to show is No change.
 */
export function directionOfTravel(ind: Indicator, now: Comparable, before: Comparable, year: string, defaults?: Catalogue['defaults']): Direction {
  if (now === null || now === undefined || before === null || before === undefined) return '';
  if (typeof now === 'string' || typeof before === 'string') {
    if (typeof now !== 'string' || typeof before !== 'string') return '';
    const rankNow = STATUS_RANK[now] as number | undefined;
    const rankBefore = STATUS_RANK[before] as number | undefined;
    if (rankNow === undefined || rankBefore === undefined) return ''; // a status outside the list compares with nothing
    const d = rankNow - rankBefore;
    return d > 0 ? 'Improving' : d < 0 ? 'Worsening' : 'No change';
  }
  if (!Number.isFinite(now) || !Number.isFinite(before)) return '';
  const dp = decimalsOf(ind, defaults);
  const a = excelRound(now, dp);
  const b = excelRound(before, dp);
  let better: number;
  switch (ind.polarity) {
    case 'higher':
      better = a - b;
      break;
    case 'lower':
      better = b - a;
      break;
    case 'range': {
      const band = targetFor(ind, year);
      if (band === null || typeof band === 'number') return a === b ? 'No change' : a > b ? 'Up' : 'Down';
      better = distanceFromBand(b, band.min, band.max) - distanceFromBand(a, band.min, band.max);
      break;
    }
    default:
      return a === b ? 'No change' : a > b ? 'Up' : 'Down';
  }
  return better > 0 ? 'Improving' : better < 0 ? 'Worsening' : 'No change';
}
