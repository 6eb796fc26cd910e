import type { Target, Unit } from './catalogue/schema';
import { excelRound } from './excel-round';

/**
 * Numbers and dates as text, and the Excel number formats that show a stored number the same way:
 * every format helper of the core, in one place. (Words for people — plurals, counts, dates in
 * words — are in words.ts.)
 */

function grouped(v: number, decimals: number): string {
  const fixed = Math.abs(v).toFixed(decimals);
  // Under a thousand there is no comma to put in: most figures (percentages, scores, days).
  const dot = fixed.indexOf('.');
  if ((dot < 0 ? fixed.length : dot) <= 3) return v < 0 ? `-${fixed}` : fixed;
  const [int = '0', frac] = fixed.split('.');
  const withCommas = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${v < 0 ? '-' : ''}${withCommas}${frac ? `.${frac}` : ''}`;
}

/** A value as the Cabinet paper writes it: `1,234.5`, `82.0%`, `12 days`, `£1,200`. */
export function formatValue(v: number, unit: Unit | undefined, decimals: number): string {
  const r = excelRound(v, decimals);
  const n = grouped(r, decimals);
  switch (unit) {
    case 'percent':
      return `${n}%`;
    case 'days':
      return `${n} days`;
    case 'currency':
      return r < 0 ? `-£${n.slice(1)}` : `£${n}`;
    default:
      return n;
  }
}

/** Formats made, by unit and decimals: one string each, however many cells show it. */
const DISPLAY_FORMATS = new Map<Unit | undefined, Map<number, string>>();

/** Excel number format showing a stored number as `formatValue` writes it (percent held as 0-100). */
export function displayNumberFormat(unit: Unit | undefined, decimals: number): string {
  let byDecimals = DISPLAY_FORMATS.get(unit);
  if (!byDecimals) DISPLAY_FORMATS.set(unit, (byDecimals = new Map()));
  let format = byDecimals.get(decimals);
  if (format === undefined) byDecimals.set(decimals, (format = displayFormatOf(unit, decimals)));
  return format;
}

function displayFormatOf(unit: Unit | undefined, decimals: number): string {
  const base = `#,##0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}`;
  switch (unit) {
    case 'percent':
      return `${base}"%"`;
    case 'days':
      return `${base}" days"`;
    case 'currency':
      return `"£"${base}`;
    default:
      return base;
  }
}

/**
 * Excel number format of a Return template's entry cell, where a lead types the value.
 * Percent values are 0-100 in the sheet, so `0.0"%"` and never a % format (which would show 8000%).
 */
export function entryNumberFormat(unit: Unit | undefined, decimals: number): string {
  const frac = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
  switch (unit) {
    case 'percent': return `0${frac}"%"`;
    case 'currency': return `"£"#,##0${frac}`;
    case 'number': return `#,##0${frac}`;
    default: return `0${frac}`;
  }
}

/** The Target shown for an indicator whose targets are still to be set (none for any year). */
export const TARGET_TO_BE_SET = 'To be set';

export function formatTarget(t: Target | undefined, unit: Unit | undefined, decimals: number): string {
  if (t === null || t === undefined) return 'No target';
  if (typeof t === 'number') return formatValue(t, unit, decimals);
  return `${formatValue(t.min, unit, decimals)}–${formatValue(t.max, unit, decimals)}`;
}

/** A change log's from/to, which the catalogue leaves free-form. */
export function formatLoose(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && 'min' in v && 'max' in v) return `${String(v.min)}–${String(v.max)}`;
  return JSON.stringify(v);
}

/** Excel serial date (1900 system) to `YYYY-MM-DD`; undefined outside years 1900-9999. */
export function serialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return undefined;
  // Excel counts 29 Feb 1900, which never was: serials from 61 on are one day ahead.
  const days = Math.floor(serial) - (serial >= 61 ? 1 : 0);
  const d = new Date(Date.UTC(1899, 11, 31) + days * 86400000);
  return d.toISOString().slice(0, 10);
}
