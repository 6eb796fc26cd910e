import { createPreviewWorkbook, DEMO_PERIOD } from '../../../src/preview/workbook';
import { seedDemoWorkbook } from '../../helpers/seed-fake';

// The adapter's renderSheetPlan (which seeds the preview) against the independent seed (test/helpers/seed-fake.ts):
// the same values, formulas and number formats cell for cell, so neither can drift without a failing test.
it('the Office adapter renders the demo returns exactly as the independent seed writes them', async () => {
  const viaAdapter = await createPreviewWorkbook(DEMO_PERIOD, { maxSheets: 3 });
  const seeded = seedDemoWorkbook(DEMO_PERIOD, { maxSheets: 3 });
  const names = seeded.workbook.sheets.map((s) => s.name);
  expect(viaAdapter.workbook.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(names));
  for (const name of names) {
    expect(viaAdapter.grid(name)).toEqual(seeded.grid(name));
    const formulas = (f: typeof seeded): string[] => [...f.sheet(name).cells.entries()].filter(([, c]) => c.formula !== undefined).map(([k, c]) => `${k}=${c.formula}`).sort();
    expect(formulas(viaAdapter)).toEqual(formulas(seeded));
  }
});
