import type { Target, Unit } from '../catalogue/schema';
import { excelRound } from '../excel-round';

/** Numbers as the Cabinet paper writes them, in text and as an Excel number format that shows the same. */

function grouped(v: number, decimals: number): string {
  const fixed = Math.abs(v).toFixed(decimals);
  const [int = '0', frac] = fixed.split('.');
  const withCommas = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${v < 0 ? '-' : ''}${withCommas}${frac ? `.${frac}` : ''}`;
}

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

/** Excel number format showing a stored number as `formatValue` writes it (percent held as 0-100). */
export function numberFormat(unit: Unit | undefined, decimals: number): string {
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
