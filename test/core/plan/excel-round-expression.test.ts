import fc from 'fast-check';
import { excelRound } from '../../../src/core/excel-round';
import { excelRoundExpression, scaleExpression } from '../../../src/core/plan/rag-formula';
import { evaluate } from './hf-helpers';

/** Row i: value, decimals, scale, rounded, HyperFormula's own ROUND. */
function row(x: number, d: number, i: number): (number | string)[] {
  return [x, d, `=IF(A${i}=0,0,${scaleExpression(`A${i}`)})`, `=${excelRoundExpression(`A${i}`, `B${i}`, `C${i}`)}`, `=ROUND(A${i},B${i})`];
}

function hfRound(x: number, d: number, smartRounding = false): unknown {
  const get = evaluate([row(x, d, 1)], smartRounding);
  return { expr: get(1, 4), plain: get(1, 5) };
}

describe('excelRoundExpression', () => {
  it.each([
    [1.005, 2, 1.01],
    [71.725, 2, 71.73],
    [0.145 * 100, 1, 14.5],
    [-2.5, 0, -3],
    [2.5, 0, 3],
    [0, 2, 0],
    [1234567.125, 2, 1234567.13],
    [0.000123456, 4, 0.0001],
    [99.95, 1, 100],
  ])('ROUND(%p, %p) = %p as in Excel', (x, d, expected) => {
    expect(excelRound(x, d)).toBe(expected);
    expect(hfRound(x, d)).toMatchObject({ expr: expected });
  });

  it("differs from HyperFormula's own ROUND, which rounds 1.005 down", () => {
    expect(hfRound(1.005, 2)).toEqual({ expr: 1.01, plain: 1 });
  });

  // Values below 1E15: KPI actuals; above, Excel keeps what was typed (15 digits) and so do we.
  it('agrees with excelRound on 15-digit decimals, halves and float noise', () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), fc.integer({ min: -18, max: 0 }))
      .map(([m, e]) => Number(`${m}e${e}`));
    const half = fc
      .tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 4 }))
      .map(([n, d]) => Number(`${n}5e-${d + 1}`));
    const noisy = fc.tuple(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 1, max: 100000 })).map(([a, b]) => (a / b) * 100);
    // 50 cases a sheet: HyperFormula parses a repeated formula once.
    const cases = fc.array(fc.tuple(fc.oneof(decimal, half, noisy), fc.integer({ min: 0, max: 6 })), { minLength: 50, maxLength: 50 });
    fc.assert(
      fc.property(cases, (pairs) => {
        const get = evaluate(pairs.map(([x, d], i) => row(x, d, i + 1)));
        pairs.forEach(([x, d], i) => expect([x, d, get(i + 1, 4)]).toEqual([x, d, excelRound(x, d)]));
      }),
      { numRuns: 60 },
    );
  });
});
