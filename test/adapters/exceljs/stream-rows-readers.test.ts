import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as streamRender from '../../../src/adapters/exceljs/stream-render';
import type { WorkbookPlan } from '../../../src/core/plan/types';
import { describeWith } from '../../helpers/tools';
import { main } from '../../../src/cli/main';
import { recalculatedCsv } from './libreoffice';

/**
 * The demo's real Cabinet paper, written as the command line writes it (own row XML, stream-rows.ts,
 * in package-writer.ts's zip) and all through ExcelJS (its Row/Cell objects and its own streaming
 * WorkbookWriter with archiver), read by the two other readers a paper meets: LibreOffice Calc (its
 * CSV export of the sheet as shown: values through their number formats) and openpyxl (values,
 * types, number formats, fonts, fills, alignment, borders, protection, merges, row heights and
 * breaks). Both must read the same.
 */

/** The Python that has Debian's python3-openpyxl (as test/helpers/tools.ts finds it). */
const python = ['/usr/bin/python3', 'python3'].find((py) => spawnSync(py, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0) ?? 'python3';

// openpyxl 3 API: load_workbook, iter_rows, cell styles, merged_cells, row_dimensions, row_breaks.
const OPENPYXL_DUMP = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    cells = []
    for row in ws.iter_rows():
        for c in row:
            if c.value is None and not c.has_style:
                continue
            cells.append([c.coordinate, repr(c.value), c.data_type, c.number_format, c.font.b, c.font.i, c.font.sz,
                          c.font.color.rgb if c.font.color is not None else None, c.fill.fill_type, c.fill.fgColor.rgb,
                          c.alignment.wrap_text, c.alignment.horizontal, c.alignment.vertical, c.border.top.style, c.protection.locked])
    out.append({'title': ws.title, 'cells': cells, 'merges': sorted(str(m) for m in ws.merged_cells.ranges),
                'heights': sorted([r, d.height] for r, d in ws.row_dimensions.items() if d.height is not None),
                'breaks': [b.id for b in ws.row_breaks.brk]})
print(json.dumps(out, default=str))
`;

function openpyxlRead(bytes: Uint8Array): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-rows-py-'));
  try {
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, bytes);
    return JSON.parse(execFileSync(python, ['-c', OPENPYXL_DUMP, file], { timeout: 120_000, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Cabinet plan(s) the demo renders, caught on their way into the streaming renderer. */
async function demoCabinetPlans(): Promise<WorkbookPlan[]> {
  const plans: WorkbookPlan[] = [];
  const real = streamRender.streamRenderWorkbook;
  const spy = jest.spyOn(streamRender, 'streamRenderWorkbook').mockImplementation((plan, options) => {
    plans.push(plan);
    return real(plan, options);
  });
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-rows-demo-'));
  try {
    // Not test/helpers/demo.ts's cached copy: the plan is only seen while the demo makes its paper.
    const code = await main(['demo', '--out', 'demo'], { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: dir });
    expect(code).toBe(0);
  } finally {
    spy.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  }
  return plans;
}

describeWith(['soffice', 'openpyxl'], 'the demo Cabinet through LibreOffice and openpyxl')('the demo Cabinet paper, own rows and package against ExcelJS\'s', () => {
  let own: Uint8Array;
  let cells: Uint8Array;
  beforeAll(async () => {
    const plans = await demoCabinetPlans();
    expect(plans.length).toBeGreaterThan(0);
    const plan = plans[0] as WorkbookPlan;
    expect(plan.sheets[0]?.merges?.length ?? 0).toBeGreaterThan(0);
    own = await streamRender.streamRenderWorkbook(plan);
    cells = await streamRender.streamRenderWorkbook(plan, { viaCellObjects: true, viaExcelJSWriter: true });
  }, 300_000);

  it('reads the same in LibreOffice Calc', () => {
    const a = recalculatedCsv(own);
    expect(a.length).toBeGreaterThan(20);
    expect(a).toEqual(recalculatedCsv(cells));
  }, 300_000);

  it('reads the same in openpyxl', () => {
    const a = openpyxlRead(own) as { cells: unknown[] }[];
    expect(a[0]?.cells.length).toBeGreaterThan(100);
    expect(a).toEqual(openpyxlRead(cells));
  }, 300_000);
});
