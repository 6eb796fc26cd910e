import type { QuarterName } from './catalogue/schema';

/** A reporting period: a quarter of a financial year (April to March). */
export interface Period {
  /** `2023-24` */
  readonly year: string;
  /** 2023 for `2023-24` */
  readonly startYear: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

const PERIOD_RE = /^\s*(\d{4})[-/](\d{2})\s*Q([1-4])\s*$/i;

export function fyLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** `2023-24 Q2` (also `2023/24 q2`); undefined when it is not a period. */
export function parsePeriod(text: string): Period | undefined {
  const m = PERIOD_RE.exec(text);
  if (!m) return undefined;
  const startYear = Number(m[1]);
  if ((startYear + 1) % 100 !== Number(m[2])) return undefined;
  return { year: fyLabel(startYear), startYear, quarter: Number(m[3]) as Period['quarter'] };
}

export function formatPeriod(p: Period): string {
  return `${p.year} Q${p.quarter}`;
}

export function makePeriod(startYear: number, quarter: number): Period {
  return { year: fyLabel(startYear), startYear, quarter: quarter as Period['quarter'] };
}

export function previousPeriod(p: Period): Period {
  return p.quarter === 1 ? makePeriod(p.startYear - 1, 4) : makePeriod(p.startYear, p.quarter - 1);
}

export function nextPeriod(p: Period): Period {
  return p.quarter === 4 ? makePeriod(p.startYear + 1, 1) : makePeriod(p.startYear, p.quarter + 1);
}

export function samePeriodLastYear(p: Period): Period {
  return makePeriod(p.startYear - 1, p.quarter);
}

/** Order of periods: negative when a is earlier. */
export function comparePeriods(a: Period, b: Period): number {
  return a.startYear - b.startYear || a.quarter - b.quarter;
}

export function quarterName(p: Period): QuarterName {
  return `Q${p.quarter}` as QuarterName;
}

/** First and last calendar months (1-12, with calendar year) covered by the quarter. */
export function periodMonths(p: Period): { from: { year: number; month: number }; to: { year: number; month: number } } {
  const firstMonth = 4 + (p.quarter - 1) * 3; // Apr, Jul, Oct, Jan(13)
  const year = p.startYear + (firstMonth > 12 ? 1 : 0);
  const month = ((firstMonth - 1) % 12) + 1;
  return { from: { year, month }, to: { year, month: month + 2 } };
}

/** The last day of the quarter, `YYYY-MM-DD`: the date a value for it is as of. */
export function periodEndDate(p: Period): string {
  const { to } = periodMonths(p);
  const last = new Date(Date.UTC(to.year, to.month, 0)).getUTCDate();
  return `${to.year}-${String(to.month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/** The period containing a calendar date `YYYY-MM-DD`. */
export function periodOfDate(iso: string): Period | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // An impossible day (30 February) is a typing error, not a date in some quarter.
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  const startYear = month >= 4 ? year : year - 1;
  const quarter = month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4;
  return makePeriod(startYear, quarter);
}
