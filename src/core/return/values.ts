import type { Unit } from '../catalogue/schema';
import { to15 } from '../excel-round';
import { isCellError, type CellValue } from '../grid';
import { serialToIso } from '../format';
import { SUPPRESSED_RE } from './layout';

/** What a cell means as a number, before any rule about the indicator is applied. */
export type CellNumber =
  | {
      readonly kind: 'number';
      readonly value: number;
      /** A percentage-formatted cell (or text ending in %): `value` is what the lead sees, 0.8 → 80. */
      readonly percent: boolean;
      /** The number was typed as text ("1,234", "£5"). */
      readonly fromText: boolean;
    }
  | { readonly kind: 'suppressed'; readonly below: number }
  | { readonly kind: 'blank' }
  | { readonly kind: 'error'; readonly code: 'not-a-number' | 'error-value' | 'date-value'; readonly shown: string };

/** Enough of a cell to read it: its value and number format. */
export interface CellLike {
  readonly value: CellValue;
  readonly format?: string | null;
}

/** A cell as text, the way a person reads it: booleans TRUE/FALSE, errors as `#N/A`. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isCellError(v)) return String(v.error);
  return '';
}

export function isBlankCell(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** The parts of a number format that are codes: quoted text, escapes and [colour]/[$£-809] removed. */
function formatCodes(format: string): string {
  return format
    .replace(/"[^"]*"?/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]?/g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
}

const PERCENT = 1;
const DATE = 2;
/**
 * What each format string is, worked out once: a return has a handful of formats over thousands of
 * cells, and formatCodes' five replaces per number cell were a tenth of validation. Bounded, so
 * formats from many files never pile up.
 */
const FORMAT_KINDS = new Map<string, number>();
const FORMAT_KINDS_MAX = 4096;

function formatKind(format: string): number {
  let kind = FORMAT_KINDS.get(format);
  if (kind === undefined) {
    const codes = formatCodes(format);
    kind = (codes.includes('%') ? PERCENT : 0) | (/[dmy]/i.test(codes.replace(/general|standard|am\/pm|a\/p/gi, '')) ? DATE : 0);
    if (FORMAT_KINDS.size >= FORMAT_KINDS_MAX) FORMAT_KINDS.clear();
    FORMAT_KINDS.set(format, kind);
  }
  return kind;
}

export function isPercentFormat(format: string | null | undefined): boolean {
  return typeof format === 'string' && (formatKind(format) & PERCENT) !== 0;
}

/** A format with day, month or year codes (dd/mm/yyyy, m/d/yy, yyyy-mm-dd, mmm). */
export function isDateFormat(format: string | null | undefined): boolean {
  if (typeof format !== 'string') return false;
  return (formatKind(format) & DATE) !== 0;
}

// Optional sign, optional currency symbol, digits with proper thousands groups, optional %.
const NUMBER_TEXT_RE = /^([-+\u2212]?)\s*[£$€]?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)\s*(%?)$/;

/** A number typed as text, or undefined. */
export function parseNumberText(text: string): { value: number; percent: boolean } | undefined {
  const m = NUMBER_TEXT_RE.exec(text.trim());
  if (!m) return undefined;
  const [, sign = '', digits = '', pct = ''] = m;
  const n = Number(digits.replace(/,/g, ''));
  if (!Number.isFinite(n)) return undefined;
  return { value: sign === '-' || sign === '\u2212' ? -n : n, percent: pct === '%' };
}

/** Text for a message, kept short: a 5,000-character paste is not repeated back whole. */
export function shownText(v: CellValue | undefined, max = 40): string {
  const t = cellText(v).replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** One answer for every blank cell (most numerators and denominators): never changed once made. */
const BLANK_NUMBER: CellNumber = { kind: 'blank' };

/**
 * A cell as a number in catalogue units. Percent-formatted cells read as shown (0.8 → 80) whatever
 * the unit, because Excel stores what a lead types into such a cell divided by 100; `unit` is taken
 * for callers' symmetry and does not change the reading.
 */
export function cellNumber(cell: CellLike | undefined, _unit?: Unit): CellNumber {
  const v = cell?.value;
  if (isBlankCell(v)) return BLANK_NUMBER;
  if (isCellError(v)) return { kind: 'error', code: 'error-value', shown: shownText(v) };
  if (typeof v === 'boolean') return { kind: 'error', code: 'not-a-number', shown: shownText(v) };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'error', code: 'error-value', shown: String(v) };
    if (isPercentFormat(cell?.format)) return { kind: 'number', value: to15(v * 100), percent: true, fromText: false };
    if (isDateFormat(cell?.format)) return { kind: 'error', code: 'date-value', shown: serialToIso(v) ?? String(v) };
    return { kind: 'number', value: v, percent: false, fromText: false };
  }
  if (typeof v !== 'string') return { kind: 'error', code: 'not-a-number', shown: shownText(v) };
  const suppressed = SUPPRESSED_RE.exec(v);
  if (suppressed) return { kind: 'suppressed', below: Number(suppressed[1]) };
  const parsed = parseNumberText(v);
  if (parsed) return { kind: 'number', value: parsed.value, percent: parsed.percent, fromText: true };
  return { kind: 'error', code: 'not-a-number', shown: shownText(v) };
}
