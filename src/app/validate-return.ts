import type { Catalogue } from '../core/catalogue/schema';
import type { Grid } from '../core/grid';
import type { Issue } from '../core/issues';
import type { Period } from '../core/period';
import { ragFormatPlan } from '../core/plan/rag-format';
import type { SheetPlan } from '../core/plan/types';
import { emptyCounts } from '../core/return/counts';
import type { ProductSheetKind } from '../core/product-sheet';
import { findReturns, validateGrid, type SkippedSheet } from '../core/return/find';
import { RETURN_SHEET } from '../core/return/layout';
import { readReturn } from '../core/return/read';
import type { ReadReturn, ValidationResult } from '../core/return/types';
import { validateReturn } from '../core/return/validate';
import type { PreviousValue } from '../core/return/validate-row';
import type { Book, Progress } from './books';

/** One return sheet of one workbook, validated. */
export interface ReturnResult {
  readonly file: string;
  readonly validation: ValidationResult;
}

export interface ValidateOptions {
  /** The quarter to check against; without it, each return's own Period cell. */
  readonly period?: Period;
  /** Each row's value in the quarter before, from the BI master, for direction of travel. */
  readonly previous?: PreviousValue;
  readonly progress?: Progress;
}

/** The result for a workbook holding no return: one error, nothing else. */
export function noReturnResult(file: string): ValidationResult {
  const issue: Issue = { severity: 'error', code: 'no-return-sheet', file, params: { file } };
  return {
    sheet: '', period: null, rows: [], issues: [issue], counts: emptyCounts(),
    signOff: { ready: false, cells: {} }, signOffState: 'not-ready', entriesFingerprint: '',
  };
}

/**
 * Validate a return: every return sheet of every workbook, each issue naming its file. The one
 * validation both faces run (`scorecard validate`, consolidation, the pane's Consolidate tab).
 */
export function validateReturns(catalogue: Catalogue, books: readonly Book[], options: ValidateOptions = {}): ReturnResult[] {
  const out: ReturnResult[] = [];
  books.forEach((book, i) => {
    out.push(...validateBook(catalogue, book, options));
    options.progress?.(i + 1, books.length, book.file);
  });
  return out;
}

/** One workbook's returns validated: what validateReturns does for each book, for callers that read one book at a time. */
export function validateBook(catalogue: Catalogue, book: Book, options: Omit<ValidateOptions, 'progress'> = {}): ReturnResult[] {
  const check = { ...(options.period ? { period: options.period } : {}), ...(options.previous ? { previous: options.previous } : {}) };
  const { returns: grids, skipped } = findReturns(book.sheets);
  // A workbook of sheets this product wrote (a Cabinet paper) is no return at all: a note (skippedSheets), not a result.
  if (grids.length === 0 && skipped.length === 0) return [{ file: book.file, validation: noReturnResult(book.file) }];
  return grids.map((grid) => {
    const validation = validateGrid(catalogue, grid, check);
    return { file: book.file, validation: { ...validation, issues: validation.issues.map((x) => ({ ...x, file: book.file })) } };
  });
}

/** What validating workbooks one at a time came to; `product` stops it at the first workbook this product wrote. */
export interface ValidatedEach {
  readonly results: readonly ReturnResult[];
  readonly skipped: readonly SkippedProductSheet[];
  readonly product?: { readonly file: string; readonly kinds: ProductSheetKind[] };
}

/**
 * validateReturns over workbooks read one at a time, each let go before the next is read (a batch of
 * hundreds of returns never held at once); a workbook that holds only sheets this product wrote (a
 * Cabinet paper given as a return) stops it, since there is no return in it to check.
 */
export async function validateEach(catalogue: Catalogue, books: AsyncIterable<Book>, total: number, options: ValidateOptions = {}): Promise<ValidatedEach> {
  const results: ReturnResult[] = [];
  const skipped: SkippedProductSheet[] = [];
  let done = 0;
  for await (const book of books) {
    const product = productWorkbooks([book])[0];
    if (product) return { results, skipped, product };
    skipped.push(...skippedSheets([book]));
    results.push(...validateBook(catalogue, book, options));
    options.progress?.(++done, total, book.file);
  }
  return { results, skipped };
}

/** A sheet this product wrote, found in a file given as a return: skipped, with a note. */
export interface SkippedProductSheet extends SkippedSheet {
  readonly file: string;
}

/** Every sheet the books hold that this product wrote (Cabinet, Scorecard, Trends …): never read as returns. */
export function skippedSheets(books: readonly Book[]): SkippedProductSheet[] {
  return books.flatMap((book) => findReturns(book.sheets).skipped.map((s) => ({ file: book.file, ...s })));
}

/** The books that hold no return, only sheets this product wrote, with the kinds they hold. */
export function productWorkbooks(books: readonly Book[]): { readonly file: string; readonly kinds: ProductSheetKind[] }[] {
  return books.flatMap((book) => {
    const { returns, skipped } = findReturns(book.sheets);
    return returns.length === 0 && skipped.length > 0 ? [{ file: book.file, kinds: skipped.map((s) => s.kind) }] : [];
  });
}

/** Errors and warnings over many returns, and how many returns have an error. */
export function totals(results: readonly ReturnResult[]): { errors: number; warnings: number; withErrors: number } {
  let errors = 0;
  let warnings = 0;
  let withErrors = 0;
  for (const r of results) {
    const e = r.validation.issues.filter((i) => i.severity === 'error').length;
    errors += e;
    warnings += r.validation.issues.length - e;
    if (e > 0) withErrors += 1;
  }
  return { errors, warnings, withErrors };
}

/**
 * The return the pane is looking at: validated, or, when the workbook has none, the one error that
 * says so (the pane shows it as it shows any other issue).
 */
export function validateSheet(catalogue: Catalogue, grid: Grid | undefined, options: Omit<ValidateOptions, 'progress'> = {}): { readonly read?: ReadReturn; readonly result: ValidationResult; readonly formats?: SheetPlan } {
  const check = { ...(options.period ? { period: options.period } : {}), ...(options.previous ? { previous: options.previous } : {}) };
  if (!grid) {
    const result = validateReturn(catalogue, readReturn({ sheet: RETURN_SHEET, values: [] }), check);
    const none: Issue = { severity: 'error', code: 'no-return-sheet', params: {} };
    return { result: { ...result, issues: [none, ...result.issues] } };
  }
  const read = readReturn(grid);
  const result = validateReturn(catalogue, read, check);
  // RAG colours for the sheet: formatting only, never a value.
  return { read, result, formats: ragFormatPlan(read, result) };
}
