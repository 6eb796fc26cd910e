import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as streamRender from '../../../src/adapters/exceljs/stream-render';
import { readCustomProperties } from '../../../src/adapters/exceljs/doc-props';
import { readWorkbookGrids } from '../../../src/adapters/exceljs/read';
import { VALUE_TYPE } from '../../../src/adapters/exceljs/stream-rows';
import { returnTemplate } from '../../../src/app/insert-template';
import { defaultCatalogue } from '../../../src/catalogue';
import type { SheetPlan, WorkbookPlan } from '../../../src/core/plan/types';
import { main } from '../../../src/cli/main';
import { packageParts } from '../../helpers/package-parts';

/**
 * package-writer.ts follows ExcelJS 4.4.0's streaming WorkbookWriter with yazl in place of archiver.
 * The reference is that WorkbookWriter itself (`viaExcelJSWriter`, custom properties added afterwards
 * by doc-props.ts as before): every part must be the same text, in the same order in the zip, and
 * read back the same by ExcelJS, by this product's reader and as custom properties. Only
 * docProps/core.xml's two times (created, modified: when each was written) are set equal.
 */

const { streamRenderWorkbook } = streamRender;


/** The zip's own entry order: jszip lists files in the central directory's order. */
const sorted = (list: [string, string][]): [string, string][] => [...list].sort((a, b) => a[0].localeCompare(b[0]));

async function excelRead(bytes: Uint8Array): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const cells: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => row.eachCell({ includeEmpty: true }, (c) => cells.push([n, c.address, c.type, String(c.value), c.numFmt, c.style.protection])));
    return { name: ws.name, state: ws.state, cells, views: ws.views, printArea: ws.pageSetup.printArea, merges: ws.model.merges };
  });
}

async function expectSamePackage(plan: WorkbookPlan): Promise<Uint8Array> {
  const own = await streamRenderWorkbook(plan);
  const reference = await streamRenderWorkbook(plan, { viaExcelJSWriter: true });
  const a = await packageParts(own);
  const b = await packageParts(reference);
  // archiver and yazl write the parts in the order they are added; custom.xml comes last in both
  // (doc-props.ts's jszip rewrite appends it to ExcelJS's package).
  expect(a.map(([n]) => n)).toEqual(b.map(([n]) => n));
  expect(sorted(a)).toEqual(sorted(b));
  expect(await excelRead(own)).toEqual(await excelRead(reference));
  expect(await readWorkbookGrids(own)).toEqual(await readWorkbookGrids(reference));
  expect(await readCustomProperties(own)).toEqual(plan.properties.custom);
  return own;
}

/** The Cabinet plans the demo renders (with its Trends sheet), caught on their way to the renderer. */
async function demoPlans(): Promise<WorkbookPlan[]> {
  const plans: WorkbookPlan[] = [];
  const real = streamRenderWorkbook;
  const spy = jest.spyOn(streamRender, 'streamRenderWorkbook').mockImplementation((plan, options) => {
    plans.push(plan);
    return real(plan, options);
  });
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-package-'));
  try {
    expect(await main(['demo', '--out', 'demo'], { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: dir })).toBe(0);
  } finally {
    spy.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  }
  return plans;
}

const sheet = (name: string, rows: number): SheetPlan => ({
  name, validations: [], conditionalFormats: [], columns: [{ col: 2, width: 30 }],
  cells: [{ row: 1, col: 1, values: Array.from({ length: rows }, (_, i) => [i + 1, `row ${i + 1} <&>`, i % 2 === 0, { formula: `A${i + 1}*2` }]) }],
  styles: [{ range: { top: 1, left: 1, bottom: rows, right: 1 }, style: { numFmt: '0.0', bold: true } }],
});

describe('package-writer: ExcelJS\'s streaming package without archiver', () => {
  it('writes the demo\'s Cabinet papers (Cabinet and Trends sheets, protection, print, names, fingerprints) as ExcelJS\'s writer does', async () => {
    const plans = await demoPlans();
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.some((p) => p.sheets.length > 1)).toBe(true);
    for (const plan of plans) await expectSamePackage(plan);
  }, 120_000);

  it('writes a Return (validations, conditional formats, frozen panes, hidden sheet) as ExcelJS\'s writer does', async () => {
    const cat = defaultCatalogue();
    const template = returnTemplate(cat, { year: '2024-25', startYear: 2024, quarter: 2 });
    const hidden: SheetPlan = { ...sheet('Lists', 3), hidden: true };
    await expectSamePackage({ ...template.workbook, sheets: [...template.workbook.sheets, hidden] });
  });

  it('declares custom properties once, whatever their names and values, and none when there are none', async () => {
    const name = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => /^[A-Za-z][\w ]*$/.test(s));
    await fc.assert(fc.asyncProperty(fc.dictionary(name, fc.string({ maxLength: 40 }), { maxKeys: 4 }), fc.integer({ min: 1, max: 3 }), async (custom, sheets) => {
      const plan: WorkbookPlan = { sheets: Array.from({ length: sheets }, (_, i) => sheet(`S${i + 1}`, 5)), properties: { title: 'T & <x>', creator: 'scorecard', custom } };
      const own = await expectSamePackage(plan);
      const zip = await JSZip.loadAsync(own);
      const types = await zip.file('[Content_Types].xml')!.async('string');
      const rels = await zip.file('_rels/.rels')!.async('string');
      const declared = Object.keys(custom).length > 0 ? 1 : 0;
      expect(types.split('/docProps/custom.xml').length - 1).toBe(declared);
      expect(rels.split('custom-properties').length - 1).toBe(declared);
      expect(zip.file('docProps/custom.xml') !== null).toBe(declared === 1);
    }), { numRuns: 30 });
  }, 120_000);

  it('streams a sheet of 20,000 rows into the zip as it is written (read back whole)', async () => {
    const own = await expectSamePackage({ sheets: [sheet('Big', 20_000)], properties: { custom: { ScorecardFingerprint: 'abc' } } });
    const grid = (await readWorkbookGrids(own)).sheets[0]!;
    expect(grid.values.length).toBe(20_000);
    expect(grid.values[19_999]?.[1]).toBe('row 20000 <&>');
  }, 120_000);

  it('takes the cell types stream-rows.ts gives ExcelJS\'s style manager as ExcelJS numbers them', () => {
    expect(VALUE_TYPE).toEqual({ Null: ExcelJS.ValueType.Null, Merge: ExcelJS.ValueType.Merge, Number: ExcelJS.ValueType.Number, String: ExcelJS.ValueType.String, Boolean: ExcelJS.ValueType.Boolean });
  });
});
