import ExcelJS from 'exceljs';
import { cabinetModel } from '../../../src/core/cabinet/model';
import { cabinetPlan } from '../../../src/core/cabinet/plan';
import { readCustomProperties } from '../../../src/adapters/exceljs/doc-props';
import { readWorkbookGrids } from '../../../src/adapters/exceljs/read';
import { renderWorkbook } from '../../../src/adapters/exceljs/render';
import { streamRenderWorkbook } from '../../../src/adapters/exceljs/stream-render';
import { miniCatalogue } from '../../core/fixtures/mini-catalogue';
import { consolidationOf, Q2, type Entry } from '../../core/cabinet/helpers';

const cat = miniCatalogue();
const entries: Entry[] = [
  { ref: 'MC01', actual: 81.24, commentary: '=HYPERLINK("http://evil")', action: '+1 more call handler' },
  { ref: 'MC03', actual: 12345 },
  { ref: 'MC05', qualitative: 'At risk', commentary: 'Lease delayed', action: 'Escalated' },
];
const plan = cabinetPlan(cabinetModel(cat, consolidationOf(cat, Q2, entries, ['MC07']), { generatedAt: '2023-10-20' }), { password: 'secret' });

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('streamRenderWorkbook', () => {
  let memory: Uint8Array;
  let streamed: Uint8Array;
  beforeAll(async () => {
    memory = await renderWorkbook(plan);
    streamed = await streamRenderWorkbook(plan);
  });

  it('gives the same values as the in-memory renderer', async () => {
    expect((await readWorkbookGrids(streamed)).sheets).toEqual((await readWorkbookGrids(memory)).sheets);
  });

  it('keeps the custom document properties (fingerprint)', async () => {
    expect(await readCustomProperties(streamed)).toEqual(await readCustomProperties(memory));
    expect(Object.keys(await readCustomProperties(streamed)).length).toBeGreaterThan(0);
  });

  it('keeps protection, conditional formats, print setup, merges and styles', async () => {
    const [a, b] = [await load(memory), await load(streamed)];
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    a.worksheets.forEach((wa, i) => {
      const wb = b.worksheets[i] as ExcelJS.Worksheet;
      const prot = (w: ExcelJS.Worksheet): unknown => (w as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet;
      expect(prot(wb)).toEqual(prot(wa));
      const cfs = (w: ExcelJS.Worksheet): unknown => (w as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[] }[] }[] })
        .conditionalFormattings.map((c) => [c.ref, c.rules.map((r) => [r.type, r.formulae])]);
      expect(cfs(wb)).toEqual(cfs(wa));
      expect((cfs(wa) as unknown[]).length).toBeGreaterThan(0);
      const ps = (w: ExcelJS.Worksheet) => ({ o: w.pageSetup.orientation, t: w.pageSetup.printTitlesRow, f: w.pageSetup.fitToWidth });
      expect(ps(wb)).toEqual(ps(wa));
      expect(wb.model.merges).toEqual(wa.model.merges);
      for (let r = 1; r <= Math.min(wa.rowCount, 40); r++) {
        for (let c = 1; c <= wa.columnCount; c++) {
          // Excel shows a merged range with its first cell's format; ExcelJS's in-memory merge also
          // copies that fill into the hidden cells, the streaming writer does not: compare what shows.
          const hidden = wa.getCell(r, c).isMerged && wa.getCell(r, c).master.address !== wa.getCell(r, c).address;
          const fill = (w: ExcelJS.Worksheet) => (hidden ? undefined : w.getCell(r, c).style.fill);
          expect([r, c, wb.getCell(r, c).style.protection, fill(wb)]).toEqual([r, c, wa.getCell(r, c).style.protection, fill(wa)]);
        }
      }
    });
  });
});
