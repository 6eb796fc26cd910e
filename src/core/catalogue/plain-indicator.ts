import { AGGREGATIONS, FREQUENCIES, KINDS, POLARITIES, QUARTERS, SUPPRESS_BELOW_MAX, UNITS } from './constants';
import type { Indicator } from './schema';

/**
 * An indicator the schema would take exactly as written (every field of its usual forms, text
 * already trimmed), copied as zod copies it: the schema's fields in its order, nested objects new,
 * then fields it does not name as they are. At 30,000 indicators zod's pass was a fifth of a second and
 * 200 MB of allocation. Anything else, or anything doubtful, gives undefined and goes through zod,
 * which words the errors. The property test (test/core/catalogue/plain-indicator.test.ts) holds
 * every copy to indicatorSchema's output, key order included.
 */
export function plainIndicator(x: unknown): Indicator | undefined {
  if (!isRecord(x)) return undefined;
  const keys = Object.keys(x);
  let inOrder = true;
  let last = -1;
  let required = 0;
  let extra: string[] | undefined;
  for (const key of keys) {
    const v = x[key];
    if (v === undefined) return undefined;
    const field = FIELDS.get(key);
    if (!field) {
      // A field the schema does not name (`addedIn`) is kept, as zod's loose object keeps it: after the schema's.
      if (key === '__proto__') return undefined;
      (extra ??= []).push(key);
      continue;
    }
    if (!field.check(v)) return undefined;
    if (field.index < last) inOrder = false;
    last = field.index;
    if (field.required) required += 1;
  }
  if (required < REQUIRED.length) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of inOrder && !extra ? keys : FIELD_ORDER) {
    const v = x[key];
    if (v !== undefined) out[key] = COPY.get(key)?.(v) ?? v;
  }
  if (extra) for (const key of extra) out[key] = x[key];
  return out as Indicator;
}

type Check = (v: unknown) => boolean;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const trimmed: Check = (v) => typeof v === 'string' && v.length > 0 && v.trim() === v;
const oneOf = (list: readonly string[]): Check => (v) => typeof v === 'string' && list.includes(v);
const bool: Check = (v) => typeof v === 'boolean';
const text: Check = (v) => typeof v === 'string';
const wholeIn = (min: number, max: number): Check => (v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/** An object of only these number fields, at least `min` of them. */
function numbersOnly(x: unknown, keys: readonly string[], min: number): boolean {
  if (!isRecord(x)) return false;
  const own = Object.keys(x);
  return own.length >= min && own.every((k) => keys.includes(k) && num(x[k]));
}

const band = (v: unknown): boolean => numbersOnly(v, ['min', 'max'], 2);
const recordOf = (value: Check): Check => (v) => isRecord(v) && Object.keys(v).every((k) => k !== '__proto__' && value(v[k]));

const CHECKS: readonly (readonly [string, Check])[] = [
  ['id', (v) => typeof v === 'string' && ID.test(v)],
  ['title', trimmed],
  ['priority', trimmed],
  ['flagship', (v) => v === null || trimmed(v)],
  ['directorate', trimmed],
  ['service', trimmed],
  ['kind', oneOf(KINDS)],
  ['unit', oneOf(UNITS)],
  ['decimals', wholeIn(0, 6)],
  ['polarity', oneOf(POLARITIES)],
  ['frequency', oneOf(FREQUENCIES)],
  ['dueQuarters', (v) => Array.isArray(v) && v.length > 0 && v.every((q) => (QUARTERS as readonly unknown[]).includes(q))],
  ['targets', recordOf((t) => num(t) || t === null || band(t))],
  ['floor', recordOf(num)],
  // Quarterly profiles (records keyed by quarter) are rare and left to zod.
  ['targetProfile', () => false],
  ['tolerance', (v) => (numbersOnly(v, ['relative'], 1) || numbersOnly(v, ['absolute'], 1)) && (Object.values(v as object)[0] as number) >= 0],
  ['blue', bool],
  ['range', (v) => numbersOnly(v, ['min', 'max'], 0)],
  ['suppressBelow', (v) => v === null || wholeIn(1, SUPPRESS_BELOW_MAX)(v)],
  ['suppressZero', bool],
  ['statutory', bool],
  ['aggregation', oneOf(AGGREGATIONS)],
  ['rollingMethod', oneOf(['mean', 'sum'])],
  ['reportedAs', oneOf(['quarter', 'aggregate'])],
  ['benchmark', (v) => v === null || (isRecord(v) && Object.keys(v).length === 2 && trimmed(v.label) && num(v.value))],
  ['definition', text],
  ['source', text],
];
const FIELD_ORDER = CHECKS.map(([key]) => key);
const REQUIRED = ['id', 'title', 'priority', 'directorate', 'service', 'kind', 'frequency', 'dueQuarters'];
const FIELDS = new Map(CHECKS.map(([key, check], index) => [key, { check, index, required: REQUIRED.includes(key) }]));

type Copy = (v: unknown) => unknown;
/** Strict objects come out in the schema's field order, whatever order they were written in. */
const ordered = (keys: readonly string[]): Copy => (v) => {
  const from = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (from[k] !== undefined) out[k] = from[k];
  return out;
};
const bandCopy = ordered(['min', 'max']);
const COPY = new Map<string, Copy>([
  ['dueQuarters', (v) => [...(v as unknown[])]],
  ['targets', (v) => Object.fromEntries(Object.entries(v as object).map(([k, t]) => [k, t !== null && typeof t === 'object' ? bandCopy(t) : t]))],
  ['floor', (v) => ({ ...(v as object) })],
  ['tolerance', (v) => ({ ...(v as object) })],
  ['range', bandCopy],
  ['benchmark', (v) => (v === null ? null : ordered(['label', 'value'])(v))],
]);
