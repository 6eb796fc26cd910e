import { comparePeriods, parsePeriod, type Period } from '../period';
import { historySchema, type History } from './schema';
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

/** Validate a parsed JSON value as a history document; errors name the path, like the catalogue's. */
export function parseHistory(input: unknown): HistoryResult {
  const parsed = historySchema.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      const value = valueAtPath(input, issue.path);
      const message = issue.code === 'invalid_type' && value === undefined ? 'is required' : issue.message;
      return value === undefined ? { path: formatPath(issue.path), message } : { path: formatPath(issue.path), message, value };
    });
    return { ok: false, errors };
  }
  const errors = crossCheck(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, history: parsed.data, errors: [] };
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
