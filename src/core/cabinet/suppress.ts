import type { Indicator } from '../catalogue/schema';
import type { Direction } from '../direction';
import type { RagStatus } from '../rag';
import { SUPPRESSED_RE } from '../return/layout';

/**
 * Small-number suppression for the Cabinet paper: the one place that decides what is shown.
 *
 * Rules (N = the indicator's `suppressBelow`):
 *  1. A count (the actual of a count indicator, a numerator, a denominator) from 1 to N−1 shows as `<N`;
 *     zero shows as 0 unless `suppressZero`, then as `<N` too.
 *  2. A percentage or rate whose numerator or denominator is hidden shows as `Suppressed (<N)`.
 *  3. Secondary suppression, so nothing hidden can be worked back from what is shown:
 *     - a hidden denominator hides the numerator too (numerator ≤ denominator);
 *     - a shown percentage with both parts shown whose complement (denominator − numerator) is a
 *       small count hides both parts (98 of 100 would disclose the 2);
 *     - a RAG or direction resting on a hidden value is shown only when every value the hidden one
 *       could take gives the same answer; otherwise the RAG is `Withheld` and the direction blank.
 *  4. Text typed for a suppressing indicator is never shown (it may spell out the count).
 * Everything here is a function of what is shown, never of the hidden value itself.
 */

export interface Suppression {
  readonly below: number;
  readonly zero: boolean;
}

export type Shown =
  | { readonly kind: 'blank' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'suppressed'; readonly text: string };

export type SuppressibleIndicator = Pick<Indicator, 'suppressBelow' | 'suppressZero' | 'unit'>;

export function suppressionOf(ind: Pick<Indicator, 'suppressBelow' | 'suppressZero'>): Suppression | undefined {
  const below = ind.suppressBelow;
  if (below === null || below === undefined) return undefined;
  return { below, zero: ind.suppressZero === true };
}

export const suppressedCountText = (below: number): string => `<${below}`;
export const suppressedDerivedText = (below: number): string => `Suppressed (<${below})`;
/** A value hidden only because it would let a hidden one be worked out. */
export const SECONDARY_TEXT = 'Suppressed';

export function isSmallCount(v: number, s: Suppression): boolean {
  return (v > 0 && v < s.below) || (v === 0 && s.zero);
}

/** Whole numbers a hidden count may be, given only that it is hidden. */
export function countBucket(s: Suppression, below = s.below): number[] {
  const out: number[] = [];
  for (let v = s.zero ? 0 : 1; v < below; v++) out.push(v);
  return out;
}

const blank: Shown = { kind: 'blank' };

/** A count as shown (rule 1). Text `<M` typed by a lead stays hidden, never narrower than `<N`. */
export function suppressCount(value: number | string | null | undefined, ind: Pick<Indicator, 'suppressBelow' | 'suppressZero'>): Shown {
  const s = suppressionOf(ind);
  if (value === null || value === undefined) return blank;
  if (typeof value === 'string') {
    if (value.trim() === '') return blank;
    const m = SUPPRESSED_RE.exec(value);
    if (m) return { kind: 'suppressed', text: suppressedCountText(Math.max(Number(m[1]), s?.below ?? 0)) };
    return s ? { kind: 'suppressed', text: suppressedCountText(s.below) } : { kind: 'text', text: value };
  }
  if (!Number.isFinite(value)) return blank;
  return s && isSmallCount(value, s) ? { kind: 'suppressed', text: suppressedCountText(s.below) } : { kind: 'number', value };
}

export interface ShownValues {
  readonly actual: Shown;
  readonly numerator: Shown;
  readonly denominator: Shown;
  /**
   * The values the true actual could take given only what is shown: absent when the actual is
   * shown, `unknown` when they cannot be listed (a rate's scale is not in the catalogue).
   */
  readonly possible?: readonly number[] | 'unknown';
}

export interface RawValues {
  readonly actual: number | string | null | undefined;
  readonly numerator?: number | null;
  readonly denominator?: number | null;
}

const isDerived = (ind: SuppressibleIndicator): boolean => ind.unit === 'percent' || ind.unit === 'rate';

function plain(v: number | string | null | undefined): Shown {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return blank;
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : blank;
  const m = SUPPRESSED_RE.exec(v);
  return m ? { kind: 'suppressed', text: suppressedCountText(Number(m[1])) } : { kind: 'text', text: v };
}

function possiblePercents(ind: SuppressibleIndicator, s: Suppression, num: Shown, den: Shown): readonly number[] | 'unknown' {
  if (ind.unit !== 'percent') return 'unknown';
  const nums = num.kind === 'number' ? [num.value] : num.kind === 'blank' ? [] : Array.from({ length: s.below }, (_, i) => i);
  const dens = den.kind === 'number' ? [den.value] : den.kind === 'blank' ? [] : countBucket(s).filter((d) => d > 0);
  const out: number[] = [];
  for (const d of dens) for (const n of nums) if (d > 0 && (den.kind === 'number' || n <= d)) out.push((n / d) * 100);
  return out.length > 0 ? out : 'unknown';
}

/** Actual, numerator and denominator of one indicator as the Cabinet paper may show them (rules 1-4). */
export function suppressValues(ind: SuppressibleIndicator, raw: RawValues): ShownValues {
  const s = suppressionOf(ind);
  if (!s) return { actual: plain(raw.actual), numerator: plain(raw.numerator), denominator: plain(raw.denominator) };
  const den = suppressCount(raw.denominator, ind);
  let num = suppressCount(raw.numerator, ind);
  if (den.kind === 'suppressed' && num.kind === 'number') num = { kind: 'suppressed', text: SECONDARY_TEXT };
  if (!isDerived(ind)) {
    const actual = suppressCount(raw.actual, ind);
    if (actual.kind !== 'suppressed') return { actual, numerator: num, denominator: den };
    const m = typeof raw.actual === 'string' ? SUPPRESSED_RE.exec(raw.actual) : null;
    const below = Math.max(s.below, m ? Number(m[1]) : 0);
    const possible = m || typeof raw.actual === 'number' ? countBucket(m ? { ...s, zero: true } : s, below) : 'unknown';
    return { actual, numerator: num, denominator: den, possible };
  }
  const hiddenPart = num.kind === 'suppressed' || den.kind === 'suppressed';
  const typedHidden = typeof raw.actual === 'string' && raw.actual.trim() !== '';
  if (hiddenPart || typedHidden) {
    const actual: Shown = raw.actual === null || raw.actual === undefined ? blank : { kind: 'suppressed', text: suppressedDerivedText(s.below) };
    const possible = typedHidden || !hiddenPart ? 'unknown' : possiblePercents(ind, s, num, den);
    return { actual, numerator: num, denominator: den, ...(actual.kind === 'suppressed' ? { possible } : {}) };
  }
  if (num.kind === 'number' && den.kind === 'number' && isSmallCount(den.value - num.value, s)) {
    const hidden: Shown = { kind: 'suppressed', text: SECONDARY_TEXT };
    return { actual: plain(raw.actual), numerator: hidden, denominator: hidden };
  }
  return { actual: plain(raw.actual), numerator: num, denominator: den };
}

export type ShownStatus = RagStatus | 'Withheld';
const COMPARED: readonly RagStatus[] = ['Blue', 'Green', 'Amber', 'Red'];

/** The RAG the paper may show (rule 3): only what every possible hidden value agrees on. */
export function shownStatus(status: RagStatus, possible: ShownValues['possible'], statusOf: (v: number) => RagStatus): ShownStatus {
  if (possible === undefined || !COMPARED.includes(status)) return status;
  if (possible === 'unknown' || possible.length === 0) return 'Withheld';
  const first = statusOf(possible[0] as number);
  return possible.every((v) => statusOf(v) === first) ? first : 'Withheld';
}

/** The direction of travel the paper may show (rule 3). */
export function shownDirection(now: Direction, possible: ShownValues['possible'], directionOf: (v: number) => Direction): Direction {
  if (possible === undefined) return now;
  if (possible === 'unknown' || possible.length === 0) return '';
  const first = directionOf(possible[0] as number);
  return possible.every((v) => directionOf(v) === first) ? first : '';
}

/** A value as a machine-readable export carries it: the number, or the paper's words (`<5`, `Suppressed (<5)`), or null. */
export type Exported = number | string | null;

function exported(s: Shown): Exported {
  switch (s.kind) {
    case 'blank':
      return null;
    case 'number':
      return s.value;
    default:
      return s.text;
  }
}

/**
 * Actual, numerator and denominator as `consolidate --json` and the CSV may carry them: the same rules
 * as the paper (suppressValues), so an export never holds a count the paper hides. Without
 * `suppressBelow` (not about individuals) the values pass through unchanged.
 */
export function exportValues(ind: SuppressibleIndicator | undefined, raw: RawValues): { actual: Exported; numerator: Exported; denominator: Exported } {
  const pass = (v: number | string | null | undefined): Exported => (v === undefined ? null : v);
  if (!ind || !suppressionOf(ind)) return { actual: pass(raw.actual), numerator: pass(raw.numerator), denominator: pass(raw.denominator) };
  const shown = suppressValues(ind, raw);
  return { actual: exported(shown.actual), numerator: exported(shown.numerator), denominator: exported(shown.denominator) };
}
