import type { Catalogue, CatalogueChange } from './schema';
import { comparePeriods, nextPeriod, periodOfDate, type Period } from '../period';

/**
 * Catalogue changes to report with a period: those dated in the reporting quarter, or, when the
 * previous paper's period is known, everything since it (so a skipped quarter loses nothing).
 * The seed: changes under delegated authority are clearly identified in quarterly reporting.
 */
export function changesForPeriod(catalogue: Catalogue, period: Period, since?: Period): CatalogueChange[] {
  const from = since && comparePeriods(since, period) < 0 ? nextPeriod(since) : period;
  return (catalogue.changes ?? [])
    .filter((c) => {
      const p = periodOfDate(c.date);
      return p !== undefined && comparePeriods(p, from) >= 0 && comparePeriods(p, period) <= 0;
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Changes made under delegated authority are flagged so Cabinet can see them (the seed's recommendation 2). */
export function isDelegated(change: CatalogueChange): boolean {
  return /delegat/i.test(change.authority);
}
