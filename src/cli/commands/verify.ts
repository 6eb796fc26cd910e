import { verifyCabinet } from '../../app/verify';
import { parseArgs } from '../args';
import { FileError, UsageError } from '../errors';
import { readWorkbook } from '../load';
import { print, say, type Context } from '../output';

export async function verifyCommand(ctx: Context, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, {}, 'verify');
  const [file, extra] = args.positionals;
  if (file === undefined) throw new UsageError('verify: give the Cabinet workbook to check (scorecard verify CABINET.xlsx)');
  if (extra !== undefined) throw new UsageError('verify: give one Cabinet workbook at a time');
  const v = verifyCabinet(await readWorkbook(ctx.io.cwd, file));
  if ('cannot' in v) throw new FileError(file, v.cannot);
  if (v.ok) {
    const scope = v.whole ? 'The numbers on sheet' : 'The numbers in the indicator table of sheet';
    print(ctx, `${file}: unchanged. ${scope} ${v.sheet} are the ones exported (fingerprint ${v.fingerprint.slice(0, 12)}…).`);
    return 0;
  }
  if (v.changed === 'other' && v.reason) {
    print(ctx, `${file}: CHANGED. The indicator table of sheet ${v.sheet} is as exported, but ${v.reason}.`);
  } else if (v.changed === 'other') {
    print(ctx, `${file}: CHANGED. The indicator table of sheet ${v.sheet} is as exported, but the summary, exceptions or another section differs from the export.`);
  } else {
    print(ctx, `${file}: CHANGED. The numbers on sheet ${v.sheet} differ from the ones exported.`);
    say(ctx, `  exported fingerprint   ${v.exported}`);
    say(ctx, `  fingerprint now        ${v.now}`);
  }
  say(ctx, '  Ask the BI team for the master copy; do not rely on this one.');
  return 1;
}
