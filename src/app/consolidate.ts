import type { PreviousValues } from '../core/cabinet/previous';
import { effectiveCatalogue } from '../core/catalogue/effective';
import type { Catalogue } from '../core/catalogue/schema';
import { consolidate } from '../core/consolidate';
import type { Consolidation } from '../core/consolidate-types';
import type { HistoryIssue } from '../core/history/add';
import { previousLookup } from '../core/history/read';
import type { History } from '../core/history/schema';
import type { Issue } from '../core/issues';
import { formatPeriod, parsePeriod, type Period } from '../core/period';
import { scorecardPlan } from '../core/plan/consolidation-sheet';
import type { SheetPlan, WorkbookPlan } from '../core/plan/types';
import { findReturnGrids } from '../core/return/find';
import { readReturn } from '../core/return/read';
import type { Book, Progress, Unreadable } from './books';
import { cabinetModelFor, cabinetWorkbook } from './cabinet-workbook';
import { scopeConsolidation, scopeResults } from './directorate';
import { skippedSheets, validateReturns, type ReturnResult, type SkippedProductSheet } from './validate-return';

export interface ConsolidateInput {
  readonly catalogue: Catalogue;
  readonly books: readonly Book[];
  /** Files that could not be read: each becomes an error of the consolidation (the pane lists them). */
  readonly unreadable?: readonly Unreadable[];
  /** The quarter; without it, the one every return states. */
  readonly period?: Period;
  /** The BI master: direction of travel, trends and last available results come from it. */
  readonly master?: History;
  /** Record this quarter in the master (the CLI's --history); the pane only compares. */
  readonly record?: { readonly reopen?: boolean; readonly reason?: string };
  /** Without a master: the Cabinet workbooks of the quarter before and of a year before. */
  readonly previous?: PreviousValues;
  readonly lastYear?: PreviousValues;
  /** When this consolidation is made (ISO date-time): the paper's date and the master's closing time. */
  readonly now: string;
  readonly password?: string;
  readonly progress?: Progress;
  /**
   * A Directorate Management Team pack (as the catalogue spells it: `matchDirectorate`): returns are
   * validated against the whole catalogue, then the consolidation, its counts and missing returns,
   * the returns listed and the paper are that directorate's only.
   */
  readonly directorate?: string;
}

export interface Consolidated {
  readonly ok: true;
  readonly period: Period;
  /** The catalogue as it applied in the quarter. */
  readonly catalogue: Catalogue;
  readonly results: readonly ReturnResult[];
  readonly consolidation: Consolidation;
  /** Sheets this product wrote (a Cabinet paper given among the returns): skipped, never counted as returns; a note each. */
  readonly skipped: readonly SkippedProductSheet[];
  /** The BI team's working sheet: every row with where it came from. */
  readonly scorecard: SheetPlan;
  /** The Cabinet workbook (Cabinet sheet, and Trends with a master). */
  readonly cabinet: WorkbookPlan;
  /** With a master to record in: the master with this quarter, and what recording it said. */
  readonly history?: { readonly next: History; readonly issues: readonly HistoryIssue[] };
}

export type ConsolidateOutcome =
  | Consolidated
  /** No quarter to consolidate: none given and the returns state none, or several. */
  | { readonly ok: false; readonly problem: 'no-period' | 'mixed-periods'; readonly periods: readonly { readonly period: string; readonly file: string }[] }
  /** The master refused the quarter (closed, not reopened): nothing is to be written. */
  | { readonly ok: false; readonly problem: 'master-refused'; readonly period: Period; readonly results: readonly ReturnResult[]; readonly consolidation: Consolidation; readonly issues: readonly HistoryIssue[] };

/** The quarters the returns state, each with the first file stating it (read, not validated). */
export function statedPeriods(books: readonly Book[]): { period: string; file: string }[] {
  const seen = new Map<string, string>();
  for (const book of books) {
    for (const grid of findReturnGrids(book.sheets)) {
      const text = readReturn(grid).periodText;
      const p = text ? parsePeriod(text) : undefined;
      if (p && !seen.has(formatPeriod(p))) seen.set(formatPeriod(p), book.file);
    }
  }
  return [...seen].map(([period, file]) => ({ period, file }));
}

/** The one quarter the returns state, or what they state when it is not one. */
export function agreedPeriod(books: readonly Book[]): { readonly period?: string; readonly mixed?: readonly string[] } {
  const stated = statedPeriods(books).map((s) => s.period);
  if (stated.length === 1) return { period: stated[0] as string };
  return stated.length > 1 ? { mixed: stated } : {};
}

function unreadableIssue(u: Unreadable): Issue {
  return { severity: 'error', code: 'unreadable-file', file: u.file, params: { file: u.file, shown: u.reason } };
}

/**
 * Consolidate: the returns of one quarter validated against the catalogue as it applied then, the
 * indicators combined (conflicts and missing returns found), the quarter recorded in the master when
 * asked, and the Cabinet workbook and the working sheet planned. Writes nothing.
 */
export function consolidateReturns(input: ConsolidateInput): ConsolidateOutcome {
  let period = input.period;
  if (!period) {
    const stated = statedPeriods(input.books);
    const only = stated.length === 1 ? parsePeriod(stated[0]?.period ?? '') : undefined;
    if (!only) return { ok: false, problem: stated.length === 0 ? 'no-period' : 'mixed-periods', periods: stated };
    period = only;
  }
  const catalogue = effectiveCatalogue(input.catalogue, period);
  const results = validateReturns(catalogue, input.books, {
    period,
    ...(input.master ? { previous: previousLookup(input.master) } : {}),
    ...(input.progress ? { progress: input.progress } : {}),
  });
  const base = consolidate(catalogue, period, results);
  const extra = (input.unreadable ?? []).map(unreadableIssue);
  const consolidation: Consolidation = extra.length > 0 ? { ...base, issues: [...extra, ...base.issues] } : base;

  const paper = cabinetModelFor({
    catalogue: input.catalogue, consolidation, now: input.now,
    ...(input.master ? { master: input.master } : {}), ...(input.record ? { record: input.record } : {}),
    ...(input.previous ? { previous: input.previous } : {}), ...(input.lastYear ? { lastYear: input.lastYear } : {}),
    ...(input.directorate ? { directorate: input.directorate } : {}),
  });
  if (!paper.ok) return { ok: false, problem: 'master-refused', period, results, consolidation, issues: paper.issues };
  const history = paper.history;
  const skipped = skippedSheets(input.books);
  // The model is not kept once the plan holds what it said: it was much of a big run's memory.
  const cabinet = cabinetWorkbook(paper.model, input.password ? { password: input.password } : {});
  if (input.directorate) {
    const scoped = scopeConsolidation(consolidation, catalogue, input.directorate);
    return { ok: true, period, catalogue, results: scopeResults(results, scoped, catalogue, input.directorate), consolidation: scoped, scorecard: scorecardPlan(scoped), cabinet, skipped, ...(history ? { history } : {}) };
  }
  return { ok: true, period, catalogue, results, consolidation, scorecard: scorecardPlan(consolidation), cabinet, skipped, ...(history ? { history } : {}) };
}
