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
import { skippedSheets, validateBook, type ReturnResult, type SkippedProductSheet } from './validate-return';

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
  /** The BI team's working sheet: every row with where it came from. Planned when asked: the CLI never writes it. */
  scorecardSheet(): SheetPlan;
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

/** What the returns came to, before the consolidation is made of them. */
type Collected =
  | { readonly ok: true; readonly period: Period; readonly catalogue: Catalogue; readonly results: readonly ReturnResult[]; readonly skipped: readonly SkippedProductSheet[] }
  | { readonly ok: false; readonly problem: 'no-period' | 'mixed-periods'; readonly periods: readonly { readonly period: string; readonly file: string }[] };

/**
 * The returns taken one workbook at a time and validated as they come, so a batch of hundreds of
 * returns never holds every workbook at once (issue 19: memory and time went to holding them all).
 * Without a quarter given, the workbooks before the first that states one wait for it; a second
 * quarter stated means no consolidation, so nothing more is validated, but every quarter is listed.
 */
export class ReturnsCollector {
  private period: Period | undefined;
  private catalogue: Catalogue | undefined;
  private waiting: Book[] = [];
  private readonly stated = new Map<string, string>();
  private readonly results: ReturnResult[] = [];
  private readonly skipped: SkippedProductSheet[] = [];
  private readonly previous;
  private added = 0;

  constructor(private readonly input: Pick<ConsolidateInput, 'catalogue' | 'period' | 'master' | 'progress'> & { readonly total: number }) {
    this.previous = input.master ? previousLookup(input.master) : undefined;
    if (input.period) this.fix(input.period);
  }

  add(book: Book): void {
    this.skipped.push(...skippedSheets([book]));
    if (!this.input.period) this.note(book);
    if (this.catalogue && this.stated.size <= 1) this.check(book);
    else if (!this.catalogue) this.waiting.push(book);
    this.added += 1;
    this.input.progress?.(this.added, this.input.total, book.file);
  }

  finish(): Collected {
    if (!this.period || !this.catalogue || this.stated.size > 1) {
      const periods = [...this.stated].map(([period, file]) => ({ period, file }));
      return { ok: false, problem: periods.length === 0 ? 'no-period' : 'mixed-periods', periods };
    }
    return { ok: true, period: this.period, catalogue: this.catalogue, results: this.results, skipped: this.skipped };
  }

  /** The quarters this workbook's returns state (read, not validated); the first fixes the quarter. */
  private note(book: Book): void {
    for (const grid of findReturnGrids(book.sheets)) {
      const text = readReturn(grid).periodText;
      const p = text ? parsePeriod(text) : undefined;
      if (p && !this.stated.has(formatPeriod(p))) this.stated.set(formatPeriod(p), book.file);
      if (p && !this.period) this.fix(p);
    }
  }

  private fix(period: Period): void {
    this.period = period;
    this.catalogue = effectiveCatalogue(this.input.catalogue, period);
    const waiting = this.waiting;
    this.waiting = [];
    for (const book of waiting) this.check(book);
  }

  private check(book: Book): void {
    if (!this.catalogue || !this.period) return;
    this.results.push(...validateBook(this.catalogue, book, { period: this.period, ...(this.previous ? { previous: this.previous } : {}) }));
  }
}

/**
 * Consolidate: the returns of one quarter validated against the catalogue as it applied then, the
 * indicators combined (conflicts and missing returns found), the quarter recorded in the master when
 * asked, and the Cabinet workbook and the working sheet planned. Writes nothing.
 */
export function consolidateReturns(input: ConsolidateInput): ConsolidateOutcome {
  const collector = new ReturnsCollector({ ...input, total: input.books.length });
  for (const book of input.books) collector.add(book);
  return consolidateCollected(input, collector.finish());
}

/** consolidateReturns over workbooks read one at a time: each is validated and let go before the next is read. */
export async function consolidateEach(input: Omit<ConsolidateInput, 'books'>, books: AsyncIterable<Book>, total: number): Promise<ConsolidateOutcome> {
  const collector = new ReturnsCollector({ ...input, total });
  for await (const book of books) collector.add(book);
  return consolidateCollected(input, collector.finish());
}

function consolidateCollected(input: Omit<ConsolidateInput, 'books'>, collected: Collected): ConsolidateOutcome {
  if (!collected.ok) return collected;
  const { period, catalogue, results, skipped } = collected;
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
  // The model is not kept once the plan holds what it said: it was much of a big run's memory.
  const cabinet = cabinetWorkbook(paper.model, input.password ? { password: input.password } : {});
  if (input.directorate) {
    const scoped = scopeConsolidation(consolidation, catalogue, input.directorate);
    return { ok: true, period, catalogue, results: scopeResults(results, scoped, catalogue, input.directorate), consolidation: scoped, scorecardSheet: () => scorecardPlan(scoped), cabinet, skipped, ...(history ? { history } : {}) };
  }
  return { ok: true, period, catalogue, results, consolidation, scorecardSheet: () => scorecardPlan(consolidation), cabinet, skipped, ...(history ? { history } : {}) };
}
