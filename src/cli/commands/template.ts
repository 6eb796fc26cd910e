import { returnTemplate, matchService, servicesOf } from '../../app/insert-template';
import { formatPeriod } from '../../core/period';
import { renderWorkbook } from '../../adapters/exceljs/render';
import { parseArgs, requireValue } from '../args';
import { FileError, UsageError } from '../errors';
import { checkWritable, writeAtomic } from '../files';
import { loadCatalogue, periodOption } from '../load';
import { print, say, type Context } from '../output';
import { plural } from '../../core/words';

export const TEMPLATE_OPTIONS = { values: ['period', 'service', 'catalogue', 'out'], flags: ['force'] } as const;

export async function templateCommand(ctx: Context, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, TEMPLATE_OPTIONS, 'template');
  if (args.positionals.length > 0) throw new UsageError(`template: unexpected argument ${args.positionals[0]} (did you mean --out?)`);
  const period = periodOption(requireValue(args, 'period', 'template'), 'template');
  const out = requireValue(args, 'out', 'template');
  if (!/\.xlsx$/i.test(out)) throw new FileError(out, 'the output must be an .xlsx file');
  const force = args.flags.has('force');
  checkWritable(ctx.io.cwd, out, force);
  const { catalogue, label } = await loadCatalogue(ctx.io.cwd, args.values.catalogue);
  let service: string | undefined;
  if (args.values.service !== undefined) {
    service = matchService(catalogue, args.values.service);
    if (!service) throw new UsageError(`template: no indicators for service "${args.values.service}"; the catalogue's services are: ${servicesOf(catalogue).join(', ')}`);
  }
  if (!period) throw new UsageError('template: --period is required');
  const template = returnTemplate(catalogue, period, service);
  writeAtomic(ctx.io.cwd, out, await renderWorkbook(template.workbook), force);
  say(ctx, `Catalogue: ${label}`);
  print(ctx, `Wrote ${out}: return for ${formatPeriod(period)}${service ? `, ${service}` : ''}, ${plural(template.due, 'indicator')} due.`);
  say(ctx, 'Leads type in the white cells (Actual or Status, Commentary, Action); then run scorecard validate on it.');
  return 0;
}
