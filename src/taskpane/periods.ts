import type { Catalogue } from '../core/catalogue/schema';
import { comparePeriods, formatPeriod, makePeriod, parsePeriod, periodEndDate, type Period } from '../core/period';

/** Every quarter of every financial year the catalogue covers, oldest first. */
export function cataloguePeriods(catalogue: Pick<Catalogue, 'financialYears'>): Period[] {
  const out: Period[] = [];
  for (const fy of catalogue.financialYears) {
    const p = parsePeriod(`${fy} Q1`);
    if (!p) continue;
    for (const q of [1, 2, 3, 4]) out.push(makePeriod(p.startYear, q));
  }
  return out.sort(comparePeriods);
}

/**
 * The period a lead most likely reports on today: the latest quarter that has ended by `todayIso`
 * (a quarter still running has future dates in it). Before the first quarter ends: the first one;
 * after the catalogue's last year: its last quarter.
 */
export function defaultPeriod(catalogue: Pick<Catalogue, 'financialYears'>, todayIso: string): string | undefined {
  const all = cataloguePeriods(catalogue);
  const ended = all.filter((p) => periodEndDate(p) <= todayIso);
  const pick = ended[ended.length - 1] ?? all[0];
  return pick ? formatPeriod(pick) : undefined;
}

export function periodLabels(catalogue: Pick<Catalogue, 'financialYears'>): string[] {
  return cataloguePeriods(catalogue).map(formatPeriod);
}

/** Distinct services of the catalogue's indicators, sorted for a picker. */
export function catalogueServices(catalogue: Pick<Catalogue, 'indicators'>): string[] {
  return [...new Set(catalogue.indicators.map((i) => i.service))].sort((a, b) => a.localeCompare(b));
}

/** Today as `YYYY-MM-DD` in the user's own time zone (a quarter ends at local midnight). */
export function localToday(now: Date = new Date()): string {
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${m}-${d}`;
}
