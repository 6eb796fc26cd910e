import { defaultCatalogue } from '../../../src/catalogue/index';
import type { Catalogue, Indicator } from '../../../src/core/catalogue/schema';
import { createOfficeServices } from '../../../src/adapters/office/services';
import { officeSettings } from '../../../src/adapters/office/settings';
import type { FileAdapters } from '../../../src/app/ports';
import { createFakeExcel, type FakeExcel } from './excel-fake';

export const PERIOD = '2024-25 Q2';

/** The default catalogue with its first quarterly, numeric, higher-is-better indicator copied to make `n` rows for one service. */
export function catalogueOfSize(n: number): Catalogue {
  const cat = defaultCatalogue();
  const model = cat.indicators.find((i) => i.kind === 'quantitative' && i.polarity === 'higher' && i.frequency === 'quarterly' && i.dueQuarters.includes('Q2') && !i.targetProfile);
  if (!model) throw new Error('no model indicator');
  const indicators: Indicator[] = Array.from({ length: n }, (_, k) => ({ ...model, id: `T${String(k + 1).padStart(5, '0')}`, service: 'Test Service', title: `${model.title} (${k + 1})` }));
  return { ...cat, indicators, changes: [] };
}

export const noFiles: FileAdapters = {
  renderWorkbook: async () => new Uint8Array([80, 75]),
  readWorkbookGrids: async () => [],
};

export function servicesOn(fake: FakeExcel, extra: Partial<Parameters<typeof createOfficeServices>[0]> = {}) {
  return createOfficeServices({
    run: fake.run,
    settings: officeSettings(fake.settings),
    host: { inExcel: false, label: 'Test' },
    supports: () => true,
    files: noFiles,
    now: () => new Date('2024-10-21T09:00:00Z'),
    debounceMs: 10,
    ...extra,
  });
}

export function freshFake(): FakeExcel {
  return createFakeExcel();
}
