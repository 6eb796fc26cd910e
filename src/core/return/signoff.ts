import type { CellValue } from '../grid';
import { isCellError } from '../grid';
import { sha256Hex } from '../sha256';
import type { ReadCell, ReadReturn, SignOffState } from './types';

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
