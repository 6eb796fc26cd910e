import fc from 'fast-check';
import { rect } from '../../src/core/address';
import { defaultCatalogue } from '../../src/catalogue';
import { findIndicator } from '../../src/core/catalogue/parse';
import { makePeriod } from '../../src/core/period';
import { templatePlan } from '../../src/core/plan/template';
import type { PlanValue, SheetPlan } from '../../src/core/plan/types';
import { compareWithRule, ragRule } from '../../src/core/rag';
import { HEADER } from '../../src/core/return/layout';
import { fillReturnPlan } from '../../src/core/sample/fill';
import { effectiveCatalogue } from '../../src/core/catalogue/effective';
import { sampleReturns, seededRandom } from '../../src/core/sample/returns';
import { isDue } from '../../src/core/catalogue/accessors';

const catalogue = defaultCatalogue();
const period = makePeriod(2024, 2);

function cellsOf(plan: SheetPlan): Map<string, PlanValue> {
  const m = new Map<string, PlanValue>();
  for (const b of plan.cells) b.values.forEach((r, i) => r.forEach((v, j) => m.set(`${b.row + i},${b.col + j}`, v)));
  return m;
}

describe('sampleReturns', () => {
  const samples = sampleReturns(catalogue, period);

  it('is deterministic for a seed and differs for another', () => {
    expect(sampleReturns(catalogue, period)).toEqual(samples);
    expect(sampleReturns(catalogue, period, { seed: 7 })).not.toEqual(samples);
  });

  it('gives one return per service with indicators due, entries only for due refs (bar the planted conflict)', () => {
    const services = new Set(catalogue.indicators.filter((i) => isDue(i, period)).map((i) => i.service));
    expect(samples.map((s) => s.service).sort()).toEqual([...services].sort());
    const last = samples[samples.length - 1];
    for (const s of samples) {
      for (const e of s.entries) {
        const ind = findIndicator(catalogue, e.ref);
        expect(ind && isDue(ind, period)).toBe(true);
        if (s !== last) expect(ind?.service).toBe(s.service);
      }
    }
  });

  it('keeps quantitative values inside the valid range, with Red and Amber carrying commentary unless planted', () => {
    for (const s of samples) {
      for (const e of s.entries) {
        // Rated as validation will: the period's targets (a year-to-date measure's profile step).
        const ind = findIndicator(effectiveCatalogue(catalogue, period), e.ref);
        if (!ind || typeof e.actual !== 'number') continue;
        if (ind.range?.min !== undefined) expect(e.actual).toBeGreaterThanOrEqual(ind.range.min);
        if (ind.range?.max !== undefined) expect(e.actual).toBeLessThanOrEqual(ind.range.max);
        const status = compareWithRule(ragRule(ind, period.year, catalogue.defaults), e.actual);
        const plantedGap = s.planted.some((p) => p.startsWith(`${e.ref} is Red with an action but no commentary`));
        if ((status === 'Red' || status === 'Amber') && !plantedGap) {
          expect(e.commentary).toBeTruthy();
          expect(e.action).toBeTruthy();
        }
      }
    }
  });

  it('plants each fault a newcomer should see', () => {
    const all = samples.flatMap((s) => s.planted).join('\n');
    expect(all).toMatch(/Red, with commentary and an action/);
    expect(all).toMatch(/Red with an action but no commentary/);
    expect(all).toMatch(/left blank/);
    expect(all).toMatch(/below 5: the Cabinet sheet shows <5/);
    expect(all).toMatch(/a conflict/);
    expect(samples.some((s) => s.signOff)).toBe(true);
    expect(samples.some((s) => !s.signOff)).toBe(true);
    expect(samples[0]?.entries.some((e) => typeof e.commentary === 'string' && e.commentary.startsWith('-'))).toBe(true);
  });

  it('seededRandom stays in [0, 1)', () => {
    fc.assert(fc.property(fc.integer(), (seed) => {
      const r = seededRandom(seed);
      for (let i = 0; i < 20; i++) {
        const x = r();
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThan(1);
      }
    }));
  });
});

describe('fillReturnPlan', () => {
  const plan = templatePlan(catalogue, period, { service: 'Customer Services' });
  const cells = cellsOf(plan);
  const headerRow = Number([...cells].find(([, v]) => v === HEADER.ref)?.[0].split(',')[0]);
  const colOf = (name: string): number => Number([...cells].find(([k, v]) => v === name && k.startsWith(`${headerRow},`))?.[0].split(',')[1]);
  const rowOf = (ref: string): number => Number([...cells].find(([k, v]) => v === ref && k.endsWith(`,${colOf(HEADER.ref)}`))?.[0].split(',')[0]);

  it('types values under the named columns of the ref row, and labels beside their label', () => {
    const filled = cellsOf(fillReturnPlan(plan, [
      { ref: 'CS01', actual: 81.5, commentary: '=SUM(A1)', action: 'Keep going' },
      { ref: 'CS04', status: 'At risk' },
    ], { 'Prepared by': 'Priya Shah' }));
    expect(filled.get(`${rowOf('CS01')},${colOf(HEADER.actual)}`)).toBe(81.5);
    expect(filled.get(`${rowOf('CS01')},${colOf(HEADER.commentary)}`)).toBe('=SUM(A1)');
    expect(filled.get(`${rowOf('CS04')},${colOf(HEADER.status)}`)).toBe('At risk');
    const label = [...filled].find(([, v]) => v === 'Prepared by')?.[0].split(',').map(Number) ?? [];
    expect(filled.get(`${label[0]},${(label[1] ?? 0) + 1}`)).toBe('Priya Shah');
  });

  it('adds a row for a ref the sheet lacks, and leaves the plan it was given alone', () => {
    const before = JSON.stringify(plan);
    const filled = cellsOf(fillReturnPlan(plan, [{ ref: 'CS01', actual: 77, commentary: 'typed' }, { ref: 'HSG01', actual: 1200, title: 'Households in TA' }], { 'Prepared by': 'A Lead' }));
    expect(JSON.stringify(plan)).toBe(before);
    expect(filled.get(`${rowOf('CS01')},${colOf(HEADER.actual)}`)).toBe(77);
    const added = [...filled].find(([, v]) => v === 'HSG01');
    expect(added).toBeDefined();
    const row = Number(added?.[0].split(',')[0]);
    expect(row).toBeGreaterThan(Math.max(...['CS01', 'CS02', 'CS03', 'CS04'].map(rowOf)));
    expect(filled.get(`${row},${colOf(HEADER.actual)}`)).toBe(1200);
  });

  it('writes a fraction into a percentage-formatted cell, so it reads back as the same percent', () => {
    const sheet: SheetPlan = { name: 'Return', cells: [{ row: 1, col: 1, values: [['Actual', 'Ref'], [null, 'X1']] }], styles: [{ range: rect(2, 1, 9, 1), style: { numFmt: '0.0%' } }], columns: [], validations: [], conditionalFormats: [] };
    expect(cellsOf(fillReturnPlan(sheet, [{ ref: 'x1', actual: 80 }])).get('2,1')).toBeCloseTo(0.8);
  });
});
