/**
 * The typed in-memory fake of the Excel API subset (src/adapters/office/excel-types.ts). It lives
 * in src/preview/fake-excel because the browser preview runs on it too; tests import it from here.
 */
import { renderSheetPlan } from '../../../src/adapters/office/render';
import type { SheetPlan } from '../../../src/core/plan/types';
import { createFakeExcel, type FakeExcel, type FakeExcelOptions } from '../../../src/preview/fake-excel/index';

export { createFakeExcel, FakeOfficeError } from '../../../src/preview/fake-excel/index';
export type { FakeExcel, FakeExcelOptions } from '../../../src/preview/fake-excel/index';

/** A fake workbook holding the given sheet plans (drawn through the adapter's renderer), sync count reset by the caller's reading of the delta. */
export async function seededFake(plans: readonly SheetPlan[], options: FakeExcelOptions = {}): Promise<FakeExcel> {
  const fake = createFakeExcel(options);
  for (const plan of plans) {
    await fake.run((ctx) => renderSheetPlan(ctx, plan, { mode: 'new', pageLayout: true, documentProperties: true }));
  }
  return fake;
}
