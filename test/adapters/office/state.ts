import { renderSheetPlan, type RenderOptions } from '../../../src/adapters/office/render';
import type { SheetPlan } from '../../../src/core/plan/types';
import { forEachCell } from '../../../src/preview/fake-excel/state';
import { createFakeExcel, type FakeExcel } from './excel-fake';

/**
 * A sheet's state as Excel shows it, cell by cell: how the renderer batched its requests (one
 * validation per area or per cell, one border range or many) must not show here.
 */
export function sheetState(fake: FakeExcel, name: string): Record<string, unknown> {
  const s = fake.sheet(name);
  const cells: Record<string, unknown> = {};
  for (const [key, cell] of [...s.cells].sort(([a], [b]) => a.localeCompare(b))) cells[key] = cell;
  const validation: Record<string, string> = {};
  for (const v of s.validations) {
    const { rect, ...rule } = v;
    forEachCell(rect, (row, col) => { validation[`${row},${col}`] = JSON.stringify(rule); });
  }
  return {
    cells,
    validation: Object.fromEntries(Object.entries(validation).sort(([a], [b]) => a.localeCompare(b))),
    conditionalFormats: s.conditionalFormats.map((cf) => ({ ...cf })).sort((a, b) => a.priority - b.priority),
    lines: [...s.lines].sort(([a], [b]) => a.localeCompare(b)),
    columnWidths: [...s.columnWidths].sort((a, b) => a[0] - b[0]),
    hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b),
    rowHeights: [...s.rowHeights].sort((a, b) => a[0] - b[0]),
    merges: s.merges, protection: s.protection, freeze: s.freeze, page: s.page, names: [...s.names],
    tabColor: s.tabColor, visibility: s.visibility,
  };
}

/** Draw one plan on a fresh fake; the sheet's state, the syncs and the largest request. */
export async function drawn(plan: SheetPlan, options: Partial<RenderOptions> = {}): Promise<{ state: Record<string, unknown>; syncs: number; maxRequest: number; fake: FakeExcel }> {
  const fake = createFakeExcel();
  const report = await fake.run((ctx) => renderSheetPlan(ctx, plan, { mode: 'new', pageLayout: true, documentProperties: true, ...options }));
  return { state: sheetState(fake, report.sheet), syncs: fake.syncCount(), maxRequest: Math.max(...fake.payloads), fake };
}
