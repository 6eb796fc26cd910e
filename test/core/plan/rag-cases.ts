import fc from 'fast-check';
import type { Catalogue, Indicator } from '../../../src/core/catalogue/schema';
import { makePeriod } from '../../../src/core/period';
import { to15 } from '../../../src/core/excel-round';
import { rag, ragOfSuppressed, ragRule } from '../../../src/core/rag';
import type { Cell } from './hf-helpers';

/** Generated indicators and actuals around their boundaries, and what core says the RAG is. */
export const period = makePeriod(2023, 2);
export const YEAR = period.year;

/** A decimal with up to 3 places, as people type them. */
export const dec = (min: number, max: number): fc.Arbitrary<number> =>
  fc.tuple(fc.integer({ min: min * 1000, max: max * 1000 }), fc.integer({ min: 0, max: 3 }))
    .map(([n, d]) => Number((n / 1000).toFixed(d)));

export const quantitative: fc.Arbitrary<Indicator> = fc
  .record({
    polarity: fc.constantFrom('higher', 'lower', 'range', 'none'),
    target: dec(-50, 5000),
    width: dec(0, 40),
    tolerance: fc.oneof(dec(0, 20).map((relative) => ({ relative })), dec(0, 10).map((absolute) => ({ absolute }))),
    floorGap: fc.option(dec(0, 30), { nil: undefined }),
    blue: fc.boolean(),
    decimals: fc.integer({ min: 0, max: 3 }),
    suppressBelow: fc.constantFrom(null, null, 5, 3),
    noTarget: fc.boolean().map((b) => b && Math.random() < 0.1),
  })
  .map((g): Indicator => {
    const target = g.noTarget ? null : g.polarity === 'range' ? { min: g.target, max: Number((g.target + g.width).toFixed(3)) } : g.target;
    const floor = g.floorGap === undefined || g.polarity === 'range' || g.polarity === 'none' ? undefined
      : { [YEAR]: Number((g.polarity === 'higher' ? g.target - g.floorGap : g.target + g.floorGap).toFixed(3)) };
    return {
      id: 'X', title: 'Generated', priority: 'P1', directorate: 'D', service: 'S', kind: 'quantitative', unit: 'number',
      decimals: g.decimals, polarity: g.polarity, frequency: 'quarterly', dueQuarters: ['Q1', 'Q2', 'Q3', 'Q4'],
      targets: { [YEAR]: target }, tolerance: g.tolerance, blue: g.blue, suppressBelow: g.suppressBelow,
      ...(floor ? { floor } : {}),
    };
  });

/** The numbers a rule turns on, so actuals land on and around its boundaries. */
function thresholds(ind: Indicator): number[] {
  const r = ragRule(ind, YEAR);
  switch (r.kind) {
    case 'tracking': return [0, 42];
    case 'higher': return [r.target, r.amberFrom, ...(r.blueAbove === undefined ? [] : [r.blueAbove])];
    case 'lower': return [r.target, r.amberTo, ...(r.blueBelow === undefined ? [] : [r.blueBelow])];
    case 'range': return [r.band.min, r.band.max, r.amberFrom, r.amberTo];
  }
}

export type Entry = { kind: 'number'; value: number } | { kind: 'text'; value: string } | { kind: 'blank' };

export function actualFor(ind: Indicator): fc.Arbitrary<Entry> {
  const d = ind.decimals ?? 0;
  const step = 10 ** -d;
  // Taken to 15 significant digits, as Excel holds any number typed in a cell: a nudge of 5e-10
  // steps still lands next to a boundary, in the 15th digit. (Beyond 15 digits the sheet's double
  // arithmetic can round the other way: see the example in rag-formula.test.ts.)
  const near = fc.tuple(fc.constantFrom(...thresholds(ind)), fc.constantFrom(0, 0.5, -0.5, 0.49999, -0.49999, 1, -1, 0.25, 5e-10, -5e-10))
    .map(([t, k]) => to15(t + k * step));
  // x.xx5 written as a decimal: the half-way case binary floats get wrong.
  const half = fc.tuple(fc.constantFrom(...thresholds(ind)), fc.constantFrom(1, -1))
    .map(([t, s]) => Number((t + s * step / 2).toFixed(d + 1)));
  const ratio = fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 500 })).map(([a, b]) => (a / b) * 100);
  const number = fc.oneof(near, near, half, ratio, dec(-100, 6000)).map((value): Entry => ({ kind: 'number', value }));
  const text = fc.constantFrom('<5', '<3', ' < 5 ', 'n/a', 'abc', '  ', '12,5').map((value): Entry => ({ kind: 'text', value }));
  const numericText = near.map((v): Entry => ({ kind: 'text', value: ` ${String(v)} ` }));
  return fc.oneof({ weight: 8, arbitrary: number }, { weight: 2, arbitrary: text }, { weight: 1, arbitrary: numericText },
    { weight: 1, arbitrary: fc.constant<Entry>({ kind: 'blank' }) });
}

/** What core says, including the sheet-only answers for text: `Check` and `Error`. */
export function expected(ind: Indicator, e: Entry): string {
  if (e.kind === 'blank') return 'Missing';
  if (e.kind === 'number') return rag({ indicator: ind, period, actual: e.value }).status;
  const t = e.value.trim();
  if (t === '') return 'Missing';
  if (t.startsWith('<')) {
    const sb = ind.suppressBelow ?? null;
    if (sb === null) return 'Error';
    return t.replace(/ /g, '') === `<${sb}` ? (ragOfSuppressed({ indicator: ind, period }, sb)?.status ?? 'Check') : 'Check';
  }
  return /^-?\d+(\.\d+)?(e-?\d+)?$/.test(t) ? rag({ indicator: ind, period, actual: Number(t) }).status : 'Error';
}

export function catalogueOf(indicators: Indicator[]): Catalogue {
  return {
    schemaVersion: 1, organisation: 'Test', plan: 'Plan', version: '1', financialYears: [YEAR],
    priorities: [{ id: 'P1', title: 'One' }], indicators: indicators.map((ind, i) => ({ ...ind, id: `X${i}` })),
  };
}

export const entryCell = (e: Entry): Cell => (e.kind === 'blank' ? null : e.value);

export const rowCases = (min: number, max: number): fc.Arbitrary<[Indicator, Entry][]> =>
  fc.array(quantitative.chain((ind) => fc.tuple(fc.constant(ind), actualFor(ind))), { minLength: min, maxLength: max });
