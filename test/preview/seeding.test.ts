import fc from 'fast-check';
import type { ScorecardServices } from '../../src/app/ports';
import { defaultCatalogue } from '../../src/catalogue/index';
import { gateUntilSeeded, runsBeforeSeeded } from '../../src/preview/seeding';
import { createPreviewSession, DEMO_PERIOD } from '../../src/preview/workbook';

/**
 * Issue #16: the preview seeds `Return` before the pane renders and the other sample returns in
 * idle slices after; services that read other sheets wait until all are in.
 */

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

/** A services object whose every method notes that it ran. */
function recorder(names: readonly string[]): { services: ScorecardServices; ran: string[] } {
  const ran: string[] = [];
  const services = Object.fromEntries(names.map((n) => [n, async () => { ran.push(n); return n; }]));
  return { services: { host: { inExcel: false }, ...services } as unknown as ScorecardServices, ran };
}

const GATED = ['consolidate', 'cabinetPreview', 'createCabinetSheet', 'downloadCabinet', 'openCabinetWorkbook', 'createDashboard', 'insertTemplate'];
const FREE = ['validate', 'returnPeriod', 'onReturnChanged', 'selectCell', 'markReady', 'signOff', 'getSavedCatalogueUrl'];

describe('gateUntilSeeded', () => {
  it('runs Return-only services at once and holds the ones that read other sheets until seeding ends', async () => {
    const { services, ran } = recorder([...GATED, ...FREE]);
    const seeding = deferred();
    const gated = gateUntilSeeded(services, seeding.promise);
    const calls = [...GATED, ...FREE].map((n) => (gated as unknown as Record<string, () => Promise<string>>)[n]!());
    await new Promise((r) => setTimeout(r, 5));
    expect(ran.sort()).toEqual([...FREE].sort());
    seeding.resolve();
    await expect(Promise.all(calls)).resolves.toEqual([...GATED, ...FREE]);
    expect(ran.sort()).toEqual([...GATED, ...FREE].sort());
  });

  it('holds any service it does not know (a new one is safe by default)', () => {
    fc.assert(fc.property(fc.string({ minLength: 1 }).filter((n) => !FREE.includes(n) && !['loadCatalogue', 'saveCatalogueUrl', 'filesPeriod', 'loadMaster', 'clearMaster', 'getMaster'].includes(n)), (name) => {
      expect(runsBeforeSeeded(name)).toBe(false);
    }));
  });

  it('a failed seed fails the held services, in words, and never runs them', async () => {
    const { services, ran } = recorder(['consolidate']);
    const seeding = deferred();
    const gated = gateUntilSeeded(services, seeding.promise);
    const call = (gated as unknown as { consolidate: () => Promise<string> }).consolidate();
    seeding.reject(new Error('The sample returns could not be seeded.'));
    await expect(call).rejects.toThrow('could not be seeded');
    expect(ran).toEqual([]);
  });
});

describe('createPreviewSession', () => {
  it('resolves with only Return seeded, and a Cabinet preview asked for at once sees every sample return', async () => {
    const { fake, services, seeded } = await createPreviewSession();
    const early = fake.workbook.sheets.filter((s) => s.cells.size > 0).map((s) => s.name);
    expect(early).toEqual(['Return']);
    const catalogue = defaultCatalogue();
    const [atOnce] = await Promise.all([services.cabinetPreview(catalogue, DEMO_PERIOD), services.validate(catalogue, { period: DEMO_PERIOD })]);
    await seeded;
    const seededSheets = fake.workbook.sheets.filter((s) => s.cells.size > 0).length;
    expect(seededSheets).toBeGreaterThan(20);
    expect(atOnce).toEqual(await services.cabinetPreview(catalogue, DEMO_PERIOD));
  });
});
