import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { SheetPlan, WorkbookPlan } from '../../../src/core/plan/types';
import { renderWorkbook } from '../../../src/adapters/exceljs/render';
import { streamRenderWorkbook } from '../../../src/adapters/exceljs/stream-render';
import { readWorkbookGrids } from '../../../src/adapters/exceljs/read';
import { xstringText } from '../../../src/adapters/exceljs/xstring';
import { requireTools } from '../../helpers/tools';

/**
 * The in-memory renderer writes text as shared strings, the streaming one as `t="str"` values; ExcelJS,
 * LibreOffice and our reader undo escapes in the first and read the second as it is, so only shared
 * strings are escaped (a streamed paper escaped would show `_x005F_` in LibreOffice).
 * ST_Xstring (ECMA-376 Part 1 §22.9.2.19): readers turn `_xHHHH_` in a cell's text into the character
 * HHHH. Text that merely looks like one must be written with its underscore escaped (`_x005F_`) or
 * a lead's commentary changes on the way to the Cabinet paper.
 */

/** Text rich in things that look like escapes: `_x0041_`, `_x005F_`, half-escapes, plain text. */
const looksLikeEscapes = fc.array(fc.constantFrom('_x0041_', '_x005F_', '_x005f_', '_X0041_', '_x004_', '_x00e9_', '_', 'x', '0', 'F', '_x', 'a b', 'é'), { maxLength: 12 }).map((parts) => parts.join(''));

const workbook = (texts: readonly string[]): WorkbookPlan => ({
  sheets: [{ name: 'Notes', cells: [{ row: 1, col: 1, values: texts.map((t) => [t]) }], styles: [], columns: [], validations: [], conditionalFormats: [] } satisfies SheetPlan],
  properties: { custom: {} },
});

async function exceljsTexts(bytes: Uint8Array): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Notes');
  const out: unknown[] = [];
  ws?.eachRow((r) => out.push(r.getCell(1).value));
  return out;
}

describe('cell text that looks like an Excel escape', () => {
  it('is written so that it reads back as it was, by ExcelJS and by our reader, both renderers', async () => {
    await fc.assert(fc.asyncProperty(fc.array(looksLikeEscapes.filter((t) => t !== ''), { minLength: 1, maxLength: 6 }), async (texts) => {
      for (const render of [renderWorkbook, streamRenderWorkbook]) {
        const bytes = await render(workbook(texts));
        expect(await exceljsTexts(bytes)).toEqual(texts);
        const grid = (await readWorkbookGrids(bytes)).sheets.find((s) => s.sheet === 'Notes');
        expect(grid?.values.map((r) => r[0])).toEqual(texts);
      }
    }), { numRuns: 40 });
  });

  it('leaves text without an escape-like run alone, and escapes only the underscore that starts one', () => {
    fc.assert(fc.property(fc.string(), (t) => {
      if (!/_x[0-9A-Fa-f]{4}_/.test(t)) expect(xstringText(t)).toBe(t);
    }));
    expect(xstringText('_x0041_')).toBe('_x005F_x0041_');
    expect(xstringText('a_x0041_b_x1_')).toBe('a_x005F_x0041_b_x1_');
  });

  // LibreOffice Calc undoes `_x005F_` in shared strings (what the in-memory renderer writes), as Excel does.
  (requireTools('ST_Xstring escapes read by LibreOffice', 'soffice') ? it : it.skip)('reads back as typed in LibreOffice Calc', async () => {
    const texts = ['_x0041_', 'see _x005F_x0041_ here', 'Q2_x2013_Q3_'];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xstring-'));
    try {
      const file = path.join(dir, 'notes.xlsx');
      fs.writeFileSync(file, await renderWorkbook(workbook(texts)));
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'csv', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
      expect(fs.readFileSync(path.join(dir, 'notes.csv'), 'utf8').trim().split(/\r?\n/)).toEqual(texts);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
