import type { Parsed } from './input';
import { intersects, type FakeSheet, type FakeValidation } from './state';

const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
};

function compare(operator: string | undefined, x: number, a: number | undefined, b: number | undefined): boolean {
  switch (operator) {
    case 'Between': return a !== undefined && b !== undefined && x >= a && x <= b;
    case 'NotBetween': return a !== undefined && b !== undefined && (x < a || x > b);
    case 'EqualTo': return x === a;
    case 'NotEqualTo': return x !== a;
    case 'GreaterThan': return a !== undefined && x > a;
    case 'LessThan': return a !== undefined && x < a;
    case 'GreaterThanOrEqualTo': return a !== undefined && x >= a;
    case 'LessThanOrEqualTo': return a !== undefined && x <= a;
    default: return true;
  }
}

/** Whether `parsed` meets `v`'s rule (decimal, text length, list: the kinds the add-in writes; others pass). */
export function meetsRule(v: FakeValidation, parsed: Parsed): boolean {
  if (parsed.kind === 'clear') return v.ignoreBlanks !== false;
  if (parsed.kind === 'formula') return true;
  const rule = v.rule;
  if (!rule) return true;
  if (parsed.kind === 'error') return false;
  const value = parsed.value;
  if (rule.decimal) {
    const x = typeof value === 'number' ? value : undefined;
    return x !== undefined && compare(rule.decimal.operator, x, num(rule.decimal.formula1), num(rule.decimal.formula2));
  }
  if (rule.textLength) {
    return compare(rule.textLength.operator, String(value).length, num(rule.textLength.formula1), num(rule.textLength.formula2));
  }
  if (rule.list) {
    const source = typeof rule.list.source === 'string' ? rule.list.source.split(',').map((s) => s.trim()) : [];
    return source.some((s) => s.toLowerCase() === String(value).toLowerCase());
  }
  return true;
}

/**
 * The validation that refuses a person's entry: Excel refuses a typed entry that breaks a rule whose
 * error alert is shown with style Stop; Warning and Information let the person keep it.
 */
export function refusingValidation(sheet: FakeSheet, row: number, col: number, parsed: Parsed): FakeValidation | undefined {
  const at = { top: row, left: col, bottom: row, right: col };
  return sheet.validations.find((v) => intersects(v.rect, at) && v.errorAlert?.showAlert !== false && v.errorAlert?.style === 'Stop' && !meetsRule(v, parsed));
}
