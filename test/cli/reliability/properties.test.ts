import fc from 'fast-check';
import { readWorkbookGrids } from '../../../src/adapters/exceljs/read';
import { renderWorkbook } from '../../../src/adapters/exceljs/render';
import { consolidate } from '../../../src/core/consolidate';
import type { Consolidation } from '../../../src/core/consolidate-types';
import type { CellValue, Grid } from '../../../src/core/grid';
import { makePeriod } from '../../../src/core/period';
import { validateGrid } from '../../../src/core/return/find';
import type { PlanValue } from '../../../src/core/plan/types';
import { deepFreeze, DEFAULT_HEADER, returnGrid, testCatalogue } from '../../core/return/helpers';

/**
 * Properties over random grids: the ExcelJS round trip keeps every value, and consolidation never
 * throws, never changes its inputs and does not care where the columns are.
 */
const catalogue = deepFreeze(testCatalogue());
const period = makePeriod(2023, 2);

const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }),
  fc.constantFrom('=1+2', '+A1', '-3', '@SUM(1)', '<5', 'n/a', 'تحسن', 'שיפור', '👩🏽‍⚕️', ' padded ', 'two\nlines'),
);
const number = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ min: -1e9, max: 1e9, noNaN: true }).filter((x) => !Object.is(x, -0)));
const planValue: fc.Arbitrary<PlanValue> = fc.oneof({ weight: 3, arbitrary: number }, { weight: 3, arbitrary: text }, fc.boolean(), { weight: 2, arbitrary: fc.constant(null) });

/** The grid the reader should give back: trimmed to the last row and column holding a value. */
function trimmed(values: readonly (readonly PlanValue[])[]): CellValue[][] {
  const rows = values.reduce((m, r, i) => (r.some((v) => v !== null) ? i + 1 : m), 0);
  const cols = values.reduce((m, r) => Math.max(m, r.reduce<number>((k, v, j) => (v !== null ? j + 1 : k), 0)), 0);
  return values.slice(0, rows).map((r) => Array.from({ length: cols }, (_, j) => (r[j] ?? null) as CellValue));
}

describe('ExcelJS reader round trip', () => {
  it('render a random grid, read it back: the same values', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.array(planValue, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 12 }), async (values) => {
      const bytes = await renderWorkbook({
        sheets: [{ name: 'Return', cells: [{ row: 1, col: 1, values }], styles: [], columns: [], validations: [], conditionalFormats: [] }],
        properties: { custom: {} },
      });
      const [sheet] = (await readWorkbookGrids(bytes)).sheets;
      expect(sheet?.values).toEqual(trimmed(values));
    }), { numRuns: 40 });
  }, 60_000);
});

const refs = catalogue.indicators.map((i) => i.id);
const entryValue: fc.Arbitrary<CellValue> = fc.oneof(fc.integer({ min: 0, max: 120 }), fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom('<5', 'about 9', '=1+2', '', null), fc.constant({ error: '#N/A' }));
const entry = fc.record({
  Ref: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...refs) }, fc.constantFrom('ZZ9', 'cs01', ' CS02 ')),
  Actual: entryValue,
  Status: fc.constantFrom(null, 'On track', 'at risk', 'Complete', 'nonsense'),
  Numerator: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 500 })),
  Denominator: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 500 })),
  Commentary: fc.oneof(fc.constant(null), text),
  Action: fc.oneof(fc.constant(null), text),
});
const aReturn = fc.record({ service: fc.constantFrom('Customer Services', 'Children'), rows: fc.array(entry, { maxLength: 10 }) });

function run(returns: readonly { service: string; rows: Record<string, CellValue>[] }[], header: string[]): Consolidation {
  const grids: Grid[] = returns.map((r) => returnGrid({ period: '2023-24 Q2', service: r.service, header, rows: r.rows }));
  deepFreeze(grids);
  const inputs = deepFreeze(grids.map((g, i) => ({ file: `r${i}.xlsx`, validation: validateGrid(catalogue, g, { period }) })));
  return consolidate(catalogue, period, inputs);
}

/** What must not depend on column positions: everything but cell addresses. */
function positionFree(c: Consolidation) {
  return {
    rows: c.rows.map((r) => [r.ref, r.file, r.actual, r.status, r.commentary ?? null, r.action ?? null]),
    conflicts: c.conflicts.map((k) => [k.ref, k.values.map((v) => [v.file, v.actual, v.status])]),
    missing: c.missing,
    counts: c.counts,
    issues: c.issues.map((i) => `${i.severity} ${i.code} ${i.ref ?? ''} ${i.file ?? ''}`).sort(),
  };
}

describe('consolidation properties', () => {
  it('never throws and never changes its (frozen) inputs', () => {
    fc.assert(fc.property(fc.array(aReturn, { maxLength: 5 }), (returns) => {
      const before = JSON.stringify(returns);
      const c = run(returns, DEFAULT_HEADER);
      expect(JSON.stringify(returns)).toBe(before);
      expect(c.period).toBe('2023-24 Q2');
    }), { numRuns: 150 });
  });

  it('gives the same result whatever the order of the columns', () => {
    fc.assert(fc.property(fc.array(aReturn, { minLength: 1, maxLength: 4 }), fc.shuffledSubarray(DEFAULT_HEADER, { minLength: DEFAULT_HEADER.length }), (returns, header) => {
      expect(positionFree(run(returns, header))).toEqual(positionFree(run(returns, DEFAULT_HEADER)));
    }), { numRuns: 100 });
  });

  it('never invents a value: each row is the validated row of the file it names', () => {
    let compared = 0;
    fc.assert(fc.property(fc.array(aReturn, { minLength: 1, maxLength: 4 }), (returns) => {
      const grids = returns.map((r) => returnGrid({ period: '2023-24 Q2', service: r.service, rows: r.rows }));
      const inputs = grids.map((g, i) => ({ file: `r${i}.xlsx`, validation: validateGrid(catalogue, g, { period }) }));
      const c = consolidate(catalogue, period, inputs);
      for (const row of c.rows) {
        const source = inputs.find((x) => x.file === row.file)?.validation.rows.find((x) => x.ref === row.ref);
        if (!source) continue; // a row for a ref no return gave (Missing) names no source row
        expect([row.actual, row.status, row.commentary]).toEqual([source.actual, source.status, source.commentary]);
        compared += 1;
      }
    }), { numRuns: 80 });
    expect(compared).toBeGreaterThan(50);
  });
});
