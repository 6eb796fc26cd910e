import { defaultCatalogue } from '../../../src/catalogue';
import { parseCatalogue } from '../../../src/core/catalogue/parse';
import type { Indicator, Unit } from '../../../src/core/catalogue/schema';
import type { ConsolidatedRow } from '../../../src/core/consolidate-types';
import { addPeriod } from '../../../src/core/history/add';
import { aggregate, profiledTarget, rollingMethod } from '../../../src/core/history/aggregate';
import { emptyHistory } from '../../../src/core/history/parse';
import type { History } from '../../../src/core/history/schema';
import { formatPeriod, makePeriod } from '../../../src/core/period';
import { emptyCounts } from '../../../src/core/return/counts';

const base: Indicator = {
  id: 'X1', title: 'X', priority: 'P1', directorate: 'D', service: 'S', kind: 'quantitative', unit: 'percent', decimals: 1,
  polarity: 'higher', frequency: 'quarterly', dueQuarters: ['Q1', 'Q2', 'Q3', 'Q4'], targets: { '2024-25': 80, '2025-26': 82 },
};
const ind = (extra: Partial<Indicator> & Record<string, unknown> = {}): Indicator => ({ ...base, ...extra });

type Q = { actual: number | string | null; numerator?: number; denominator?: number };

/** History with 2024-25 Q1…Q3 holding the given values for X1. */
function historyOf(values: readonly Q[]): History {
  return values.reduce((h, v, k) => {
    const row: ConsolidatedRow = { ref: 'X1', status: 'Green', direction: '', file: 'f', sheet: 'Return', ...v };
    const period = formatPeriod(makePeriod(2024, k + 1));
    return addPeriod(h, { period, rows: [row], conflicts: [], missing: [], files: [], issues: [], findings: [], counts: emptyCounts() }, { closedAt: '2025-01-01', catalogueVersion: 'v' }).history;
  }, emptyHistory('T'));
}
const Q4 = makePeriod(2024, 4);

describe('rollingMethod', () => {
  it.each<[Unit, string]>([['percent', 'mean'], ['rate', 'mean'], ['score', 'mean'], ['number', 'sum'], ['currency', 'sum'], ['days', 'sum']])(
    '%s → %s', (unit, method) => expect(rollingMethod(ind({ unit }))).toBe(method));

  it('an indicator may choose for itself', () => {
    expect(rollingMethod(ind({ unit: 'days', rollingMethod: 'mean' }))).toBe('mean');
    expect(rollingMethod(ind({ unit: 'percent', rollingMethod: 'sum' }))).toBe('sum');
  });

  it('the catalogue refuses a method or a reporting basis it does not know, naming the path', () => {
    const cat = defaultCatalogue();
    const withField = (field: string, value: string): unknown => ({ ...cat, indicators: cat.indicators.map((i, k) => (k === 0 ? { ...i, [field]: value } : i)) });
    for (const [field, value] of [['rollingMethod', 'median'], ['reportedAs', 'yearly']] as const) {
      const r = parseCatalogue(withField(field, value));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.map((e) => e.path)).toContain(`indicators[0].${field}`);
    }
    expect(parseCatalogue(withField('reportedAs', 'aggregate')).ok).toBe(true);
  });
});

describe('the embedded catalogue', () => {
  it('takes HR01, already a 12-month figure, as given (summing four of them would quadruple it)', () => {
    const hr01 = defaultCatalogue().indicators.find((i) => i.id === 'HR01');
    expect(hr01?.aggregation).toBe('rolling12');
    expect(hr01?.definition).toMatch(/12 months to the quarter end/);
    expect(hr01 && aggregate(hr01, historyOf([{ actual: 8.1 }, { actual: 8.3 }, { actual: 8.0 }]), Q4, 7.9).value).toBe(7.9);
  });
});

describe('profiledTarget', () => {
  const profile = { '2024-25': { Q1: 20, Q2: 40, Q3: 60, Q4: 80 } };
  it.each([
    ['cumulative with a profile, Q2', ind({ aggregation: 'cumulative', targetProfile: profile }), 2024, 2, 40],
    ['cumulative with a profile, Q4 (the annual target)', ind({ aggregation: 'cumulative', targetProfile: profile }), 2024, 4, 80],
    ['cumulative without a profile for that year', ind({ aggregation: 'cumulative', targetProfile: profile }), 2025, 1, 82],
    ['cumulative without any profile', ind({ aggregation: 'cumulative' }), 2024, 1, 80],
    ['a snapshot measure ignores a profile', ind({ targetProfile: profile }), 2024, 1, 80],
    ['no target that year', ind({ aggregation: 'cumulative' }), 2023, 1, null],
  ])('%s', (_label, i, year, q, want) => expect(profiledTarget(i, makePeriod(year, q))).toBe(want));
});

describe('aggregate', () => {
  it.each<[string, Indicator, Q[], number | string | null, number | null, string | undefined]>([
    ['percent: mean of four quarters', ind({ aggregation: 'rolling12' }), [{ actual: 80 }, { actual: 82 }, { actual: 84 }], 86, 83, 'mean'],
    ['percent with parts in three quarters only: plain mean', ind({ aggregation: 'rolling12' }),
      [{ actual: 80, numerator: 8, denominator: 10 }, { actual: 90, numerator: 9, denominator: 10 }, { actual: 50, numerator: 1, denominator: 2 }], 50, 67.5, 'mean'],
    ['count: sum', ind({ aggregation: 'rolling12', unit: 'number' }), [{ actual: 3 }, { actual: 4 }, { actual: 5 }], 6, 18, 'sum'],
    ['days: sum without binary crumbs', ind({ aggregation: 'rolling12', unit: 'days' }), [{ actual: 0.1 }, { actual: 0.2 }, { actual: 0.3 }], 0.4, 1, 'sum'],
    ['a suppressed quarter: no figure', ind({ aggregation: 'rolling12', unit: 'number' }), [{ actual: 3 }, { actual: '<5' }, { actual: 5 }], 6, null, undefined],
    ['a blank quarter: no figure', ind({ aggregation: 'rolling12' }), [{ actual: 3 }, { actual: null }, { actual: 5 }], 6, null, undefined],
    ['this quarter blank: no figure', ind({ aggregation: 'rolling12' }), [{ actual: 3 }, { actual: 4 }, { actual: 5 }], null, null, undefined],
    ['reported as the 12-month figure: as given', ind({ aggregation: 'rolling12', unit: 'days', reportedAs: 'aggregate' }), [{ actual: 8 }, { actual: 8 }, { actual: 8 }], 8.2, 8.2, undefined],
    ['snapshot: as given', ind(), [{ actual: 1 }], 81, 81, undefined],
    ['cumulative: the year to date as given', ind({ aggregation: 'cumulative' }), [{ actual: 20 }], 79, 79, undefined],
  ])('%s', (_label, i, quarters, current, value, method) => {
    const a = aggregate(i, historyOf(quarters), Q4, current);
    expect(a.value).toBe(value);
    expect(a.method).toBe(method);
    expect(a.target).toBe(80);
  });

  it('names the quarters a rolling figure rests on and those it lacks', () => {
    const a = aggregate(ind({ aggregation: 'rolling12' }), historyOf([{ actual: 80 }, { actual: '<5' }]), makePeriod(2024, 3), 81);
    expect(a.periods).toEqual(['2023-24 Q4', '2024-25 Q1', '2024-25 Q2', '2024-25 Q3']);
    expect(a.missingPeriods).toEqual(['2023-24 Q4', '2024-25 Q2']);
  });

  it('uses this quarter\'s numerator and denominator when given', () => {
    const h = historyOf([{ actual: 80, numerator: 8, denominator: 10 }, { actual: 80, numerator: 8, denominator: 10 }, { actual: 80, numerator: 8, denominator: 10 }]);
    expect(aggregate(ind({ aggregation: 'rolling12' }), h, Q4, 100, { numerator: 10, denominator: 10 })).toMatchObject({ value: 85, method: 'pooled' });
    expect(aggregate(ind({ aggregation: 'rolling12' }), h, Q4, 100)).toMatchObject({ value: 85, method: 'mean' });
  });
});
