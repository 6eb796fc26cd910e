import { defaultCatalogue, DEFAULT_CATALOGUE_NAME } from '../../catalogue';
import { describeCatalogueError, type CatalogueResult } from '../../core/catalogue/parse';
import type { Catalogue } from '../../core/catalogue/schema';
import { catalogueWarnings } from '../../core/catalogue/cross-check';
import { catalogueWorkbookPlan } from '../../core/catalogue/table';
import { checkAgainst, diffCommand } from './catalogue-diff';
import { renderWorkbook } from '../../adapters/exceljs/render';
import { parseArgs, requireValue } from '../args';
import { FileError, UsageError } from '../errors';
import { checkWritable, writeAtomic } from '../files';
import { catalogueErrorLine, checkCatalogueFile, isXlsxName, loadCatalogue } from '../load';
import { print, say, type Context } from '../output';
import { plural } from '../../core/words';

export function describeCatalogue(c: Catalogue): string {
  const years = c.financialYears.join(', ');
  return `${c.organisation}, ${c.plan}, version ${c.version}: ${plural(c.indicators.length, 'indicator')}, ${plural(c.priorities.length, 'priority', 'priorities')}, ${plural((c.flagshipActions ?? []).length, 'flagship action')}, ${plural((c.changes ?? []).length, 'recorded change')}; targets for ${years}`;
}

/** Catalogue JSON as the BI team keeps it: two-space indent, newline at the end. */
export function catalogueJsonText(c: Catalogue): string {
  return `${JSON.stringify(c, null, 2)}\n`;
}

async function check(ctx: Context, file: string | undefined, against: string | undefined): Promise<number> {
  if (against !== undefined) {
    if (file === undefined) throw new UsageError('catalogue check: give the new catalogue (scorecard catalogue check NEW.json --against OLD.json)');
    return checkAgainst(ctx, file, against);
  }
  const result: CatalogueResult = file === undefined ? { ok: true, catalogue: defaultCatalogue(), errors: [] } : await checkCatalogueFile(ctx.io.cwd, file);
  const name = file ?? DEFAULT_CATALOGUE_NAME;
  if (result.ok) {
    const warnings = catalogueWarnings(result.catalogue);
    print(ctx, `${name}: valid${warnings.length > 0 ? `, with ${plural(warnings.length, 'warning')}` : ''}. ${describeCatalogue(result.catalogue)}.`);
    for (const w of warnings) print(ctx, `  warning: ${describeCatalogueError(w)}`);
    return 0;
  }
  print(ctx, `${name}: ${plural(result.errors.length, 'problem')}:`);
  for (const e of result.errors) print(ctx, `  ${describeCatalogueError(e)}`);
  return 1;
}

async function importTable(ctx: Context, file: string, out: string, force: boolean): Promise<number> {
  if (!isXlsxName(file)) throw new FileError(file, 'catalogue import reads a catalogue workbook (.xlsx); for JSON use catalogue check');
  const inputs = [{ file, role: 'the catalogue workbook being imported' }];
  checkWritable(ctx.io.cwd, out, force, inputs);
  const result = await checkCatalogueFile(ctx.io.cwd, file);
  if (!result.ok) throw new FileError(file, catalogueErrorLine(result.errors));
  writeAtomic(ctx.io.cwd, out, catalogueJsonText(result.catalogue), force, inputs);
  print(ctx, `Wrote ${out}: ${describeCatalogue(result.catalogue)}.`);
  return 0;
}

async function exportTable(ctx: Context, file: string | undefined, out: string, force: boolean): Promise<number> {
  if (!/\.xlsx$/i.test(out)) throw new FileError(out, 'the output must be an .xlsx file');
  const inputs = file !== undefined ? [{ file, role: 'the catalogue being exported' }] : [];
  checkWritable(ctx.io.cwd, out, force, inputs);
  const { catalogue, label } = await loadCatalogue(ctx.io.cwd, file);
  writeAtomic(ctx.io.cwd, out, await renderWorkbook(catalogueWorkbookPlan(catalogue)), force, inputs);
  print(ctx, `Wrote ${out} from ${label}: sheets Indicators, Catalogue, Priorities, FlagshipActions, Changes.`);
  say(ctx, 'Edit it in Excel, then: scorecard catalogue import ' + out + ' --out catalogue.json');
  return 0;
}

export async function catalogueCommand(ctx: Context, argv: readonly string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const command = `catalogue ${sub ?? ''}`.trim();
  if (sub === 'diff') return diffCommand(ctx, rest);
  const args = parseArgs(rest, { values: ['out', 'against'], flags: ['force'] }, command);
  const [file, extra] = args.positionals;
  if (args.values.against !== undefined && sub !== 'check') throw new UsageError(`${command}: --against is for catalogue check`);
  if (extra !== undefined) throw new UsageError(`${command}: one catalogue file at a time (unexpected ${extra})`);
  const force = args.flags.has('force');
  switch (sub) {
    case 'check':
      return check(ctx, file, args.values.against);
    case 'import':
      if (file === undefined) throw new UsageError('catalogue import: give the catalogue workbook (scorecard catalogue import FILE.xlsx --out FILE.json)');
      return importTable(ctx, file, requireValue(args, 'out', command), force);
    case 'export':
      return exportTable(ctx, file, requireValue(args, 'out', command), force);
    default:
      throw new UsageError(sub === undefined ? 'catalogue: say check, diff, import or export (see scorecard catalogue --help)' : `catalogue: unknown subcommand ${sub}; use check, diff, import or export`);
  }
}
