import type { Catalogue } from '../core/catalogue/schema';
import { errorCount, errorsFirst } from '../core/issues';
import { validateReturns, type ReturnResult, type ValidateOptions } from '../app/validate-return';
import type { ValidationResult } from '../core/return/types';
import { readReturn, type Workbook } from './load';
import { formatIssue, issueJson, print, progress, type Context } from './output';
import { SIGN_OFF_WORDS } from '../core/return/signoff';
import { countsSummary, severityCounts } from '../core/words';
import { findIndicator } from '../core/catalogue/lookup';
import { exportValues } from '../core/cabinet/suppress';

/** One return sheet of one file, validated. */
export type FileResult = ReturnResult;

/**
 * Read every file first: one unreadable file stops the run before anything is reported or
 * written (all or nothing), with the one-line reason naming it.
 */
export async function readAll(ctx: Context, files: readonly string[]): Promise<Workbook[]> {
  const tick = progress(ctx, 'read', files.length);
  const out: Workbook[] = [];
  for (const [i, file] of files.entries()) {
    out.push(await readReturn(ctx.io.cwd, file));
    tick(i + 1);
  }
  return out;
}

/**
 * The files read one at a time, in order: a caller that is done with each before asking for the next
 * never holds more than one workbook (a batch of hundreds stays within its memory). An unreadable
 * file still stops the run, with its one-line reason, before anything is written.
 */
export async function* eachBook(ctx: Context, files: readonly string[]): AsyncGenerator<Workbook> {
  for (const file of files) yield await readReturn(ctx.io.cwd, file);
}

/** Validate every book, progress on stderr for big batches: the app's use case, with the CLI's ticker. */
export function validateAll(ctx: Context, catalogue: Catalogue, books: readonly Workbook[], options: Omit<ValidateOptions, 'progress'> = {}): FileResult[] {
  const tick = progress(ctx, 'validated', books.length);
  return validateReturns(catalogue, books, { ...options, progress: (done) => tick(done) });
}

/** `Direction: 5 improving · 2 worsening · 1 no change`, when the rows have one (validate --history). */
function directionLine(rows: ValidationResult['rows']): string | undefined {
  const count = (d: string): number => rows.filter((r) => r.direction === d).length;
  const parts = (['Improving', 'Worsening', 'No change'] as const).map((d) => [d, count(d)] as const).filter(([, n]) => n > 0);
  return parts.length > 0 ? `Direction vs last quarter: ${parts.map(([d, n]) => `${n} ${d.toLowerCase()}`).join(' · ')}` : undefined;
}

/** The people's report for one return. */
export function printFileReport(ctx: Context, r: FileResult): void {
  const v = r.validation;
  const what = [v.sheet, v.service, v.period ?? 'no period'].filter((x) => x).join(', ');
  print(ctx, `${r.file}  (${what})`);
  if (v.sheet) print(ctx, `  ${countsSummary(v.counts)}   ${SIGN_OFF_WORDS[v.signOffState]}`);
  const travel = directionLine(v.rows);
  if (travel) print(ctx, `  ${travel}`);
  for (const issue of errorsFirst(v.issues)) print(ctx, formatIssue(issue));
  print(ctx, v.issues.length === 0 ? '  no problems found' : `  ${severityCounts(v.issues)}`);
  print(ctx);
}

/**
 * A return's entry in the JSON. With `suppressing` (an export beyond the lead who wrote the return:
 * consolidate --json), a count of an individual-level indicator (one with suppressBelow) goes through
 * the paper's suppression, so `actual` is `<5` where the paper says `<5`.
 */
export function fileJson(r: FileResult, suppressing?: Catalogue): Record<string, unknown> {
  const v = r.validation;
  const actualOf = (row: ValidationResult['rows'][number]): unknown =>
    (suppressing ? exportValues(findIndicator(suppressing, row.ref), { actual: row.actual, numerator: row.numerator ?? null, denominator: row.denominator ?? null }).actual : row.actual);
  const errors = errorCount(v.issues);
  return {
    file: r.file,
    period: v.period,
    sheet: v.sheet,
    service: v.service ?? null,
    rows: v.rows.map((row) => ({
      ref: row.ref, actual: actualOf(row), status: row.status, direction: row.direction,
      cell: row.cell ?? null,
      ...(row.commentary ? { commentary: row.commentary } : {}),
      ...(row.action ? { action: row.action } : {}),
    })),
    issues: v.issues.map(issueJson),
    counts: v.counts,
    signOff: v.signOffState,
    errors,
    warnings: v.issues.length - errors,
  };
}
