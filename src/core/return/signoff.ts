import type { CellValue } from '../grid';
import { isCellError } from '../grid';
import { sha256Hex } from '../sha256';
import { peopleDate, plural } from '../words';
import type { ReadCell, ReadReturn, SignOff, SignOffState } from './types';

/** One entry as typed, for the fingerprint: raw cell values, never the reader's interpretation. */
function raw(cell: ReadCell | undefined): CellValue {
  const v = cell?.value;
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number') return Object.is(v, -0) ? 0 : v;
  if (isCellError(v)) return { error: String(v.error) };
  return v;
}

/** A raw value as JSON.stringify writes it inside the entries (raw never gives undefined). */
function json(v: CellValue): string {
  return v === null ? 'null' : (JSON.stringify(v) as string | undefined) ?? 'null';
}

const byRef = (a: { readonly ref: string }, b: { readonly ref: string }): number => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);

/**
 * The canonical JSON the fingerprint is taken over (exported so a test or an auditor can see it):
 * `JSON.stringify({ v: 1, period, entries })`, entries `{ ref, actual, status, numerator,
 * denominator, commentary, action }` sorted by Ref (a stable sort). Written out entry by entry, not
 * as an object per row stringified whole: 30,000 rows of a consolidation (the test holds it to that form).
 */
export function canonicalEntries(read: ReadReturn): string {
  const rows = read.rows.slice().sort(byRef);
  const parts: string[] = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as ReadReturn['rows'][number];
    parts[i] = `{"ref":${JSON.stringify(r.ref)},"actual":${json(raw(r.actual))},"status":${json(raw(r.status))},"numerator":${json(raw(r.numerator))},"denominator":${json(raw(r.denominator))},"commentary":${json(raw(r.commentary))},"action":${json(raw(r.action))}}`;
  }
  return `{"v":1,"period":${JSON.stringify((read.periodText ?? '').trim())},"entries":[${parts.join(',')}]}`;
}

/**
 * SHA-256 over the entries, sorted by Ref: the same whatever the column order and the blank rows,
 * different as soon as any typed entry or the period changes.
 */
export function entriesFingerprint(read: ReadReturn): string {
  return sha256Hex(canonicalEntries(read));
}

export function signOffState(read: ReadReturn, fingerprint: string): SignOffState {
  const { signOff } = read;
  const stored = signOff.fingerprint?.trim().toLowerCase();
  if (stored && stored !== fingerprint.trim().toLowerCase()) return 'edited-after-signoff';
  if (signOff.signedOffBy) return 'signed-off';
  return signOff.ready ? 'ready' : 'not-ready';
}

/**
 * The sign-off states in words for people, decided once for every face: `short` for a table cell or
 * a report line, `long` as a sentence (with the names and date when the sign-off block has them).
 */
export const SIGN_OFF_WORDS: Readonly<Record<SignOffState, string>> = {
  'not-ready': 'Not marked ready',
  ready: 'Ready, not signed off',
  'signed-off': 'Signed off',
  'edited-after-signoff': 'Edited after sign-off',
};

/** `Signed off by Sam Jones (Head of Service) on 1 October 2024.` and the like. */
export function signOffSentence(state: SignOffState, s: SignOff): string {
  const by = s.signedOffBy ? ` by ${s.signedOffBy}${s.role ? ` (${s.role})` : ''}${s.signedOffOn ? ` on ${peopleDate(s.signedOffOn)}` : ''}` : '';
  switch (state) {
    case 'signed-off': return `Signed off${by}.`;
    case 'edited-after-signoff': return `Edited after sign-off${by}: it needs signing off again.`;
    case 'ready': return `Ready for sign-off${s.preparedBy ? `, prepared by ${s.preparedBy}` : ''}.`;
    default: return 'Not yet marked ready.';
  }
}

/**
 * A person's name as compared for separation of duties: trimmed, spaces collapsed, case ignored
 * (`A.  Lead` and `a. lead` are the same person).
 */
export function personKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function samePerson(a: string, b: string): boolean {
  return personKey(a) !== '' && personKey(a) === personKey(b);
}

/** Why marking ready or signing off was refused. */
export type SignOffRefusal =
  | 'no-return' | 'no-name' | 'no-role' | 'has-errors' | 'not-ready' | 'no-preparer' | 'same-person' | 'already-signed-off';

export interface RefusalParams {
  readonly step: 'mark-ready' | 'sign-off';
  readonly errors?: number;
  readonly name?: string;
  readonly signOff?: SignOff;
}

/** The refusal in words for people: what is wrong and what to do. */
export function signOffRefusalText(reason: SignOffRefusal, p: RefusalParams): string {
  const step = p.step === 'mark-ready' ? 'mark it ready' : 'sign it off';
  switch (reason) {
    case 'no-return': return `This workbook has no return to ${step}: open the return (or insert a template) and try again.`;
    case 'no-name': return p.step === 'mark-ready' ? 'Type the preparer’s name to mark the return ready.' : 'Type the name of the person signing off.';
    case 'no-role': return 'Type the role of the person signing off.';
    case 'has-errors': return p.step === 'mark-ready'
      ? `The return has ${plural(p.errors ?? 0, 'error')}: put ${p.errors === 1 ? 'it' : 'them'} right, then mark it ready.`
      : `The return has ${plural(p.errors ?? 0, 'error')}: it cannot be signed off until ${p.errors === 1 ? 'it is' : 'they are'} put right and it is marked ready again.`;
    case 'not-ready': return 'The return is not marked ready: the preparer marks it ready first, then it can be signed off.';
    case 'no-preparer': return 'The return says it is ready but names no preparer: mark it ready again with the preparer’s name.';
    case 'same-person': return `${p.name ?? 'The signer'} prepared this return, so someone else signs it off (the catalogue asks for a signer other than the preparer).`;
    case 'already-signed-off': return `${signOffSentence('signed-off', p.signOff ?? { ready: true, cells: {} }).replace(/\.$/, '')}, and unchanged since: there is nothing to mark ready.`;
  }
}

/**
 * The warning shown when a return changed after sign-off:
 * `Edited after sign-off on 1 October 2024 by Sam Jones: ask Sam Jones to sign off again.`
 */
export function editedAfterSignOffWarning(s: SignOff): string {
  const on = s.signedOffOn ? ` on ${peopleDate(s.signedOffOn)}` : '';
  const by = s.signedOffBy ? ` by ${s.signedOffBy}` : '';
  const ask = s.signedOffBy ? `ask ${s.signedOffBy} to sign off again` : 'it needs signing off again';
  return `Edited after sign-off${on}${by}: ${ask}.`;
}

/** Sign-off across the returns of one consolidation (the `--json` `signOff` field, as is). */
export interface SignOffSummary {
  /** Returns for the period that are signed off and unchanged since. */
  readonly signedOff: number;
  /** Returns received for the period: workbooks holding a return for another period are not counted. */
  readonly received: number;
  /** Returns not signed off (marked ready or not), by file. */
  readonly notSignedOff: readonly string[];
  /** Of those, the ones marked ready and waiting for a manager. */
  readonly readyForSignOff: readonly string[];
  /** Returns changed after their sign-off: the sign-off no longer counts. */
  readonly editedAfterSignOff: readonly string[];
}

/**
 * The one sign-off summary of a consolidation, for every face (CLI text and JSON, the Cabinet
 * workbook's data-quality note). A workbook with no return sheet, or a return for another period,
 * is not a return received for this period.
 */
export function signOffSummary(files: readonly { readonly file: string; readonly sheet: string; readonly period: string | null; readonly signOffState: SignOffState }[], period: string): SignOffSummary {
  const received = files.filter((f) => f.sheet !== '' && (f.period === null || f.period === period));
  const named = (state: SignOffState): string[] => received.filter((f) => f.signOffState === state).map((f) => f.file);
  return {
    signedOff: named('signed-off').length,
    received: received.length,
    notSignedOff: received.filter((f) => f.signOffState === 'not-ready' || f.signOffState === 'ready').map((f) => f.file),
    readyForSignOff: named('ready'),
    editedAfterSignOff: named('edited-after-signoff'),
  };
}

/** `8 of 22 returns signed off`. */
export function signedOffCount(s: SignOffSummary): string {
  return `${s.signedOff} of ${plural(s.received, 'return')} signed off`;
}

/**
 * The summary as report lines: the count, then the returns whose sign-off is missing or void,
 * each with what it waits for. Nothing but the count when every return is signed off.
 */
export function signOffSummaryLines(s: SignOffSummary): string[] {
  const out = [`Sign-off: ${signedOffCount(s)}.`];
  if (s.notSignedOff.length > 0) {
    out.push(`Not signed off (${s.notSignedOff.length}):`);
    const ready = new Set(s.readyForSignOff);
    for (const f of s.notSignedOff) out.push(`  ${f}: ${ready.has(f) ? SIGN_OFF_WORDS.ready : SIGN_OFF_WORDS['not-ready']}`);
  }
  if (s.editedAfterSignOff.length > 0) {
    out.push(`Edited after sign-off, so no longer signed off (${s.editedAfterSignOff.length}):`);
    for (const f of s.editedAfterSignOff) out.push(`  ${f}`);
  }
  return out;
}
