import { renderSheetPlan } from '../../../src/adapters/office/render';
import { defaultCatalogue } from '../../../src/catalogue/index';
import { parsePeriod, type Period } from '../../../src/core/period';
import { templatePlan } from '../../../src/core/plan/template';
import { LABEL } from '../../../src/core/return/layout';
import { fillReturnPlan } from '../../../src/core/sample/fill';
import { sampleReturns } from '../../../src/core/sample/returns';
import { createFakeExcel } from '../../../src/preview/fake-excel/index';
import type { FakeSheet } from '../../../src/preview/fake-excel/state';
import { DEMO_PERIOD, sampleSheetName } from '../../../src/preview/workbook';
import { seedDemoWorkbook } from '../../helpers/seed-fake';

/**
 * The preview opens its sample returns straight into the fake's state (open-plan.ts), without the
 * Office adapter. Here the adapter's renderSheetPlan writes the same returns through the Excel API
 * into a fresh fake: the two workbooks must hold the same thing in every aspect the fake keeps —
 * cells (values, formulas, number formats, fonts, fills, alignment, locking), borders, merges,
 * column widths, hidden columns, row heights, validations, conditional formats, panes, page
 * layout, names, tab colour, visibility and protection — so neither can drift without a failing test.
 */

/**
 * What a sheet holds, without its id and event handlers; maps and sets as sorted entries. A cell
 * written empty with nothing else is no cell (state.ts: an absent cell is empty and unstyled).
 * Validations cell by cell: Excel keeps a validation per cell, however the ranges were grouped
 * when it was set (the adapter joins equal neighbours).
 */
function holds(s: FakeSheet): Record<string, unknown> {
  const sorted = <T>(xs: Iterable<T>): T[] => [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return {
    name: s.name, cells: sorted([...s.cells].filter(([, c]) => !(c.value === null && Object.keys(c).length === 1))), lines: sorted(s.lines), merges: sorted(s.merges),
    columnWidths: sorted(s.columnWidths), hiddenColumns: sorted(s.hiddenColumns), rowHeights: sorted(s.rowHeights),
    validations: sorted(s.validations.flatMap(({ rect, ...v }) => {
      const out: unknown[] = [];
      for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) out.push([r, c, v]);
      return out;
    })), conditionalFormats: s.conditionalFormats, freeze: s.freeze, page: s.page,
    names: sorted(s.names), tabColor: s.tabColor, visibility: s.visibility, protection: s.protection,
  };
}

it('the Office adapter writes the demo returns exactly as the preview opens them', async () => {
  const viaAdapter = createFakeExcel({ sheets: [] });
  const p = parsePeriod(DEMO_PERIOD) as Period;
  const catalogue = defaultCatalogue();
  for (const [i, r] of sampleReturns(catalogue, p).slice(0, 3).entries()) {
    const filled = fillReturnPlan(templatePlan(catalogue, p, { service: r.service }), r.entries, { [LABEL.preparedBy]: r.preparedBy, [LABEL.ready]: r.ready ? 'Yes' : null });
    await viaAdapter.run((ctx) => renderSheetPlan(ctx, { ...filled, name: sampleSheetName(r.service, i) }, { mode: 'new', pageLayout: true, documentProperties: true, activate: i === 0 }));
  }
  const opened = seedDemoWorkbook(DEMO_PERIOD, { maxSheets: 3 });
  expect(viaAdapter.workbook.sheets.map(holds)).toEqual(opened.workbook.sheets.map(holds));
  expect([...viaAdapter.workbook.names]).toEqual([...opened.workbook.names]);
  const active = (f: typeof opened): string | undefined => f.workbook.sheets.find((s) => s.id === f.workbook.activeSheetId)?.name;
  expect(active(viaAdapter)).toBe(active(opened));
});
