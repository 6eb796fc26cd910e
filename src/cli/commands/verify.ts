import { checkSignature, verifyCabinet, type SignatureVerdict } from '../../app/verify';
import { fromBase64 } from '../../core/base64';
import { compareWithMaster, type Against } from '../../core/cabinet/against';
import { CABINET_PREFIX } from '../../core/cabinet/layout';
import { keyId } from '../../core/cabinet/signature';
import { readHistory } from './history-file';
import { parseArgs } from '../args';
import { FileError, UsageError } from '../errors';
import { readPublicKey } from '../keys';
import { loadCatalogue, readWorkbook } from '../load';
import { print, say, type Context } from '../output';

/** The keys the reader trusts: --public-key FILE and the catalogue's signing.publicKeys. */
async function trustedKeys(ctx: Context, args: ReturnType<typeof parseArgs>): Promise<Uint8Array[]> {
  const keys: Uint8Array[] = [];
  if (args.values['public-key'] !== undefined) keys.push(readPublicKey(ctx.io.cwd, args.values['public-key']));
  if (args.values.catalogue !== undefined) {
    const { catalogue } = await loadCatalogue(ctx.io.cwd, args.values.catalogue);
    const listed = catalogue.signing?.publicKeys ?? [];
    if (listed.length === 0) throw new FileError(args.values.catalogue, 'has no "signing": {"publicKeys": [...]} to verify against; give --public-key FILE or add the BI team\'s key there');
    for (const k of listed) keys.push(fromBase64(k.trim()) ?? new Uint8Array());
  }
  return keys;
}

/** What an unchanged paper's signature adds; the exit code is 1 when a key was given and it does not hold. */
function signatureLines(file: string, s: SignatureVerdict, keys: readonly Uint8Array[]): { lines: string[]; ok: boolean; keyId?: string } {
  const given = keys.map(keyId).join(', ');
  switch (s.state) {
    case 'valid':
      return { ok: true, keyId: s.keyId, lines: ['  The signature matches the public key given: the paper was made by the holder of its private key (the BI team) and its numbers are unchanged since.'] };
    case 'unsigned':
      if (keys.length > 0) return { ok: false, lines: [`${file}: NOT SIGNED. A public key was given (${given}) but the paper carries no signature: it was removed, or the paper was not made with consolidate --sign. It cannot be shown to come from the BI team.`] };
      return { ok: true, lines: ['  Not signed: this shows only that the numbers match the fingerprints stored in the file, and anyone who edits the file can recompute those. It does not show who made the paper. For that, ask the BI team for a paper made with consolidate --sign and check it with --public-key FILE.'] };
    case 'unchecked':
      return { ok: true, lines: [`  Signed with key ${s.keyId}, not checked: give --public-key FILE (the BI team's public key) to prove it came from them. Without it, this shows only that the numbers match fingerprints anyone could recompute.`] };
    case 'other-key':
      return { ok: false, lines: [`${file}: NOT SIGNED by the key given (${given}): its signature claims key ${s.keyId || 'unknown'} and does not match the key given. It cannot be shown to come from the BI team.`] };
    case 'invalid':
      return { ok: false, lines: [`${file}: CHANGED. Its signature by key ${s.keyId} does not match its fingerprints: they were recomputed after an edit, or the signature was altered.`] };
  }
}

export async function verifyCommand(ctx: Context, argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['public-key', 'catalogue', 'against'] }, 'verify');
  const [file, extra] = args.positionals;
  if (file === undefined) throw new UsageError('verify: give the Cabinet workbook to check (scorecard verify CABINET.xlsx)');
  if (extra !== undefined) throw new UsageError('verify: give one Cabinet workbook at a time');
  // A bad key or catalogue is found before the paper is read: exit 2, one line.
  const keys = await trustedKeys(ctx, args);
  const book = await readWorkbook(ctx.io.cwd, file);
  const v = verifyCabinet(book);
  if ('cannot' in v) throw new FileError(file, v.cannot);
  // Every reason to exit 2 comes before any line is printed.
  const against = args.values.against === undefined ? undefined : compareAgainst(ctx, book, args.values.against);
  const code = fingerprintVerdict(ctx, file, book, v, keys);
  if (!against) return code;
  const { master, result } = against;
  if (result.differences.length === 0) {
    print(ctx, `${file}: the same as the BI master's record of ${result.period} in ${master} (actual and RAG of ${result.refs} indicators, suppressed counts as suppressed).`);
  } else {
    print(ctx, `${file}: DIFFERS from the BI master's record of ${result.period} in ${master}:`);
    for (const line of result.differences) print(ctx, `  ${line}`);
  }
  for (const line of notCheckedLines(result.notChecked)) print(ctx, line);
  return result.differences.length === 0 ? code : 1;
}

/** Carried-forward results the master cannot vouch for, by the quarter they come from: never counted as matching. */
function notCheckedLines(refs: Extract<Against, { ok: true }>['notChecked']): string[] {
  const byQuarter = new Map<string, string[]>();
  for (const { ref, from } of refs) byQuarter.set(from, [...(byQuarter.get(from) ?? []), ref]);
  return [...byQuarter].map(([from, list]) => `  Not checked: ${list.join(', ')} ${list.length === 1 ? 'shows a result' : 'show results'} carried forward from ${from}, which the master does not hold.`);
}

function compareAgainst(ctx: Context, book: Awaited<ReturnType<typeof readWorkbook>>, master: string): { master: string; result: Extract<Against, { ok: true }> } {
  const grid = book.sheets.find((g) => g.sheet.startsWith(CABINET_PREFIX));
  if (!grid) throw new FileError(book.file, `not a Cabinet workbook (no sheet whose name starts with ${CABINET_PREFIX})`);
  const result = compareWithMaster(grid, readHistory(ctx.io.cwd, master));
  if (!result.ok) throw new FileError(master, result.reason);
  return { master, result };
}

function fingerprintVerdict(ctx: Context, file: string, book: Awaited<ReturnType<typeof readWorkbook>>, v: Exclude<ReturnType<typeof verifyCabinet>, { cannot: string }>, keys: readonly Uint8Array[]): number {
  if (v.ok) {
    const signed = signatureLines(file, checkSignature(book, keys), keys);
    if (!signed.ok) {
      for (const line of signed.lines) print(ctx, line);
      say(ctx, '  Ask the BI team for the master copy; do not rely on this one.');
      return 1;
    }
    const scope = v.whole ? 'The numbers on sheet' : 'The numbers in the indicator table of sheet';
    const state = signed.keyId ? `signed by key ${signed.keyId}, unchanged` : 'unchanged';
    print(ctx, `${file}: ${state}. ${scope} ${v.sheet} are the ones exported (fingerprint ${v.fingerprint.slice(0, 12)}…).`);
    if (v.older) print(ctx, `  Its fingerprint is an older version (${v.older}), which does not cover number formats, hidden rows, columns or sheets, or the sheet the workbook opens on: a paper changed only in those ways still says unchanged.`);
    for (const line of signed.lines) print(ctx, line);
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
