import { parseArgs } from '../args';
import { resultsCsv } from '../csv';
import { FileError, UsageError } from '../errors';
import { checkWritable, writeAtomic, type Input } from '../files';
import { loadCatalogue, periodOption } from '../load';
import { print, printJson, progress, say, type Context } from '../output';
import { plural } from '../../core/words';
import { totals, validateEach } from '../../app/validate-return';
import { productWorkbookText, skippedSheetText } from '../../core/messages';
import { eachBook, fileJson, printFileReport } from '../returns';

export const VALIDATE_OPTIONS = { values: ['period', 'catalogue', 'csv', 'history'], flags: ['json', 'force'] } as const;

/** Each row's quarter before, from the BI master at --history. */
async function previousFrom(ctx: Context, file: string): Promise<ReturnType<typeof import('../../core/history/read').previousLookup>> {
  const [{ readHistory }, { previousLookup }] = await Promise.all([import('./history-file'), import('../../core/history/read')]);
  return previousLookup(readHistory(ctx.io.cwd, file));
}

export async function validateCommand(ctx: Context, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, VALIDATE_OPTIONS, 'validate');
  if (args.positionals.length === 0) throw new UsageError('validate: give at least one return workbook (scorecard validate FILE.xlsx...)');
  const period = periodOption(args.values.period, 'validate');
  const csv = args.values.csv;
  const force = args.flags.has('force');
  // Every file this run reads: --csv is never written over one of them, --force or not.
  const inputs: Input[] = [
    ...args.positionals.map((file) => ({ file, role: 'a return' })),
    ...(args.values.catalogue !== undefined ? [{ file: args.values.catalogue, role: 'the --catalogue' }] : []),
    ...(args.values.history !== undefined ? [{ file: args.values.history, role: 'the --history BI master' }] : []),
  ];
  // Checked before any reading: a run that cannot save its report should say so at once.
  if (csv !== undefined) checkWritable(ctx.io.cwd, csv, force, inputs);
  const { catalogue, label } = await loadCatalogue(ctx.io.cwd, args.values.catalogue);
  // With the BI master, each row gets its direction of travel against the quarter before.
  // Loaded only with --history: the BI master (its schema, zod) is not part of checking a return (start-up, issue 19).
  const previous = args.values.history !== undefined ? await previousFrom(ctx, args.values.history) : undefined;
  const tick = progress(ctx, 'validated', args.positionals.length);
  const options = { ...(period ? { period } : {}), ...(previous ? { previous } : {}), progress: (done: number) => tick(done) };
  const { results, skipped, product } = await validateEach(catalogue, eachBook(ctx, args.positionals), args.positionals.length, options);
  // A workbook this product wrote (a Cabinet paper) holds no return to check: could not do it (exit 2), with why.
  if (product) throw new FileError(product.file, productWorkbookText(product.kinds));
  const t = totals(results);
  if (csv !== undefined) writeAtomic(ctx.io.cwd, csv, resultsCsv(results, catalogue), force, inputs);
  if (args.flags.has('json')) {
    printJson(ctx, { catalogue: label, files: results.map((r) => fileJson(r)), skipped: skipped.map((s) => ({ ...s, message: skippedSheetText(s) })), errors: t.errors, warnings: t.warnings });
    return t.errors > 0 ? 1 : 0;
  }
  say(ctx, `Catalogue: ${label}`);
  say(ctx);
  for (const s of skipped) print(ctx, skippedSheetText(s));
  if (skipped.length > 0) print(ctx);
  for (const r of results) printFileReport(ctx, r);
  print(ctx, `${plural(results.length, 'return')} checked: ${t.withErrors} with errors, ${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')} in all.`);
  return t.errors > 0 ? 1 : 0;
}
