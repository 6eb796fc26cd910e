import fc from 'fast-check';
import type { Indicator, QualitativeStatus } from '../../src/core/catalogue/schema';
import { parsePeriod, type Period } from '../../src/core/period';
import {
  COUNTED_STATUSES, RAG_STATUSES, compareWithRule, rag, ragOfSuppressed, ragRule, toleranceAmount, type RagStatus,
} from '../../src/core/rag';
import { miniCatalogue } from './fixtures/mini-catalogue';
import { decimalsOf, toleranceOf } from '../../src/core/catalogue/accessors';

const cat = miniCatalogue();
const defaults = cat.defaults;
function byId(id: string, change: Partial<Indicator> = {}): Indicator {
  const found = miniCatalogue().indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no ${id} in the fixture`);
  return { ...found, ...change };
}
function per(text: string): Period {
  const p = parsePeriod(text);
  if (!p) throw new Error(text);
  return p;
}
function status(id: string, actual: number | null, period = '2023-24 Q2', change: Partial<Indicator> = {}): RagStatus {
  return rag({ indicator: byId(id, change), period: per(period), defaults, actual }).status;
}

describe('the order: Not due, Missing, Tracking, then the comparison', () => {
  it.each<[string, string, number | null, RagStatus]>([
    ['annual, Q1, with a value', '2023-24 Q1', 10, 'Not due'],
    ['annual, Q3, blank', '2023-24 Q3', null, 'Not due'],
    ['annual, Q4, blank', '2023-24 Q4', null, 'Missing'],
    ['annual, Q4, on target', '2023-24 Q4', 60, 'Green'],
    ['annual, Q4, a year with no target', '2025-26 Q4', 90, 'Tracking'],
    ['annual, Q4, blank in a year with no target', '2025-26 Q4', null, 'Missing'],
  ])('MC04 %s → %s', (_name, period, actual, want) => {
    expect(status('MC04', actual, period)).toBe(want);
  });

  it.each<[number | null, RagStatus]>([[null, 'Missing'], [NaN, 'Missing'], [Infinity, 'Missing'], [0, 'Tracking'], [123456, 'Tracking']])(
    'tracking-only MC03 given %p → %s (blank is still Missing)', (actual, want) => {
      expect(status('MC03', actual)).toBe(want);
    },
  );

  it('a RAG indicator with no target for the year is Tracking', () => {
    expect(status('MC08', 10, '2025-26 Q2')).toBe('Tracking');
    expect(status('MC07', 50, '2025-26 Q2')).toBe('Tracking');
  });

  it('an undefined actual is Missing, never Green', () => {
    expect(rag({ indicator: byId('MC02'), period: per('2023-24 Q2'), defaults }).status).toBe('Missing');
  });
});

describe('polarity higher, relative tolerance (MC01: 5 % of the target, 1 dp)', () => {
  it.each<[string, number, RagStatus]>([
    ['2023-24 Q2', 100, 'Green'],
    ['2023-24 Q2', 80, 'Green'],
    ['2023-24 Q2', 79.96, 'Green'], // shows as 80.0, so it is on target
    ['2023-24 Q2', 79.95, 'Green'],
    ['2023-24 Q2', 79.94, 'Amber'],
    ['2023-24 Q2', 76, 'Amber'], // exactly target − t
    ['2023-24 Q2', 75.95, 'Amber'],
    ['2023-24 Q2', 75.94, 'Red'],
    ['2023-24 Q2', 0, 'Red'],
    ['2024-25 Q2', 77.9, 'Amber'], // 82 − 4.1 without a float crumb
    ['2024-25 Q2', 77.8, 'Red'],
    ['2025-26 Q2', 80.75, 'Amber'], // 85 − 4.25: 80.75 shows as 80.8
    ['2025-26 Q2', 80.74, 'Red'], // shows as 80.7, below 80.75
  ])('%s: %p → %s', (period, actual, want) => {
    expect(status('MC01', actual, period)).toBe(want);
  });

  it('reads a percent cell of 0.7995 (×100) as 80.0', () => {
    expect(status('MC01', 0.7995 * 100)).toBe('Green');
  });
});

describe('polarity lower, absolute tolerance (MC02: target 20 days, ±2, 1 dp)', () => {
  it.each<[number, RagStatus]>([
    [0, 'Green'], [20, 'Green'], [20.04, 'Green'], [20.05, 'Amber'], [22, 'Amber'], [22.04, 'Amber'], [22.05, 'Red'], [40, 'Red'],
  ])('%p → %s', (actual, want) => {
    expect(status('MC02', actual)).toBe(want);
  });
});

describe('tolerance taken from defaults when the indicator has none (MC04: 5 %, 0 dp)', () => {
  it.each<[number, RagStatus]>([[60, 'Green'], [59.5, 'Green'], [59.4, 'Amber'], [57, 'Amber'], [56.5, 'Amber'], [56.49, 'Red']])('%p → %s', (actual, want) => {
    expect(status('MC04', actual, '2023-24 Q4')).toBe(want);
  });
});

describe('a floor instead of a tolerance (MC08: target 40, floor 35)', () => {
  it.each<[number, RagStatus]>([[45, 'Green'], [40, 'Green'], [39.9, 'Amber'], [35, 'Amber'], [34.96, 'Amber'], [34.9, 'Red']])('%p → %s', (actual, want) => {
    expect(status('MC08', actual)).toBe(want);
  });

  it('a floor for lower polarity is a ceiling', () => {
    const change: Partial<Indicator> = { floor: { '2023-24': 25 } };
    expect([20, 20.1, 25, 25.1].map((a) => status('MC02', a, '2023-24 Q2', change))).toEqual(['Green', 'Amber', 'Amber', 'Red']);
  });
});

describe('a range band (MC07: 90-95, ±2 outside)', () => {
  it.each<[number, RagStatus]>([
    [92, 'Green'], [90, 'Green'], [95, 'Green'], [89.96, 'Green'], [95.04, 'Green'],
    [89.9, 'Amber'], [88, 'Amber'], [87.9, 'Red'], [95.1, 'Amber'], [97, 'Amber'], [97.05, 'Red'], [0, 'Red'], [100, 'Red'],
  ])('%p → %s', (actual, want) => {
    expect(status('MC07', actual)).toBe(want);
  });

  it('a relative tolerance is taken from each edge of the band', () => {
    const rule = ragRule(byId('MC07', { tolerance: { relative: 10 } }), '2023-24');
    expect(rule).toEqual({ kind: 'range', decimals: 1, band: { min: 90, max: 95 }, amberFrom: 81, amberTo: 104.5 });
  });
});

describe('Blue, only when the catalogue turns it on', () => {
  it.each<[number, RagStatus]>([[100, 'Blue'], [97.1, 'Blue'], [97.04, 'Green'], [97, 'Green'], [96, 'Green'], [95, 'Amber'], [94.9, 'Red']])(
    'MC09 (target 96, ±1, blue on): %p → %s', (actual, want) => {
      expect(status('MC09', actual)).toBe(want);
    },
  );

  it('is never given when off', () => {
    expect(status('MC09', 100, '2023-24 Q2', { blue: false })).toBe('Green');
    expect(status('MC01', 100)).toBe('Green');
    expect(status('MC02', 0)).toBe('Green');
  });

  it('for lower polarity is better than target by more than the tolerance', () => {
    const on: Partial<Indicator> = { blue: true };
    expect([17.9, 18, 20, 22].map((a) => status('MC02', a, '2023-24 Q2', on))).toEqual(['Blue', 'Green', 'Green', 'Amber']);
  });
});

describe('qualitative (MC05)', () => {
  it.each<[QualitativeStatus | null, RagStatus]>([
    ['On track', 'Green'], ['At risk', 'Amber'], ['Off track', 'Red'], ['Complete', 'Complete'], [null, 'Missing'],
  ])('%p → %s', (s, want) => {
    expect(rag({ indicator: byId('MC05'), period: per('2023-24 Q2'), status: s }).status).toBe(want);
  });

  it('an unknown status text is Missing, not a colour', () => {
    for (const s of ['Done', 'toString', 'constructor']) {
      expect(rag({ indicator: byId('MC05'), period: per('2023-24 Q2'), status: s as QualitativeStatus }).status).toBe('Missing');
    }
  });

  it('is Not due outside its quarters', () => {
    expect(rag({ indicator: byId('MC05', { dueQuarters: ['Q4'] }), period: per('2023-24 Q2'), status: 'Off track' }).status).toBe('Not due');
  });
});

describe('which data a RAG rests on', () => {
  it('is the reporting period by default, not stale', () => {
    const r = rag({ indicator: byId('MC01'), period: per('2023-24 Q2'), defaults, actual: 79.96 });
    expect(r).toEqual({ status: 'Green', dataPeriod: '2023-24 Q2', stale: false, rounded: 80, target: 80 });
  });

  it('an older value is flagged stale and judged against its own year\'s target', () => {
    const r = rag({ indicator: byId('MC01'), period: per('2024-25 Q1'), dataPeriod: per('2023-24 Q4'), defaults, actual: 81 });
    expect(r).toEqual({ status: 'Green', dataPeriod: '2023-24 Q4', stale: true, rounded: 81, target: 80 });
  });

  it('an annual measure carried forward into a quarter it is not due is rated, and stale', () => {
    const r = rag({ indicator: byId('MC04'), period: per('2024-25 Q2'), dataPeriod: per('2023-24 Q4'), defaults, actual: 58 });
    expect([r.status, r.stale, r.dataPeriod]).toEqual(['Amber', true, '2023-24 Q4']);
  });

  it('a value dated the reporting period itself is still Not due outside its quarters', () => {
    const r = rag({ indicator: byId('MC04'), period: per('2024-25 Q2'), dataPeriod: per('2024-25 Q2'), defaults, actual: 58 });
    expect([r.status, r.stale]).toEqual(['Not due', false]);
  });

  it('a stale blank is Missing, and stale qualitative keeps its period', () => {
    expect(rag({ indicator: byId('MC01'), period: per('2024-25 Q1'), dataPeriod: per('2023-24 Q4'), actual: null }).status).toBe('Missing');
    const q = rag({ indicator: byId('MC05'), period: per('2024-25 Q1'), dataPeriod: per('2023-24 Q3'), status: 'At risk' });
    expect([q.status, q.stale, q.dataPeriod]).toEqual(['Amber', true, '2023-24 Q3']);
  });
});

describe('rule pieces', () => {
  it.each<[string, Partial<Indicator>, { decimals?: number } | undefined, number]>([
    ['own decimals', { decimals: 2 }, { decimals: 1 }, 2],
    ['catalogue default', { decimals: undefined }, { decimals: 3 }, 3],
    ['a count with no default', { decimals: undefined, unit: 'number' }, undefined, 0],
    ['a percent with no default', { decimals: undefined, unit: 'percent' }, undefined, 1],
  ])('decimals: %s', (_name, change, defs, want) => {
    expect(decimalsOf(byId('MC01', change), defs)).toBe(want);
  });

  it('tolerance: own, then default, then none', () => {
    expect(toleranceOf(byId('MC02'), defaults)).toEqual({ absolute: 2 });
    expect(toleranceOf(byId('MC04'), defaults)).toEqual({ relative: 5 });
    expect(toleranceOf(byId('MC04'), undefined)).toEqual({ absolute: 0 });
  });

  it.each([
    [{ relative: 5 }, 80, 4], [{ relative: 5 }, 71.7, 3.585], [{ relative: 10 }, -10, 1], [{ relative: 5 }, 0, 0], [{ absolute: 2.5 }, 80, 2.5],
  ])('toleranceAmount(%j, %p) = %p', (tol, target, want) => {
    expect(toleranceAmount(tol, target)).toBe(want);
  });

  it('a relative tolerance on a negative target widens downwards for higher', () => {
    const change: Partial<Indicator> = { targets: { '2023-24': -10 }, tolerance: { relative: 10 }, range: {} };
    expect([-10, -11, -11.1].map((a) => status('MC01', a, '2023-24 Q2', change))).toEqual(['Green', 'Amber', 'Red']);
  });

  it('thresholds are stored without float crumbs, so the sheet formula compares the same numbers', () => {
    expect(ragRule(byId('MC01', { tolerance: { relative: 5 }, targets: { '2023-24': 71.7 } }), '2023-24')).toEqual(
      { kind: 'higher', decimals: 1, target: 71.7, amberFrom: 68.115 },
    );
    expect(ragRule(byId('MC09'), '2023-24')).toEqual({ kind: 'higher', decimals: 1, target: 96, amberFrom: 95, blueAbove: 97 });
    expect(ragRule(byId('MC02'), '2023-24')).toEqual({ kind: 'lower', decimals: 1, target: 20, amberTo: 22 });
    expect(ragRule(byId('MC08'), '2023-24')).toEqual({ kind: 'higher', decimals: 1, target: 40, amberFrom: 35 });
    expect(ragRule(byId('MC05'), '2023-24').kind).toBe('tracking');
  });

  it('a threshold from cancelling numbers has no binary crumb (498.5 − 491.2 is 7.3, not 7.30000000000001)', () => {
    const change: Partial<Indicator> = { targets: { '2023-24': 498.5 }, tolerance: { absolute: 491.2 }, range: {} };
    expect(ragRule(byId('MC01', change), '2023-24')).toMatchObject({ amberFrom: 7.3 });
    expect([7.3, 7.2].map((a) => status('MC01', a, '2023-24 Q2', change))).toEqual(['Amber', 'Red']);
  });

  it('compareWithRule on a tracking rule is Tracking', () => {
    expect(compareWithRule({ kind: 'tracking', decimals: 1 }, 50)).toBe('Tracking');
  });

  it('RAG counts leave out Not due and Tracking only', () => {
    expect(RAG_STATUSES.filter((s) => !COUNTED_STATUSES.includes(s))).toEqual(['Tracking', 'Not due']);
  });
});

// ---- properties ----------------------------------------------------------------------------------

const RANK: Partial<Record<RagStatus, number>> = { Red: 0, Amber: 1, Green: 2, Blue: 3 };
const rank = (s: RagStatus): number => {
  const r = RANK[s];
  if (r === undefined) throw new Error(`not a comparison status: ${s}`);
  return r;
};
/** A decimal from integer units at `d` places, parsed from text so it is the double nearest the decimal. */
const fromUnits = (units: number, d: number): number => Number(`${units}e-${d}`);

/** A numeric indicator with its target on the decimal grid: target = T / 10^d. */
const arbRule = fc.record({
  polarity: fc.constantFrom<'higher' | 'lower'>('higher', 'lower'),
  d: fc.integer({ min: 0, max: 3 }),
  T: fc.integer({ min: -100000, max: 100000 }),
  tol: fc.oneof(
    fc.record({ relative: fc.integer({ min: 0, max: 50 }) }),
    fc.record({ absoluteUnits: fc.integer({ min: 0, max: 5000 }) }),
  ),
  blue: fc.boolean(),
});
type ArbRule = typeof arbRule extends fc.Arbitrary<infer R> ? R : never;

function indicatorFor(r: ArbRule): Indicator {
  const tolerance = 'relative' in r.tol ? { relative: r.tol.relative } : { absolute: fromUnits(r.tol.absoluteUnits, r.d) };
  return byId('MC01', { polarity: r.polarity, decimals: r.d, targets: { '2023-24': fromUnits(r.T, r.d) }, tolerance, blue: r.blue, range: {} });
}
/** Exact threshold in units × 100 (so a relative tolerance stays an integer): T·100 ∓ |T|·p or A·100. */
function thresholdX100(r: ArbRule): number {
  const t100 = 'relative' in r.tol ? Math.abs(r.T) * r.tol.relative : r.tol.absoluteUnits * 100;
  return r.polarity === 'higher' ? r.T * 100 - t100 : r.T * 100 + t100;
}
const q2 = per('2023-24 Q2');
const statusOf = (ind: Indicator, actual: number): RagStatus => rag({ indicator: ind, period: q2, actual }).status;

describe('RAG properties', () => {
  it('is monotone: a better actual never gives a worse status', () => {
    const actual = fc.double({ min: -2e5, max: 2e5, noNaN: true });
    fc.assert(fc.property(arbRule, actual, actual, (r, x, y) => {
      const ind = indicatorFor(r);
      const [lo, hi] = x <= y ? [x, y] : [y, x];
      const [worse, better] = r.polarity === 'higher' ? [lo, hi] : [hi, lo];
      expect(rank(statusOf(ind, better))).toBeGreaterThanOrEqual(rank(statusOf(ind, worse)));
    }), { numRuns: 3000 });
  });

  it('is Green exactly at the target, and Amber or better exactly at the amber threshold on the grid', () => {
    fc.assert(fc.property(arbRule, (r) => {
      const ind = indicatorFor({ ...r, blue: false });
      expect(statusOf(ind, fromUnits(r.T, r.d))).toBe('Green');
      const x100 = thresholdX100(r);
      if (x100 % 100 === 0) expect(['Amber', 'Green']).toContain(statusOf(ind, fromUnits(x100 / 100, r.d)));
    }), { numRuns: 3000 });
  });

  it('one step (10^-d) beyond the last Amber value on the grid is Red', () => {
    fc.assert(fc.property(arbRule, (r) => {
      const ind = indicatorFor({ ...r, blue: false });
      const x100 = thresholdX100(r);
      // The last grid value still inside the Amber band, then one step further out.
      const edge = r.polarity === 'higher' ? Math.ceil(x100 / 100) : Math.floor(x100 / 100);
      const out = r.polarity === 'higher' ? edge - 1 : edge + 1;
      const inside = statusOf(ind, fromUnits(edge, r.d));
      expect(inside).toBe(edge === r.T ? 'Green' : 'Amber');
      expect(statusOf(ind, fromUnits(out, r.d))).toBe('Red');
    }), { numRuns: 3000 });
  });

  it('always gives one of RAG_STATUSES, for any fixture indicator, period and entry', () => {
    const ids = cat.indicators.map((i) => i.id);
    const entry = fc.oneof(fc.constant(null), fc.double(), fc.integer({ min: -10, max: 200 }));
    const period = fc.record({ y: fc.integer({ min: 2022, max: 2026 }), q: fc.integer({ min: 1, max: 4 }) });
    const statusText = fc.option(fc.constantFrom<QualitativeStatus>('On track', 'At risk', 'Off track', 'Complete'));
    fc.assert(fc.property(fc.constantFrom(...ids), entry, period, statusText, (id, actual, { y, q }, s) => {
      const p = per(`${y}-${String((y + 1) % 100).padStart(2, '0')} Q${q}`);
      const r = rag({ indicator: byId(id), period: p, defaults, actual, status: s });
      expect(RAG_STATUSES).toContain(r.status);
      expect(r.dataPeriod).toBe(`${p.year} Q${p.quarter}`);
    }), { numRuns: 2000 });
  });

  it('ragOfSuppressed agrees with rag for every value below N, and is undefined only when they disagree', () => {
    const counts = fc.record({
      polarity: fc.constantFrom<'higher' | 'lower' | 'none'>('higher', 'lower', 'none'),
      target: fc.integer({ min: 0, max: 12 }),
      tol: fc.integer({ min: 0, max: 4 }),
      below: fc.integer({ min: 1, max: 10 }),
      quarter: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(fc.property(counts, ({ polarity, target, tol, below, quarter }) => {
      const indicator = byId('MC06', { polarity, targets: { '2023-24': target }, tolerance: { absolute: tol }, dueQuarters: ['Q2', 'Q3'], suppressBelow: below });
      const period = per(`2023-24 Q${quarter}`);
      const each = Array.from({ length: below }, (_, v) => rag({ indicator, period, defaults, actual: v }).status);
      const result = ragOfSuppressed({ indicator, period, defaults }, below);
      if (result) {
        expect(each.every((s) => s === result.status)).toBe(true);
        expect(result.rounded).toBeUndefined();
        expect(result.dataPeriod).toBe(`2023-24 Q${quarter}`);
      } else {
        expect(new Set(each).size).toBeGreaterThan(1);
      }
    }), { numRuns: 2000 });
  });
});

describe('ragOfSuppressed examples (MC06, lower, target 10 ± 2)', () => {
  it.each<[string, number, number, RagStatus | undefined]>([
    ['all of 0-4 on target', 10, 5, 'Green'],
    ['0-4 straddle target 3', 3, 5, undefined],
    ['0-4 straddle target 0 ± 2 (0 Green, 4 Red)', 0, 5, undefined],
    ['a threshold of 1 (<1 can only be 0)', 0, 1, 'Green'],
  ])('%s', (_name, target, below, want) => {
    const indicator = byId('MC06', { targets: { '2023-24': target } });
    expect(ragOfSuppressed({ indicator, period: q2, defaults }, below)?.status).toBe(want);
  });

  it('is Not due outside the due quarters whatever the count', () => {
    const indicator = byId('MC06', { dueQuarters: ['Q4'] });
    expect(ragOfSuppressed({ indicator, period: q2, defaults }, 5)?.status).toBe('Not due');
  });
});
