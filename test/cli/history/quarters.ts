import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderWorkbook } from '../../../src/adapters/exceljs/render';
import { returnTemplate } from '../../../src/app/insert-template';
import { effectiveCatalogue } from '../../../src/core/catalogue/effective';
import type { Catalogue } from '../../../src/core/catalogue/schema';
import { formatPeriod, type Period } from '../../../src/core/period';
import { LABEL } from '../../../src/core/return/layout';
import { fillReturnPlan, type ReturnEntry } from '../../../src/core/sample/fill';
import { sampleReturns, slug } from '../../../src/core/sample/returns';

/** Services whose indicators carry the run's stories: a target raised, one added, one retired, annual, rolling, suppressed. */
export const SERVICES = [
  'Customer Services', 'Community Safety and Enforcement', 'Parks and Open Spaces', 'Human Resources',
  'Transport and Road Safety', "Children's Social Care",
];

/** CS01 as typed each quarter (k = 0 … 11): a known series for direction of travel and trends. */
export const CS01 = [80, 81, 79, 82, 83, 83, 83, 85, 86, 86, 84, 88];

/** Write one filled return per service for the period, against the catalogue as it applied then. */
export async function writeReturns(dir: string, full: Catalogue, period: Period, k: number, overrides: Readonly<Record<string, ReturnEntry>> = {}): Promise<string[]> {
  const cat = effectiveCatalogue(full, period);
  const folder = path.join(dir, `q${String(k).padStart(2, '0')}`);
  fs.mkdirSync(folder, { recursive: true });
  const files: string[] = [];
  for (const sample of sampleReturns(cat, period, { seed: 100 + k, services: SERVICES })) {
    const plan = returnTemplate(cat, period, sample.service).workbook;
    const [sheet] = plan.sheets;
    if (!sheet) throw new Error('no template sheet');
    const entries = sample.entries.map((e) => {
      if (overrides[e.ref]) return { ...e, ...overrides[e.ref] };
      if (e.ref === 'CS01') return { ...e, actual: CS01[k] ?? null, numerator: null, denominator: null, commentary: 'Steady', action: 'Keep the call-back service' };
      return e;
    });
    const filled = fillReturnPlan(sheet, entries, { [LABEL.preparedBy]: sample.preparedBy, [LABEL.ready]: 'Yes' });
    const file = path.join(folder, `${slug(formatPeriod(period))}-${sample.file}`);
    fs.writeFileSync(file, await renderWorkbook({ ...plan, sheets: [filled] }));
    files.push(path.relative(dir, file));
  }
  return files;
}
