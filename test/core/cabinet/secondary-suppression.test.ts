import fc from 'fast-check';
import { cabinetModel, type CabinetModel, type CabinetRow } from '../../../src/core/cabinet/model';
import { secondarySuppression } from '../../../src/core/cabinet/secondary';
import { trendsKey } from '../../../src/core/cabinet/trends';
import { dashboardWithNotes } from '../../../src/app/dashboard';
import { cabinetPlan } from '../../../src/core/cabinet/plan';
import { trendsSheetPlan } from '../../../src/core/cabinet/trends';
import type { CellValue } from '../../../src/core/grid';
import type { WorkbookPlan } from '../../../src/core/plan/types';
import type { Catalogue, Indicator } from '../../../src/core/catalogue/schema';
import { addPeriod } from '../../../src/core/history/add';
import { emptyHistory } from '../../../src/core/history/parse';
import { formatPeriod, makePeriod, type Period } from '../../../src/core/period';
import { consolidationOf, planToGrid, type Entry } from './helpers';

/**
 * Secondary suppression as a reader attacks it: from the numbers the paper shows (Cabinet row,
 * Trends quarters, which the Dashboard charts too), try the sums a determined reader would do.
 */

const NOW = makePeriod(2023, 2);
/** Five quarters to NOW, oldest first: the Trends sheet's columns. */
const QUARTERS: Period[] = [makePeriod(2022, 2), makePeriod(2022, 3), makePeriod(2022, 4), makePeriod(2023, 1), NOW];

interface Rolling { readonly kind: 'rolling'; readonly below: number; readonly method: 'sum' | 'mean'; readonly values: readonly number[]; readonly recorded: boolean }
interface Pct { readonly kind: 'pct'; readonly below: number; readonly num: number; readonly den: number }
type Case = Rolling | Pct;

const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 5, max: 40 }));
const rollingArb: fc.Arbitrary<Case> = fc.record({
  kind: fc.constant('rolling' as const), below: fc.integer({ min: 2, max: 10 }), method: fc.constantFrom('sum' as const, 'mean' as const),
  values: fc.array(count, { minLength: 5, maxLength: 5 }), recorded: fc.boolean(),
});
const pctArb: fc.Arbitrary<Case> = fc.record({ kind: fc.constant('pct' as const), below: fc.integer({ min: 2, max: 10 }), num: fc.integer({ min: 0, max: 60 }), den: fc.integer({ min: 1, max: 60 }) })
  .map((c) => ({ ...c, num: Math.min(c.num, c.den) }));

function indicator(c: Case, i: number): Indicator {
  const base = {
    id: `X${i}`, title: `Indicator ${i}`, priority: 'P1', directorate: 'D', service: 'S', kind: 'quantitative' as const,
    frequency: 'quarterly' as const, dueQuarters: ['Q1', 'Q2', 'Q3', 'Q4'] as Indicator['dueQuarters'], polarity: 'higher' as const,
    targets: { '2022-23': 10, '2023-24': 10 }, tolerance: { absolute: 1 }, suppressBelow: c.below,
  };
  return c.kind === 'rolling'
    ? ({ ...base, unit: 'number', decimals: 1, aggregation: 'rolling12', rollingMethod: c.method } as Indicator)
    : ({ ...base, unit: 'percent', decimals: 1 } as Indicator);
}

function entryAt(c: Case, i: number, q: number): Entry | undefined {
  if (c.kind === 'rolling') return { ref: `X${i}`, actual: c.values[q] as number };
  return q === 4 ? { ref: `X${i}`, actual: (100 * c.num) / c.den, numerator: c.num, denominator: c.den } : undefined;
}

function modelOf(cases: readonly Case[]): CabinetModel {
  const catalogue: Catalogue = {
    schemaVersion: 1, organisation: 'Test', plan: 'Plan', version: 'v1', financialYears: ['2022-23', '2023-24'],
    priorities: [{ id: 'P1', title: 'One' }], indicators: cases.map(indicator),
  };
  let history = emptyHistory('Test');
  QUARTERS.forEach((p, q) => {
    const entries = cases.flatMap((c, i) => (q < 4 || (c.kind === 'rolling' && c.recorded) ? [entryAt(c, i, q)].filter((e): e is Entry => e !== undefined) : []));
    if (q < 4 || entries.length > 0) history = addPeriod(history, consolidationOf(catalogue, p, entries), { closedAt: '2023-10-20', catalogueVersion: 'v1' }).history;
  });
  const now = cases.flatMap((c, i) => [entryAt(c, i, 4)].filter((e): e is Entry => e !== undefined));
  return cabinetModel(catalogue, consolidationOf(catalogue, NOW, now), { history: { history, catalogue }, generatedAt: '2023-10-21' });
}

const rowOf = (m: CabinetModel, ref: string): CabinetRow => m.sections.flatMap((s) => s.rows).find((r) => r.ref === ref) as CabinetRow;

/** What a reader sees of one indicator: the numbers in its Cabinet row and its Trends row, as the sheets are drawn. */
interface Seen {
  readonly actual?: number;
  readonly numerator?: number;
  readonly denominator?: number;
  /** Quarter → the number shown for it on the Trends sheet. */
  readonly quarters: ReadonlyMap<string, number>;
}

const num = (v: CellValue | undefined): number | undefined => (typeof v === 'number' ? v : undefined);

function seenOf(m: CabinetModel): (ref: string) => Seen {
  const cabinet = planToGrid(cabinetPlan(m), 0).values;
  const head = cabinet.find((r) => r[0] === 'Ref' && r.includes('Actual')) ?? [];
  const trends = planToGrid({ sheets: [trendsSheetPlan(m, { fingerprint: 'f'.repeat(64) })] } as unknown as WorkbookPlan, 0).values;
  const tHead = trends.find((r) => r[0] === 'Ref' && r[1] === 'Indicator') ?? [];
  return (ref) => {
    const row = cabinet.find((r) => r[0] === ref && r !== head) ?? [];
    const at = (h: string): number | undefined => (head.indexOf(h) >= 0 ? num(row[head.indexOf(h)]) : undefined);
    const tRow = trends.find((r) => r[0] === ref && r !== tHead) ?? [];
    const quarters = new Map<string, number>();
    tHead.forEach((p, i) => {
      const v = num(tRow[i]);
      if (i >= 2 && typeof p === 'string' && p !== 'RAG' && v !== undefined) quarters.set(p, v);
    });
    const out: { actual?: number; numerator?: number; denominator?: number; quarters: Map<string, number> } = { quarters };
    const [a, n, d] = [at('Actual'), at('Numerator'), at('Denominator')];
    if (a !== undefined) out.actual = a;
    if (n !== undefined) out.numerator = n;
    if (d !== undefined) out.denominator = d;
    return out;
  };
}

/** The independent attacker: every count a reader can work out from the shown numbers (sheets, and --json's own quarter). */
function derived(row: Seen, c: Case): number[] {
  const out: number[] = [];
  const actual = row.actual;
  if (c.kind === 'rolling') {
    if (actual === undefined) return out;
    const shown = new Map(row.quarters);
    // `consolidate --json` gives this quarter's own value unless it is small.
    const own = c.values[4] as number;
    if (!(own >= 1 && own < c.below)) shown.set(formatPeriod(NOW), own);
    const last4 = QUARTERS.slice(1).map(formatPeriod);
    const unknown = last4.filter((p) => !shown.has(p));
    if (unknown.length === 1) {
      const sum = last4.reduce((s, p) => s + (shown.get(p) ?? 0), 0);
      out.push(Math.round((c.method === 'mean' ? actual * 4 : actual) - sum));
    }
    return out;
  }
  const [n, d] = [row.numerator, row.denominator];
  if (actual !== undefined && d !== undefined) out.push(Math.round((actual * d) / 100));
  if (actual !== undefined && n !== undefined && actual > 0) out.push(Math.round((n * 100) / actual));
  const num = n ?? (actual !== undefined && d !== undefined ? Math.round((actual * d) / 100) : undefined);
  const den = d ?? (actual !== undefined && n !== undefined && actual > 0 ? Math.round((n * 100) / actual) : undefined);
  if (num !== undefined && den !== undefined) out.push(den - num);
  return out;
}

/** Counts that are hidden small numbers (1..N-1) of the indicator, which must never be derived. */
function secrets(c: Case): number[] {
  const small = (v: number): boolean => v >= 1 && v < c.below;
  if (c.kind === 'rolling') return c.values.slice(1).filter(small);
  return [c.num, c.den, c.den - c.num].filter(small);
}

describe('secondarySuppression (pure)', () => {
  it('a sum with one hidden small part hides the smallest other part; none hidden, nothing more', () => {
    const cells = [
      { id: 'total', shown: true, value: 63, sensitive: false },
      { id: 'a', shown: true, value: 20, sensitive: false }, { id: 'b', shown: false, value: 3, sensitive: true },
      { id: 'c', shown: true, value: 19, sensitive: false }, { id: 'd', shown: true, value: 21, sensitive: false },
    ];
    expect(secondarySuppression(cells, [{ total: 'total', parts: ['a', 'b', 'c', 'd'] }])).toEqual(['c']);
    expect(secondarySuppression(cells.map((x) => ({ ...x, shown: true, sensitive: false })), [{ total: 'total', parts: ['a', 'b', 'c', 'd'] }])).toEqual([]);
  });
});

describe('secondary suppression on the Cabinet, Trends and Dashboard sheets', () => {
  it('the issue\'s attack: a rolling 12-month 63 beside quarters 19, <5, 20, 21 no longer gives the 3 (Trends and Dashboard)', () => {
    const c: Rolling = { kind: 'rolling', below: 5, method: 'sum', values: [15, 19, 3, 20, 21], recorded: true };
    const m = modelOf([c]);
    const row = rowOf(m, 'X0');
    expect(row.actual.value).toBe(63);
    expect((row.trend ?? []).map((t) => t.value.text)).toEqual(['15.0', 'Suppressed', '<5', '20.0', '21.0']);
    expect(derived(seenOf(m)('X0'), c)).toEqual([]);
    expect(seenOf(m)('X0').quarters.size).toBe(3);
    expect(m.secondarySuppressed).toEqual(['X0']);
    expect(trendsKey(m).some((k) => k.symbol === 'Suppressed' && k.meaning.includes('X0'))).toBe(true);
    // The Dashboard charts the same trend: a gap where the quarter is hidden, and a note saying why.
    const dash = dashboardWithNotes(m, [], 'X0');
    const texts = dash.sheet.cells.flatMap((b) => b.values.flat());
    expect(texts.filter((v) => v === 19 || v === 3)).toEqual([]);
    expect(texts.some((v) => typeof v === 'string' && v.startsWith('Secondary suppression applied (X0)'))).toBe(true);
  });

  it('property: no count from 1 to suppressBelow − 1 can be worked out from the shown numbers', () => {
    fc.assert(fc.property(fc.array(fc.oneof(rollingArb, pctArb), { minLength: 1, maxLength: 4 }), (cases) => {
      const m = modelOf(cases);
      const seen = seenOf(m);
      cases.forEach((c, i) => {
        const row = seen(`X${i}`);
        // A small count itself never shows as a number.
        for (const v of [row.numerator, row.denominator, ...(c.kind === 'rolling' ? [row.actual, ...row.quarters.values()] : [])]) {
          if (v !== undefined) expect(v >= 1 && v < c.below).toBe(false);
        }
        const hidden = secrets(c);
        for (const d of derived(row, c)) expect(hidden.includes(d) && d >= 1 && d < c.below).toBe(false);
      });
    }), { numRuns: 300 });
  });
});
