import { lazyFileAdapters } from '../src/adapters/exceljs/lazy';
import { createOfficeServices } from '../src/adapters/office/services';
import { officeSettings } from '../src/adapters/office/settings';
import { formatPeriod } from '../src/core/period';
import { createFakeExcel } from '../src/preview/fake-excel/index';
import { BENCH_PERIOD, syntheticCatalogue } from './synthetic';

export type SyncTable = Record<'validate' | 'template' | 'cabinet', Record<string, number>>;

/** `context.sync()` calls of each pane command on the typed fake, at each number of rows. */
export async function measureSyncs(sizes: readonly number[]): Promise<{ syncs: SyncTable; maxRequestMb: number }> {
  const syncs: SyncTable = { validate: {}, template: {}, cabinet: {} };
  let maxRequest = 0;
  const period = formatPeriod(BENCH_PERIOD);
  for (const n of sizes) {
    const catalogue = syntheticCatalogue(n);
    const fake = createFakeExcel();
    const services = createOfficeServices({ run: fake.run, settings: officeSettings(fake.settings), files: lazyFileAdapters, host: { inExcel: false, label: 'bench' }, supports: () => true });
    const count = async (what: keyof SyncTable, work: () => Promise<unknown>): Promise<void> => {
      const before = fake.syncCount();
      await work();
      syncs[what][String(n)] = fake.syncCount() - before;
    };
    await count('template', () => services.insertTemplate(catalogue, period));
    await count('validate', () => services.validate(catalogue, { period }));
    await count('cabinet', () => services.createCabinetSheet(catalogue, period, {}));
    maxRequest = Math.max(maxRequest, ...fake.payloads);
  }
  return { syncs, maxRequestMb: maxRequest / (1024 * 1024) };
}
