import fc from 'fast-check';
import { toA1, toR1C1 } from '../../src/core/r1c1';
import { columnLetters } from '../../src/core/address';
import { ragFormula } from '../../src/core/plan/rag-formula';
import { TEMPLATE_COLUMN, TEMPLATE_FORMULA_COLUMNS } from '../../src/core/plan/template';

describe('A1 and R1C1', () => {
  it.each([
    ['=H15*2', 15, 12, '=RC[-4]*2'],
    ['=$L15', 15, 8, '=RC12'],
    ['=L$15+A1', 20, 12, '=R15C+R[-19]C[-11]'],
    ['=SUM(H15:K15)', 15, 1, '=SUM(RC[7]:RC[10])'],
    ['=IF(H15="H15","Not due",LOG10(ABS(P15)))', 15, 16, '=IF(RC[-8]="H15","Not due",LOG10(ABS(RC)))'],
    ['=10^14+1E15', 3, 3, '=10^14+1E15'],
  ])('%s in row %i, column %i is %s', (a1, row, col, r1c1) => {
    expect(toR1C1(a1, row, col)).toBe(r1c1);
    expect(toA1(r1c1, row, col)).toBe(a1);
  });

  it.each([["=Return!H15"], ["='My sheet'!A1"], ['=SUM(A:A)'], ['=h15'], ['=#REF!'], ['="unclosed']])('leaves %s to A1 (undefined)', (f) => {
    expect(toR1C1(f, 5, 5)).toBeUndefined();
  });

  it('rejects a reference that would leave the sheet', () => {
    expect(toA1('=R[-5]C', 3, 1)).toBeUndefined();
  });

  it('the RAG formula is one R1C1 text on every row, and converts back to each row\'s own A1', () => {
    const col = TEMPLATE_COLUMN.rag;
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (r1, r2) => {
      const a = toR1C1(`=${ragFormula(r1, TEMPLATE_FORMULA_COLUMNS)}`, r1, col);
      const b = toR1C1(`=${ragFormula(r2, TEMPLATE_FORMULA_COLUMNS)}`, r2, col);
      expect(a).toBeDefined();
      expect(a).toBe(b);
      expect(toA1(a as string, r2, col)).toBe(`=${ragFormula(r2, TEMPLATE_FORMULA_COLUMNS)}`);
    }));
  });

  it('round-trips any plain reference', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), fc.integer({ min: 1, max: 1048576 }), fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 16384 }), fc.integer({ min: 1, max: 1048576 }),
      (c, r, ca, ra, hc, hr) => {
        const f = `=${ca ? '$' : ''}${columnLetters(c)}${ra ? '$' : ''}${r}+1`;
        const r1c1 = toR1C1(f, hr, hc);
        expect(r1c1).toBeDefined();
        expect(toA1(r1c1 as string, hr, hc)).toBe(f);
      }));
  });
});
