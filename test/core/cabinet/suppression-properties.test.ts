import fc from 'fast-check';
import { cabinetModel } from '../../../src/core/cabinet/model';
import { cabinetPlan } from '../../../src/core/cabinet/plan';
import type { PreviousValues } from '../../../src/core/cabinet/previous';
import type { Catalogue, Indicator } from '../../../src/core/catalogue/schema';
import type { CellValue } from '../../../src/core/grid';
import { consolidationOf, planToGrid, Q2, type Entry } from './helpers';

/** One random indicator and what its return said. */
interface Case {
  readonly unit: 'number' | 'percent';
  readonly below: number | null;
  readonly zero: boolean;
  readonly polarity: 'higher' | 'lower' | 'none';
  readonly target: number;
  readonly tol: number;
  readonly a: number;
  readonly b: number;
  readonly parts: boolean;
  readonly prev: number | null;
  readonly twinPick: number;
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  unit: fc.constantFrom('number' as const, 'percent' as const),
  below: fc.option(fc.integer({ min: 2, max: 10 }), { nil: null }),
  zero: fc.boolean(),
  polarity: fc.constantFrom('higher' as const, 'lower' as const, 'none' as const),
  target: fc.integer({ min: 0, max: 60 }),
  tol: fc.integer({ min: 0, max: 5 }),
  a: fc.integer({ min: 0, max: 30 }),
  b: fc.integer({ min: 1, max: 60 }),
  parts: fc.boolean(),
  prev: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
  twinPick: fc.nat(),
});

function build(cases: readonly Case[], twin: boolean): { catalogue: Catalogue; entries: Entry[]; previous: PreviousValues } {
  const indicators: Indicator[] = cases.map((c, i) => ({
    id: `X${i}`, title: `Indicator ${i}`, priority: i % 2 ? 'P2' : 'P1', directorate: 'D', service: 'S',
    kind: 'quantitative', unit: c.unit, decimals: c.unit === 'percent' ? 1 : 0, polarity: c.polarity,
    frequency: 'quarterly', dueQuarters: ['Q1', 'Q2', 'Q3', 'Q4'], targets: { '2023-24': c.target }, tolerance: { absolute: c.tol },
    suppressBelow: c.below, suppressZero: c.zero,
  }));
  const catalogue: Catalogue = {
    schemaVersion: 1, organisation: 'Test', plan: 'Plan', version: 'v1', financialYears: ['2023-24'],
    priorities: [{ id: 'P1', title: 'One' }, { id: 'P2', title: 'Two' }], indicators,
  };
  const entries = cases.map((c, i): Entry => {
    const small = (v: number): boolean => c.below !== null && ((v > 0 && v < c.below) || (v === 0 && c.zero));
    const swap = (v: number): number => {
      if (!twin || c.below === null || !small(v)) return v;
      const lo = c.zero ? 0 : 1;
      return lo + (c.twinPick % (c.below - lo));
    };
    if (c.unit === 'number') return { ref: `X${i}`, actual: swap(c.a) };
    const den = c.b;
    const raw = Math.min(c.a, den);
    // Only the numerator is swapped, and only while the denominator is itself shown.
    const num = c.parts && !small(den) ? swap(raw) : raw;
    return { ref: `X${i}`, actual: (num / den) * 100, ...(c.parts ? { numerator: num, denominator: den } : {}), commentary: 'Because' };
  });
  const values = Object.fromEntries(cases.flatMap((c, i) => (c.prev === null ? [] : [[`X${i}`, { actual: c.prev, text: String(c.prev) }]])));
  return { catalogue, entries, previous: { period: '2023-24 Q1', values } };
}

function planOf(cases: readonly Case[], twin: boolean) {
  const { catalogue, entries, previous } = build(cases, twin);
  return cabinetPlan(cabinetModel(catalogue, consolidationOf(catalogue, Q2, entries), { previous, lastYear: previous, generatedAt: '2023-10-20' }));
}

const cases = fc.array(caseArb, { minLength: 1, maxLength: 6 });

describe('suppression as a guarantee (whole Cabinet plan)', () => {
  it('two returns differing only in a hidden small count give the identical workbook, properties and fingerprint included', () => {
    fc.assert(fc.property(cases, (cs) => {
      expect(planOf(cs, true)).toEqual(planOf(cs, false));
    }), { numRuns: 200 });
  });

  it('no Actual, Numerator or Denominator cell shows a small count, nor a percentage worked from one', () => {
    fc.assert(fc.property(cases, (cs) => {
      const { catalogue, entries } = build(cs, false);
      const grid = planToGrid(planOf(cs, false));
      const header = grid.values.find((r) => r[0] === 'Ref' && r.includes('Actual')) ?? [];
      const col = (h: string): number => header.indexOf(h);
      cs.forEach((c, i) => {
        if (c.below === null) return;
        const N = c.below;
        const e = entries[i] as Entry;
        const isSmall = (v: unknown): boolean => typeof v === 'number' && ((v > 0 && v < N) || (v === 0 && c.zero));
        const rows = grid.values.filter((r) => r[0] === catalogue.indicators[i]?.id);
        expect(rows.length).toBeGreaterThan(0);
        for (const r of rows) {
          const cells: CellValue[] = [r[col('Actual')] ?? null, r[col('Numerator')] ?? null, r[col('Denominator')] ?? null];
          const counts = c.unit === 'number' ? cells : cells.slice(1);
          for (const v of counts) {
            if (typeof v === 'number') expect(!isSmall(v)).toBe(true);
            if (typeof v === 'string') expect(v).not.toMatch(new RegExp(`(^|[^0-9<])(${Array.from({ length: N - 1 }, (_, k) => k + 1).join('|')})([^0-9]|$)`));
          }
          if (c.unit === 'number') expect(isSmall(e.actual) ? typeof cells[0] : 'ok').not.toBe('number');
          if (c.unit === 'percent' && c.parts && (isSmall(e.numerator) || isSmall(e.denominator))) {
            expect(typeof cells[0]).not.toBe('number');
            expect(typeof cells[1]).not.toBe('number');
          }
        }
      });
    }), { numRuns: 200 });
  });
});
