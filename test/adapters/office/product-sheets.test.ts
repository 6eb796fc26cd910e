import { readWorkbookGrids } from '../../../src/adapters/exceljs/read';
import { renderWorkbook } from '../../../src/adapters/exceljs/render';
import { returnTemplate } from '../../../src/app/insert-template';
import type { FileAdapters } from '../../../src/app/ports';
import { parsePeriod, type Period } from '../../../src/core/period';
import { fillReturnPlan } from '../../../src/core/sample/fill';
import { catalogueOfSize, freshFake, PERIOD, servicesOn } from './helpers';

/**
 * Only returns are read as returns, in the pane too. Seen after a consolidation: the Scorecard and
 * Cabinet sheets the pane had just written were taken for returns by "returns found in this
 * workbook" (3 returns for 1), and validating with the Cabinet sheet active checked the paper.
 */

const cat = catalogueOfSize(4);
const files: FileAdapters = { renderWorkbook, readWorkbookGrids: async (bytes) => (await readWorkbookGrids(bytes)).sheets };
const entries = cat.indicators.map((i, k) => ({ ref: i.id, actual: 99, commentary: 'c', action: 'a' }));

async function returnFile(): Promise<{ name: string; bytes: Uint8Array }> {
  const sheet = fillReturnPlan(returnTemplate(cat, parsePeriod(PERIOD) as Period).sheet, entries);
  return { name: 'return.xlsx', bytes: await renderWorkbook({ sheets: [sheet], properties: { custom: {} } }) };
}

/** The pane after a consolidation: a Return sheet filled in, then the Scorecard and Cabinet sheets the pane writes. */
async function afterConsolidation() {
  const fake = freshFake();
  const s = servicesOn(fake, { files });
  await s.insertTemplate(cat, PERIOD);
  cat.indicators.forEach((_, k) => fake.type(`Return!H${15 + k}`, 99));
  const c = await s.consolidate(cat, [await returnFile()], PERIOD, () => undefined);
  expect(c.files).toHaveLength(1);
  const { sheet } = await s.createCabinetSheet(cat, PERIOD, {});
  return { fake, s, cabinet: sheet };
}

describe('the pane reads only returns as returns', () => {
  it('returns found in this workbook are the Return sheets, not the Scorecard or Cabinet sheets it wrote, even renamed', async () => {
    const { fake, cabinet } = await afterConsolidation();
    const named = (): string[] => fake.workbook.sheets.map((x) => x.name).filter((n) => n !== 'Sheet1');
    expect(named()).toEqual(['Return', 'Scorecard', cabinet]);
    // A pane opened afresh on this workbook holds no consolidation: it reads the workbook.
    const fresh = servicesOn(fake, { files });
    expect((await fresh.cabinetPreview(cat, PERIOD)).basis).toMatch(/^Returns found in this workbook \(1\)/);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(cabinet).name = 'For Cabinet';
      ctx.workbook.worksheets.getItem('Scorecard').name = 'Working';
      await ctx.sync();
    });
    expect(named()).toEqual(['Return', 'Working', 'For Cabinet']);
    expect((await servicesOn(fake, { files }).cabinetPreview(cat, PERIOD)).basis).toMatch(/^Returns found in this workbook \(1\)/);
  });

  it('validate with the Cabinet sheet active checks the Return sheet, as on any other sheet', async () => {
    const { fake, s, cabinet } = await afterConsolidation();
    expect(fake.workbook.sheets.find((x) => x.id === fake.workbook.activeSheetId)?.name).toBe(cabinet);
    const result = await s.validate(cat, {});
    expect(result.sheet).toBe('Return');
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('a Cabinet workbook written by the command line (a workbook-wide marker) is skipped when opened here, and among the files consolidated', async () => {
    const { fake, s } = await afterConsolidation();
    const paper = await s.downloadCabinet(cat, PERIOD, {});
    // Among the files: a note, not a return.
    const c = await s.consolidate(cat, [await returnFile(), paper], PERIOD, () => undefined);
    expect(c.files.map((f) => f.file)).toEqual(['return.xlsx']);
    // Its sheet copied into this workbook with its workbook-wide name, as Excel's Move or Copy brings it.
    const grid = (await readWorkbookGrids(paper.bytes)).sheets[0];
    if (!grid) throw new Error('no sheet');
    expect(grid.product).toBe('cabinet');
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add('From the CLI');
      ws.getRange(`A1:A${grid.values.length}`).values = grid.values.map((r) => [r[0] ?? '']);
      ctx.workbook.names.add('_ScorecardSheet_cabinet_1', "='From the CLI'!$A$1");
      ws.activate();
      await ctx.sync();
    });
    const fresh = servicesOn(fake, { files });
    expect((await fresh.cabinetPreview(cat, PERIOD)).basis).toMatch(/^Returns found in this workbook \(1\)/);
    expect((await fresh.validate(cat, {})).sheet).toBe('Return');
  });
});
