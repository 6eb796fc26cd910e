import { lazyFileAdapters } from '../src/adapters/exceljs/lazy';
import { BLOCK_CELLS, HEAD } from '../src/adapters/office/read';
import { createOfficeServices } from '../src/adapters/office/services';
import { officeSettings } from '../src/adapters/office/settings';
import { formatPeriod } from '../src/core/period';
import { createFakeExcel } from '../src/preview/fake-excel/index';
import { BENCH_PERIOD, syntheticCatalogue } from './synthetic';

export type SyncTable = Record<'validate' | 'template' | 'cabinet', Record<string, number>>;

/** `context.sync()` calls of each pane command on the typed fake, at each number of rows. */
/**
 * Read syncs a return of `rows` adds after the first read: its columns below the sheet's top, in
 * blocks of BLOCK_CELLS cells (the template has 10 columns the reader knows), within Excel on the
 * web's 5 MB response. The sync budgets allow these and nothing else that grows with the rows.
 */
export function readBlocks(rows: number): number {
  return rows + 14 <= HEAD.rows ? 0 : Math.ceil(rows / Math.floor(BLOCK_CELLS / 10));
}

export async function measureSyncs(sizes: readonly number[]): Promise<{ syncs: SyncTable; maxRequestMb: number; maxResponseMb: number }> {
  const syncs: SyncTable = { validate: {}, template: {}, cabinet: {} };
  let maxRequest = 0;
  let maxResponse = 0;
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
    maxResponse = Math.max(maxResponse, ...fake.responses);
  }
  return { syncs, maxRequestMb: maxRequest / (1024 * 1024), maxResponseMb: maxResponse / (1024 * 1024) };
}
