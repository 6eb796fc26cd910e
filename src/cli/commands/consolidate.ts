import * as path from 'node:path';
import type { Catalogue } from '../../core/catalogue/schema';
import { PROPERTY } from '../../core/cabinet/layout';
import { cabinetModel, type CabinetOptions } from '../../core/cabinet/model';
import { cabinetPlan } from '../../core/cabinet/plan';
import { previousValuesFromGrid } from '../../core/cabinet/previous';
import { effectiveCatalogue } from '../../core/catalogue/effective';
import { consolidate } from '../../core/consolidate';
import { addPeriod, type HistoryIssue } from '../../core/history/add';
import { historyComparison, previousLookup } from '../../core/history/read';
import type { History } from '../../core/history/schema';
import type { Consolidation } from '../../core/consolidate-types';
import { errorCount } from '../../core/issues';
import { formatPeriod, parsePeriod, type Period } from '../../core/period';
import { findReturnGrids } from '../../core/return/find';
import { readReturn } from '../../core/return/read';
import { trendsSheetPlan } from '../../core/cabinet/dashboard';
import type { WorkbookPlan } from '../../core/plan/types';
import { streamRenderWorkbook } from '../../adapters/exceljs/stream-render';
import { parseArgs, requireValue } from '../args';
import { FileError, UsageError } from '../errors';
import { checkWritable, resolvePath, writeAtomic } from '../files';
import { loadCatalogue, periodOption, readWorkbook, type Workbook } from '../load';
import { formatCounts, issueJson, plural, print, printJson, say, type Context } from '../output';
import { fileJson, readAll, totals, type FileResult } from '../returns';
import { historyIssueLine, loadHistory, saveHistory } from './history-file';
import { validateBooks } from './validate-books';

export const CONSOLIDATE_OPTIONS = {
  values: ['period', 'catalogue', 'out', 'password', 'previous', 'last-year', 'history', 'reason'],
  flags: ['json', 'force', 'reopen'],
} as const;

/**
 * The period all returns agree on, when none was given: read from each return sheet's Period
 * cell, without validating (the returns are validated once, for that period).
 */
function agreedPeriod(books: readonly Workbook[]): Period {
  const seen = new Map<string, string>();
  for (const book of books) {
    for (const grid of findReturnGrids(book.sheets)) {
      const text = readReturn(grid).periodText;
      const p = text ? parsePeriod(text) : undefined;
      const key = p ? formatPeriod(p) : undefined;
      if (key !== undefined && !seen.has(key)) seen.set(key, book.file);
    }
  }
  const periods = [...seen.keys()];
  if (periods.length === 0) throw new UsageError('consolidate: no return states its period; give --period (like 2024-25 Q2)');
  if (periods.length > 1) {
    const list = [...seen].map(([p, f]) => `${p} in ${f}`).join(', ');
    throw new UsageError(`consolidate: the returns are for different periods (${list}); give --period`);
  }
  const p = parsePeriod(periods[0] ?? '');
  if (!p) throw new UsageError(`consolidate: cannot read the period ${periods[0]}; give --period`);
  return p;
}

async function cabinetValues(ctx: Context, file: string | undefined) {
  if (file === undefined) return undefined;
  const book = await readWorkbook(ctx.io.cwd, file);
  const grid = book.sheets.find((g) => g.sheet.startsWith('Cabinet'));
  if (!grid) throw new FileError(file, 'not a Cabinet workbook (no sheet whose name starts with Cabinet)');
  return previousValuesFromGrid(grid);
}

export interface ConsolidateRun {
  readonly results: FileResult[];
  readonly consolidation: Consolidation;
  readonly bytes: Uint8Array;
  readonly fingerprint?: string;
  /** With a history: the history with this period recorded, and what recording it said. */
  readonly history?: { readonly next: History; readonly issues: readonly HistoryIssue[] };
}

export interface BuildOptions {
  readonly period?: Period;
  readonly password?: string;
  readonly previous?: string;
  readonly lastYear?: string;
  /** The BI master: direction, trends and last available results come from it, and the period is added to it. */
  readonly history?: History;
  readonly closedAt?: string;
  readonly reopen?: boolean;
  readonly reason?: string;
}

/**
 * Validate, consolidate and render, writing nothing: the demo reuses this. Each period is checked
 * against the catalogue as it applied then (targets of the day, indicators not yet added left out).
 */
export async function buildCabinet(ctx: Context, catalogue: Catalogue, files: readonly string[], options: BuildOptions): Promise<ConsolidateRun> {
  const run = await consolidateRun(ctx, catalogue, files, options);
  if (!('bytes' in run)) throw new UsageError(run.history.issues.map((i) => i.message).join(' '));
  return run;
}

/** What the history refused (a closed period, not reopened): nothing is rendered or written. */
export interface RefusedRun {
  readonly results: FileResult[];
  readonly consolidation: Consolidation;
  readonly history: { readonly next: History; readonly issues: readonly HistoryIssue[] };
}

/** Read and validate every return; the workbooks go out of scope here, so they are not held through the render. */
async function readAndValidate(ctx: Context, catalogue: Catalogue, files: readonly string[], options: BuildOptions): Promise<{ period: Period; cat: Catalogue; results: FileResult[] }> {
  const books = await readAll(ctx, files);
  // Without --period the returns say which quarter it is; a first pass finds it, quietly.
  const period = options.period ?? agreedPeriod(books);
  const cat = effectiveCatalogue(catalogue, period);
  const results = validateBooks(ctx, cat, books, period, options.history ? previousLookup(options.history) : undefined);
  return { period, cat, results };
}

/** The Cabinet workbook's plan; the report model is dropped once the plan holds what it said. */
function cabinetWorkbookPlan(cat: Catalogue, consolidation: Consolidation, compare: CabinetOptions, password: string | undefined): WorkbookPlan {
  const model = cabinetModel(cat, consolidation, compare);
  const pw = password ? { password } : {};
  const cabinet = cabinetPlan(model, pw);
  // With a history the workbook gains a Trends sheet (last five quarters, RAG counts with data bars).
  const fingerprint = cabinet.properties.custom[PROPERTY.fingerprint];
  const trends = () => trendsSheetPlan(model, { ...pw, ...(fingerprint !== undefined ? { fingerprint } : {}) });
  return model.trendPeriods.length > 0 ? { ...cabinet, sheets: [...cabinet.sheets, trends()] } : cabinet;
}

export async function consolidateRun(ctx: Context, catalogue: Catalogue, files: readonly string[], options: BuildOptions): Promise<ConsolidateRun | RefusedRun> {
  const { period, cat, results } = await readAndValidate(ctx, catalogue, files, options);
  const history = options.history;
  const fallback = history && history.periods.length > 0 ? undefined : { previous: await cabinetValues(ctx, options.previous), lastYear: await cabinetValues(ctx, options.lastYear) };
  const consolidation = consolidate(cat, period, results.map((r) => ({ file: r.file, validation: r.validation })));
  let recorded: ConsolidateRun['history'];
  if (history) {
    const r = addPeriod(history, consolidation, {
      closedAt: options.closedAt ?? new Date().toISOString(), catalogueVersion: catalogue.version,
      ...(options.reopen ? { reopen: true } : {}), ...(options.reason ? { reason: options.reason } : {}),
    });
    recorded = { next: r.history, issues: r.issues };
    if (r.issues.some((i) => i.severity === 'error')) return { results, consolidation, history: recorded };
  }
  const compare = recorded
    ? historyComparison(recorded.next, period, catalogue)
    : { ...(fallback?.previous ? { previous: fallback.previous } : {}), ...(fallback?.lastYear ? { lastYear: fallback.lastYear } : {}) };
  const plan = cabinetWorkbookPlan(cat, consolidation, compare, options.password);
  // Streamed: the in-memory render of a 30,000-row Cabinet was most of the run's peak memory.
  const bytes = await streamRenderWorkbook(plan);
  const fingerprint = plan.properties.custom[PROPERTY.fingerprint];
  return { results, consolidation, bytes, ...(fingerprint !== undefined ? { fingerprint } : {}), ...(recorded ? { history: recorded } : {}) };
}

export function conflictLines(c: Consolidation): string[] {
  return c.conflicts.map((k) => `  ${k.ref}: ${k.values.map((v) => `${v.file}${v.cell ? ` ${v.cell}` : ''} says ${v.actual ?? 'blank'} (${v.status})`).join('; ')}`);
}

export async function consolidateCommand(ctx: Context, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, CONSOLIDATE_OPTIONS, 'consolidate');
  if (args.positionals.length === 0) throw new UsageError('consolidate: give the return workbooks to combine (scorecard consolidate FILE.xlsx... --out CABINET.xlsx)');
  const out = requireValue(args, 'out', 'consolidate');
  if (!/\.xlsx$/i.test(out)) throw new FileError(out, 'the output must be an .xlsx file');
  const outFull = resolvePath(ctx.io.cwd, out);
  const clash = args.positionals.find((f) => path.resolve(ctx.io.cwd, f) === outFull);
  if (clash !== undefined) throw new FileError(out, 'is also an input; inputs are never overwritten, choose another --out');
  const historyFile = args.values.history;
  const reopen = args.flags.has('reopen');
  if (historyFile === undefined && (reopen || args.values.reason !== undefined)) throw new UsageError('consolidate: --reopen and --reason need --history MASTER.json');
  if (historyFile !== undefined && resolvePath(ctx.io.cwd, historyFile) === outFull) throw new FileError(out, 'is also the --history file; choose another --out');
  const force = args.flags.has('force');
  checkWritable(ctx.io.cwd, out, force);
  const period = periodOption(args.values.period, 'consolidate');
  const { catalogue, label } = await loadCatalogue(ctx.io.cwd, args.values.catalogue);
  const loaded = historyFile !== undefined ? loadHistory(ctx.io.cwd, historyFile, catalogue.organisation) : undefined;
  const run = await consolidateRun(ctx, catalogue, args.positionals, {
    ...(period ? { period } : {}),
    ...(args.values.password ? { password: args.values.password } : {}),
    ...(args.values.previous ? { previous: args.values.previous } : {}),
    ...(args.values['last-year'] ? { lastYear: args.values['last-year'] } : {}),
    ...(loaded ? { history: loaded.history, closedAt: ctx.io.env.SCORECARD_NOW ?? new Date().toISOString() } : {}),
    ...(reopen ? { reopen } : {}),
    ...(args.values.reason ? { reason: args.values.reason } : {}),
  });
  const c = run.consolidation;
  const refused = !('bytes' in run);
  if ('bytes' in run) writeAtomic(ctx.io.cwd, out, run.bytes, force);
  const backup = loaded && historyFile !== undefined && run.history && !refused ? saveHistory(ctx.io.cwd, historyFile, loaded, run.history.next) : undefined;
  const historyIssues = run.history?.issues ?? [];
  const errors = errorCount(c.issues) + historyIssues.filter((i) => i.severity === 'error').length;
  if (args.flags.has('json')) {
    printJson(ctx, {
      catalogue: label, period: c.period, files: run.results.map(fileJson), conflicts: c.conflicts, missing: c.missing,
      output: refused ? null : out, fingerprint: ('fingerprint' in run ? run.fingerprint : undefined) ?? null, counts: c.counts,
      issues: c.issues.filter((i) => i.code === 'conflict' || i.code === 'missing-return' || i.code === 'missing-indicator').map(issueJson),
      ...(historyFile !== undefined ? { history: { file: historyFile, written: !refused, backup: backup ?? null, issues: historyIssues } } : {}),
      errors, warnings: c.issues.length - errorCount(c.issues) + historyIssues.length - historyIssues.filter((i) => i.severity === 'error').length,
    });
    return errors > 0 ? 1 : 0;
  }
  if (refused) {
    for (const i of historyIssues) print(ctx, historyIssueLine(i));
    print(ctx, `Nothing written: ${historyFile ?? 'the history'} already holds ${c.period}. To replace it: --reopen --reason "why".`);
    return 1;
  }
  if ('bytes' in run) printConsolidation(ctx, label, run, out);
  if (historyFile !== undefined) {
    for (const i of historyIssues) print(ctx, historyIssueLine(i));
    const periods = run.history?.next.periods.length ?? 0;
    print(ctx, `Recorded ${c.period} in ${historyFile} (${plural(periods, 'quarter')} in the history${backup ? `; previous version kept as ${backup}` : ', new file'}).`);
  }
  return errors > 0 ? 1 : 0;
}

export function printConsolidation(ctx: Context, label: string, run: ConsolidateRun, out: string): void {
  const c = run.consolidation;
  const t = totals(run.results);
  say(ctx, `Catalogue: ${label}`);
  print(ctx, `Consolidated ${plural(run.results.length, 'return')} for ${c.period}: ${formatCounts(c.counts)}`);
  const troubled = run.results.filter((r) => r.validation.issues.length > 0);
  if (troubled.length > 0) {
    print(ctx, `Returns with problems (scorecard validate FILE shows each by cell):`);
    for (const r of troubled) {
      const e = errorCount(r.validation.issues);
      print(ctx, `  ${r.file}: ${plural(e, 'error')}, ${plural(r.validation.issues.length - e, 'warning')}`);
    }
  }
  if (c.conflicts.length > 0) {
    print(ctx, `Conflicts (two returns gave different values; the Cabinet sheet says which was used):`);
    for (const line of conflictLines(c)) print(ctx, line);
  }
  if (c.missing.length > 0) print(ctx, `Missing (due, no return gave them): ${c.missing.join(', ')}`);
  print(ctx, `Wrote ${out}${run.fingerprint ? ` (fingerprint ${run.fingerprint.slice(0, 12)}…)` : ''}. ${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')} in the returns.`);
}
