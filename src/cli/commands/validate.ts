import { parseArgs } from '../args';
import { UsageError } from '../errors';
import { loadCatalogue, periodOption } from '../load';
import { plural, print, printJson, say, type Context } from '../output';
import { fileJson, printFileReport, readAll, totals, validateAll } from '../returns';

export const VALIDATE_OPTIONS = { values: ['period', 'catalogue'], flags: ['json'] } as const;

export async function validateCommand(ctx: Context, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, VALIDATE_OPTIONS, 'validate');
  if (args.positionals.length === 0) throw new UsageError('validate: give at least one return workbook (scorecard validate FILE.xlsx...)');
  const period = periodOption(args.values.period, 'validate');
  const { catalogue, label } = await loadCatalogue(ctx.io.cwd, args.values.catalogue);
  const books = await readAll(ctx, args.positionals);
  const results = validateAll(ctx, catalogue, books, period);
  const t = totals(results);
  if (args.flags.has('json')) {
    printJson(ctx, { catalogue: label, files: results.map(fileJson), errors: t.errors, warnings: t.warnings });
    return t.errors > 0 ? 1 : 0;
  }
  say(ctx, `Catalogue: ${label}`);
  say(ctx);
  for (const r of results) printFileReport(ctx, r);
  print(ctx, `${plural(results.length, 'return')} checked: ${t.withErrors} with errors, ${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')} in all.`);
  return t.errors > 0 ? 1 : 0;
}
