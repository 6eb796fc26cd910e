import type { CellValue } from '../grid';
import { isCellError } from '../grid';
import { sha256Hex } from '../sha256';
import { peopleDate } from '../words';
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

/** The canonical JSON the fingerprint is taken over (exported so a test or an auditor can see it). */
export function canonicalEntries(read: ReadReturn): string {
  const entries = read.rows
    .map((r) => ({
      ref: r.ref,
      actual: raw(r.actual),
      status: raw(r.status),
      numerator: raw(r.numerator),
      denominator: raw(r.denominator),
      commentary: raw(r.commentary),
      action: raw(r.action),
    }))
    .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  return JSON.stringify({ v: 1, period: (read.periodText ?? '').trim(), entries });
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
