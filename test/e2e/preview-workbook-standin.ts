// Stand-in for src/preview/workbook.ts's createPreviewServices, used only by
// test/e2e/webpack.config.js while the real one does not install the dev hook
// (`installPreviewHook(fake)` from src/taskpane/preview-hook.ts). The same workbook and services,
// plus the hook the e2e types into and reads the selection through.
import { createOfficeServices } from '../../src/adapters/office/services';
import { createPreviewWorkbook, PREVIEW_LABEL } from '../../src/preview/workbook';
import { installPreviewHook } from '../../src/taskpane/preview-hook';
import type { ScorecardServices } from '../../src/taskpane/services';

export async function createPreviewServices(): Promise<ScorecardServices> {
  const fake = await createPreviewWorkbook();
  installPreviewHook(fake);
  return createOfficeServices({
    run: fake.run,
    settings: fake.settings,
    host: { inExcel: false, label: PREVIEW_LABEL, limitations: ['Nothing is saved: this is an in-memory workbook for trying the add-in outside Excel.'] },
    supports: () => true,
    workbookLabel: 'Preview workbook',
  });
}
