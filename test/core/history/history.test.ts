import fc from 'fast-check';
import { QUALITATIVE_STATUSES } from '../../../src/core/catalogue/schema';
import type { ConsolidatedRow, Consolidation } from '../../../src/core/consolidate-types';
import { addPeriod } from '../../../src/core/history/add';
import { emptyHistory, parseHistory, parseHistoryText } from '../../../src/core/history/parse';
import { comparableOf, valueAt } from '../../../src/core/history/read';
import type { History } from '../../../src/core/history/schema';
import { formatPeriod, makePeriod } from '../../../src/core/period';
import { RAG_STATUSES } from '../../../src/core/rag';
import { emptyCounts } from '../../../src/core/return/counts';

function consolidation(period: string, rows: readonly ConsolidatedRow[], missing: string[] = []): Consolidation {
  return { period, rows, conflicts: [], missing, files: [], issues: [], findings: [], counts: emptyCounts() };
}

const row = (ref: string, actual: number | string | null, extra: Partial<ConsolidatedRow> = {}): ConsolidatedRow => ({
  ref, actual, status: 'Green', direction: '', file: 'a.xlsx', sheet: 'Return', cell: 'Return!D6', ...extra,
});

const opts = { closedAt: '2024-07-10', catalogueVersion: '2024-01-18' };

describe('parseHistory', () => {
  const good = (): History => addPeriod(emptyHistory('Test Borough'), consolidation('2024-25 Q1', [row('CS01', 81.5)]), opts).history;

  it('accepts a history addPeriod wrote, and an empty one', () => {
    expect(parseHistory(good()).ok).toBe(true);
    expect(parseHistory(emptyHistory('Test Borough'))).toEqual({ ok: true, history: emptyHistory('Test Borough'), errors: [] });
  });

  it.each<[string, (h: Record<string, unknown>) => void, string, unknown]>([
    ['schemaVersion', (h) => { h.schemaVersion = 2; }, 'schemaVersion', 2],
    ['a period that is not one', (h) => { (h.periods as Record<string, unknown>[])[0]!.period = '2024 Q1'; }, 'periods[0].period', '2024 Q1'],
    ['text as an actual', (h) => { ((h.periods as Record<string, unknown>[])[0]!.values as Record<string, unknown>[])[0]!.actual = 'about 80'; }, 'periods[0].values[0].actual', 'about 80'],
    ['an unknown status', (h) => { ((h.periods as Record<string, unknown>[])[0]!.values as Record<string, unknown>[])[0]!.status = 'Purple'; }, 'periods[0].values[0].status', 'Purple'],
    ['a missing closedAt', (h) => { delete (h.periods as Record<string, unknown>[])[0]!.closedAt; }, 'periods[0].closedAt', undefined],
    ['a bad closedAt', (h) => { (h.periods as Record<string, unknown>[])[0]!.closedAt = '10/07/2024'; }, 'periods[0].closedAt', '10/07/2024'],
  ])('names the path of %s', (_label, spoil, path, value) => {
    const h = JSON.parse(JSON.stringify(good())) as Record<string, unknown>;
    spoil(h);
    const r = parseHistory(h);
    expect(r.ok).toBe(false);
    const e = r.errors.find((x) => x.path === path);
    expect(e).toBeDefined();
    expect(e?.value).toEqual(value);
    if (value === undefined) expect(e?.message).toBe('is required');
  });

  it('finds what the schema cannot: a period twice, periods out of order, a ref twice', () => {
    const h = good();
    const p = h.periods[0]!;
    const twice = { ...h, periods: [p, p] };
    expect(parseHistory(twice).errors).toEqual([{ path: 'periods[1].period', message: 'is recorded twice; reopen the period instead', value: '2024-25 Q1' }]);
    const order = { ...h, periods: [{ ...p, period: '2024-25 Q2' }, p] };
    expect(parseHistory(order).errors.map((e) => e.path)).toEqual(['periods[1].period']);
    const dup = { ...h, periods: [{ ...p, values: [...p.values, ...p.values] }] };
    expect(parseHistory(dup).errors.map((e) => e.path)).toEqual(['periods[0].values[1].ref']);
  });

  it('reads JSON text, with a byte-order mark, and reports bad JSON at the root', () => {
    expect(parseHistoryText(`\uFEFF${JSON.stringify(good())}`).ok).toBe(true);
    const bad = parseHistoryText('{"schemaVersion": 1,');
    expect(bad.ok).toBe(false);
    expect(bad.errors[0]?.path).toBe('(root)');
  });
});

describe('addPeriod', () => {
  it('keeps periods in date order whatever order they are closed in', () => {
    let h = emptyHistory('T');
    for (const p of ['2024-25 Q3', '2024-25 Q1', '2025-26 Q1', '2024-25 Q2']) h = addPeriod(h, consolidation(p, [row('A', 1)]), opts).history;
    expect(h.periods.map((p) => p.period)).toEqual(['2024-25 Q1', '2024-25 Q2', '2024-25 Q3', '2025-26 Q1']);
  });

  it.each<[string, number | string | null, number | string | null, string[]]>([
    ['a number', 81.5, 81.5, []],
    ['a suppressed count', '<5', '<5', []],
    ['blank', null, null, []],
    ['unreadable text (already an error in validation)', 'n/a', null, ['text-actual-dropped']],
  ])('records %s', (_label, given, stored, codes) => {
    const r = addPeriod(emptyHistory('T'), consolidation('2024-25 Q1', [row('A', given)]), opts);
    expect(valueAt(r.history, 'a', '2024-25 Q1')?.actual).toEqual(stored);
    expect(r.issues.map((i) => i.code)).toEqual(codes);
  });

  it.each([
    ['a bad period', consolidation('Q1 2024', []), {}, ['bad-period']],
    ['reopen of a period never closed', consolidation('2024-25 Q1', []), { reopen: true, reason: 'x' }, ['nothing-to-reopen']],
    ['errors still in the returns', { ...consolidation('2024-25 Q1', []), issues: [{ severity: 'error' as const, code: 'missing' as const, params: {} }] }, {}, ['closed-with-errors']],
  ])('says so for %s', (_label, c, extra, codes) => {
    expect(addPeriod(emptyHistory('T'), c, { ...opts, ...extra }).issues.map((i) => i.code)).toEqual(codes);
  });

  it('warns when a period is reopened without a reason, and still keeps the revision', () => {
    const first = addPeriod(emptyHistory('T'), consolidation('2024-25 Q1', [row('A', 1)]), opts).history;
    const r = addPeriod(first, consolidation('2024-25 Q1', [row('A', 2)]), { ...opts, reopen: true });
    expect(r.issues.map((i) => i.code)).toEqual(['reopen-without-reason']);
    expect(r.history.periods[0]?.revisions[0]?.values[0]?.actual).toBe(1);
    expect(r.history.periods[0]?.revisions[0]?.reason).toBeUndefined();
  });

  it('keeps every revision when a period is reopened twice, oldest first', () => {
    let h = addPeriod(emptyHistory('T'), consolidation('2024-25 Q1', [row('A', 1)]), opts).history;
    h = addPeriod(h, consolidation('2024-25 Q1', [row('A', 2)]), { ...opts, closedAt: '2024-08-01', reopen: true, reason: 'r1' }).history;
    h = addPeriod(h, consolidation('2024-25 Q1', [row('A', 3)]), { ...opts, closedAt: '2024-09-01', reopen: true, reason: 'r2' }).history;
    expect(h.periods[0]?.revisions.map((r) => [r.values[0]?.actual, r.closedAt, r.replacedAt, r.reason])).toEqual([
      [1, '2024-07-10', '2024-08-01', 'r1'], [2, '2024-08-01', '2024-09-01', 'r2'],
    ]);
    expect(valueAt(h, 'A', '2024-25 Q1')?.actual).toBe(3);
  });

  it('records the refs the consolidation found missing', () => {
    const h = addPeriod(emptyHistory('T'), consolidation('2024-25 Q1', [row('A', 1)], ['B']), opts).history;
    expect(h.periods[0]?.missing).toEqual(['B']);
    expect(valueAt(h, 'B', '2024-25 Q1')).toBeUndefined();
  });
});

// --- properties ---
const REFS = ['CS01', 'CS02', 'HR01', 'ENV02', 'PKS01'];
const periodArb = fc.tuple(fc.integer({ min: 2022, max: 2026 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => formatPeriod(makePeriod(y, q)));
const actualArb = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), fc.constantFrom('<5', '<10'), fc.constant(null));
const rowArb = fc.record({
  ref: fc.constantFrom(...REFS),
  actual: actualArb,
  status: fc.constantFrom(...RAG_STATUSES),
  qualitative: fc.option(fc.constantFrom(...QUALITATIVE_STATUSES), { nil: undefined }),
  commentary: fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
}).map(({ qualitative, commentary, ...r }) => row(r.ref, r.actual, { status: r.status, ...(qualitative ? { qualitative } : {}), ...(commentary ? { commentary } : {}) }));
const rowsArb = fc.uniqueArray(rowArb, { selector: (r) => r.ref, maxLength: REFS.length });
const consolidationArb = fc.tuple(periodArb, rowsArb).map(([p, rows]) => consolidation(p, rows));
const historyArb = fc.array(fc.tuple(consolidationArb, fc.boolean()), { maxLength: 6 }).map((steps) =>
  steps.reduce((h, [c, reopen]) => addPeriod(h, c, { ...opts, reopen }).history, emptyHistory('T')));

describe('addPeriod properties', () => {
  it('never changes the history it is given', () => {
    fc.assert(fc.property(historyArb, consolidationArb, fc.boolean(), (h, c, reopen) => {
      const before = JSON.stringify(h);
      const r = addPeriod(h, c, { ...opts, reopen, reason: 'because' });
      expect(JSON.stringify(h)).toBe(before);
      expect(parseHistory(JSON.parse(JSON.stringify(r.history))).ok).toBe(true);
    }));
  });

  it('reads back what was added (reopening when the period was closed)', () => {
    fc.assert(fc.property(historyArb, consolidationArb, (h, c) => {
      const closed = h.periods.some((p) => p.period === c.period);
      const r = addPeriod(h, c, { ...opts, reopen: closed, reason: 'because' });
      for (const given of c.rows) {
        const got = valueAt(r.history, given.ref, c.period);
        expect(got).toMatchObject({ ref: given.ref, actual: given.actual, status: given.status, file: given.file, sheet: given.sheet, cell: given.cell });
        expect(got?.qualitative).toBe(given.qualitative);
        expect(got?.commentary).toBe(given.commentary);
        expect(comparableOf(got)).toEqual(given.qualitative ?? (typeof given.actual === 'number' ? given.actual : null));
      }
      const rec = r.history.periods.find((p) => p.period === c.period);
      expect(rec?.values).toHaveLength(c.rows.length);
    }));
  });

  it('refuses to rewrite a closed period without reopen, and then changes nothing', () => {
    fc.assert(fc.property(historyArb, consolidationArb, (h, c) => {
      fc.pre(h.periods.some((p) => p.period === c.period));
      const r = addPeriod(h, c, opts);
      expect(r.history).toBe(h);
      expect(r.issues.map((i) => i.code)).toEqual(['period-closed']);
    }));
  });
});
