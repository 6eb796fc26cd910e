import fc from 'fast-check';
import { defaultCatalogue } from '../../../src/catalogue';
import { effectiveCatalogue, indicatorState } from '../../../src/core/catalogue/effective';
import { findIndicator } from '../../../src/core/catalogue/parse';
import type { Catalogue, CatalogueChange, Indicator } from '../../../src/core/catalogue/schema';
import { formatPeriod, makePeriod, parsePeriod, type Period } from '../../../src/core/period';
import { miniCatalogue } from '../fixtures/mini-catalogue';

const P = (s: string): Period => parsePeriod(s) as Period;
const log = (c: Partial<CatalogueChange> & Pick<CatalogueChange, 'date' | 'change'>): CatalogueChange => ({ indicator: 'MC01', reason: 'r', authority: 'a', ...c });
const withChanges = (changes: CatalogueChange[], edit: (i: Indicator) => Indicator = (i) => i): Catalogue => {
  const c = miniCatalogue();
  return { ...c, indicators: c.indicators.map((i) => (i.id === 'MC01' ? edit(i) : i)), changes };
};
const mc01 = (c: Catalogue, period: string): Indicator | undefined => findIndicator(effectiveCatalogue(c, P(period)), 'MC01');

describe('effectiveCatalogue: targets as they applied', () => {
  // MC01's 2024-25 target went 80 → 82 on 1 May 2024 (Q1), then 82 → 85 on 1 November 2024 (Q3).
  const cat = withChanges([
    log({ date: '2024-05-01', change: 'target', year: '2024-25', from: 80, to: 82 }),
    log({ date: '2024-11-01', change: 'target', year: '2024-25', from: 82, to: 85 }),
  ], (i) => ({ ...i, targets: { ...i.targets, '2024-25': 85 } }));

  it.each([
    ['2023-24 Q4', 80], ['2024-25 Q1', 82], ['2024-25 Q2', 82], ['2024-25 Q3', 85], ['2025-26 Q1', 85],
  ])('in %s the 2024-25 target is %d', (period, want) => {
    expect(mc01(cat, period)?.targets?.['2024-25']).toBe(want);
  });

  it('a change dated the last day of a quarter applies to that quarter', () => {
    const c = withChanges([log({ date: '2024-09-30', change: 'target', year: '2024-25', from: 80, to: 82 })], (i) => ({ ...i, targets: { ...i.targets, '2024-25': 82 } }));
    expect(mc01(c, '2024-25 Q2')?.targets?.['2024-25']).toBe(82);
    expect(mc01(c, '2024-25 Q1')?.targets?.['2024-25']).toBe(80);
  });

  it('a target change without a year is for the financial year of its date', () => {
    const c = withChanges([log({ date: '2024-11-01', change: 'target', from: 80, to: 83 })], (i) => ({ ...i, targets: { ...i.targets, '2024-25': 83 } }));
    expect(mc01(c, '2024-25 Q2')?.targets).toMatchObject({ '2024-25': 80, '2025-26': 85 });
  });

  it.each<[string, CatalogueChange, (i: Indicator) => unknown, unknown]>([
    ['tolerance', log({ date: '2025-01-01', change: 'tolerance', from: { absolute: 2 }, to: { relative: 5 } }), (i) => i.tolerance, { absolute: 2 }],
    ['polarity', log({ date: '2025-01-01', change: 'polarity', from: 'none', to: 'higher' }), (i) => i.polarity, 'none'],
    ['title', log({ date: '2025-01-01', change: 'title', from: 'Calls answered', to: 'x' }), (i) => i.title, 'Calls answered'],
    ['definition', log({ date: '2025-01-01', change: 'definition', from: 'Old words', to: 'x' }), (i) => i.definition, 'Old words'],
    ['a floor that did not exist', log({ date: '2025-01-01', change: 'floor', year: '2024-25', from: null, to: 75 }), (i) => i.floor?.['2024-25'], undefined],
    ['a floor that was different', log({ date: '2025-01-01', change: 'floor', year: '2024-25', from: 70, to: 75 }), (i) => i.floor?.['2024-25'], 70],
    ['a target with no from: kept', log({ date: '2025-01-01', change: 'target', year: '2024-25', to: 82 }), (i) => i.targets?.['2024-25'], 82],
    ['a target whose from is not a target: kept', log({ date: '2025-01-01', change: 'target', year: '2024-25', from: 'eighty', to: 82 }), (i) => i.targets?.['2024-25'], 82],
    ['a target that did not exist', log({ date: '2025-01-01', change: 'target', year: '2024-25', from: null, to: 82 }), (i) => i.targets?.['2024-25'], null],
  ])('undoes a later %s change', (_label, change, read, want) => {
    const c = withChanges([change], (i) => ({ ...i, floor: { '2024-25': 75 } }));
    expect(read(mc01(c, '2024-25 Q3') as Indicator)).toEqual(want);
  });

  it('keeps only the changes made by the period end, and never changes its input', () => {
    const before = JSON.stringify(cat);
    expect(effectiveCatalogue(cat, P('2024-25 Q2')).changes?.map((c) => c.date)).toEqual(['2024-05-01']);
    expect(JSON.stringify(cat)).toBe(before);
  });
});

describe('indicatorState and which indicators are due', () => {
  it.each<[string, CatalogueChange[], Record<string, unknown>, [string, string][]]>([
    ['added on 1 August 2024', [log({ date: '2024-08-01', change: 'added' })], {},
      [['2024-25 Q1', 'not-yet-added'], ['2024-25 Q2', 'active'], ['2025-26 Q1', 'active']]],
    ['removed on 10 February 2025', [log({ date: '2025-02-10', change: 'removed' })], {},
      [['2024-25 Q3', 'active'], ['2024-25 Q4', 'removed'], ['2025-26 Q2', 'removed']]],
    ['removed, then brought back', [log({ date: '2024-05-01', change: 'removed' }), log({ date: '2025-05-01', change: 'added' })], {},
      [['2023-24 Q4', 'active'], ['2024-25 Q2', 'removed'], ['2025-26 Q1', 'active']]],
    ['addedIn 2023-24 Q3', [], { addedIn: '2023-24 Q3' }, [['2023-24 Q2', 'not-yet-added'], ['2023-24 Q3', 'active']]],
    ['removedIn 2025-26 Q1', [], { removedIn: '2025-26 Q1' }, [['2024-25 Q4', 'active'], ['2025-26 Q1', 'removed']]],
  ])('%s', (_label, changes, fields, states) => {
    const c = withChanges(changes, (i) => ({ ...i, ...fields }));
    const ind = findIndicator(c, 'MC01') as Indicator;
    for (const [period, state] of states) {
      expect([period, indicatorState(c, ind, P(period))]).toEqual([period, state]);
      expect(findIndicator(effectiveCatalogue(c, P(period)), 'MC01') !== undefined).toBe(state === 'active');
    }
  });

  it('the embedded default: CS05 (added 2023-24 Q3) is left out before it', () => {
    const cat = defaultCatalogue();
    expect(findIndicator(effectiveCatalogue(cat, P('2023-24 Q2')), 'CS05')).toBeUndefined();
    expect(findIndicator(effectiveCatalogue(cat, P('2023-24 Q3')), 'CS05')).toBeDefined();
  });
});

describe('profiled targets', () => {
  it('puts a cumulative measure\'s quarter step in targets[year] and scales its floor', () => {
    const c = withChanges([], (i) => ({ ...i, aggregation: 'cumulative', floor: { '2024-25': 70 }, targets: { ...i.targets, '2024-25': 80 }, targetProfile: { '2024-25': { Q1: 20, Q2: 40, Q3: 60, Q4: 80 } } }));
    expect(mc01(c, '2024-25 Q2')).toMatchObject({ targets: { '2024-25': 40 }, floor: { '2024-25': 35 } });
    expect(mc01(c, '2024-25 Q4')).toMatchObject({ targets: { '2024-25': 80 }, floor: { '2024-25': 70 } });
    expect(findIndicator(effectiveCatalogue(c, P('2024-25 Q2'), { profiledTargets: false }), 'MC01')?.targets?.['2024-25']).toBe(80);
  });
});

describe('effectiveCatalogue properties', () => {
  const cat = defaultCatalogue();
  const periodArb = fc.tuple(fc.integer({ min: 2023, max: 2026 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => makePeriod(y, q));

  it('after the last change, with profiles off, every indicator is the catalogue\'s own', () => {
    fc.assert(fc.property(periodArb, (p) => {
      fc.pre(formatPeriod(p) >= '2023-24 Q4');
      expect(effectiveCatalogue(cat, p, { profiledTargets: false }).indicators).toEqual(cat.indicators.filter((i) => indicatorState(cat, i, p) === 'active'));
    }));
  });
});
