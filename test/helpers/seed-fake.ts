import { createFakeExcel, type FakeExcel } from '../../src/preview/fake-excel/index';
import { seedSteps } from '../../src/preview/workbook';

/**
 * The demo returns as the preview opens them (src/preview/fake-excel/open-plan.ts: straight into
 * the fake's state, nothing of src/adapters), in a workbook holding only them: the first is
 * `Return` (active), the rest under their service names. Tests of the Office adapter read this,
 * so a bug shared by the adapter's writing and its reading cannot hide in the fixture
 * (reviewer's finding, issue 16); seed-agrees.test.ts holds the adapter's writing to it.
 */
export function seedDemoWorkbook(period: string, options: { maxSheets?: number } = {}): FakeExcel {
  const fake = createFakeExcel({ sheets: [] });
  for (const step of seedSteps(fake, period, options.maxSheets ?? Infinity)) step();
  return fake;
}
