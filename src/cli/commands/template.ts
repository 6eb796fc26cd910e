import { templatePlan } from '../../core/plan/template';
import { formatPeriod } from '../../core/period';
import type { WorkbookPlan } from '../../core/plan/types';
import { renderWorkbook } from '../../adapters/exceljs/render';
import { parseArgs, requireValue } from '../args';
import { FileError, UsageError } from '../errors';
import { checkWritable, writeAtomic } from '../files';
import { loadCatalogue, periodOption } from '../load';
import { print, say, type Context } from '../output';
import type { Catalogue } from '../../core/catalogue/schema';
import type { Period } from '../../core/period';
import { isDue } from '../../core/catalogue/accessors';

export const TEMPLATE_OPTIONS = { values: ['period', 'service', 'catalogue', 'out'], flags: ['force'] } as const;

/** A Return workbook plan: the template sheet and properties saying what it is. */
export function returnWorkbookPlan(catalogue: Catalogue, period: Period, service?: string): WorkbookPlan {
  const sheet = templatePlan(catalogue, period, service ? { service } : {});
  return {
    sheets: [sheet],
    properties: {
      title: `Performance return ${formatPeriod(period)}${service ? `, ${service}` : ''}`,
      subject: catalogue.plan,
      company: catalogue.organisation,
      creator: 'scorecard',
      custom: { ScorecardPeriod: formatPeriod(period), ScorecardCatalogueVersion: catalogue.version, ...(service ? { ScorecardService: service } : {}) },
    },
  };
}

/** The service as the catalogue spells it, or a usage error listing the ones it knows. */
export function matchService(catalogue: Catalogue, service: string): string {
  const want = service.trim().toLowerCase();
  const known = [...new Set(catalogue.indicators.map((i) => i.service))];
  const hit = known.find((s) => s.trim().toLowerCase() === want);
  if (!hit) throw new UsageError(`template: no indicators for service "${service}"; the catalogue's services are: ${known.join(', ')}`);
  return hit;
}

export async function templateCommand(ctx: Context, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, TEMPLATE_OPTIONS, 'template');
  if (args.positionals.length > 0) throw new UsageError(`template: unexpected argument ${args.positionals[0]} (did you mean --out?)`);
  const period = periodOption(requireValue(args, 'period', 'template'), 'template');
  const out = requireValue(args, 'out', 'template');
  if (!/\.xlsx$/i.test(out)) throw new FileError(out, 'the output must be an .xlsx file');
  const force = args.flags.has('force');
  checkWritable(ctx.io.cwd, out, force);
  const { catalogue, label } = await loadCatalogue(ctx.io.cwd, args.values.catalogue);
  const service = args.values.service === undefined ? undefined : matchService(catalogue, args.values.service);
  if (!period) throw new UsageError('template: --period is required');
  const plan = returnWorkbookPlan(catalogue, period, service);
  writeAtomic(ctx.io.cwd, out, await renderWorkbook(plan), force);
  const rows = catalogue.indicators.filter((i) => isDue(i, period) && (!service || i.service === service)).length;
  say(ctx, `Catalogue: ${label}`);
  print(ctx, `Wrote ${out}: return for ${formatPeriod(period)}${service ? `, ${service}` : ''}, ${rows} indicators due.`);
  say(ctx, 'Leads type in the white cells (Actual or Status, Commentary, Action); then run scorecard validate on it.');
  return 0;
}

