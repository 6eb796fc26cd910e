import type { Catalogue } from '../core/catalogue/schema';
import { findIndicator } from '../core/catalogue/lookup';
import { exportValues } from '../core/cabinet/suppress';
import type { FileResult } from './returns';

/**
 * Per-row results as CSV, for people who take them into a spreadsheet. Text a spreadsheet would
 * run as a formula (it starts with = + - @, a tab or a carriage return) gets a leading apostrophe,
 * as OWASP advises against CSV injection; numbers stay numbers.
 */
export const CSV_COLUMNS = ['file', 'ref', 'actual', 'status', 'direction', 'commentary', 'action', 'cell'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = typeof value === 'boolean' ? String(value).toUpperCase() : value;
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * RFC 4180: CRLF line ends; a byte-order mark so Excel reads the UTF-8 (Arabic, Hebrew, emoji) as UTF-8.
 * With the catalogue, a count of an individual-level indicator (suppressBelow) is written as the paper shows it (`<5`).
 */
export function resultsCsv(results: readonly FileResult[], catalogue?: Catalogue): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of results) {
    for (const row of r.validation.rows) {
      const actual = catalogue ? exportValues(findIndicator(catalogue, row.ref), { actual: row.actual, numerator: row.numerator ?? null, denominator: row.denominator ?? null }).actual : row.actual;
      lines.push([r.file, row.ref, actual ?? row.qualitative ?? null, row.status, row.direction, row.commentary, row.action, row.cell].map(csvField).join(','));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
