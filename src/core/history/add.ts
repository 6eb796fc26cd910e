import type { Consolidation, ConsolidatedRow } from '../consolidate-types';
import { summarise } from '../consolidate';
import type { HistoryIssue } from '../issues';
import { comparePeriods, formatPeriod, parsePeriod, type Period } from '../period';
import { SUPPRESSED_RE, type History, type HistoryPeriod, type HistoryValue } from './schema';

export type { HistoryIssue, HistoryIssueCode } from '../issues';

export interface AddPeriodOptions {
  /** ISO date or date-time the BI team closed the quarter. */
  readonly closedAt: string;
  readonly catalogueVersion: string;
  /** Replace a closed period; its old values are kept as a revision. */
  readonly reopen?: boolean;
  readonly reason?: string;
}

export interface AddPeriodResult {
  readonly history: History;
  readonly issues: readonly HistoryIssue[];
}

function toValue(row: ConsolidatedRow, issues: HistoryIssue[], period: string): HistoryValue {
  let actual: HistoryValue['actual'] = null;
  if (typeof row.actual === 'number' && Number.isFinite(row.actual)) actual = row.actual;
  else if (typeof row.actual === 'string' && SUPPRESSED_RE.test(row.actual.trim())) actual = row.actual.trim();
  else if (typeof row.actual === 'string' && row.actual.trim() !== '') {
    // Unreadable text was already an error in validation; the record keeps "no value", not the text.
    issues.push({ severity: 'warning', code: 'text-actual-dropped', period, ref: row.ref, params: { shown: row.actual } });
  }
  return {
    ref: row.ref, actual,
    ...(row.qualitative ? { qualitative: row.qualitative } : {}),
    status: row.status,
    ...(row.numerator !== undefined ? { numerator: row.numerator } : {}),
    ...(row.denominator !== undefined ? { denominator: row.denominator } : {}),
    ...(row.commentary ? { commentary: row.commentary } : {}),
    ...(row.action ? { action: row.action } : {}),
    file: row.file, sheet: row.sheet,
    ...(row.cell ? { cell: row.cell } : {}),
  };
}

const samePeriod = (p: HistoryPeriod, period: Period): boolean => {
  const q = parsePeriod(p.period);
  return q !== undefined && comparePeriods(q, period) === 0;
};

/**
 * Record a consolidated quarter. Invariants: the input history is never changed (a new one is
 * returned, sharing untouched periods); a closed period is rewritten only with `reopen`, and then its
 * old values become a revision; periods stay in date order. A refusal returns the input unchanged.
 */
export function addPeriod(history: History, consolidation: Consolidation, options: AddPeriodOptions): AddPeriodResult {
  const issues: HistoryIssue[] = [];
  const period = parsePeriod(consolidation.period);
  if (!period) {
    return { history, issues: [{ severity: 'error', code: 'bad-period', params: { shown: consolidation.period } }] };
  }
  const label = formatPeriod(period);
  const at = history.periods.findIndex((p) => samePeriod(p, period));
  const old = at >= 0 ? history.periods[at] : undefined;
  if (old && !options.reopen) {
    return { history, issues: [{ severity: 'error', code: 'period-closed', period: label, params: { date: old.closedAt } }] };
  }
  if (!old && options.reopen) issues.push({ severity: 'warning', code: 'nothing-to-reopen', period: label, params: {} });
  if (old && !options.reason?.trim()) issues.push({ severity: 'warning', code: 'reopen-without-reason', period: label, params: {} });
  const errors = summarise(consolidation).errors;
  if (errors > 0) issues.push({ severity: 'warning', code: 'closed-with-errors', period: label, params: { count: errors } });
  const values = consolidation.rows.map((r) => toValue(r, issues, label));
  const revisions = old
    ? [...old.revisions, {
      replacedAt: options.closedAt,
      ...(options.reason?.trim() ? { reason: options.reason.trim() } : {}),
      closedAt: old.closedAt, catalogueVersion: old.catalogueVersion,
      values: old.values, ...(old.missing ? { missing: old.missing } : {}),
    }]
    : [];
  const record: HistoryPeriod = {
    period: label, closedAt: options.closedAt, catalogueVersion: options.catalogueVersion,
    values, missing: [...consolidation.missing], revisions,
  };
  const periods = old
    ? history.periods.map((p, i) => (i === at ? record : p))
    : [...history.periods, record].sort((a, b) => comparePeriods(parsePeriod(a.period) as Period, parsePeriod(b.period) as Period));
  return { history: { ...history, periods }, issues };
}
