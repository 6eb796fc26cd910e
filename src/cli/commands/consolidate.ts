import { checkCouncil } from '../../app/bi-master';
import { consolidateEach, type consolidateReturns, type Consolidated } from '../../app/consolidate';
import { directoratesOf, matchDirectorate } from '../../app/directorate';
import { PROPERTY } from '../../core/cabinet/layout';
import { previousValuesFromGrid } from '../../core/cabinet/previous';
import type { Catalogue } from '../../core/catalogue/schema';
import { findIndicator } from '../../core/catalogue/lookup';
import { exportValues } from '../../core/cabinet/suppress';
import type { Conflict } from '../../core/consolidate-types';
import { summarise } from '../../core/consolidate';
import type { Consolidation } from '../../core/consolidate-types';
import { signOffSummary, signOffSummaryLines } from '../../core/return/signoff';
import type { History } from '../../core/history/schema';
import { errorCount } from '../../core/issues';
import { conflictSettledText, historyIssueText, issueText, skippedSheetText } from '../../core/messages';
import type { Period } from '../../core/period';
import { countsSummary, plural, summaryLine } from '../../core/words';
import { streamRenderWorkbook } from '../../adapters/exceljs/stream-render';
import { parseArgs, requireValue } from '../args';
import { FileError, UsageError } from '../errors';
import { checkWritable, commitAll, stageWrite, type Input, type StagedWrite } from '../files';
import { lockFile } from '../lock';
import { missingLines } from '../missing';
import { loadCatalogue, periodOption, readWorkbook } from '../load';
import { eachBook, fileJson } from '../returns';
import { issueJson, print, printJson, progress, say, type Context } from '../output';
import { historyIssueLine, loadHistory, stageHistory } from './history-file';

export const CONSOLIDATE_OPTIONS = {
  values: ['period', 'catalogue', 'out', 'password', 'previous', 'last-year', 'history', 'reason', 'directorate', 'sign'],
  flags: ['json', 'force', 'reopen'],
} as const;

async function cabinetValues(ctx: Context, file: string | undefined) {
  if (file === undefined) return undefined;
  const book = await readWorkbook(ctx.io.cwd, file);
  const grid = book.sheets.find((g) => g.sheet.startsWith('Cabinet'));
  if (!grid) throw new FileError(file, 'not a Cabinet workbook (no sheet whose name starts with Cabinet)');
  return previousValuesFromGrid(grid);
}

export interface ConsolidateFilesOptions {
  readonly period?: Period;
  readonly password?: string;
  /** Cabinet workbooks of the quarter before and a year before, for direction without a master. */
  readonly previous?: string;
  readonly lastYear?: string;
  /** The BI master; with `record`, this quarter is recorded in it (the caller saves it). */
  readonly master?: History;
  readonly record?: { readonly reopen?: boolean; readonly reason?: string };
  /** When the run happens (ISO): the paper's date and the quarter's closing time. */
  readonly now: string;
  /** A Directorate Management Team pack of this directorate (as the catalogue spells it). */
  readonly directorate?: string;
  /** The BI team's Ed25519 private key: the paper's fingerprints are signed with it. */
  readonly sign?: Uint8Array;
}

/** A consolidation the master refused: nothing is rendered or written. */
export interface Refused {
  readonly consolidated: false;
  readonly outcome: Extract<ReturnType<typeof consolidateReturns>, { problem: 'master-refused' }>;
}

export interface Built {
  readonly consolidated: true;
  readonly outcome: Consolidated;
  readonly bytes: Uint8Array;
  readonly fingerprint?: string;
  /** The id of the key that signed the paper (--sign). */
  readonly signedBy?: string;
}

/** Read the files and run the consolidate use case; the workbooks read go out of scope on return. */
async function consolidateBooks(ctx: Context, catalogue: Catalogue, files: readonly string[], options: ConsolidateFilesOptions): Promise<ReturnType<typeof consolidateReturns>> {
  const tick = progress(ctx, 'read', files.length);
  // Each return is read, validated and let go before the next: peak memory does not grow with the files.
  return consolidateEach({
    catalogue,
    progress: (done) => tick(done),
    now: options.now,
    ...(options.period ? { period: options.period } : {}),
    ...(options.password ? { password: options.password } : {}),
    ...(options.master ? { master: options.master } : { previous: await cabinetValues(ctx, options.previous), lastYear: await cabinetValues(ctx, options.lastYear) }),
    ...(options.record ? { record: options.record } : {}),
    ...(options.directorate ? { directorate: options.directorate } : {}),
  }, eachBook(ctx, files), files.length);
}

/** Consolidate, then render the Cabinet workbook when it succeeds. Writes nothing. */
export async function consolidateFiles(ctx: Context, catalogue: Catalogue, files: readonly string[], options: ConsolidateFilesOptions): Promise<Built | Refused> {
  const outcome = await consolidateBooks(ctx, catalogue, files, options);
  if (!outcome.ok && outcome.problem !== 'master-refused') {
    if (outcome.problem === 'no-period') throw new UsageError('consolidate: no return states its period; give --period (like 2024-25 Q2)');
    const list = outcome.periods.map((p) => `${p.period} in ${p.file}`).join(', ');
    throw new UsageError(`consolidate: the returns are for different periods (${list}); consolidate one quarter at a time: give only that quarter's returns (with --period P, a return for another quarter is an error and its values are left out, never relabelled)`);
  }
  if (!outcome.ok) return { consolidated: false, outcome };
  // Streamed: the in-memory render of a 30,000-row Cabinet was most of the run's peak memory.
  // Ed25519 is loaded only to sign (--sign): most runs make no signature (issue 19).
  const cabinet = options.sign ? (await import('../../core/cabinet/signature')).signedWorkbook(outcome.cabinet, options.sign) : outcome.cabinet;
  const bytes = await streamRenderWorkbook(cabinet);
  const fingerprint = cabinet.properties.custom[PROPERTY.fingerprint];
  const signedBy = cabinet.properties.custom[PROPERTY.signingKey];
  return { consolidated: true, outcome, bytes, ...(fingerprint !== undefined ? { fingerprint } : {}), ...(signedBy !== undefined ? { signedBy } : {}) };
}

/** consolidateFiles for callers that expect a paper (the demo): a refusal is a usage error. */
export async function buildCabinet(ctx: Context, catalogue: Catalogue, files: readonly string[], options: ConsolidateFilesOptions): Promise<Built> {
  const run = await consolidateFiles(ctx, catalogue, files, options);
  if (!run.consolidated) throw new UsageError(run.outcome.issues.filter((i) => i.severity === 'error').map(historyIssueText).join(' '));
  return run;
}

/** The conflicts as text, each value through the paper's suppression: the plain output is an export too (issue 18.1). */
export function conflictLines(c: Consolidation, catalogue: Catalogue): string[] {
  return c.conflicts.map((raw) => suppressedConflict(catalogue, raw)).map((k) => {
    const used = k.values.find((v) => v.used);
    return `  ${k.ref}: ${k.values.map((v) => `${v.file}${v.cell ? ` ${v.cell}` : ''} says ${v.actual ?? 'blank'} (${v.status})`).join('; ')}.${used ? ` ${conflictSettledText(k.reason, used.file)}` : ''}`;
  });
}

/** --directorate D as the catalogue spells it; unknown, or with --history (a DMT pack closes no quarter), is a usage error. */
function directorateOption(catalogue: Catalogue, given: string | undefined, historyFile: string | undefined): string | undefined {
  if (given === undefined) return undefined;
  const found = matchDirectorate(catalogue, given);
  if (!found) throw new UsageError(`consolidate: no directorate "${given}" in the catalogue; its directorates are: ${directoratesOf(catalogue).join(', ')}`);
  if (historyFile !== undefined) throw new UsageError('consolidate: a DMT pack (--directorate) is not recorded in the BI master; close the quarter with the whole council\'s consolidate --history, then make the pack with --previous/--last-year for direction of travel');
  return found;
}

export async function consolidateCommand(ctx: Context, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, CONSOLIDATE_OPTIONS, 'consolidate');
  if (args.positionals.length === 0) throw new UsageError('consolidate: give the return workbooks to combine (scorecard consolidate FILE.xlsx... --out CABINET.xlsx)');
  const out = requireValue(args, 'out', 'consolidate');
  if (!/\.xlsx$/i.test(out)) throw new FileError(out, 'the output must be an .xlsx file');
  const historyFile = args.values.history;
  const reopen = args.flags.has('reopen');
  if (historyFile === undefined && (reopen || args.values.reason !== undefined)) throw new UsageError('consolidate: --reopen and --reason need --history MASTER.json');
  const force = args.flags.has('force');
  // Every file this run reads; none is ever written over, --force or not (the master is written on purpose, with a backup).
  const reads: Input[] = [
    ...args.positionals.map((file) => ({ file, role: 'a return' })),
    ...(args.values.catalogue !== undefined ? [{ file: args.values.catalogue, role: 'the --catalogue' }] : []),
    ...(args.values.previous !== undefined ? [{ file: args.values.previous, role: 'the --previous Cabinet workbook' }] : []),
    ...(args.values['last-year'] !== undefined ? [{ file: args.values['last-year'], role: 'the --last-year Cabinet workbook' }] : []),
    ...(args.values.sign !== undefined ? [{ file: args.values.sign, role: 'the --sign private key' }] : []),
  ];
  const inputs: Input[] = [...reads, ...(historyFile !== undefined ? [{ file: historyFile, role: 'the --history BI master' }] : [])];
  checkWritable(ctx.io.cwd, out, force, inputs);
  // A bad key is found before any return is read or anything written.
  const sign = args.values.sign !== undefined ? (await import('../keys')).readPrivateKey(ctx.io.cwd, args.values.sign) : undefined;
  if (historyFile === undefined) return consolidateRun(ctx, args, { out, force, inputs, ...(sign ? { sign } : {}) });
  // The master's own outputs are checked before the lock and the lock is taken before the master is read: all before anything is written.
  if (!/\.json$/i.test(historyFile)) throw new FileError(historyFile, 'the history (BI master) is a .json file');
  checkWritable(ctx.io.cwd, historyFile, true, reads);
  checkWritable(ctx.io.cwd, `${historyFile}.bak`, true, inputs);
  const lock = lockFile(ctx.io.cwd, historyFile, (line) => ctx.io.stderr(`${line}\n`));
  try {
    return await consolidateRun(ctx, args, { out, force, inputs, historyFile, reads, ...(sign ? { sign } : {}) });
  } finally {
    lock.release();
  }
}

interface RunOutputs {
  readonly out: string;
  readonly force: boolean;
  /** What --out must not be: every file read, the master included. */
  readonly inputs: readonly Input[];
  readonly historyFile?: string;
  /** What the master (and its backup) must not be: every other file read. */
  readonly reads?: readonly Input[];
  readonly sign?: Uint8Array;
}

async function consolidateRun(ctx: Context, args: ReturnType<typeof parseArgs>, outputs: RunOutputs): Promise<number> {
  const { out, force, inputs, historyFile } = outputs;
  const reopen = args.flags.has('reopen');
  const period = periodOption(args.values.period, 'consolidate');
  const { catalogue, label } = await loadCatalogue(ctx.io.cwd, args.values.catalogue);
  const directorate = directorateOption(catalogue, args.values.directorate, historyFile);
  const loaded = historyFile !== undefined ? loadHistory(ctx.io.cwd, historyFile, catalogue.organisation) : undefined;
  if (loaded && historyFile !== undefined) {
    const council = checkCouncil(loaded.history, catalogue);
    if (!council.ok) throw new FileError(historyFile, council.reason);
  }
  const run = await consolidateFiles(ctx, catalogue, args.positionals, {
    now: ctx.io.env.SCORECARD_NOW ?? new Date().toISOString(),
    ...(period ? { period } : {}),
    ...(args.values.password ? { password: args.values.password } : {}),
    ...(args.values.previous ? { previous: args.values.previous } : {}),
    ...(args.values['last-year'] ? { lastYear: args.values['last-year'] } : {}),
    ...(directorate ? { directorate } : {}),
    ...(outputs.sign ? { sign: outputs.sign } : {}),
    ...(loaded ? { master: loaded.history, record: { ...(reopen ? { reopen } : {}), ...(args.values.reason ? { reason: args.values.reason } : {}) } } : {}),
  });
  const o = run.outcome;
  const c = o.consolidation;
  const recorded = run.consolidated ? run.outcome.history : undefined;
  // All or nothing: the Cabinet and the master (with its backup) are staged in full, then put in place together.
  const staged: StagedWrite[] = [];
  let backup: string | undefined;
  try {
    if (run.consolidated) staged.push(stageWrite(ctx.io.cwd, out, run.bytes, force, inputs));
    if (loaded && historyFile !== undefined && recorded) {
      const master = stageHistory(ctx.io.cwd, historyFile, loaded, recorded.next, outputs.reads ?? []);
      backup = master.backup;
      staged.push(...master.writes);
    }
  } catch (e) {
    for (const w of staged) w.discard();
    throw e;
  }
  commitAll(staged);
  const historyIssues = run.consolidated ? (recorded?.issues ?? []) : run.outcome.issues;
  const summary = summarise(c, historyIssues);
  const errors = summary.errors;
  if (args.flags.has('json')) {
    printJson(ctx, {
      catalogue: label, ...(directorate ? { directorate } : {}), period: c.period, files: o.results.map((r) => fileJson(r, catalogue)), conflicts: c.conflicts.map((k) => suppressedConflict(catalogue, k)), missing: c.missing,
      skipped: (run.consolidated ? run.outcome.skipped : []).map((s) => ({ ...s, message: skippedSheetText(s) })),
      output: run.consolidated ? out : null, fingerprint: (run.consolidated ? run.fingerprint : undefined) ?? null, counts: c.counts,
      // What consolidating found; each file's own issues are in its entry above.
      issues: c.findings.map(issueJson),
      ...(historyFile !== undefined ? { history: { file: historyFile, written: run.consolidated, backup: backup ?? null, issues: historyIssues.map((i) => ({ ...i, message: historyIssueText(i) })) } } : {}),
      errors, warnings: summary.warnings,
      summary: { returns: summary.returns, returnsWithErrors: summary.returnsWithErrors, inReturns: summary.inReturns, found: summary.found },
      signOff: signOffSummary(c.files, c.period),
    });
    return errors > 0 ? 1 : 0;
  }
  if (!run.consolidated) {
    for (const i of historyIssues) print(ctx, historyIssueLine(i));
    print(ctx, `Nothing written: ${historyFile ?? 'the history'} already holds ${c.period}. To replace it: --reopen --reason "why".`);
    return 1;
  }
  if (directorate) print(ctx, `Directorate Management Team pack for ${directorate}: its indicators, returns and missing returns only.`);
  printConsolidation(ctx, label, run, out);
  if (historyFile !== undefined) {
    for (const i of historyIssues) print(ctx, historyIssueLine(i));
    const periods = recorded?.next.periods.length ?? 0;
    print(ctx, `Recorded ${c.period} in ${historyFile} (${plural(periods, 'quarter')} in the history${backup ? `; previous version kept as ${backup}` : ', new file'}).`);
  }
  return errors > 0 ? 1 : 0;
}

/** A conflict as the JSON carries it: each value given through the paper's suppression (individual-level indicators). */
export function suppressedConflict(catalogue: Catalogue, k: Conflict): Conflict {
  const ind = findIndicator(catalogue, k.ref);
  if (!ind || ind.suppressBelow == null) return k;
  return {
    ...k,
    values: k.values.map((v) => {
      const e = exportValues(ind, { actual: v.actual, numerator: v.numerator ?? null, denominator: v.denominator ?? null });
      return { ...v, actual: e.actual, ...(v.numerator !== undefined ? { numerator: e.numerator as number | null } : {}), ...(v.denominator !== undefined ? { denominator: e.denominator as number | null } : {}) };
    }),
  };
}

export function printConsolidation(ctx: Context, label: string, run: Built, out: string): void {
  const c = run.outcome.consolidation;
  const results = run.outcome.results;
  say(ctx, `Catalogue: ${label}`);
  print(ctx, `Consolidated ${plural(results.length, 'return')} for ${c.period}: ${countsSummary(c.counts)}`);
  for (const s of run.outcome.skipped) print(ctx, `  ${skippedSheetText(s)}`);
  const troubled = results.filter((r) => r.validation.issues.length > 0);
  if (troubled.length > 0) {
    print(ctx, `Returns with problems (scorecard validate FILE shows each by cell):`);
    for (const r of troubled) {
      const e = errorCount(r.validation.issues);
      print(ctx, `  ${r.file}: ${plural(e, 'error')}, ${plural(r.validation.issues.length - e, 'warning')}`);
    }
  }
  if (c.conflicts.length > 0) {
    print(ctx, `Conflicts (two returns gave different values; the Cabinet sheet says which was used):`);
    for (const line of conflictLines(c, run.outcome.catalogue)) print(ctx, line);
  }
  for (const line of missingLines(run.outcome.catalogue, c.missing)) print(ctx, line);
  // Excel holds 32,767 characters a cell: commentary cut to fit is named, indicator by indicator.
  for (const i of c.findings) if (i.code === 'cell-text-cut') print(ctx, `Cut to fit a cell: ${issueText(i, { place: 'full' })}`);
  for (const line of signOffSummaryLines(signOffSummary(c.files, c.period))) print(ctx, line);
  print(ctx, `Wrote ${out}${run.fingerprint ? ` (fingerprint ${run.fingerprint.slice(0, 12)}…${run.signedBy ? `, signed with key ${run.signedBy}` : ''})` : ''}.`);
  print(ctx, summaryLine(summarise(c)));
}
