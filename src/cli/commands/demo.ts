import * as path from 'node:path';
import { defaultCatalogue, DEFAULT_CATALOGUE_NAME } from '../../catalogue';
import type { Catalogue } from '../../core/catalogue/schema';
import { catalogueWorkbookPlan } from '../../core/catalogue/table';
import { errorCount } from '../../core/issues';
import { issueText } from '../../core/messages';
import { formatPeriod, makePeriod, type Period } from '../../core/period';
import { findReturnGrids, validateGrid } from '../../core/return/find';
import { LABEL } from '../../core/return/layout';
import { fillReturnPlan } from '../../core/sample/fill';
import { sampleReturns, slug, type SampleReturn } from '../../core/sample/returns';
import { readWorkbookGrids } from '../../adapters/exceljs/read';
import { renderWorkbook } from '../../adapters/exceljs/render';
import { parseArgs, requireValue } from '../args';
import { FileError, UsageError } from '../errors';
import { displayPath, ensureDir, listDir, writeAtomic } from '../files';
import { print, say, type Context } from '../output';
import { countsSummary, plural } from '../../core/words';
import { fileJson, printFileReport, readAll, validateAll, type FileResult } from '../returns';
import { buildCabinet, conflictLines, suppressedConflict } from './consolidate';
import { catalogueJsonText } from './catalogue';
import { buildEarlierQuarters, closedAtFor } from './demo-history';
import { demoReadme } from './demo-readme';
import { historyJsonText } from './history-file';
import { returnTemplate } from '../../app/insert-template';

export const DEMO_PERIOD: Period = makePeriod(2024, 2);
/** One service sends nothing, as every quarter someone does: it shows up as missing. */
const LATE_SERVICE = 'Highways';

/** A filled return workbook; a signed-off one carries the fingerprint of its entries, as the add-in writes it. */
async function sampleWorkbook(catalogue: Catalogue, period: Period, sample: SampleReturn): Promise<Uint8Array> {
  const plan = returnTemplate(catalogue, period, sample.service).workbook;
  const [sheet] = plan.sheets;
  if (!sheet) throw new Error('the template plan has no sheet');
  const filled = fillReturnPlan(sheet, sample.entries, { [LABEL.preparedBy]: sample.preparedBy, [LABEL.ready]: sample.ready ? 'Yes' : 'No' });
  const bytes = await renderWorkbook({ ...plan, sheets: [filled] });
  if (!sample.signOff) return bytes;
  const grids = findReturnGrids((await readWorkbookGrids(bytes)).sheets);
  const grid = grids[0];
  if (!grid) return bytes;
  const { entriesFingerprint } = validateGrid(catalogue, grid, { period });
  const signed = fillReturnPlan(filled, [], {
    [LABEL.signedOffBy]: sample.signOff.name, [LABEL.role]: sample.signOff.role,
    [LABEL.signedOffOn]: sample.signOff.date, [LABEL.fingerprint]: entriesFingerprint,
  });
  return renderWorkbook({ ...plan, sheets: [signed] });
}

function capture(ctx: Context, write: (c: Context) => void): string {
  let text = '';
  write({ io: { ...ctx.io, stdout: (t) => (text += t) }, quiet: false });
  return text;
}

function checkFolder(ctx: Context, dir: string, force: boolean): void {
  const entries = listDir(ctx.io.cwd, dir);
  if (entries && entries.length > 0 && !force) throw new FileError(dir, 'is not empty; choose a new folder or use --force (files the demo writes are replaced, others are left alone)');
}

export async function demoCommand(ctx: Context, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['out'], flags: ['force'] }, 'demo');
  if (args.positionals.length > 0) throw new UsageError(`demo: unexpected argument ${args.positionals[0]} (did you mean --out ${args.positionals[0]}?)`);
  const dir = requireValue(args, 'out', 'demo');
  const force = args.flags.has('force');
  checkFolder(ctx, dir, force);
  const catalogue = defaultCatalogue();
  const period = DEMO_PERIOD;
  const services = [...new Set(catalogue.indicators.map((i) => i.service))].filter((s) => s !== LATE_SERVICE);
  const samples = sampleReturns(catalogue, period, { services });
  for (const sub of ['', 'returns', 'reports']) ensureDir(ctx.io.cwd, path.join(dir, sub));
  const at = (...parts: string[]): string => displayPath(path.join(dir, ...parts));

  say(ctx, `Scorecard demo: ${catalogue.organisation}, ${formatPeriod(period)}, catalogue ${DEFAULT_CATALOGUE_NAME}`);
  writeAtomic(ctx.io.cwd, at('catalogue.json'), catalogueJsonText(catalogue), true);
  writeAtomic(ctx.io.cwd, at('catalogue.xlsx'), await renderWorkbook(catalogueWorkbookPlan(catalogue)), true);
  const files: string[] = [];
  for (const sample of samples) {
    const file = at('returns', sample.file);
    writeAtomic(ctx.io.cwd, file, await sampleWorkbook(catalogue, period, sample), true);
    files.push(file);
  }
  say(ctx, `Wrote ${plural(files.length, 'filled return')} to ${at('returns')}/`);

  const quietCtx: Context = { ...ctx, quiet: true };
  const results = validateAll(quietCtx, catalogue, await readAll(quietCtx, files), { period });
  for (const r of results) {
    const base = at('reports', path.basename(r.file, '.xlsx'));
    writeAtomic(ctx.io.cwd, `${base}.txt`, capture(ctx, (c) => printFileReport(c, r)), true);
    writeAtomic(ctx.io.cwd, `${base}.json`, `${JSON.stringify({ files: [fileJson(r)] }, null, 2)}\n`, true);
  }
  // The BI master before this quarter, so the paper has direction of travel and trends as a real one would.
  const earlier = await buildEarlierQuarters(quietCtx, catalogue, dir, period);
  const masterFile = at('bi-master.json');
  writeAtomic(ctx.io.cwd, masterFile, historyJsonText(earlier.history), true);
  say(ctx, `Wrote ${plural(earlier.files, 'earlier return')} for ${earlier.periods.map(formatPeriod).join(', ')} to ${at('earlier')}/ and their history to ${masterFile}`);
  const run = await buildCabinet(quietCtx, catalogue, files, { period, master: earlier.history, record: {}, now: closedAtFor(period) });
  const cabinetFile = at(`cabinet-${slug(formatPeriod(period))}.xlsx`);
  writeAtomic(ctx.io.cwd, cabinetFile, run.bytes, true);
  const c = run.outcome.consolidation;
  writeAtomic(ctx.io.cwd, at('consolidation.json'), `${JSON.stringify({ period: c.period, files: run.outcome.results.map((r) => fileJson(r, catalogue)), conflicts: c.conflicts.map((k) => suppressedConflict(catalogue, k)), missing: c.missing, output: cabinetFile, fingerprint: run.fingerprint ?? null }, null, 2)}\n`, true);
  writeAtomic(ctx.io.cwd, at('README.txt'), demoReadme({ catalogue, period, samples, cabinetFile: path.basename(cabinetFile), late: LATE_SERVICE, earlier: earlier.periods }), true);
  printSummary(ctx, { dir, results, run, cabinetFile, samples, earlier: earlier.periods });
  return 0;
}

function printSummary(ctx: Context, s: { dir: string; results: FileResult[]; run: Awaited<ReturnType<typeof buildCabinet>>; cabinetFile: string; samples: SampleReturn[]; earlier: readonly Period[] }): void {
  const c = s.run.outcome.consolidation;
  const withErrors = s.results.filter((r) => errorCount(r.validation.issues) > 0);
  const signed = s.results.filter((r) => r.validation.signOffState === 'signed-off').length;
  print(ctx);
  print(ctx, `Cabinet scorecard ${c.period}: ${countsSummary(c.counts)}`);
  print(ctx, `  ${plural(s.results.length, 'return')}, ${signed} signed off; ${withErrors.length} with errors planted on purpose, to show the checks:`);
  for (const r of withErrors) {
    const first = r.validation.issues.find((i) => i.severity === 'error');
    print(ctx, `    ${r.file}: ${first ? issueText(first, { place: 'full' }) : ''}`);
  }
  if (c.conflicts.length > 0) print(ctx, `  Conflicts:\n${conflictLines(c, s.run.outcome.catalogue).map((l) => `  ${l}`).join('\n')}`);
  if (c.missing.length > 0) print(ctx, `  Missing (no return gave them; ${LATE_SERVICE} sent nothing): ${c.missing.join(', ')}`);
  const reds = c.rows.filter((r) => r.status === 'Red').map((r) => r.ref);
  if (reds.length > 0) print(ctx, `  Red (each is in the Cabinet sheet's exceptions list): ${reds.join(', ')}`);
  const first = s.earlier[0];
  const last = s.earlier[s.earlier.length - 1];
  if (first && last) print(ctx, `  Direction of travel against ${formatPeriod(last)} and ${formatPeriod(first)}, and trends from ${formatPeriod(first)}, come from the BI master.`);
  print(ctx);
  print(ctx, 'Where to look next:');
  const next: [string, string][] = [
    [s.cabinetFile, 'the locked, print-ready Cabinet workbook: open it in Excel'],
    [`${displayPath(path.join(s.dir, 'reports'))}/`, 'what validate said about each return (text and JSON)'],
    [`${displayPath(path.join(s.dir, 'returns'))}/`, 'the filled returns: fix one and run scorecard validate on it'],
    [displayPath(path.join(s.dir, 'bi-master.json')), 'the BI master: every earlier quarter, the record direction of travel comes from'],
    [displayPath(path.join(s.dir, 'README.txt')), 'what every file is, and the commands to try next'],
  ];
  const width = Math.max(...next.map(([f]) => f.length)) + 2;
  for (const [f, what] of next) print(ctx, `  ${f.padEnd(width)}${what}`);
  print(ctx, `  Then: scorecard verify ${s.cabinetFile}`);
}
