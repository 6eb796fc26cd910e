import type { ConsolidationSummary } from './consolidate';
import type { RagCounts } from './return/types';

/**
 * Words for people, decided once: every face (command line, task pane, Cabinet sheet, demo) says a
 * count, a RAG summary and a date the same way. Machine fields (JSON, document properties, the
 * history file, fingerprints) keep their ISO text and never come through here.
 */

/** `1 error`, `2 errors`; `plural(3, 'priority', 'priorities')`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `2 errors, 1 warning`: a list of issues summed up the same way in every face. */
export function severityCounts(issues: readonly { readonly severity: 'error' | 'warning' }[]): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  return `${plural(errors, 'error')}, ${plural(issues.length - errors, 'warning')}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * An ISO date or date-time as people in the UK write it: `4 December 2026` (the calendar date as
 * written; a date-time's `Z` day). Anything else (a date typed by hand as words) is returned as it is.
 */
export function peopleDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(iso.trim());
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = MONTHS[Number(mo) - 1];
  const day = Number(d);
  if (!month || day < 1 || day > 31) return iso;
  return `${day} ${month} ${Number(y)}`;
}

/** Statuses in the order people read them. Tracking and Not due are not RAG: they are counted apart. */
export const COUNT_ORDER = ['Blue', 'Green', 'Amber', 'Red', 'Complete', 'Missing', 'Tracking', 'Not due'] as const;

export interface CountPart {
  readonly status: keyof RagCounts;
  readonly count: number;
  /** False for Tracking and Not due, which RAG counts leave out. */
  readonly rag: boolean;
}

/** Green, Amber and Red always (a zero there is news); every other status only when there is one. */
export function countParts(counts: RagCounts): CountPart[] {
  return COUNT_ORDER.filter((k) => counts[k] > 0 || k === 'Green' || k === 'Amber' || k === 'Red')
    .map((k) => ({ status: k, count: counts[k], rag: k !== 'Tracking' && k !== 'Not due' }));
}

/** `Green 5 · Amber 2 · Red 1 · Missing 1 · Not due 3`: the one RAG-count line of every face. */
export function countsSummary(counts: RagCounts): string {
  return countParts(counts).map((p) => `${p.status} ${p.count}`).join(' · ');
}

/** A safe file-name part from a name people gave: `Children's Services & SEND` → `childrens-services-and-send`. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/['’]/g, '').replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * `7 errors, 20 warnings in all: 2 errors, 18 warnings in the returns; 5 errors, 2 warnings found
 * in consolidating (…)`: the one line both faces print under a consolidation.
 */
export function summaryLine(s: Pick<ConsolidationSummary, 'errors' | 'warnings' | 'inReturns' | 'found'>): string {
  const pair = (t: { errors: number; warnings: number }): string => `${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}`;
  return `${pair(s)} in all: ${pair(s.inReturns)} in the returns; ${pair(s.found)} found in consolidating (returns for another period, sign-off, missing returns, conflicts).`;
}
