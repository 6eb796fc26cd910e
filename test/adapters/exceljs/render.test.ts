import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { renderWorkbook } from '../../../src/adapters/exceljs/render';
import { readCustomProperties } from '../../../src/adapters/exceljs/doc-props';
import { readGrid, readWorkbookGrids } from '../../../src/adapters/exceljs/read';
import { rect } from '../../../src/core/address';
import { makePeriod } from '../../../src/core/period';
import { RAG_STYLE } from '../../../src/core/plan/palette';
import { TEMPLATE_COLUMN, TEMPLATE_HEADER_ROW, templatePlan } from '../../../src/core/plan/template';
import type { SheetPlan, WorkbookPlan } from '../../../src/core/plan/types';
import { catalogue } from '../../core/plan/fixtures';

const H = TEMPLATE_HEADER_ROW;
const template = templatePlan(catalogue(), makePeriod(2023, 2), {});
const props = { title: 'Return 2023-24 Q2', subject: 'Performance return', creator: 'Scorecard', company: 'LB Testing', keywords: 'return',
  custom: { ScorecardFingerprint: 'ab12', Note: 'a & b < "c"' } };

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** Parts of a loaded worksheet ExcelJS keeps but does not type. */
function internals(ws: ExcelJS.Worksheet): { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[]; sheetProtection: Record<string, unknown> | null } {
  return ws as unknown as ReturnType<typeof internals>;
}

function sheetPlan(over: Partial<SheetPlan>): SheetPlan {
  return { name: 'S', cells: [], styles: [], columns: [], validations: [], conditionalFormats: [], ...over };
}

describe('renderWorkbook: the Return template as Excel sees it', () => {
  let bytes: Uint8Array;
  let ws: ExcelJS.Worksheet;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    bytes = await renderWorkbook({ sheets: [template], properties: props });
    wb = await load(bytes);
    ws = wb.getWorksheet('Return')!;
  });
  const col = (k: keyof typeof TEMPLATE_COLUMN): number => TEMPLATE_COLUMN[k];

  it('writes the header row and the Period cell', () => {
    const header = (ws.getRow(H).values as unknown[]).slice(1, col('action') + 1);
    expect(header).toEqual(['Ref', 'Indicator', 'Priority', 'Service', 'Unit', 'Polarity', 'Target', 'Actual', 'Status',
      'Numerator', 'Denominator', 'RAG', 'Commentary', 'Action']);
    expect([ws.getCell('A3').value, ws.getCell('B3').value]).toEqual(['Period', '2023-24 Q2']);
  });

  it('locks catalogue cells and unlocks entry cells, cell by cell', () => {
    const locked = (r: number, c: number): boolean => ws.getCell(r, c).protection?.locked !== false;
    expect(locked(H + 1, col('ref'))).toBe(true);
    expect(locked(H + 1, col('target'))).toBe(true);
    expect(locked(H + 1, col('rag'))).toBe(true);
    expect(locked(H + 1, col('actual'))).toBe(false);
    expect(locked(H + 1, col('commentary'))).toBe(false);
    expect(locked(H + 4, col('status'))).toBe(false);
    expect(locked(H + 4, col('actual'))).toBe(true);
    expect(locked(7, 2)).toBe(false); // Prepared by
    expect(locked(3, 2)).toBe(true); // Period
  });

  it('keeps data validations with their error styles', () => {
    expect(ws.getCell(H + 1, col('actual')).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100], errorStyle: 'stop', allowBlank: true });
    expect(ws.getCell(H + 2, col('actual')).dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], errorStyle: 'warning' });
    expect(ws.getCell(H + 4, col('status')).dataValidation).toMatchObject({ type: 'list', formulae: ['"On track,At risk,Off track,Complete"'] });
    expect(ws.getCell(H + 3, col('commentary')).dataValidation).toMatchObject({ type: 'textLength', operator: 'lessThanOrEqual', formulae: [2000] });
  });

  it('writes expression conditional formats with their fills', () => {
    const cfs = internals(ws).conditionalFormattings;
    const rag = cfs.filter((c) => c.ref === `L${H + 1}:L${H + 4}`).flatMap((c) => c.rules);
    expect(rag.every((r) => r.type === 'expression')).toBe(true);
    const green = rag.find((r) => (r as ExcelJS.ExpressionRuleType).formulae?.[0]?.includes('"Green"')) as ExcelJS.ExpressionRuleType;
    expect(green.style?.fill).toMatchObject({ bgColor: { argb: `FF${RAG_STYLE.Green.fill.slice(1)}` } });
    expect(cfs.some((c) => c.ref === `H${H + 1}:H${H + 4}` && c.rules.some((r) => (r as ExcelJS.ExpressionRuleType).formulae?.[0]?.includes(`$L${H + 1}`)))).toBe(true);
  });

  it('protects the sheet without a password', () => {
    expect(internals(ws).sheetProtection).toMatchObject({ sheet: true });
    expect(internals(ws).sheetProtection).not.toHaveProperty('hashValue');
  });

  it('writes the RAG column as formulas, with no cached value', () => {
    const v = ws.getCell(H + 1, col('rag')).value as ExcelJS.CellFormulaValue;
    expect(v.formula).toMatch(/^IF\(/);
    expect(v.result).toBeUndefined();
  });

  it('freezes below the header, prints A4 landscape one page wide, hides the helper columns', () => {
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: H, xSplit: 2 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${H}:${H}` });
    expect(ws.headerFooter.oddFooter).toContain('&P of &N');
    expect(ws.getColumn(col('kind')).hidden).toBe(true);
    expect(ws.getColumn(col('actual')).hidden).toBe(false);
    expect(ws.getColumn(col('indicator')).width).toBe(28);
    expect(ws.getColumn(col('actual')).width).toBeCloseTo(9, 3); // ExcelJS would drop exactly 9
  });

  it('keeps number formats and the workbook-scoped names', () => {
    expect(ws.getCell(H + 1, col('actual')).numFmt).toBe('0.0"%"');
    expect(ws.getCell(H + 2, col('target')).numFmt).toBe('#,##0');
    expect(wb.definedNames.getRanges('ReturnPeriod').ranges).toEqual(['Return!$B$3']);
  });

  it('round-trips document and custom properties', async () => {
    expect([wb.title, wb.subject, wb.creator, wb.company, wb.keywords]).toEqual([props.title, props.subject, props.creator, props.company, props.keywords]);
    expect(await readCustomProperties(bytes)).toEqual(props.custom);
    expect((await readWorkbookGrids(bytes)).properties).toEqual(props.custom);
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('PartName="/docProps/custom.xml"');
    expect(await zip.file('_rels/.rels')!.async('string')).toContain('relationships/custom-properties');
  });

  it('reads back as the grid the Return reader expects', async () => {
    const grid = (await readGrid(bytes, 'return'))!;
    expect(grid.values[H - 1]?.slice(0, 2)).toEqual(['Ref', 'Indicator']);
    expect(grid.values[2]?.slice(0, 2)).toEqual(['Period', '2023-24 Q2']);
    expect(grid.values[H]?.[col('rag') - 1]).toBeNull(); // a formula with no cached result
    expect(grid.formats?.[H]?.[col('actual') - 1]).toBe('0.0"%"');
  });
});

describe('renderWorkbook: values and options', () => {
  it.each(['=SUM(A1)', '+44 20 7946 0000', '-5 on last year', '@risk'])('keeps %p as text, never a formula', async (text) => {
    const bytes = await renderWorkbook({ sheets: [sheetPlan({ cells: [{ row: 1, col: 1, values: [[text, { formula: 'A1&"!"' }]] }] })], properties: { custom: {} } });
    const ws = (await load(bytes)).getWorksheet('S')!;
    expect(ws.getCell('A1').value).toBe(text);
    expect(ws.getCell('A1').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B1').formula).toBe('A1&"!"');
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml.match(/<f>/g)).toHaveLength(1);
  });

  it('protects with a password, merges, hides a sheet, colours its tab, breaks pages and draws data bars', async () => {
    const plan: WorkbookPlan = {
      sheets: [
        sheetPlan({
          name: 'Cabinet 2023-24 Q2', tabColor: '#1D4F91', merges: [rect(1, 1, 1, 3)], rowHeights: [{ row: 1, height: 30 }],
          cells: [{ row: 1, col: 1, values: [['Title', null, null], [1, 2, 3]] }],
          dataBars: [{ range: rect(2, 1, 2, 3), color: '#1D4F91' }],
          protection: { password: 'pw', allowSelectLockedCells: true, allowSelectUnlockedCells: true },
          print: { orientation: 'portrait', paperSize: 'A4', fitToWidth: 1, fitToHeight: 1, rowBreaks: [1],
            margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }, header: { center: 'Scorecard' } },
        }),
        sheetPlan({ name: 'Data', hidden: true, cells: [{ row: 1, col: 1, values: [['x']] }] }),
      ],
      properties: { custom: {} },
    };
    const bytes = await renderWorkbook(plan);
    const wb = await load(bytes);
    const ws = wb.getWorksheet('Cabinet 2023-24 Q2')!;
    expect(internals(ws).sheetProtection).toMatchObject({ sheet: true, algorithmName: 'SHA-512' });
    expect(internals(ws).sheetProtection).toHaveProperty('hashValue');
    expect(ws.getCell('B1').isMerged).toBe(true);
    expect(ws.properties.tabColor).toEqual({ argb: 'FF1D4F91' });
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.pageSetup).toMatchObject({ orientation: 'portrait', margins: { left: 0.5, top: 0.6 } });
    expect(ws.headerFooter.oddHeader).toBe('&CScorecard');
    expect(internals(ws).conditionalFormattings.flatMap((c) => c.rules).some((r) => r.type === 'dataBar')).toBe(true);
    expect(wb.getWorksheet('Data')!.state).toBe('hidden');
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(/<rowBreaks[^>]*><brk id="1"/);
    expect(await readCustomProperties(bytes)).toEqual({});
    const grid = (await readGrid(bytes, 'Cabinet 2023-24 Q2'))!;
    expect(grid.values[0]).toEqual(['Title', null, null]);
  });
});
