import fc from 'fast-check';
import { QUALITATIVE_STATUSES } from '../../../src/core/catalogue/constants';
import type { ConsolidatedRow, Consolidation } from '../../../src/core/consolidate-types';
import { addPeriod } from '../../../src/core/history/add';
import { emptyHistory, parseHistory, parseHistoryViaZod } from '../../../src/core/history/parse';
import { plainHistoryValue } from '../../../src/core/history/plain-value';
import { historyValueSchema } from '../../../src/core/history/schema';
import { RAG_STATUSES } from '../../../src/core/rag';
import { emptyCounts } from '../../../src/core/return/counts';

/**
 * plainHistoryValue is a short cut past zod for history values written in the usual forms. It may
 * only say yes where historyValueSchema does, and must give what the schema gives, key order
 * included (a master written back out shows it). parseHistory, which uses it, must give what zod on
 * the whole document gives (parseHistoryViaZod, the function as it was) for any document. Every
 * field gets values of the right form, of nearly-right forms (untrimmed, wrong case, "< 5", other key
 * order, extra keys) and of wrong types.
 */

const wrong = fc.constantFrom<unknown>(
  undefined, null, '', ' ', 'x', ' x ', 0, -0, -1, 1.5, NaN, Infinity, -Infinity, true, [], {}, ['a'], { ref: 'A' }, new Date(0),
);
const num = fc.oneof(fc.integer({ min: -5, max: 500 }), fc.double(), wrong);
const str = fc.oneof(fc.constantFrom('Return', 'a.xlsx', 'Return!D6', '', ' '), fc.string({ maxLength: 5 }), wrong);
const field = {
  ref: fc.oneof(fc.constantFrom('B000001', 'CS01', ' CS01', 'CS01 ', 'CS01\n', '\u00a0CS01', '\ufeffCS01', 'c s', '', ' ', '\t'), fc.string({ maxLength: 4 }), wrong),
  actual: fc.oneof(num, fc.constantFrom('<5', '<10', '<05', '< 5', ' <5', '<5 ', '<5\n', '<', '5', '<５', '<-1'), fc.constant(null)),
  qualitative: fc.oneof(fc.constantFrom(...QUALITATIVE_STATUSES, 'on track', 'On Track', 'On track '), wrong),
  status: fc.oneof(fc.constantFrom(...RAG_STATUSES, 'green', 'Not Due', 'Purple', 'Green '), wrong),
  numerator: fc.oneof(num, fc.constant(null)),
  denominator: fc.oneof(num, fc.constant(null)),
  commentary: str, action: str, file: str, sheet: str, cell: str,
  // Fields the schema does not name: a loose object keeps them, after its own, in input order.
  addedBy: fc.oneof(str, fc.dictionary(fc.string({ maxLength: 2 }), fc.integer())),
  '1': str,
  constructor: str,
  zz: str,
};

/** As add.ts writes it: required fields and the usual optional ones, in the schema's order. */
const usual = fc.record({
  ref: fc.constantFrom('B000001', 'B000002', 'CS01', 'HR02', 'ENV03', 'PKS01'),
  actual: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constantFrom('<5', '<10'), fc.constant(null)),
  qualitative: fc.constantFrom(...QUALITATIVE_STATUSES),
  status: fc.constantFrom(...RAG_STATUSES),
  numerator: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constant(null)),
  denominator: fc.oneof(fc.integer({ min: 1, max: 500 }), fc.constant(null)),
  commentary: fc.string({ maxLength: 8 }),
  action: fc.string({ maxLength: 8 }),
  file: fc.constantFrom('Adults Q1.xlsx', ''),
  sheet: fc.constant('Return'),
  cell: fc.constantFrom('Return!D6', 'Return!D7'),
}, { requiredKeys: ['ref', 'actual', 'status', 'file', 'sheet'] });

/** A usual value with some fields replaced by anything, sometimes in another key order. */
const value = fc.tuple(usual, fc.record(field, { requiredKeys: [] }), fc.shuffledSubarray(Object.keys(field), { maxLength: 3 }), fc.nat(), fc.boolean())
  .map(([base, over, keys, seed, shuffle]) => {
    const out: Record<string, unknown> = { ...base };
    for (const k of keys) {
      if (k in over) out[k] = (over as Record<string, unknown>)[k];
      else delete out[k];
    }
    if (!shuffle) return out;
    const entries = Object.entries(out);
    return Object.fromEntries(entries.map((e, i) => [e, (i * 7919 + seed) % 101] as const).sort((a, b) => a[1] - b[1]).map(([e]) => e));
  });
/**
 * Same keys in the same order, same prototypes, leaves Object.is-equal. Not toStrictEqual: it compares
 * `.constructor`, which a value's own `constructor` field (kept as zod keeps it) can make NaN.
 */
function expectSame(got: unknown, want: unknown, at = '(root)'): void {
  if (typeof got !== 'object' || got === null || typeof want !== 'object' || want === null) {
    if (!Object.is(got, want)) throw new Error(`${at}: ${String(got)} is not ${String(want)}`);
    return;
  }
  expect(Object.getPrototypeOf(got)).toBe(Object.getPrototypeOf(want));
  expect(Object.keys(got)).toEqual(Object.keys(want));
  for (const k of Object.keys(want)) expectSame((got as Record<string, unknown>)[k], (want as Record<string, unknown>)[k], `${at}.${k}`);
}

const anyValue = fc.oneof({ arbitrary: usual, weight: 2 }, { arbitrary: value, weight: 5 }, { arbitrary: wrong, weight: 1 });

describe('plainHistoryValue, the short cut past zod', () => {
  it('says yes only where the schema does, and gives exactly what the schema gives', () => {
    let taken = 0;
    let runs = 0;
    fc.assert(fc.property(anyValue, (x) => {
      runs += 1;
      const plain = plainHistoryValue(x);
      if (plain === undefined) return;
      taken += 1;
      const zod = historyValueSchema.safeParse(x);
      expect(zod.success).toBe(true);
      expectSame(plain, zod.data);
      expect(JSON.stringify(plain)).toBe(JSON.stringify(zod.data));
    }), { numRuns: 3000 });
    expect(runs).toBe(3000);
    // Taken often enough for the test to mean something, refused often enough to have been tried.
    expect(taken).toBeGreaterThan(800);
    expect(taken).toBeLessThan(2700);
  });

  it('takes every value add.ts records, as it records them', () => {
    const row = (ref: string, actual: number | string | null, extra: Partial<ConsolidatedRow> = {}): ConsolidatedRow => ({
      ref, actual, status: 'Green', direction: '', file: 'a.xlsx', sheet: 'Return', cell: 'Return!D6', ...extra,
    });
    const rows = [
      row('CS01', 81.5), row('CS02', '<5'), row('CS03', null, { status: 'Missing' }),
      row('CS04', 2, { qualitative: 'At risk', numerator: 3, denominator: 4, commentary: 'Up', action: 'Review' }),
    ];
    const c: Consolidation = { period: '2024-25 Q1', rows, conflicts: [], missing: [], files: [], issues: [], findings: [], counts: emptyCounts() };
    const { history } = addPeriod(emptyHistory('T'), c, { closedAt: '2024-07-10', catalogueVersion: '2024-01-18' });
    const values = (JSON.parse(JSON.stringify(history)) as typeof history).periods[0]!.values;
    for (const v of values) expect(plainHistoryValue(v)).toStrictEqual(historyValueSchema.parse(v));
    expect(values.length).toBe(4);
  });

  it('leaves to zod what it does not mirror: __proto__, undefined, other prototypes', () => {
    const base = { ref: 'A', actual: 1, status: 'Green', file: 'f', sheet: 's' };
    expect(plainHistoryValue(base)).toEqual(base);
    expect(plainHistoryValue(JSON.parse('{"ref":"A","actual":1,"status":"Green","file":"f","sheet":"s","__proto__":{"x":1}}'))).toBeUndefined();
    expect(plainHistoryValue({ ...base, cell: undefined })).toBeUndefined();
    expect(plainHistoryValue({ ...base, extra: undefined })).toBeUndefined();
    expect(plainHistoryValue(Object.assign(Object.create(null), base))).toBeUndefined();
  });
});

// --- whole documents: parseHistory against zod on everything ---

const LABELS = ['2023-24 Q1', '2023-24 Q3', '2024-25 Q1', '2024-25 Q2', '2025-26 Q4'];
const maybe = <T>(arb: fc.Arbitrary<T>, right: T[]): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: fc.constantFrom(...right), weight: 8 }, { arbitrary: arb, weight: 1 });
const stamp = maybe(fc.constantFrom<unknown>('10/07/2024', '', 20240710, undefined), ['2024-07-10', '2024-07-10T09:30:00Z', '2024-07-10T09:30:00.5+01:00']);
const refs = maybe(fc.array(fc.oneof(fc.constantFrom('B000009', ' B1', ''), wrong), { maxLength: 2 }), [['B000301'], [], ['B000301', 'B000302']]);
const extra = fc.dictionary(fc.constantFrom('note', 'by', '2', 'values2'), fc.oneof(str, fc.integer()), { maxKeys: 2 });
/** Values the schema takes but the short cut leaves to zod: untrimmed ref, a field written as undefined, no prototype. */
const unusual = fc.tuple(usual, fc.constantFrom(' ', '\t', '\u00a0'), fc.integer({ min: 0, max: 2 })).map(([v, pad, how]): unknown => {
  if (how === 0) return { ...v, ref: `${v.ref}${pad}` };
  if (how === 1) return { ...v, cell: undefined };
  return Object.assign(Object.create(null) as object, v);
});
const values = fc.oneof(
  { arbitrary: fc.array(usual, { maxLength: 4 }), weight: 6 },
  { arbitrary: fc.array(fc.oneof(usual, unusual), { maxLength: 4 }), weight: 4 },
  { arbitrary: fc.array(anyValue, { maxLength: 4 }), weight: 3 },
  { arbitrary: wrong, weight: 1 },
);

/** Objects of the given fields and extras, some fields dropped, sometimes in another key order. */
function looseObject(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(fc.record(fields), extra, fc.oneof({ arbitrary: fc.constant([] as string[]), weight: 6 }, { arbitrary: fc.subarray(Object.keys(fields), { maxLength: 1 }), weight: 1 }), fc.integer({ min: 0, max: 3 }))
    .map(([o, more, drop, order]) => {
      const out: Record<string, unknown> = order === 1 ? { ...more, ...o } : { ...o, ...more };
      for (const k of drop) delete out[k];
      return order === 2 ? Object.fromEntries(Object.entries(out).reverse()) : out;
    });
}

const revision = looseObject({
  replacedAt: stamp, reason: maybe(wrong, ['Late return', '']), closedAt: stamp, catalogueVersion: maybe(wrong, ['2024-01-18']), values, missing: refs,
});
const period = (label: string): fc.Arbitrary<unknown> => fc.oneof(
  { arbitrary: looseObject({
    period: maybe(fc.constantFrom<unknown>('2024 Q1', ` ${label} `, '', 7), [label]), closedAt: stamp,
    catalogueVersion: maybe(fc.constantFrom<unknown>(' ', '', null), ['2024-01-18', ' v2 ']), values, missing: refs,
    revisions: fc.oneof({ arbitrary: fc.array(revision, { maxLength: 2 }), weight: 9 }, { arbitrary: wrong, weight: 1 }),
  }), weight: 20 },
  { arbitrary: wrong, weight: 1 },
);
const periods = fc.oneof(
  // In date order, each once: the usual master.
  { arbitrary: fc.subarray(LABELS, { maxLength: 4 }).chain((ls) => fc.tuple(...ls.map(period))), weight: 8 },
  { arbitrary: fc.array(fc.constantFrom(...LABELS).chain(period), { maxLength: 4 }), weight: 2 },
  { arbitrary: wrong, weight: 1 },
);
const doc = looseObject({
  schemaVersion: maybe(fc.constantFrom<unknown>(2, '1', undefined), [1]),
  organisation: maybe(fc.constantFrom<unknown>(' ', '', ' Test Borough'), ['Test Borough']),
  periods,
});

describe('parseHistory, with the short cut', () => {
  it('gives exactly what zod on the whole document gives, key order included', () => {
    let plainOk = 0;
    let zodOk = 0;
    let runs = 0;
    fc.assert(fc.property(doc, fc.boolean(), (d, viaJson) => {
      runs += 1;
      // As read from a file, and as built in memory (undefined, NaN, shared objects).
      const input: unknown = viaJson ? JSON.parse(JSON.stringify(d)) : d;
      const got = parseHistory(input);
      const want = parseHistoryViaZod(input);
      expect(JSON.stringify(got)).toBe(JSON.stringify(want));
      expectSame(got, want);
      if (got.ok) {
        // got.ok says the shapes are right; the values as given say which way it went.
        const given = input as { periods: { values: unknown[]; revisions: { values: unknown[] }[] }[] };
        if (given.periods.every((p) => [p, ...p.revisions].every((x) => x.values.every((v) => plainHistoryValue(v))))) plainOk += 1;
        else zodOk += 1;
      }
    }), { numRuns: 1500 });
    expect(runs).toBe(1500);
    // Good documents both wholly plain (the short cut's own case) and not (zod's); the rest are errors zod words.
    expect(plainOk).toBeGreaterThan(150);
    expect(zodOk).toBeGreaterThan(10);
  });

  it('gives what zod gives for a reopened master as add.ts writes it', () => {
    const row = (ref: string, actual: number): ConsolidatedRow => ({ ref, actual, status: 'Green', direction: '', file: 'a.xlsx', sheet: 'Return', cell: 'Return!D6' });
    const c = (period: string, a: number): Consolidation => ({ period, rows: [row('A', a), row('B', a + 1)], conflicts: [], missing: ['C'], files: [], issues: [], findings: [], counts: emptyCounts() });
    let h = addPeriod(emptyHistory('T'), c('2024-25 Q1', 1), { closedAt: '2024-07-10', catalogueVersion: 'v1' }).history;
    h = addPeriod(h, c('2024-25 Q2', 2), { closedAt: '2024-10-10', catalogueVersion: 'v1' }).history;
    h = addPeriod(h, c('2024-25 Q1', 3), { closedAt: '2024-11-01', catalogueVersion: 'v2', reopen: true, reason: 'Late return' }).history;
    const input: unknown = JSON.parse(JSON.stringify(h));
    const got = parseHistory(input);
    expect(got.ok).toBe(true);
    expect(JSON.stringify(got)).toBe(JSON.stringify(parseHistoryViaZod(input)));
    expect(got.ok && got.history.periods[0]?.revisions[0]?.values[0]?.actual).toBe(1);
  });
});
