import * as path from 'node:path';
import { allServiceReturns, returnTemplate, matchService, servicesOf, type SkipReason } from '../../app/insert-template';
import { formatPeriod } from '../../core/period';
import { renderWorkbook } from '../../adapters/exceljs/render';
import { parseArgs, requireValue, type ParsedArgs } from '../args';
import { FileError, UsageError } from '../errors';
import { checkNotAnInput, checkWritable, displayPath, ensureDir, listDir, writeAtomic, type Input } from '../files';
import { loadCatalogue, periodOption } from '../load';
import { print, say, type Context } from '../output';
import { plural } from '../../core/words';

export const TEMPLATE_OPTIONS = { values: ['period', 'service', 'catalogue', 'out', 'out-dir'], flags: ['force', 'all-services'] } as const;

const SKIPPED: Readonly<Record<SkipReason, (period: string) => string>> = {
  'none-due': (p) => `no indicators due in ${p}`,
  'not-in-force': (p) => `none of its indicators is in the catalogue for ${p}`,
};

/** The file the template reads, never written over. */
function catalogueInput(args: ParsedArgs): Input[] {
  return args.values.catalogue !== undefined ? [{ file: args.values.catalogue, role: 'the --catalogue' }] : [];
}

/** `template --all-services --out-dir DIR`: one return per service, every name checked before any file is written. */
async function allServices(ctx: Context, args: ParsedArgs): Promise<number> {
  if (args.values.service !== undefined) throw new UsageError('template: --all-services writes every service; leave out --service (or leave out --all-services)');
  if (args.values.out !== undefined) throw new UsageError('template: --all-services writes one file per service into --out-dir DIR, not --out');
  const dir = requireValue(args, 'out-dir', 'template');
  const period = periodOption(requireValue(args, 'period', 'template'), 'template');
  if (!period) throw new UsageError('template: --period is required');
  const force = args.flags.has('force');
  const existing = listDir(ctx.io.cwd, dir);
  const inputs = catalogueInput(args);
  const { catalogue, label } = await loadCatalogue(ctx.io.cwd, args.values.catalogue);
  const { returns, skipped } = allServiceReturns(catalogue, period);
  const periodText = formatPeriod(period);
  if (returns.length === 0) throw new UsageError(`template: no service has indicators due in ${periodText}; nothing written`);
  const files = returns.map((r) => ({ ...r, path: displayPath(path.join(dir, r.file)) }));
  if (existing && !force) {
    const there = new Set(existing.map((f) => f.toLowerCase()));
    const clash = files.filter((f) => there.has(f.file.toLowerCase()));
    if (clash.length > 0) {
      const first = clash[0]?.path ?? dir;
      const others = clash.slice(1).map((f) => f.file);
      const named = others.length > 3 ? `${others.slice(0, 3).join(', ')} …` : others.join(', ');
      const more = others.length > 0 ? ` (and ${plural(others.length, 'other file')} there: ${named})` : '';
      throw new FileError(first, `already exists${more}; nothing was written. Use --force to overwrite, or another --out-dir`);
    }
  }
  if (existing) for (const f of files) checkNotAnInput(ctx.io.cwd, f.path, inputs);
  if (!existing) ensureDir(ctx.io.cwd, dir);
  for (const f of files) writeAtomic(ctx.io.cwd, f.path, await renderWorkbook(f.template.workbook), force, inputs);
  say(ctx, `Catalogue: ${label}`);
  print(ctx, `Wrote ${plural(files.length, 'return')} for ${periodText} in ${displayPath(dir)}:`);
  for (const f of files) print(ctx, `  ${f.file}: ${f.service}, ${plural(f.template.due, 'indicator')} due`);
  if (skipped.length > 0) {
    print(ctx, `Skipped ${plural(skipped.length, 'service')}:`);
    for (const s of skipped) print(ctx, `  ${s.service}: ${SKIPPED[s.reason](periodText)}`);
  }
  say(ctx, 'Send each lead their file; they type in the white cells, then run scorecard validate on it.');
  return 0;
}

export async function templateCommand(ctx: Context, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, TEMPLATE_OPTIONS, 'template');
  if (args.positionals.length > 0) throw new UsageError(`template: unexpected argument ${args.positionals[0]} (did you mean --out?)`);
  if (args.flags.has('all-services')) return allServices(ctx, args);
  if (args.values['out-dir'] !== undefined) throw new UsageError('template: --out-dir is for --all-services; for one return give --out FILE.xlsx');
  const period = periodOption(requireValue(args, 'period', 'template'), 'template');
  const out = requireValue(args, 'out', 'template');
  if (!/\.xlsx$/i.test(out)) throw new FileError(out, 'the output must be an .xlsx file');
  const force = args.flags.has('force');
  const inputs = catalogueInput(args);
  checkWritable(ctx.io.cwd, out, force, inputs);
  const { catalogue, label } = await loadCatalogue(ctx.io.cwd, args.values.catalogue);
  let service: string | undefined;
  if (args.values.service !== undefined) {
    service = matchService(catalogue, args.values.service);
    if (!service) throw new UsageError(`template: no indicators for service "${args.values.service}"; the catalogue's services are: ${servicesOf(catalogue).join(', ')}`);
  }
  if (!period) throw new UsageError('template: --period is required');
  const template = returnTemplate(catalogue, period, service);
  writeAtomic(ctx.io.cwd, out, await renderWorkbook(template.workbook), force, inputs);
  say(ctx, `Catalogue: ${label}`);
  print(ctx, `Wrote ${out}: return for ${formatPeriod(period)}${service ? `, ${service}` : ''}, ${plural(template.due, 'indicator')} due.`);
  say(ctx, 'Leads type in the white cells (Actual or Status, Commentary, Action); then run scorecard validate on it.');
  return 0;
}
