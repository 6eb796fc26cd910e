import { effectiveCatalogue } from './catalogue/effective';
import type { Catalogue } from './catalogue/schema';
import type { Conflict, ConflictReason, ConflictValue, ConsolidatedRow, Consolidation, FileSummary, ReturnInput } from './consolidate-types';
import { errorCount, type Issue } from './issues';
import { EXCEL_CELL_CHARS } from './cell-text';
import { formatPeriod, type Period } from './period';
import { ragCounts } from './return/counts';
import type { RowResult, SignOffState } from './return/types';
import { isDue } from './catalogue/accessors';

/** One return's row with where it came from and whether its return is signed off. */
interface Candidate {
  readonly row: RowResult;
  readonly file: string;
  readonly sheet: string;
  readonly signOffState: SignOffState;
}

const signedOff = (c: Candidate): boolean => c.signOffState === 'signed-off';

/** Nothing given: a blank row in someone else's copy of the template does not contradict a value. */
function isBlank(row: RowResult): boolean {
  return (row.actual === null || row.actual === '') && row.qualitative === undefined;
}

function sameValue(a: RowResult, b: RowResult): boolean {
  return a.actual === b.actual && a.qualitative === b.qualitative
    && (a.numerator ?? null) === (b.numerator ?? null) && (a.denominator ?? null) === (b.denominator ?? null);
}

function shown(row: RowResult): string {
  if (row.qualitative) return row.qualitative;
  return row.actual === null ? 'blank' : String(row.actual);
}

/** A signed-off return wins over one that is not; otherwise the first file given wins. */
function choose(cands: readonly Candidate[]): Candidate {
  return cands.find(signedOff) ?? (cands[0] as Candidate);
}

/** Why `choose` chose as it did, for the words every face shows. */
function reasonFor(cands: readonly Candidate[]): ConflictReason {
  const signed = cands.filter(signedOff).length;
  return signed === 0 ? 'first-given' : signed === 1 ? 'signed-off' : 'first-signed-off';
}

function conflictIssue(ref: string, given: readonly Candidate[], chosen: Candidate, reason: ConflictReason): Issue {
  return {
    severity: 'error', code: 'conflict', ref, file: chosen.file, ...(chosen.row.cell ? { cell: chosen.row.cell } : {}),
    params: {
      given: given.map((c) => ({ file: c.file, where: c.row.cell ?? c.sheet, shown: shown(c.row) })),
      chosen: chosen.file, reason,
    },
  };
}

function conflictValue(c: Candidate, used: boolean): ConflictValue {
  const r = c.row;
  return {
    file: c.file, ...(r.cell ? { cell: r.cell } : {}), actual: r.qualitative ?? r.actual,
    ...(r.numerator !== undefined ? { numerator: r.numerator } : {}), ...(r.denominator !== undefined ? { denominator: r.denominator } : {}),
    status: r.status, signOffState: c.signOffState, used,
  };
}

function fileIssues(input: ReturnInput, period: string): Issue[] {
  const v = input.validation;
  const file = input.file;
  const out: Issue[] = [];
  const has = (code: Issue['code']): boolean => v.issues.some((i) => i.code === code);
  if (v.period !== null && v.period !== period && !has('period-mismatch')) {
    out.push({
      severity: 'error', code: 'period-mismatch', file,
      params: { consolidating: true, file, shown: v.period, period },
    });
  }
  if ((v.signOffState === 'not-ready' || v.signOffState === 'ready') && !has('not-signed-off')) {
    out.push({ severity: 'warning', code: 'not-signed-off', file, params: { file } });
  }
  if (v.signOffState === 'edited-after-signoff' && !has('edited-after-signoff')) {
    out.push({ severity: 'warning', code: 'edited-after-signoff', file, params: { file } });
  }
  return out;
}

/** Characters of commentary and action as the Cabinet's one cell joins them ('Action: ' and a line between). */
function joinedLength(row: { readonly commentary?: string | null; readonly action?: string | null }): number {
  const c = (row.commentary ?? '').trim().length;
  const a = (row.action ?? '').trim().length;
  return c + (a > 0 ? a + 'Action: '.length : 0) + (c > 0 && a > 0 ? 1 : 0);
}

/**
 * `{ ...row, ref, file, sheet }`, made by Object.assign: the same own fields in the same order, but
 * the spread took 50 ms for 30,000 rows of two shapes where this takes under 10 (profiled, cold). A
 * row with an own `__proto__` field (which assigning would not copy as a field) is spread.
 */
function withSource(row: RowResult, ref: string, file: string, sheet: string): ConsolidatedRow {
  if (Object.prototype.hasOwnProperty.call(row, '__proto__')) return { ...row, ref, file, sheet };
  const out = Object.assign({}, row) as { -readonly [K in keyof ConsolidatedRow]: ConsolidatedRow[K] };
  out.ref = ref;
  out.file = file;
  out.sheet = sheet;
  return out;
}

/**
 * Many validated returns into one set of rows for the period, in catalogue order.
 * Invariants: every row names its file, sheet and cell; a return for another period gives no rows;
 * each ref due this period is either in `rows` or in `missing`; counts count a missing ref as Missing.
 */
export function consolidate(full: Catalogue, period: Period, inputs: readonly ReturnInput[]): Consolidation {
  const catalogue = effectiveCatalogue(full, period);
  const periodText = formatPeriod(period);
  const issues: Issue[] = [];
  const findings: Issue[] = [];
  const files: FileSummary[] = [];
  const byRef = new Map<string, Candidate[]>();
  for (const input of inputs) {
    const v = input.validation;
    const own = fileIssues(input, periodText);
    const all = [...v.issues.map((i) => ({ ...i, file: input.file })), ...own];
    issues.push(...all);
    findings.push(...own);
    files.push({
      file: input.file, sheet: v.sheet, ...(v.service ? { service: v.service } : {}), period: v.period,
      rows: v.rows.length, errors: errorCount(all), warnings: all.length - errorCount(all), signOffState: v.signOffState,
    });
    if (v.period !== null && v.period !== periodText) continue;
    for (const row of v.rows) {
      const key = row.ref.toUpperCase();
      const candidate: Candidate = { row, file: input.file, sheet: v.sheet, signOffState: v.signOffState };
      const list = byRef.get(key);
      if (list) list.push(candidate);
      else byRef.set(key, [candidate]);
    }
  }
  const rows: ConsolidatedRow[] = [];
  const conflicts: Conflict[] = [];
  const missing: string[] = [];
  const addRow = (ind: Catalogue['indicators'][number], chosen: Candidate): void => {
    rows.push(withSource(chosen.row, ind.id, chosen.file, chosen.sheet));
    const words = joinedLength(chosen.row);
    if (words > EXCEL_CELL_CHARS) {
      const issue: Issue = { severity: 'warning', code: 'cell-text-cut', ref: ind.id, file: chosen.file, params: { consolidating: true, length: words, limit: EXCEL_CELL_CHARS } };
      issues.push(issue);
      findings.push(issue);
    }
  };
  for (const ind of catalogue.indicators) {
    const all = byRef.get(ind.id.toUpperCase()) ?? [];
    const due = isDue(ind, period);
    if (all.length === 0) {
      if (!due) continue;
      missing.push(ind.id);
      const issue: Issue = { severity: 'error', code: 'missing-return', ref: ind.id, params: { service: ind.service, period: periodText } };
      issues.push(issue);
      findings.push(issue);
      continue;
    }
    if (!due) continue;
    if (all.length === 1) {
      // One return gave it (nearly every indicator): it is chosen and nothing conflicts, as the general case below would find.
      addRow(ind, all[0] as Candidate);
      continue;
    }
    const given = all.filter((c) => !isBlank(c.row));
    const pool = given.length > 0 ? given : all;
    const chosen = choose(pool);
    const distinct = given.some((c) => !sameValue(c.row, (given[0] as Candidate).row));
    if (distinct) {
      const reason = reasonFor(given);
      conflicts.push({ ref: ind.id, values: given.map((c) => conflictValue(c, c === chosen)), reason });
      const issue = conflictIssue(ind.id, given, chosen, reason);
      issues.push(issue);
      findings.push(issue);
    }
    addRow(ind, chosen);
  }
  const counts = ragCounts([...rows.map((r) => r.status), ...missing.map(() => 'Missing' as const)]);
  return { period: periodText, rows, conflicts, missing, files, issues, findings, counts };
}

export interface Tally {
  readonly errors: number;
  readonly warnings: number;
}

/** The one summary of a consolidation every face prints (text, --json, the pane, the history). */
export interface ConsolidationSummary {
  readonly period: string;
  readonly counts: Consolidation['counts'];
  /** Return sheets received, and how many of them have an error. */
  readonly returns: number;
  readonly returnsWithErrors: number;
  /** In the returns themselves (each file's own issues). */
  readonly inReturns: Tally;
  /** Found by consolidating: `findings` (other periods, sign-off, missing returns, conflicts). */
  readonly found: Tally;
  /** Everything: inReturns + found (+ the history's, when recording in a BI master). */
  readonly errors: number;
  readonly warnings: number;
}

function tally(issues: readonly { readonly severity: 'error' | 'warning' }[]): Tally {
  const errors = issues.filter((i) => i.severity === 'error').length;
  return { errors, warnings: issues.length - errors };
}

export function summarise(c: Consolidation, also: readonly { readonly severity: 'error' | 'warning' }[] = []): ConsolidationSummary {
  const all = tally(c.issues);
  const found = tally(c.findings);
  const extra = tally(also);
  return {
    period: c.period,
    counts: c.counts,
    returns: c.files.length,
    returnsWithErrors: c.files.filter((f) => f.errors > 0).length,
    inReturns: { errors: all.errors - found.errors, warnings: all.warnings - found.warnings },
    found,
    errors: all.errors + extra.errors,
    warnings: all.warnings + extra.warnings,
  };
}
