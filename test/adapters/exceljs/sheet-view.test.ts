import ExcelJS from 'exceljs';
import { readWorkbookGrids, readWorkbookGridsWithExcelJS } from '../../../src/adapters/exceljs/read';

/**
 * verify's fingerprint v3 covers what a reader sees (issue 18.4): hidden rows and columns, a
 * sheet's state (ECMA-376 Part 1 §18.2.19 ST_SheetState) and the sheet the workbook opens on (the
 * first workbookView's activeTab, §18.2.30). The package reader must see them as ExcelJS does.
 */
async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('A');
  for (let r = 1; r <= 5; r++) a.getRow(r).values = [r, r * 10, r * 100];
  a.getRow(3).hidden = true;
  a.getRow(9).hidden = true; // beyond the last value: nothing a reader sees moves
  a.getColumn(2).hidden = true;
  wb.addWorksheet('B', { state: 'hidden' }).getCell('A1').value = 'hidden';
  wb.addWorksheet('C', { state: 'veryHidden' }).getCell('A1').value = 'very hidden';
  wb.addWorksheet('D').getCell('A1').value = 'opens first';
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 3, visibility: 'visible' }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('sheet view as both .xlsx readers see it', () => {
  it('hidden rows and columns within the values, sheet states and the sheet opened first, the same from both', async () => {
    const bytes = await workbook();
    const fast = (await readWorkbookGrids(bytes)).sheets.map((g) => [g.sheet, g.view]);
    const reference = (await readWorkbookGridsWithExcelJS(bytes)).sheets.map((g) => [g.sheet, g.view]);
    expect(fast).toEqual(reference);
    expect(fast).toEqual([
      ['A', { hiddenRows: [3], hiddenCols: [2], state: 'visible', opensFirst: false }],
      ['B', { hiddenRows: [], hiddenCols: [], state: 'hidden', opensFirst: false }],
      ['C', { hiddenRows: [], hiddenCols: [], state: 'veryHidden', opensFirst: false }],
      ['D', { hiddenRows: [], hiddenCols: [], state: 'visible', opensFirst: true }],
    ]);
  });
});
