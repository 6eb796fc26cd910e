// Stand-in for src/preview/workbook.ts, used only by test/e2e/webpack.config.js while that file is
// missing: the Office services over the in-memory fake workbook, with the dev hook installed.
import { createOfficeServices } from '../../src/adapters/office/services';
import { createFakeExcel } from '../../src/preview/fake-excel';
import { installPreviewHook } from '../../src/taskpane/preview-hook';
import type { ScorecardServices } from '../../src/taskpane/services';

export async function createPreviewServices(): Promise<ScorecardServices> {
  const fake = createFakeExcel();
  fake.addSheet('Sheet1');
  installPreviewHook(fake);
  return createOfficeServices({
    run: fake.run,
    settings: fake.settings,
    host: { inExcel: false, label: 'Browser preview (e2e stand-in)' },
    supports: () => true,
  });
}
