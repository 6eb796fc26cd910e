import type { ScorecardServices } from '../app/ports';

/**
 * Services that read or write only the Return sheet (or settings, or files the person picks) and so
 * may run while the other sample returns are still being seeded. Every other service (consolidate,
 * Cabinet, dashboard, inserting a sheet — and any service added later) waits for the seeding to
 * finish, so no action ever sees a half-seeded workbook. An allow-list, so the safe side is the default.
 */
const RETURN_ONLY: ReadonlySet<string> = new Set([
  'loadCatalogue', 'getSavedCatalogueUrl', 'saveCatalogueUrl', 'validate', 'selectCell', 'returnPeriod',
  'filesPeriod', 'onReturnChanged', 'loadMaster', 'clearMaster', 'getMaster', 'markReady', 'signOff',
]);

export const runsBeforeSeeded = (name: string): boolean => RETURN_ONLY.has(name);

/** `services` with every call outside RETURN_ONLY held until `seeded` settles (a failed seed fails them, in words). */
export function gateUntilSeeded(services: ScorecardServices, seeded: Promise<void>): ScorecardServices {
  const gated: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(services)) {
    if (typeof value !== 'function' || runsBeforeSeeded(name)) {
      gated[name] = typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(services) : value;
      continue;
    }
    const call = value as (...a: unknown[]) => Promise<unknown>;
    gated[name] = async (...args: unknown[]) => {
      await seeded;
      return call.apply(services, args);
    };
  }
  return gated as unknown as ScorecardServices;
}

/** Run `steps` one at a time, each in its own idle slice (requestIdleCallback where there is one), so the pane stays responsive. */
export async function inIdleSlices(steps: readonly (() => void | Promise<void>)[]): Promise<void> {
  const idle = (): Promise<void> => new Promise((resolve) => {
    const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
    if (ric) ric(() => resolve(), { timeout: 200 });
    else setTimeout(resolve, 0);
  });
  for (const step of steps) {
    await idle();
    await step();
  }
}
