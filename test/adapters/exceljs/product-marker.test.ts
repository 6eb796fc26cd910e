import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { openFastWorkbook } from '../../../src/adapters/exceljs/fast-read';
import { readWorkbookGrids, readWorkbookGridsWithExcelJS } from '../../../src/adapters/exceljs/read';
import { renderWorkbook } from '../../../src/adapters/exceljs/render';
import { streamRenderWorkbook } from '../../../src/adapters/exceljs/stream-render';
import { defaultCatalogue } from '../../../src/catalogue/index';
import { parsePeriod, type Period } from '../../../src/core/period';
import { templatePlan } from '../../../src/core/plan/template';
import type { SheetPlan, WorkbookPlan } from '../../../src/core/plan/types';
import { findReturns } from '../../../src/core/return/find';
import { describeWith } from '../../helpers/tools';

const P = parsePeriod('2024-25 Q2') as Period;
const template = templatePlan(defaultCatalogue(), P, {});
const paper = (name: string, marker: SheetPlan['marker']): SheetPlan => ({
  name, cells: [{ row: 1, col: 1, values: [['Ref', 'Indicator', 'Actual'], ['CS01', 'Calls', 80]] }], styles: [], columns: [],
  validations: [], conditionalFormats: [], ...(marker ? { marker } : {}),
});
const plan: WorkbookPlan = {
  sheets: [template, paper('Cabinet 2024-25 Q2', 'cabinet'), paper('Trends 2024-25 Q2', 'trends'), paper('Notes', undefined)],
  properties: { custom: {} },
};

async function productOf(bytes: Uint8Array): Promise<Record<string, string | undefined>[]> {
  const fast = await readWorkbookGrids(bytes);
  const full = await readWorkbookGridsWithExcelJS(bytes);
  return [fast, full].map((book) => Object.fromEntries(book.sheets.map((g) => [g.sheet, g.product])));
}

const EXPECTED = { Return: undefined, 'Cabinet 2024-25 Q2': 'cabinet', 'Trends 2024-25 Q2': 'trends', Notes: undefined };

describe('the product marker in .xlsx files', () => {
  it('the return template carries none', () => {
    expect(template.marker).toBeUndefined();
  });

  it.each([['in memory', renderWorkbook], ['streaming', streamRenderWorkbook]])('written by the %s renderer, both readers find it', async (_, render) => {
    const bytes = await render(plan);
    expect(await productOf(bytes)).toEqual([EXPECTED, EXPECTED]);
    // The values-only reader reads workbook.xml's definedNames itself.
    const book = await openFastWorkbook(await JSZip.loadAsync(bytes));
    expect(book?.definedNames.filter((n) => n.name.startsWith('_ScorecardSheet_'))).toEqual([
      { name: '_ScorecardSheet_cabinet_2', ref: "'Cabinet 2024-25 Q2'!$A$1" },
      { name: '_ScorecardSheet_trends_3', ref: "'Trends 2024-25 Q2'!$A$1" },
    ]);
    const found = findReturns((await readWorkbookGrids(bytes)).sheets);
    // An unmarked sheet with a Ref header (a copied sheet, notes) is still read: only markers skip.
    expect(found.returns.map((g) => g.sheet)).toEqual(['Return', 'Notes']);
    expect(found.skipped.map((s) => s.sheet)).toEqual(['Cabinet 2024-25 Q2', 'Trends 2024-25 Q2']);
  });

  it('a name scoped to its sheet (localSheetId, as Excel saves the pane’s marker) marks that sheet', async () => {
    const zip = await JSZip.loadAsync(await renderWorkbook({ sheets: [template, paper('Cabinet', undefined)], properties: { custom: {} } }));
    const xml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    const names = '<definedName name="_ScorecardSheet_cabinet" localSheetId="1">Cabinet!$A$1</definedName>';
    const patched = xml.includes('<definedNames>') ? xml.replace('<definedNames>', `<definedNames>${names}`) : xml.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`);
    zip.file('xl/workbook.xml', patched);
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(await productOf(bytes)).toEqual([{ Return: undefined, Cabinet: 'cabinet' }, { Return: undefined, Cabinet: 'cabinet' }]);
  });
});

describeWith(['soffice'], 'LibreOffice round trip of the product marker')('saved again by LibreOffice', () => {
  it('keeps the marker: both readers still skip the Cabinet and Trends sheets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorecard-marker-'));
    try {
      const src = join(dir, 'in', 'book.xlsx');
      execFileSync('mkdir', ['-p', join(dir, 'in'), join(dir, 'out')]);
      writeFileSync(src, await renderWorkbook(plan));
      execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'out'), src], { timeout: 120_000, stdio: 'pipe' });
      const bytes = new Uint8Array(readFileSync(join(dir, 'out', 'book.xlsx')));
      expect(await productOf(bytes)).toEqual([EXPECTED, EXPECTED]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
