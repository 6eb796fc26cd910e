import { lazyFileAdapters } from '../adapters/exceljs/lazy';
import { createOfficeServices } from '../adapters/office/services';
import { officeSettings } from '../adapters/office/settings';
import { defaultCatalogue } from '../catalogue/index';
import { parsePeriod, type Period } from '../core/period';
import { templatePlan } from '../core/plan/template';
import { LABEL, RETURN_SHEET } from '../core/return/layout';
import { fillReturnPlan } from '../core/sample/fill';
import { sampleReturns } from '../core/sample/returns';
import { installPreviewHook } from '../taskpane/preview-hook';
import type { ScorecardServices } from '../app/ports';
import { createFakeExcel, type FakeExcel } from './fake-excel/index';
import { openSheetPlan } from './fake-excel/open-plan';
import { gateUntilSeeded, inIdleSlices } from './seeding';

/** The quarter the browser preview opens on. */
export const DEMO_PERIOD = '2024-25 Q2';
export const PREVIEW_LABEL = 'Browser preview — not running in Excel';

/**
 * The sample returns as steps, one per return in order: the first as `Return` (active), the rest
 * under their service names. Each is put straight into the workbook, as Excel holds a workbook
 * it opened (open-plan.ts), not written through the Office adapter: the pane then reads, through
 * that adapter, a workbook the adapter did not make, so a bug of its own cannot hide in its seed.
 */
export function seedSteps(fake: FakeExcel, period: string, maxSheets: number): (() => void)[] {
  const p = parsePeriod(period) as Period;
  const catalogue = defaultCatalogue();
  const returns = sampleReturns(catalogue, p).slice(0, maxSheets);
  return returns.map((r, i) => () => {
    const base = templatePlan(catalogue, p, { service: r.service });
    const labels = { [LABEL.preparedBy]: r.preparedBy, [LABEL.ready]: r.ready ? 'Yes' : null };
    const filled = fillReturnPlan(base, r.entries, labels);
    const sheet = openSheetPlan(fake.workbook, filled, sampleSheetName(r.service, i));
    if (i === 0) fake.workbook.activeSheetId = sheet.id;
  });
}

/** The first sample return is the lead's `Return`; the others go under their service's name, as a sheet name may hold it. */
export function sampleSheetName(service: string, index: number): string {
  return index === 0 ? RETURN_SHEET : service.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
}

/** The pane's services over the preview workbook: the same code as in Excel, on the fake. */
export async function createPreviewServices(): Promise<ScorecardServices> {
  return (await createPreviewSession()).services;
}

/**
 * The preview workbook and the pane's services over it; the preview page also shows `fake` in the
 * grid.
 *
 * Seeding all the returns takes most of a second, so only `Return` is seeded before this resolves;
 * the others follow in idle slices (`seeded` settles when they are in). Services that read other
 * sheets wait for `seeded` (seeding.ts), so no action sees a half-seeded workbook.
 */
export async function createPreviewSession(): Promise<{ fake: FakeExcel; services: ScorecardServices; seeded: Promise<void> }> {
  const fake = createFakeExcel();
  const [first, ...rest] = seedSteps(fake, DEMO_PERIOD, Infinity);
  first?.();
  const seeded = inIdleSlices(rest);
  // A failed seed rejects the gated services' calls, in words; nothing else awaits it.
  seeded.catch(() => undefined);
  installPreviewHook(fake);
  const services = createOfficeServices({
    run: fake.run,
    settings: officeSettings(fake.settings),
    files: lazyFileAdapters,
    host: { inExcel: false, label: PREVIEW_LABEL, limitations: ['Nothing is saved: this is an in-memory workbook for trying the add-in outside Excel.'] },
    supports: () => true,
    workbookLabel: 'Preview workbook',
  });
  return { fake, services: gateUntilSeeded(services, seeded), seeded };
}
