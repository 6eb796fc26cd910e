import type { FakeCell, Scalar } from './state';

/**
 * What Excel stores when a value is written through `range.values`/`formulas` or typed: strings
 * are parsed as if typed. Modelled strictly on purpose, so an adapter that forgets the apostrophe
 * before `=1+1` gets a formula here, as it would in Excel.
 */
const ERRORS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!'];
const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$/;
const DATE_DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/;
const DATE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** Days since Excel's epoch (1899-12-30), as a date cell holds them. */
export function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
}

export type Parsed =
  | { kind: 'clear' }
  | { kind: 'value'; value: Scalar; numberFormat?: string }
  | { kind: 'formula'; formula: string }
  | { kind: 'error'; error: string };

export function parseInput(input: unknown): Parsed {
  if (typeof input === 'number' || typeof input === 'boolean') return { kind: 'value', value: input };
  if (input === null || input === undefined) return { kind: 'clear' };
  const text = String(input);
  if (text === '') return { kind: 'clear' };
  if (text.startsWith("'")) return { kind: 'value', value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { kind: 'formula', formula: text };
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return { kind: 'value', value: t.toLowerCase() === 'true' };
  if (ERRORS.includes(t.toUpperCase())) return { kind: 'error', error: t.toUpperCase() };
  if (NUMBER.test(t) && /\d/.test(t)) {
    const pct = t.endsWith('%');
    const n = Number(t.replace(/[,%]/g, ''));
    if (Number.isFinite(n)) return pct ? { kind: 'value', value: n / 100, numberFormat: '0%' } : { kind: 'value', value: n };
  }
  const dmy = DATE_DMY.exec(t);
  if (dmy) return { kind: 'value', value: dateSerial(Number(dmy[3]), Number(dmy[2]), Number(dmy[1])), numberFormat: 'dd/mm/yyyy' };
  const iso = DATE_ISO.exec(t);
  if (iso) return { kind: 'value', value: dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3])), numberFormat: 'yyyy-mm-dd' };
  // Typed `-abc` or `+abc` or `@abc` is taken as a formula by Excel and shows #NAME?.
  if (/^[+\-@]/.test(t)) return { kind: 'formula', formula: `=${t.replace(/^@/, '')}` };
  return { kind: 'value', value: text };
}

/** Store a parsed input into a cell, keeping its formats. */
export function storeInput(cell: FakeCell, parsed: Parsed, evaluate?: (formula: string) => Scalar | { error: string }): void {
  delete cell.formula;
  delete cell.error;
  if (parsed.kind === 'clear') cell.value = null;
  else if (parsed.kind === 'value') {
    cell.value = parsed.value;
    if (parsed.numberFormat && (cell.numberFormat === undefined || cell.numberFormat === 'General')) cell.numberFormat = parsed.numberFormat;
  } else if (parsed.kind === 'error') {
    cell.value = parsed.error;
    cell.error = parsed.error;
  } else {
    cell.formula = parsed.formula;
    const result = evaluate ? evaluate(parsed.formula) : '';
    if (typeof result === 'object') {
      cell.value = result.error;
      cell.error = result.error;
    } else cell.value = result;
  }
}
