import type { Catalogue, QualitativeStatus } from '../catalogue/schema';
import type { PreviousValue, PreviousValues } from '../cabinet/previous';
import { effectiveCatalogue } from '../catalogue/effective';
import { findIndicator } from '../catalogue/lookup';
import type { Comparable } from '../direction';
import { comparePeriods, formatPeriod, parsePeriod, previousPeriod, samePeriodLastYear, type Period } from '../period';
import { rag, ragOfSuppressed, type RagResult } from '../rag';
import type { History, HistoryPeriod, HistoryValue } from './schema';

const asPeriod = (p: Period | string): Period | undefined => (typeof p === 'string' ? parsePeriod(p) : p);
const key = (ref: string): string => ref.trim().toUpperCase();

function recordOf(history: History, period: Period): HistoryPeriod | undefined {
  return history.periods.find((p) => {
    const q = parsePeriod(p.period);
    return q !== undefined && comparePeriods(q, period) === 0;
  });
}

/** Each recorded period's values by key, made once: a linear find per lookup made a 30,000-indicator paper's trends quadratic. */
const valueIndex = new WeakMap<HistoryPeriod, { readonly values: HistoryPeriod['values']; readonly length: number; readonly byKey: ReadonlyMap<string, HistoryValue> }>();

function findValue(rec: HistoryPeriod, ref: string): HistoryValue | undefined {
  let index = valueIndex.get(rec);
  if (!index || index.values !== rec.values || index.length !== rec.values.length) {
    const byKey = new Map<string, HistoryValue>();
    // The first of two values for one ref wins, as find gave it.
    for (const v of rec.values) if (!byKey.has(key(v.ref))) byKey.set(key(v.ref), v);
    index = { values: rec.values, length: rec.values.length, byKey };
    valueIndex.set(rec, index);
  }
  return index.byKey.get(key(ref));
}
const listedMissing = (rec: HistoryPeriod, ref: string): boolean => (rec.missing ?? []).some((m) => key(m) === key(ref));

/** The value recorded for a ref in exactly that period; undefined when the period or the ref is not recorded. */
export function valueAt(history: History, ref: string, period: Period | string): HistoryValue | undefined {
  const p = asPeriod(period);
  const rec = p ? recordOf(history, p) : undefined;
  return rec ? findValue(rec, ref) : undefined;
}

/** What direction of travel compares: a status, a number, or null when unknown (blank, or a suppressed `<5`). */
export function comparableOf(v: HistoryValue | undefined): Comparable {
  if (!v) return undefined;
  if (v.qualitative) return v.qualitative;
  return typeof v.actual === 'number' ? v.actual : null;
}

const hasResult = (v: HistoryValue): boolean => v.qualitative !== undefined || v.actual !== null;

/**
 * The ref's value as of a period: that period's record, or, when the ref was not due then (an annual
 * measure outside its quarter), the record before, back through consecutive recorded quarters.
 * A quarter that is not recorded, or that listed the ref as missing, ends the search: nothing is compared
 * across a gap.
 */
export function valueAsOf(history: History, ref: string, period: Period | string): { readonly period: string; readonly value: HistoryValue } | undefined {
  // Ends: each step goes back a quarter, and the history records finitely many.
  for (let p = asPeriod(period); p; p = previousPeriod(p)) {
    const rec = recordOf(history, p);
    if (!rec || listedMissing(rec, ref)) return undefined;
    const v = findValue(rec, ref);
    if (v) return { period: rec.period, value: v };
  }
  return undefined;
}

/** For validateReturn's `previous` option: `(ref, period) => value as of that period`. */
export function previousLookup(history: History): (ref: string, period: Period) => number | QualitativeStatus | null | undefined {
  return (ref, period) => comparableOf(valueAsOf(history, ref, period)?.value);
}

function toPrevious(period: string, v: HistoryValue): PreviousValue {
  const actual = typeof v.actual === 'number' ? v.actual : null;
  const text = v.qualitative ?? (v.actual === null ? '' : String(v.actual));
  return { actual, ...(v.qualitative ? { qualitative: v.qualitative } : {}), text, rag: v.status, dataPeriod: period };
}

/** Every ref the history knows, in first-seen order. */
function refsOf(history: History): string[] {
  const seen = new Map<string, string>();
  for (const p of history.periods) for (const v of p.values) if (!seen.has(key(v.ref))) seen.set(key(v.ref), v.ref);
  return [...seen.values()];
}

/**
 * What the Cabinet model needs for direction of travel in `period`: `previous` holds each ref's value as
 * of the quarter before (see valueAsOf) and names the latest recorded period before this one (the previous
 * paper); `lastYear` holds the same quarter a year earlier, exactly.
 */
export function previousValues(history: History, period: Period): { readonly previous: PreviousValues; readonly lastYear: PreviousValues } {
  const before = previousPeriod(period);
  const ly = samePeriodLastYear(period);
  const prev: Record<string, PreviousValue> = {};
  const last: Record<string, PreviousValue> = {};
  const lyRec = recordOf(history, ly);
  for (const ref of refsOf(history)) {
    const found = valueAsOf(history, ref, before);
    if (found) prev[key(ref)] = toPrevious(found.period, found.value);
    const v = lyRec ? findValue(lyRec, ref) : undefined;
    if (v && lyRec) last[key(ref)] = toPrevious(lyRec.period, v);
  }
  const earlier = history.periods.filter((p) => comparePeriods(parsePeriod(p.period) as Period, period) < 0).at(-1);
  return {
    previous: { ...(earlier ? { period: earlier.period } : {}), values: prev },
    lastYear: { ...(lyRec ? { period: lyRec.period } : {}), values: last },
  };
}

export interface SeriesPoint {
  readonly period: string;
  /** Absent when the quarter or the ref is not recorded. */
  readonly value?: HistoryValue;
  readonly comparable: Comparable;
}

/** The n consecutive quarters ending at `upTo`, oldest first, gaps included, for a trend. */
export function series(history: History, ref: string, upTo: Period, n = 5): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  let p = upTo;
  for (let k = 0; k < n; k++, p = previousPeriod(p)) {
    const value = valueAt(history, ref, p);
    out.unshift({ period: formatPeriod(p), ...(value ? { value } : {}), comparable: comparableOf(value) });
  }
  return out;
}

export interface LastAvailable {
  readonly period: string;
  readonly value: HistoryValue;
  /** True when the result is older than the period asked about. */
  readonly stale: boolean;
}

/** The latest recorded result (a number, `<5` or a status) at or before `period`: an annual measure after its due quarter. */
export function lastAvailable(history: History, ref: string, period: Period): LastAvailable | undefined {
  for (let i = history.periods.length - 1; i >= 0; i--) {
    const rec = history.periods[i] as HistoryPeriod;
    const p = parsePeriod(rec.period) as Period;
    if (comparePeriods(p, period) > 0) continue;
    const v = findValue(rec, ref);
    if (v && hasResult(v)) return { period: rec.period, value: v, stale: comparePeriods(p, period) < 0 };
  }
  return undefined;
}

/**
 * RAG of the last available result for `period`, rated against the target that applied in the data's
 * period (via effectiveCatalogue) and flagged stale by rag() when older; undefined when there is none.
 */
export function lastAvailableRag(catalogue: Catalogue, history: History, ref: string, period: Period): (RagResult & { readonly value: HistoryValue }) | undefined {
  const found = lastAvailable(history, ref, period);
  if (!found) return undefined;
  const dataPeriod = parsePeriod(found.period) as Period;
  const cat = effectiveCatalogue(catalogue, dataPeriod);
  const indicator = findIndicator(cat, ref) ?? findIndicator(catalogue, ref);
  if (!indicator) return undefined;
  const base = { indicator, period, dataPeriod, ...(cat.defaults ? { defaults: cat.defaults } : {}) };
  const v = found.value;
  if (typeof v.actual === 'string') {
    const r = ragOfSuppressed(base, Number(v.actual.slice(1)));
    return { ...(r ?? { status: 'Tracking', dataPeriod: found.period, stale: found.stale }), value: v };
  }
  return { ...rag({ ...base, actual: v.actual, status: v.qualitative ?? null }), value: v };
}

/**
 * What a Cabinet paper is compared against, from the BI master: the quarters before (direction of
 * travel), and the master itself for trends, rolling 12-month figures and last available results.
 * The CLI and the add-in both build the Cabinet model's options from this.
 */
export function historyComparison(history: History, period: Period, catalogue: Catalogue): { readonly previous: PreviousValues; readonly lastYear: PreviousValues; readonly history: { readonly history: History; readonly catalogue: Catalogue } } {
  return { ...previousValues(history, period), history: { history, catalogue } };
}
