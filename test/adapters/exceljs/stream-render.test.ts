import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { cabinetModel } from '../../../src/core/cabinet/model';
import { cabinetPlan } from '../../../src/core/cabinet/plan';
import { readCustomProperties } from '../../../src/adapters/exceljs/doc-props';
import { readWorkbookGrids } from '../../../src/adapters/exceljs/read';
import { renderWorkbook } from '../../../src/adapters/exceljs/render';
import { writePlanRows } from '../../../src/adapters/exceljs/sheet-chrome';
import type { SheetPlan } from '../../../src/core/plan/types';
import { streamRenderWorkbook } from '../../../src/adapters/exceljs/stream-render';
import { streamPlanRows } from '../../../src/adapters/exceljs/stream-rows';
import { SheetWriter } from '../../../src/adapters/exceljs/sheet-writer';
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

describe('streamRenderWorkbook holds only the rows it is writing', () => {
  // ExcelJS's streaming WorksheetWriter keeps uncommitted rows in `_rows` and, at each row's commit,
  // shift()s every earlier one out (lib/stream/xlsx/worksheet-writer.js, _commitRow). A merge made
  // before the rows created every row down to it, so each commit shifted a long sparse array: 73 s
  // of a 200-return consolidate went there. Watched here through that documented-in-source field.
  type Writer = { _rows: unknown[]; _commitRow(row: unknown): void; getRow(n: number): unknown; commit(): void };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const WorksheetWriter = require('exceljs/lib/stream/xlsx/worksheet-writer') as { prototype: Writer };
  const merges = plan.sheets.flatMap((s) => s.merges ?? []);

  it('through ExcelJS\'s rows (the reference), never holds more uncommitted rows than one merge spans, with merges down to the last row', async () => {
    const lastMergeTop = Math.max(...merges.map((m) => m.top));
    expect(lastMergeTop).toBeGreaterThan(20);
    const held: number[] = [];
    const original = WorksheetWriter.prototype._commitRow;
    const spy = jest.spyOn(WorksheetWriter.prototype, '_commitRow').mockImplementation(function (this: Writer, row: unknown) {
      held.push(this._rows.length);
      original.call(this, row);
    });
    try {
      const bytes = await streamRenderWorkbook(plan, { viaCellObjects: true });
      expect((await load(bytes)).worksheets[0]?.model.merges.length).toBe(merges.length);
    } finally {
      spy.mockRestore();
    }
    const tallest = Math.max(...merges.map((m) => m.bottom - m.top + 1));
    expect(held.length).toBeGreaterThan(20);
    expect(Math.max(...held)).toBeLessThanOrEqual(tallest);
  });

  it('through its own row XML and sheet writer, makes no ExcelJS row or worksheet at all, merges included', async () => {
    const getRow = jest.spyOn(WorksheetWriter.prototype, 'getRow');
    const excelCommit = jest.spyOn(WorksheetWriter.prototype, 'commit');
    const heldAtCommit: number[] = [];
    const commit = SheetWriter.prototype.commit;
    const commitSpy = jest.spyOn(SheetWriter.prototype, 'commit').mockImplementation(function (this: SheetWriter) {
      heldAtCommit.push((this._rows ?? [null]).length);
      commit.call(this);
    });
    try {
      const bytes = await streamRenderWorkbook(plan);
      expect((await load(bytes)).worksheets[0]?.model.merges.length).toBe(merges.length);
    } finally {
      getRow.mockRestore();
      excelCommit.mockRestore();
      commitSpy.mockRestore();
    }
    expect(getRow).not.toHaveBeenCalled();
    expect(excelCommit).not.toHaveBeenCalled();
    expect(heldAtCommit.length).toBe(plan.sheets.length);
    expect(heldAtCommit.every((n) => n === 0)).toBe(true);
  });
});
