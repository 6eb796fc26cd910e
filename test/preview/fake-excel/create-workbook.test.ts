/**
 * Excel.createWorkbook as the fake models it (src/preview/fake-excel/create-workbook.ts), after
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks#create-a-new-workbook.
 */
import ExcelJS from 'exceljs';
import { createFakeExcel, FakeOfficeError } from '../../../src/preview/fake-excel/index';

async function xlsxBase64(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Opened').getCell('A1').value = 'hello';
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('Excel.createWorkbook (excel-add-ins-workbooks#create-a-new-workbook)', () => {
  it('opens the Base64 .xlsx as a new workbook and leaves this one as it is (the add-in stays open in the original workbook)', async () => {
    const fake = createFakeExcel();
    const before = { sheets: fake.workbook.sheets.map((s) => s.name), syncs: fake.syncCount(), writes: fake.writes() };
    const base64 = await xlsxBase64();
    await fake.createWorkbook(base64);
    expect(fake.openedWorkbooks()).toEqual([{ base64 }]);
    expect({ sheets: fake.workbook.sheets.map((s) => s.name), syncs: fake.syncCount(), writes: fake.writes() }).toEqual(before);
    expect(fake.undoClearingCalls()).toEqual([]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(fake.openedWorkbooks()[0]?.base64 ?? '', 'base64') as unknown as ArrayBuffer);
    expect(back.getWorksheet('Opened')?.getCell('A1').value).toBe('hello');
  });

  it('with no argument opens a blank workbook', async () => {
    const fake = createFakeExcel();
    await fake.createWorkbook();
    expect(fake.openedWorkbooks()).toEqual([{ base64: undefined }]);
  });

  it('refuses text that is not Base64, or not an .xlsx, with InvalidArgument (docs silent on the code: the safe path)', async () => {
    const fake = createFakeExcel();
    for (const bad of ['not base64!', Buffer.from('plain text, not a ZIP package').toString('base64')]) {
      const e = await fake.createWorkbook(bad).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(FakeOfficeError);
      expect((e as FakeOfficeError).code).toBe('InvalidArgument');
    }
    expect(fake.openedWorkbooks()).toEqual([]);
  });
});
