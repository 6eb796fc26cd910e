import { formatLoose } from '../../core/format';
import { checkChangeLog, diffCatalogues, type DiffEntry } from '../../core/catalogue/diff';
import { parseArgs } from '../args';
import { UsageError } from '../errors';
import { describeCatalogueError } from '../../core/catalogue/parse';
import { checkCatalogueFile, loadCatalogue } from '../load';
import { print, printJson, say, type Context } from '../output';
import { plural } from '../../core/words';

/** `CS01  target 2024-25: 82 → 84`: one difference on one line. */
export function diffLine(e: DiffEntry): string {
  const what = e.change === 'other' ? (e.field ?? 'other') : e.year ? `${e.change} ${e.year}` : e.change;
  if (e.change === 'added') return `${e.indicator.padEnd(7)} added: ${formatLoose(e.to)}`;
  if (e.change === 'removed') return `${e.indicator.padEnd(7)} removed: ${formatLoose(e.from)}`;
  return `${e.indicator.padEnd(7)} ${what}: ${formatLoose(e.from) || '(none)'} → ${formatLoose(e.to) || '(none)'}`;
}

/** `catalogue diff OLD NEW [--json]`: what changed, in the change log's own terms. Exit 0 either way: a difference is not an error. */
export async function diffCommand(ctx: Context, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { flags: ['json'] }, 'catalogue diff');
  const [oldFile, newFile, extra] = args.positionals;
  if (oldFile === undefined || newFile === undefined || extra !== undefined) {
    throw new UsageError('catalogue diff: give two catalogues, the old one first (scorecard catalogue diff OLD.json NEW.json)');
  }
  const before = await loadCatalogue(ctx.io.cwd, oldFile);
  const after = await loadCatalogue(ctx.io.cwd, newFile);
  const { entries } = diffCatalogues(before.catalogue, after.catalogue);
  if (args.flags.has('json')) {
    printJson(ctx, { old: before.label, new: after.label, changes: entries });
    return 0;
  }
  say(ctx, `From ${before.label} to ${after.label}:`);
  if (entries.length === 0) print(ctx, 'No differences in indicators or targets.');
  for (const e of entries) print(ctx, `  ${diffLine(e)}`);
  if (entries.length > 0) print(ctx, `${plural(entries.length, 'difference')}. Each needs a change log entry: scorecard catalogue check ${newFile} --against ${oldFile}`);
  return 0;
}

/** `catalogue check NEW --against OLD`: NEW must be valid and every difference logged with date, reason and authority. */
export async function checkAgainst(ctx: Context, newFile: string, oldFile: string): Promise<number> {
  const before = await loadCatalogue(ctx.io.cwd, oldFile);
  const result = await checkCatalogueFile(ctx.io.cwd, newFile);
  if (!result.ok) {
    print(ctx, `${newFile}: ${plural(result.errors.length, 'problem')}:`);
    for (const e of result.errors) print(ctx, `  ${describeCatalogueError(e)}`);
    return 1;
  }
  const issues = checkChangeLog(before.catalogue, result.catalogue);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const changes = diffCatalogues(before.catalogue, result.catalogue).entries.length;
  if (issues.length === 0) {
    print(ctx, `${newFile}: valid, and each of its ${plural(changes, 'change')} since ${oldFile} is in the change log with date, reason and authority.`);
    return 0;
  }
  print(ctx, `${newFile} against ${oldFile}: ${plural(errors, 'error')}, ${plural(issues.length - errors, 'warning')} in the change log:`);
  for (const i of issues) print(ctx, `  ${i.severity} [${i.code}] ${i.path}: ${i.message}`);
  return errors > 0 ? 1 : 0;
}
