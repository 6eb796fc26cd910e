import { comparePeriods, parsePeriod, type Period } from '../period';
import { historySchema, type History, type HistoryValue } from './schema';
import { isRecord, plainHistoryValue } from './plain-value';
import { formatPath, type CatalogueError } from '../catalogue/errors';

/** Same shape as a catalogue error: the JSON path, why, and what was there. */
export type HistoryError = CatalogueError;

export type HistoryResult =
  | { readonly ok: true; readonly history: History; readonly errors: readonly [] }
  | { readonly ok: false; readonly errors: readonly HistoryError[] };

export function emptyHistory(organisation: string): History {
  return { schemaVersion: 1, organisation, periods: [] };
}

function valueAtPath(root: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = root;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

/** What zod cannot see: a period twice, periods out of order, a ref twice in one period. */
function crossCheck(h: History): HistoryError[] {
  const out: HistoryError[] = [];
  let last: Period | undefined;
  const seen = new Set<string>();
  h.periods.forEach((p, i) => {
    const period = parsePeriod(p.period) as Period;
    const key = `${period.year} Q${period.quarter}`;
    if (seen.has(key)) out.push({ path: `periods[${i}].period`, message: 'is recorded twice; reopen the period instead', value: p.period });
    else if (last && comparePeriods(period, last) < 0) out.push({ path: `periods[${i}].period`, message: 'comes before the period above it; periods must be in date order', value: p.period });
    seen.add(key);
    last = period;
    const refs = new Set<string>();
    p.values.forEach((v, j) => {
      const ref = v.ref.toUpperCase();
      if (refs.has(ref)) out.push({ path: `periods[${i}].values[${j}].ref`, message: 'is given twice in this period', value: v.ref });
      refs.add(ref);
    });
  });
  return out;
}

/** Every value of a list as plainHistoryValue copies it, or undefined if any is not plain. */
function plainValues(given: readonly unknown[]): HistoryValue[] | undefined {
  const out = new Array<HistoryValue>(given.length);
  for (let i = 0; i < given.length; i++) {
    const plain = plainHistoryValue(given[i]);
    if (!plain) return undefined;
    out[i] = plain;
  }
  return out;
}

/**
 * The history as zod would give it when every value, of every period and every revision, is plain:
 * zod checks the rest with the values lists set aside (emptied), as parseCatalogue's plainCatalogue
 * sets the indicators aside. Undefined otherwise, and then zod checks it all and words the errors.
 */
function plainHistory(input: unknown): History | undefined {
  if (!isRecord(input) || !Array.isArray(input.periods)) return undefined;
  const aside: HistoryValue[][] = [];
  const periods: unknown[] = [];
  for (const p of input.periods as unknown[]) {
    if (!isRecord(p) || !Array.isArray(p.values) || !Array.isArray(p.revisions)) return undefined;
    const values = plainValues(p.values);
    if (!values) return undefined;
    aside.push(values);
    const revisions: unknown[] = [];
    for (const r of p.revisions as unknown[]) {
      if (!isRecord(r) || !Array.isArray(r.values)) return undefined;
      const old = plainValues(r.values);
      if (!old) return undefined;
      aside.push(old);
      revisions.push({ ...r, values: [] });
    }
    periods.push({ ...p, values: [], revisions });
  }
  const rest = historySchema.safeParse({ ...input, periods });
  if (!rest.success) return undefined;
  // Assigning to the emptied lists keeps each `values` where zod put it, so the key order is zod's.
  let next = 0;
  for (const p of rest.data.periods) {
    p.values = aside[next++] as HistoryValue[];
    for (const r of p.revisions) r.values = aside[next++] as HistoryValue[];
  }
  return rest.data;
}

function checked(history: History): HistoryResult {
  const errors = crossCheck(history);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, history, errors: [] };
}

/**
 * Zod on the whole document, as parseHistory did before the short cut: what it falls back to, and
 * the reference its property test (test/core/history/plain-value.test.ts) holds it to.
 */
export function parseHistoryViaZod(input: unknown): HistoryResult {
  const parsed = historySchema.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      const value = valueAtPath(input, issue.path);
      const message = issue.code === 'invalid_type' && value === undefined ? 'is required' : issue.message;
      return value === undefined ? { path: formatPath(issue.path), message } : { path: formatPath(issue.path), message, value };
    });
    return { ok: false, errors };
  }
  return checked(parsed.data);
}

/** Validate a parsed JSON value as a history document; errors name the path, like the catalogue's. */
export function parseHistory(input: unknown): HistoryResult {
  const history = plainHistory(input);
  return history ? checked(history) : parseHistoryViaZod(input);
}

export function parseHistoryText(textIn: string): HistoryResult {
  let json: unknown;
  try {
    json = JSON.parse(textIn.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [{ path: '(root)', message: `is not valid JSON (${(e as Error).message})` }] };
  }
  return parseHistory(json);
}
