import fc from 'fast-check';
import { ABSOLUTE, rect, refA1 } from '../../src/core/address';
import type { Grid } from '../../src/core/grid';
import { markerKind, markerName, markProductGrids, PRODUCT_SHEET_KINDS, productSheets } from '../../src/core/product-sheet';
import { findReturns } from '../../src/core/return/find';

const sheetName = fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[\\/?*[\]:]/.test(s) && s.trim() === s && s.length > 0 && !s.startsWith("'"));
const kind = fc.constantFrom(...PRODUCT_SHEET_KINDS);
const grid = (sheet: string): Grid => ({ sheet, values: [['Period', '2024-25 Q2'], ['Ref', 'Actual'], ['CS01', 80]] });

describe('product sheet markers', () => {
  it('a marker written for any sheet name and kind reads back as that sheet and kind, workbook-wide or scoped', () => {
    fc.assert(fc.property(sheetName, kind, fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }), (sheet, k, n) => {
      const ref = `=${refA1(sheet, rect(1, 1), ABSOLUTE)}`;
      expect(markerKind(markerName(k, n))).toBe(k);
      expect(productSheets([{ name: markerName(k, n), ref }]).get(sheet.toLowerCase())).toBe(k);
      expect(productSheets([{ name: markerName(k), ref: '', scope: sheet }]).get(sheet.toLowerCase())).toBe(k);
    }));
  });

  it('only marked sheets are skipped: other names, a gone sheet (#REF!) and unknown kinds mark nothing', () => {
    const names = [
      { name: 'ScorecardFingerprint', ref: 'Return!$B$3' },
      { name: '_ScorecardSheet_cabinet_1', ref: "'Cabinet 2024-25 Q2'!$A$1" },
      { name: '_ScorecardSheet_trends_2', ref: '#REF!$A$1' },
      { name: '_ScorecardSheet_other_3', ref: 'Return!$A$1' },
    ];
    const grids = markProductGrids([grid('Return'), grid('Cabinet 2024-25 Q2'), grid('Trends 2024-25 Q2')], names);
    const found = findReturns(grids);
    // The Trends sheet's marker points nowhere, so nothing marks it: a sheet with a Ref header is read.
    expect(found.returns.map((g) => g.sheet)).toEqual(['Return', 'Trends 2024-25 Q2']);
    expect(found.skipped).toEqual([{ sheet: 'Cabinet 2024-25 Q2', kind: 'cabinet' }]);
  });
});
