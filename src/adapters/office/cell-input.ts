import type { PlanValue } from '../../core/plan/types';

/**
 * Excel parses a string written through `range.values`/`formulas` as if typed: `=1+1` becomes a
 * formula, `-5` a number, `1/2` a date, `TRUE` a boolean. A plan's plain string is always text,
 * so anything Excel might parse gets the apostrophe prefix (stored as a flag, not in the value).
 * Only words that start with a letter and hold no digit are left bare.
 */
const PLAIN_WORDS = /^[A-Za-z][^\d]*$/;
const PARSED_WORDS = /^\s*(true|false)\s*$/i;

export function textInput(text: string): string {
  if (text === '') return '';
  return PLAIN_WORDS.test(text) && !PARSED_WORDS.test(text) ? text : `'${text}`;
}

/** What to write into `range.formulas` for one plan value. Null clears the cell (null in Office.js would skip it). */
export function cellInput(value: PlanValue): string | number | boolean {
  if (value === null) return '';
  if (typeof value === 'object') return value.formula.startsWith('=') ? value.formula : `=${value.formula}`;
  if (typeof value === 'string') return textInput(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return '';
  return value;
}

/** Rough size of a value in the JSON request, for keeping each sync under the payload limit. */
export function inputBytes(value: string | number | boolean): number {
  return typeof value === 'string' ? value.length + 3 : String(value).length + 1;
}
