import { QUALITATIVE_STATUSES } from '../catalogue/constants';
import { RAG_STATUSES } from '../rag';
import { SUPPRESSED_RE } from './constants';
import type { HistoryValue } from './schema';

/**
 * A history value historyValueSchema would take exactly as written (every field in its usual form,
 * `ref` already trimmed), copied as zod copies it: the schema's fields in the schema's order, then the
 * fields it does not name in their input order (zod v4's loose object: its shape loop, then
 * handleCatchall's `for…in`). Zod cold costs 5–10 ms a quarter of history in a short CLI run, and a
 * master gains a quarter every quarter. Anything else, or anything doubtful, gives undefined and goes
 * through zod, which words the errors. Mirrors plainIndicator (../catalogue/plain-indicator.ts); the
 * property test (test/core/history/plain-value.test.ts) holds every copy to the schema's output.
 */
export function plainHistoryValue(x: unknown): HistoryValue | undefined {
  if (!isRecord(x)) return undefined;
  // Straight-line, field by field as zod's shape loop reads them: this runs cold in a short CLI process,
  // where a loop over a table of checks cost four times as much (13 ms against 3 ms for 12 quarters).
  const { ref, actual, qualitative, status, numerator, denominator, commentary, action, file, sheet, cell } = x;
  // ref is z.string().trim().min(1): as written only if trimming changes nothing.
  if (typeof ref !== 'string' || ref.length === 0 || ref.trim() !== ref) return undefined;
  if (actual !== null && !num(actual) && !(typeof actual === 'string' && SUPPRESSED_RE.test(actual))) return undefined;
  if (!STATUSES.has(status) || typeof file !== 'string' || typeof sheet !== 'string') return undefined;
  if ((qualitative !== undefined && !QUALITATIVE.has(qualitative)) || !numberOrNull(numerator) || !numberOrNull(denominator)
    || !optionalText(commentary) || !optionalText(action) || !optionalText(cell)) return undefined;
  const out: Record<string, unknown> = { ref, actual };
  let named = 5;
  if (qualitative !== undefined) { out.qualitative = qualitative; named += 1; }
  out.status = status;
  if (numerator !== undefined) { out.numerator = numerator; named += 1; }
  if (denominator !== undefined) { out.denominator = denominator; named += 1; }
  if (commentary !== undefined) { out.commentary = commentary; named += 1; }
  if (action !== undefined) { out.action = action; named += 1; }
  out.file = file;
  out.sheet = sheet;
  if (cell !== undefined) { out.cell = cell; named += 1; }
  // Own names beyond the fields read: fields the schema does not name, or named ones written as undefined.
  if (Object.getOwnPropertyNames(x).length === named) return out as HistoryValue;
  for (const key in x) {
    // A named field written as undefined would come out as a key holding undefined: leave that to zod.
    if (x[key] === undefined) return undefined;
    if (NAMED.has(key)) continue;
    // Zod drops an unnamed __proto__ (assigning it would swap the copy's prototype); too rare to mirror.
    if (key === '__proto__') return undefined;
    out[key] = x[key];
  }
  return out as HistoryValue;
}

/** JSON.parse's objects; class instances and null-prototype objects go to zod. */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
}

// z.number() refuses NaN and ±Infinity.
const num = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
/** Optional fields: absent (undefined here) or of their form. */
const numberOrNull = (v: unknown): boolean => v === undefined || v === null || num(v);
const optionalText = (v: unknown): boolean => v === undefined || typeof v === 'string';
const STATUSES = new Set<unknown>(RAG_STATUSES);
const QUALITATIVE = new Set<unknown>(QUALITATIVE_STATUSES);
/** historyValueSchema's fields. */
const NAMED = new Set(['ref', 'actual', 'qualitative', 'status', 'numerator', 'denominator', 'commentary', 'action', 'file', 'sheet', 'cell']);
