import fc from 'fast-check';
import type { Catalogue, Indicator, QualitativeStatus } from '../../src/core/catalogue/schema';
import { makePeriod } from '../../src/core/period';
import { QUALITATIVE_RAG, rag, ragOfSuppressed, ragRule } from '../../src/core/rag';
import { ragFormula, ragRuleCells } from '../../src/core/plan/rag-formula';
import { TEMPLATE_COLUMN, TEMPLATE_FORMULA_COLUMNS, TEMPLATE_HEADER_ROW, templatePlan } from '../../src/core/plan/template';
import { evaluate, planToArray, type Cell } from './hf-helpers';

const period = makePeriod(2023, 2);
const YEAR = period.year;

/** A decimal with up to 3 places, as people type them. */
const dec = (min: number, max: number): fc.Arbitrary<number> =>
  fc.tuple(fc.integer({ min: min * 1000, max: max * 1000 }), fc.integer({ min: 0, max: 3 }))
    .map(([n, d]) => Number((n / 1000).toFixed(d)));

const quantitative: fc.Arbitrary<Indicator> = fc
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

type Entry = { kind: 'number'; value: number } | { kind: 'text'; value: string } | { kind: 'blank' };

function actualFor(ind: Indicator): fc.Arbitrary<Entry> {
  const d = ind.decimals ?? 0;
  const step = 10 ** -d;
  const near = fc.tuple(fc.constantFrom(...thresholds(ind)), fc.constantFrom(0, 0.5, -0.5, 0.49999, -0.49999, 1, -1, 0.25, 5e-10, -5e-10))
    .map(([t, k]) => t + k * step);
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
function expected(ind: Indicator, e: Entry): string {
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

function catalogueOf(indicators: Indicator[]): Catalogue {
  return {
    schemaVersion: 1, organisation: 'Test', plan: 'Plan', version: '1', financialYears: [YEAR],
    priorities: [{ id: 'P1', title: 'One' }], indicators: indicators.map((ind, i) => ({ ...ind, id: `X${i}` })),
  };
}

/** Build the template for these indicators, type the entries, and read the RAG column. */
function sheetRags(indicators: Indicator[], entries: Cell[], entryCol: number, smartRounding = false): unknown[] {
  const plan = templatePlan(catalogueOf(indicators), period, {});
  const first = TEMPLATE_HEADER_ROW + 1;
  const overrides = new Map<string, Cell>(entries.map((v, i) => [`${first + i},${entryCol}`, v]));
  const get = evaluate(planToArray(plan, overrides), smartRounding);
  return indicators.map((_, i) => get(first + i, TEMPLATE_COLUMN.rag));
}

const cell = (e: Entry): Cell => (e.kind === 'blank' ? null : e.value);
const cases = fc.array(quantitative.chain((ind) => fc.tuple(fc.constant(ind), actualFor(ind))), { minLength: 1, maxLength: 60 });

describe('live RAG formula against rag()', () => {
  it.each([false, true])('agrees on thousands of quantitative rows (HyperFormula smartRounding %p)', (smart) => {
    fc.assert(
      fc.property(cases, (rows) => {
        const got = sheetRags(rows.map(([ind]) => ind), rows.map(([, e]) => cell(e)), TEMPLATE_COLUMN.actual, smart);
        rows.forEach(([ind, e], i) => expect({ rule: ragRule(ind, YEAR), e, got: got[i] }).toEqual({ rule: ragRule(ind, YEAR), e, got: expected(ind, e) }));
      }),
      { numRuns: smart ? 25 : 100 },
    );
  });

  it('agrees on qualitative statuses, blanks and unknown text', () => {
    const statuses = ['On track', 'At risk', 'Off track', 'Complete', ' At risk ', null, '  ', 'Unknown'] as const;
    const ind: Indicator = { id: 'Q', title: 'Q', priority: 'P1', directorate: 'D', service: 'S', kind: 'qualitative',
      frequency: 'quarterly', dueQuarters: ['Q2'] };
    const got = sheetRags(statuses.map(() => ind), [...statuses], TEMPLATE_COLUMN.status);
    const want = statuses.map((s) => {
      const t = s?.trim();
      if (!t) return rag({ indicator: ind, period, status: null }).status;
      return t in QUALITATIVE_RAG ? rag({ indicator: ind, period, status: t as QualitativeStatus }).status : 'Error';
    });
    expect(got).toEqual(want);
    expect(want).toEqual(['Green', 'Amber', 'Red', 'Complete', 'Amber', 'Missing', 'Missing', 'Error']);
  });

  it('shows Not due before anything else, as rag() does', () => {
    const ind: Indicator = { id: 'A', title: 'Annual', priority: 'P1', directorate: 'D', service: 'S', kind: 'quantitative',
      unit: 'number', decimals: 0, polarity: 'higher', frequency: 'annual', dueQuarters: ['Q4'], targets: { [YEAR]: 10 } };
    const c = ragRuleCells(ind, period);
    const cols = TEMPLATE_FORMULA_COLUMNS;
    const line: Cell[] = [];
    const set = (col: number, v: Cell): void => { while (line.length < col) line.push(null); line[col - 1] = v; };
    set(cols.kind, c.kind); set(cols.due, c.due); set(cols.target, c.target);
    set(cols.actual, 12); set(TEMPLATE_COLUMN.rag, `=${ragFormula(1, cols)}`);
    expect(evaluate([line])(1, TEMPLATE_COLUMN.rag)).toBe(rag({ indicator: ind, period, actual: 12 }).status);
    expect(rag({ indicator: ind, period, actual: 12 }).status).toBe('Not due');
  });
});
