import type { Catalogue } from '../core/catalogue/schema';
import { emptyCounts } from '../core/return/counts';
import { errorCount, type Issue } from '../core/issues';
import { message } from '../core/messages';
import type { Period } from '../core/period';
import { findReturnGrids, validateGrid } from '../core/return/find';
import type { ValidationResult } from '../core/return/types';
import { readWorkbook, type Workbook } from './load';
import { formatCounts, formatIssue, issueJson, plural, print, progress, type Context } from './output';

/** One return sheet of one file, validated. */
export interface FileResult {
  readonly file: string;
  readonly validation: ValidationResult;
}

/**
 * Read every file first: one unreadable file stops the run before anything is reported or
 * written (all or nothing), with the one-line reason naming it.
 */
export async function readAll(ctx: Context, files: readonly string[]): Promise<Workbook[]> {
  const tick = progress(ctx, 'read', files.length);
  const out: Workbook[] = [];
  for (const [i, file] of files.entries()) {
    out.push(await readWorkbook(ctx.io.cwd, file));
    tick(i + 1);
  }
  return out;
}

function noReturnSheet(file: string): ValidationResult {
  const issue: Issue = { severity: 'error', code: 'no-return-sheet', file, message: message('no-return-sheet', { file }) };
  return {
    sheet: '', period: null, rows: [], issues: [issue], counts: emptyCounts(),
    signOff: { ready: false, cells: {} }, signOffState: 'not-ready', entriesFingerprint: '',
  };
}

export function validateAll(ctx: Context, catalogue: Catalogue, books: readonly Workbook[], period: Period | undefined): FileResult[] {
  const tick = progress(ctx, 'validated', books.length);
  const out: FileResult[] = [];
  books.forEach((book, i) => {
    const grids = findReturnGrids(book.sheets);
    if (grids.length === 0) out.push({ file: book.file, validation: noReturnSheet(book.file) });
    for (const grid of grids) {
      const validation = validateGrid(catalogue, grid, period ? { period } : {});
      const issues = validation.issues.map((x) => ({ ...x, file: book.file }));
      out.push({ file: book.file, validation: { ...validation, issues } });
    }
    tick(i + 1);
  });
  return out;
}

const SIGN_OFF_TEXT: Readonly<Record<ValidationResult['signOffState'], string>> = {
  'not-ready': 'not marked ready',
  ready: 'ready, not signed off',
  'signed-off': 'signed off',
  'edited-after-signoff': 'EDITED AFTER SIGN-OFF',
};

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
  if (v.sheet) print(ctx, `  ${formatCounts(v.counts)}   ${SIGN_OFF_TEXT[v.signOffState]}`);
  const travel = directionLine(v.rows);
  if (travel) print(ctx, `  ${travel}`);
  const ordered = [...v.issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  for (const issue of ordered) print(ctx, formatIssue(issue));
  const errors = errorCount(v.issues);
  const warnings = v.issues.length - errors;
  print(ctx, errors + warnings === 0 ? '  no problems found' : `  ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  print(ctx);
}

export function fileJson(r: FileResult): Record<string, unknown> {
  const v = r.validation;
  const errors = errorCount(v.issues);
  return {
    file: r.file,
    period: v.period,
    sheet: v.sheet,
    service: v.service ?? null,
    rows: v.rows.map((row) => ({
      ref: row.ref, actual: row.actual, status: row.status, direction: row.direction,
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

export function totals(results: readonly FileResult[]): { errors: number; warnings: number; withErrors: number } {
  let errors = 0;
  let warnings = 0;
  let withErrors = 0;
  for (const r of results) {
    const e = errorCount(r.validation.issues);
    errors += e;
    warnings += r.validation.issues.length - e;
    if (e > 0) withErrors += 1;
  }
  return { errors, warnings, withErrors };
}
