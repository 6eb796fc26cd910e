import { fingerprintFromCabinetGrid, sheetFingerprintOfGrid } from '../../core/cabinet/fingerprint';
import { parseArgs } from '../args';
import { FileError, UsageError } from '../errors';
import { readWorkbook } from '../load';
import { print, say, type Context } from '../output';
import { PROPERTY } from '../../core/cabinet/layout';

const FINGERPRINT_PROPERTY = PROPERTY.fingerprint;

export async function verifyCommand(ctx: Context, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, {}, 'verify');
  const [file, extra] = args.positionals;
  if (file === undefined) throw new UsageError('verify: give the Cabinet workbook to check (scorecard verify CABINET.xlsx)');
  if (extra !== undefined) throw new UsageError('verify: give one Cabinet workbook at a time');
  const book = await readWorkbook(ctx.io.cwd, file);
  const grid = book.sheets.find((g) => g.sheet.startsWith('Cabinet'));
  if (!grid) throw new FileError(file, 'not a Cabinet workbook (no sheet whose name starts with Cabinet)');
  const stored = book.properties[FINGERPRINT_PROPERTY];
  if (!stored) throw new FileError(file, `has no ${FINGERPRINT_PROPERTY} property, so it was not exported by scorecard (or the property was removed)`);
  const now = fingerprintFromCabinetGrid(grid);
  if (now === undefined) throw new FileError(file, `sheet ${grid.sheet} has no scorecard table with a period, so there is nothing to check`);
  const storedSheet = book.properties[PROPERTY.sheetFingerprint]?.trim();
  const sheetNow = storedSheet ? sheetFingerprintOfGrid(grid) : undefined;
  if (now === stored.trim() && sheetNow === storedSheet) {
    const scope = storedSheet ? 'the numbers on sheet' : 'the numbers in the indicator table of sheet';
    print(ctx, `${file}: unchanged. ${scope[0]?.toUpperCase()}${scope.slice(1)} ${grid.sheet} are the ones exported (fingerprint ${stored.slice(0, 12)}…).`);
    return 0;
  }
  if (now === stored.trim()) {
    print(ctx, `${file}: CHANGED. The indicator table of sheet ${grid.sheet} is as exported, but the summary, exceptions or another section differs from the export.`);
    say(ctx, '  Ask the BI team for the master copy; do not rely on this one.');
    return 1;
  }
  print(ctx, `${file}: CHANGED. The numbers on sheet ${grid.sheet} differ from the ones exported.`);
  say(ctx, `  exported fingerprint   ${stored}`);
  say(ctx, `  fingerprint now        ${now}`);
  say(ctx, '  Ask the BI team for the master copy; do not rely on this one.');
  return 1;
}
