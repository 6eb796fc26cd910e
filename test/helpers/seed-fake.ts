import { defaultCatalogue } from '../../src/catalogue/index';
import { parsePeriod, type Period } from '../../src/core/period';
import { templatePlan } from '../../src/core/plan/template';
import type { SheetPlan } from '../../src/core/plan/types';
import { LABEL, RETURN_SHEET } from '../../src/core/return/layout';
import { fillReturnPlan } from '../../src/core/sample/fill';
import { sampleReturns } from '../../src/core/sample/returns';
import { createFakeExcel, type FakeExcel } from '../../src/preview/fake-excel/index';
import { cellAt } from '../../src/preview/fake-excel/state';

/**
 * The demo returns written straight into the fake's own state: values, A1 formulas and number
 * formats, cell by cell, from the core's plans. It imports nothing from src/adapters on purpose:
 * tests of the Office adapter used the preview workbook, which the adapter itself seeds, so a bug
 * shared by the adapter and the seed hid itself (reviewer's finding, issue 16).
 */
export function seedSheet(fake: FakeExcel, plan: SheetPlan, name = plan.name): void {
  const sheet = fake.addSheet(name);
  for (const block of plan.cells) {
    block.values.forEach((row, i) => row.forEach((v, j) => {
      if (v === null) return;
      const cell = cellAt(sheet, block.row + i, block.col + j);
      if (typeof v === 'object') { cell.formula = v.formula.startsWith('=') ? v.formula : `=${v.formula}`; cell.value = ''; }
      else cell.value = v;
    }));
  }
  for (const { range, style } of plan.styles) {
    if (!style.numFmt) continue;
    for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) cellAt(sheet, r, c).numberFormat = style.numFmt;
  }
}

/** As createPreviewWorkbook lays it out: the first return as `Return` (active), the rest under their service names. */
export function seedDemoWorkbook(period: string, options: { maxSheets?: number } = {}): FakeExcel {
  const fake = createFakeExcel({ sheets: [] });
  const p = parsePeriod(period) as Period;
  const catalogue = defaultCatalogue();
  const returns = sampleReturns(catalogue, p).slice(0, options.maxSheets ?? Infinity);
  for (const [i, r] of returns.entries()) {
    const base = templatePlan(catalogue, p, { service: r.service });
    const filled = fillReturnPlan(base, r.entries, { [LABEL.preparedBy]: r.preparedBy, [LABEL.ready]: r.ready ? 'Yes' : null });
    seedSheet(fake, filled, i === 0 ? RETURN_SHEET : r.service.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
  }
  return fake;
}
