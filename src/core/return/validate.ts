import { effectiveCatalogue } from '../catalogue/effective';
import type { Catalogue } from '../catalogue/schema';
import { findIndicator } from '../catalogue/lookup';
import type { Issue } from '../issues';
import { comparePeriods, formatPeriod, parsePeriod, type Period } from '../period';
import { ragCounts } from './counts';
import { ENTRY_COLUMNS } from './read';
import { entriesFingerprint, signOffState } from './signoff';
import type { ReadReturn, ReturnRow, RowResult, ValidationResult } from './types';
import { validateRow, type PreviousValue } from './validate-row';
import { isBlankCell } from './values';
import { isDue } from '../catalogue/accessors';

export interface ValidateOptions {
  /**
   * The period the return is checked for. A return whose own Period cell names another period is
   * never read as this one: the file's period wins, and the mismatch is an error.
   */
  readonly period?: Period;
  /** The service whose indicators the return must cover; else the sheet's Service cell. */
  readonly service?: string;
  /** The indicator's value in an earlier period, for direction of travel. */
  readonly previous?: PreviousValue;
}

function resolvePeriod(read: ReadReturn, options: ValidateOptions, issues: Issue[]): Period | undefined {
  const shown = read.periodText;
  const cell = read.periodCell;
  const where = cell ? { cell } : {};
  const onSheet = shown ? parsePeriod(shown) : undefined;
  if (options.period) {
    const period = formatPeriod(options.period);
    // A quarter's figures published as another's is the worst mistake a paper can make: the
    // return is read as the quarter it says it is, and the caller is told.
    if (onSheet && comparePeriods(onSheet, options.period) !== 0) {
      issues.push({ severity: 'error', code: 'period-mismatch', ...where, params: { shown: formatPeriod(onSheet), period } });
      return onSheet;
    }
    // Text that is no period says nothing about the quarter: the caller's period stands, flagged.
    if (shown && !onSheet) issues.push({ severity: 'warning', code: 'bad-period', ...where, params: { shown, period } });
    return options.period;
  }
  if (!shown) {
    issues.push({ severity: 'error', code: 'no-period', ...where, params: {} });
    return undefined;
  }
  if (!onSheet) issues.push({ severity: 'error', code: 'bad-period', ...where, params: { shown } });
  return onSheet;
}

function hasEntry(row: ReturnRow): boolean {
  return ENTRY_COLUMNS.some((k) => {
    const c = row[k];
    return c !== undefined && !isBlankCell(c.value);
  });
}

const normService = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The catalogue's indicators grouped by normalised service name, in catalogue order, worked out
 * once per catalogue: re-normalising every indicator for every return was most of a 200-return
 * consolidation's validation time.
 */
const byService = new WeakMap<Catalogue, ReadonlyMap<string, readonly Catalogue['indicators'][number][]>>();

function indicatorsOf(catalogue: Catalogue, service: string): readonly Catalogue['indicators'][number][] {
  let groups = byService.get(catalogue);
  if (!groups) {
    const built = new Map<string, Catalogue['indicators'][number][]>();
    for (const ind of catalogue.indicators) {
      const key = normService(ind.service);
      const list = built.get(key);
      if (list) list.push(ind);
      else built.set(key, [ind]);
    }
    groups = built;
    byService.set(catalogue, groups);
  }
  return groups.get(normService(service)) ?? [];
}

/**
 * Check a read return against the catalogue. Pure: never changes `read` or the catalogue.
 * Without a period no RAG can be worked out, so every row is Missing (the no-period or
 * bad-period error says why) and the checks that need the period's target are skipped.
 */
export function validateReturn(full: Catalogue, read: ReadReturn, options: ValidateOptions = {}): ValidationResult {
  const issues: Issue[] = [...read.issues];
  const period = resolvePeriod(read, options, issues);
  // The catalogue as it applied then: the period's targets (a year-to-date measure's profile step),
  // as the template, the consolidation and the Cabinet paper use.
  const catalogue = period ? effectiveCatalogue(full, period) : full;
  const rows: RowResult[] = [];
  const seen = new Map<string, ReturnRow>();
  for (const row of read.rows) {
    const indicator = findIndicator(catalogue, row.ref);
    const cell = row.refCell.address;
    if (!indicator) {
      // A stray note in the Ref column is worth a word; a value against an unknown Ref is lost data.
      const severity = hasEntry(row) ? 'error' : 'warning';
      issues.push({ severity, code: 'unknown-ref', ref: row.ref, cell, params: {} });
      continue;
    }
    const key = indicator.id.toUpperCase();
    const first = seen.get(key);
    if (first) {
      const ref = indicator.id;
      issues.push({ severity: 'error', code: 'duplicate-ref', ref, cell, params: { first: first.refCell.address } });
      continue;
    }
    seen.set(key, row);
    // One shape for every row (a field left undefined reads as absent): no spread per row.
    rows.push(validateRow({ catalogue, indicator, row, period, previous: options.previous, issues }));
  }
  const service = options.service ?? read.service;
  if (service && period) {
    for (const ind of indicatorsOf(catalogue, service)) {
      if (!isDue(ind, period) || seen.has(ind.id.toUpperCase())) continue;
      issues.push({ severity: 'error', code: 'missing-indicator', ref: ind.id, params: { service: ind.service, period: formatPeriod(period) } });
    }
  }
  const fingerprint = entriesFingerprint(read);
  return {
    sheet: read.sheet,
    period: period ? formatPeriod(period) : null,
    ...(service ? { service } : {}),
    rows,
    issues,
    counts: ragCounts(rows.map((r) => r.status)),
    signOff: read.signOff,
    signOffState: signOffState(read, fingerprint),
    entriesFingerprint: fingerprint,
  };
}
