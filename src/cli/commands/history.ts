import { formatLoose } from '../../core/format';
import type { History, HistoryValue } from '../../core/history/schema';
import { parseArgs } from '../args';
import { UsageError } from '../errors';
import { print, printJson, type Context } from '../output';
import { peopleDate, plural } from '../../core/words';
import { readHistory } from './history-file';

const shownValue = (v: HistoryValue): string => v.qualitative ?? formatLoose(v.actual);

function showRef(ctx: Context, h: History, ref: string): number {
  const key = ref.trim().toUpperCase();
  const rows = h.periods.map((p) => ({ p, v: p.values.find((v) => v.ref.toUpperCase() === key), missing: (p.missing ?? []).some((m) => m.toUpperCase() === key) }));
  if (!rows.some((r) => r.v || r.missing)) {
    print(ctx, `${ref}: not in the history.`);
    return 1;
  }
  print(ctx, `${ref} in the history:`);
  for (const { p, v, missing } of rows) {
    const what = v ? `${(shownValue(v) || 'blank').padEnd(10)} ${v.status}` : missing ? 'missing (no return gave it)' : 'not reported';
    print(ctx, `  ${p.period}  ${what}${p.revisions.length > 0 ? `  (reopened ${plural(p.revisions.length, 'time')})` : ''}`);
  }
  return 0;
}

export async function historyCommand(ctx: Context, argv: readonly string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'show') throw new UsageError(sub === undefined ? 'history: say show (scorecard history show MASTER.json)' : `history: unknown subcommand ${sub}; use show`);
  const args = parseArgs(rest, { values: ['ref'], flags: ['json'] }, 'history show');
  const [file, extra] = args.positionals;
  if (file === undefined || extra !== undefined) throw new UsageError('history show: give one history file (scorecard history show MASTER.json)');
  const h = readHistory(ctx.io.cwd, file);
  if (args.flags.has('json')) {
    const ref = args.values.ref?.trim().toUpperCase();
    printJson(ctx, ref ? { ...h, periods: h.periods.map((p) => ({ ...p, values: p.values.filter((v) => v.ref.toUpperCase() === ref) })) } : h);
    return 0;
  }
  if (args.values.ref !== undefined) return showRef(ctx, h, args.values.ref);
  print(ctx, `${file}: ${h.organisation}, ${plural(h.periods.length, 'closed quarter')}.`);
  for (const p of h.periods) {
    const missing = p.missing?.length ?? 0;
    print(ctx, `  ${p.period}  closed ${peopleDate(p.closedAt)}, catalogue ${p.catalogueVersion}: ${plural(p.values.length, 'value')}${missing ? `, ${missing} missing` : ''}`);
    for (const r of p.revisions) print(ctx, `      reopened ${peopleDate(r.replacedAt)}${r.reason ? `: ${r.reason}` : ''}`);
  }
  return 0;
}
