import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readGrid, readWorkbookGrids, toCellValue } from '../../../src/adapters/exceljs/read';

async function workbook(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Return'), wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('readWorkbookGrids: values as Excel shows them', () => {
  let grid: Awaited<ReturnType<typeof readGrid>>;
  beforeAll(async () => {
    const bytes = await workbook((ws) => {
      ws.getCell('A1').value = 'Ref';
      ws.getCell('B1').value = 12.5;
      ws.getCell('C1').value = true;
      ws.getCell('D1').value = { formula: 'B1*2', result: 25 };
      ws.getCell('E1').value = { formula: 'B1/0', result: { error: '#DIV/0!' } };
      ws.getCell('F1').value = { formula: 'B1+1' };
      ws.getCell('A2').value = { richText: [{ text: 'On ' }, { font: { bold: true }, text: 'track' }] };
      ws.getCell('B2').value = { text: 'the source', hyperlink: 'https://example.org' };
      ws.getCell('C2').value = new Date(Date.UTC(2023, 8, 30));
      ws.getCell('C2').numFmt = 'dd/mm/yyyy';
      ws.getCell('D2').value = new Date(Date.UTC(2024, 0, 1, 12));
      ws.getCell('E2').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      ws.getCell('F2').value = 0.8;
      ws.getCell('F2').numFmt = '0.0%';
      ws.getCell('A3').value = 'merged';
      ws.mergeCells('A3:C3');
      ws.getCell('A4').value = 1;
      ws.getCell('B4').value = { formula: 'A4*10', result: 10, shareType: 'shared', ref: 'B4:B5' } as ExcelJS.CellValue;
      ws.getCell('A5').value = 2;
      ws.getCell('B5').value = { sharedFormula: 'B4', result: 20 } as ExcelJS.CellValue;
      ws.getCell('A6').value = '=SUM(A1)';
    });
    grid = await readGrid(bytes, 'Return');
  });

  it.each([
    ['text', 0, 0, 'Ref'], ['number', 0, 1, 12.5], ['boolean', 0, 2, true], ['formula → cached result', 0, 3, 25],
    ['formula error', 0, 4, { error: '#DIV/0!' }], ['formula without a result', 0, 5, null], ['rich text', 1, 0, 'On track'],
    ['hyperlink', 1, 1, 'the source'], ['date → serial', 1, 2, 45199], ['date-time → serial', 1, 3, 45292.5],
    ['error value', 1, 4, { error: '#N/A' }], ['percent cell', 1, 5, 0.8], ['merge master', 2, 0, 'merged'],
    ['merged other cell', 2, 1, null], ['shared formula master', 3, 1, 10], ['shared formula', 4, 1, 20], ['text like a formula', 5, 0, '=SUM(A1)'],
  ])('%s', (_what, r, c, expected) => {
    expect(grid!.values[r]![c]).toEqual(expected);
  });

  it('carries number formats, and a date format for dates without one', () => {
    expect(grid!.formats![1]![2]).toBe('dd/mm/yyyy');
    expect(grid!.formats![1]![3]).toMatch(/y/);
    expect(grid!.formats![1]![5]).toBe('0.0%');
  });

  it('is rectangular, from A1 to the last value', () => {
    expect(grid!.values).toHaveLength(6);
    expect(new Set(grid!.values.map((r) => r.length))).toEqual(new Set([6]));
    expect(grid!.origin).toEqual({ row: 1, col: 1 });
  });

  it('reads every sheet, hidden ones too, and finds a sheet ignoring case', async () => {
    const bytes = await workbook((ws, wb) => {
      ws.getCell('A1').value = 1;
      const hidden = wb.addWorksheet('Lists');
      hidden.state = 'hidden';
      hidden.getCell('B2').value = 'x';
      wb.addWorksheet('Empty');
    });
    const all = await readWorkbookGrids(bytes);
    expect(all.sheets.map((s) => [s.sheet, s.values])).toEqual([['Return', [[1]]], ['Lists', [[null, null], [null, 'x']]], ['Empty', []]]);
    expect(all.properties).toEqual({});
    expect((await readGrid(bytes, 'LISTS'))?.sheet).toBe('Lists');
    expect(await readGrid(bytes, 'Nope')).toBeUndefined();
  });

  it('maps odd ExcelJS values without throwing', () => {
    expect(toCellValue(Number.NaN)).toEqual({ error: '#NUM!' });
    expect(toCellValue(new Date(Number.NaN))).toEqual({ error: '#VALUE!' });
    expect(toCellValue(new Date(Date.UTC(1904, 0, 1)), true)).toBe(0);
    expect(toCellValue({ formula: 'NOW()', result: new Date(Date.UTC(1900, 0, 1)) } as ExcelJS.CellValue)).toBe(2);
  });
});

describe('readWorkbookGrids: files that are not readable workbooks', () => {
  const ole = (body: string): Uint8Array => {
    const head = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const utf16 = Array.from(body).flatMap((ch) => [ch.charCodeAt(0), 0]);
    return new Uint8Array([...head, ...new Array(64).fill(0), ...utf16]);
  };
  let good: Uint8Array;
  beforeAll(async () => { good = await workbook((ws) => { ws.getCell('A1').value = 1; }); });

  it.each([
    ['an empty file', () => new Uint8Array(), /^empty file$/],
    ['a CSV', () => new TextEncoder().encode('Ref,Actual\nCS01,80\n'), /^not an \.xlsx workbook \(zip signature missing\)$/],
    ['an encrypted workbook', () => ole('EncryptionInfo'), /^password-protected \(encrypted\) workbook: .*remove the password/],
    ['a legacy .xls', () => ole('Workbook'), /legacy \.xls/],
    ['a truncated zip', () => good.slice(0, Math.floor(good.length / 2)), /^corrupt or truncated zip$/],
  ])('rejects %s with a short reason', async (_what, bytes, message) => {
    await expect(readWorkbookGrids(bytes())).rejects.toThrow(message);
  });

  it('rejects a zip that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    await expect(readWorkbookGrids(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow(/no xl\/workbook\.xml/);
    const ods = new JSZip();
    ods.file('content.xml', '<x/>');
    await expect(readGrid(await ods.generateAsync({ type: 'uint8array' }), 'Return')).rejects.toThrow(/OpenDocument/);
  });

  it('rejects a workbook whose parts are broken, with a short reason', async () => {
    const zip = await JSZip.loadAsync(good);
    zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1"><v>1');
    const err = await readWorkbookGrids(await zip.generateAsync({ type: 'uint8array' })).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message.length).toBeLessThan(160);
  });
});
