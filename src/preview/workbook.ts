import { lazyFileAdapters } from '../adapters/exceljs/lazy';
import { renderSheetPlan } from '../adapters/office/render';
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
import { gateUntilSeeded, inIdleSlices } from './seeding';

/** The quarter the browser preview opens on. */
export const DEMO_PERIOD = '2024-25 Q2';
export const PREVIEW_LABEL = 'Browser preview — not running in Excel';

/** One step per sample return, in order: the first as `Return` (active), the rest under their service names. */
function seedSteps(fake: FakeExcel, period: string, maxSheets: number): (() => Promise<void>)[] {
  const p = parsePeriod(period) as Period;
  const catalogue = defaultCatalogue();
  const returns = sampleReturns(catalogue, p).slice(0, maxSheets);
  return returns.map((r, i) => async () => {
    const base = templatePlan(catalogue, p, { service: r.service });
    const labels = { [LABEL.preparedBy]: r.preparedBy, [LABEL.ready]: r.ready ? 'Yes' : null };
    const filled = fillReturnPlan(base, r.entries, labels);
    const name = i === 0 ? RETURN_SHEET : r.service.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
    await fake.run((ctx) => renderSheetPlan(ctx, { ...filled, name }, { mode: 'new', pageLayout: true, documentProperties: true, activate: i === 0 }));
  });
}

/**
 * A fake workbook holding the embedded catalogue's sample returns for the demo period: the first
 * as `Return` (the one the pane validates), the rest under their service names, so consolidation
 * and the Cabinet preview have a whole council's returns to work on.
 */
export async function createPreviewWorkbook(period: string = DEMO_PERIOD, options: { maxSheets?: number } = {}): Promise<FakeExcel> {
  const fake = createFakeExcel();
  for (const step of seedSteps(fake, period, options.maxSheets ?? Infinity)) await step();
  return fake;
}

/** The pane's services over the preview workbook: the same code as in Excel, on the fake. */
export async function createPreviewServices(): Promise<ScorecardServices> {
  return (await createPreviewSession()).services;
}

/**
 * The preview workbook and the pane's services over it; the preview page also shows `fake` in the
 * grid. Seeding uses the Office adapter on purpose: this is the app, not a test double (tests seed
 * their fixtures independently, test/helpers/seed-fake.ts).
 *
 * Seeding all the returns takes most of a second, so only `Return` is seeded before this resolves;
 * the others follow in idle slices (`seeded` settles when they are in). Services that read other
 * sheets wait for `seeded` (seeding.ts), so no action sees a half-seeded workbook.
 */
export async function createPreviewSession(): Promise<{ fake: FakeExcel; services: ScorecardServices; seeded: Promise<void> }> {
  const fake = createFakeExcel();
  const [first, ...rest] = seedSteps(fake, DEMO_PERIOD, Infinity);
  await first?.();
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
