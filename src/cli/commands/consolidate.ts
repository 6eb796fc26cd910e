import * as path from 'node:path';
import type { Catalogue } from '../../core/catalogue/schema';
import { PROPERTY } from '../../core/cabinet/layout';
import { cabinetModel } from '../../core/cabinet/model';
import { cabinetPlan } from '../../core/cabinet/plan';
import { previousValuesFromGrid } from '../../core/cabinet/previous';
import { consolidate } from '../../core/consolidate';
import type { Consolidation } from '../../core/consolidate-types';
import { errorCount } from '../../core/issues';
import { parsePeriod, type Period } from '../../core/period';
import { renderWorkbook } from '../../adapters/exceljs/render';
import { parseArgs, requireValue } from '../args';
import { FileError, UsageError } from '../errors';
import { checkWritable, resolvePath, writeAtomic } from '../files';
import { loadCatalogue, periodOption, readWorkbook } from '../load';
import { formatCounts, issueJson, plural, print, printJson, say, type Context } from '../output';
import { fileJson, readAll, totals, validateAll, type FileResult } from '../returns';

export const CONSOLIDATE_OPTIONS = {
  values: ['period', 'catalogue', 'out', 'password', 'previous', 'last-year'],
  flags: ['json', 'force'],
} as const;

/** The period all returns agree on, when none was given. */
function agreedPeriod(results: readonly FileResult[]): Period {
  const seen = new Map<string, string>();
  for (const r of results) if (r.validation.period && !seen.has(r.validation.period)) seen.set(r.validation.period, r.file);
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
}

/** Validate, consolidate and render, writing nothing: the demo reuses this. */
export async function buildCabinet(ctx: Context, catalogue: Catalogue, files: readonly string[], options: {
  period?: Period; password?: string; previous?: string; lastYear?: string;
}): Promise<ConsolidateRun> {
  const books = await readAll(ctx, files);
  const previous = await cabinetValues(ctx, options.previous);
  const lastYear = await cabinetValues(ctx, options.lastYear);
  const results = validateAll(ctx, catalogue, books, options.period);
  const period = options.period ?? agreedPeriod(results);
  const consolidation = consolidate(catalogue, period, results.map((r) => ({ file: r.file, validation: r.validation })));
  const model = cabinetModel(catalogue, consolidation, { previous, lastYear });
  const plan = cabinetPlan(model, options.password ? { password: options.password } : {});
  const bytes = await renderWorkbook(plan);
  const fingerprint = plan.properties.custom[PROPERTY.fingerprint];
  return fingerprint === undefined ? { results, consolidation, bytes } : { results, consolidation, bytes, fingerprint };
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
  const force = args.flags.has('force');
  checkWritable(ctx.io.cwd, out, force);
  const period = periodOption(args.values.period, 'consolidate');
  const { catalogue, label } = await loadCatalogue(ctx.io.cwd, args.values.catalogue);
  const run = await buildCabinet(ctx, catalogue, args.positionals, {
    ...(period ? { period } : {}),
    ...(args.values.password ? { password: args.values.password } : {}),
    ...(args.values.previous ? { previous: args.values.previous } : {}),
    ...(args.values['last-year'] ? { lastYear: args.values['last-year'] } : {}),
  });
  writeAtomic(ctx.io.cwd, out, run.bytes, force);
  const c = run.consolidation;
  const errors = errorCount(c.issues);
  if (args.flags.has('json')) {
    printJson(ctx, {
      catalogue: label, period: c.period, files: run.results.map(fileJson), conflicts: c.conflicts, missing: c.missing,
      output: out, fingerprint: run.fingerprint ?? null, counts: c.counts,
      issues: c.issues.filter((i) => i.code === 'conflict' || i.code === 'missing-return' || i.code === 'missing-indicator').map(issueJson),
      errors, warnings: c.issues.length - errors,
    });
    return errors > 0 ? 1 : 0;
  }
  printConsolidation(ctx, label, run, out);
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
