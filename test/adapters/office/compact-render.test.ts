import { defaultCatalogue } from '../../../src/catalogue/index';
import { cabinetModel } from '../../../src/core/cabinet/model';
import { cabinetPlan } from '../../../src/core/cabinet/plan';
import { consolidate } from '../../../src/core/consolidate';
import { parsePeriod, type Period } from '../../../src/core/period';
import { findReturnGrids, validateGrid } from '../../../src/core/return/find';
import { templatePlan } from '../../../src/core/plan/template';
import type { SheetPlan } from '../../../src/core/plan/types';
import { fillReturnPlan } from '../../../src/core/sample/fill';
import { sampleReturns } from '../../../src/core/sample/returns';
import { DEMO_PERIOD } from '../../../src/preview/workbook';
import { seedDemoWorkbook } from '../../helpers/seed-fake';
import { catalogueOfSize, PERIOD } from './helpers';
import { drawn } from './state';

const period = parsePeriod(DEMO_PERIOD) as Period;
const cat = defaultCatalogue();

async function cabinetSheet(): Promise<SheetPlan> {
  const preview = seedDemoWorkbook(DEMO_PERIOD);
  const grids = findReturnGrids(preview.workbook.sheets.map((s) => preview.grid(s.name)));
  const inputs = grids.map((g) => ({ file: g.sheet, validation: validateGrid(cat, g, { period }) }));
  const plan = cabinetPlan(cabinetModel(cat, consolidate(cat, period, inputs), { generatedAt: '2024-10-21T09:00:00Z' }), { password: 'pw' });
  return plan.sheets[0] as SheetPlan;
}

function filledReturn(): SheetPlan {
  const r = sampleReturns(cat, period)[0];
  if (!r) throw new Error('no sample return');
  return fillReturnPlan(templatePlan(cat, period, { service: r.service }), r.entries, { 'Prepared by': r.preparedBy });
}

const plans: [string, () => SheetPlan | Promise<SheetPlan>][] = [
  ['the whole template of the embedded catalogue (quantitative, qualitative, suppressed, percent, counts)', () => templatePlan(cat, period, {})],
  ['a sample return filled in', filledReturn],
  ['a 300-row template', () => templatePlan(catalogueOfSize(300), parsePeriod(PERIOD) as Period, {})],
  ['the Cabinet sheet of the preview workbook', cabinetSheet],
];

describe('compact rendering leaves the workbook exactly as entry-by-entry rendering does', () => {
  it.each(plans)('%s, with and without RangeAreas', async (_name, make) => {
    const plan = await make();
    const reference = await drawn(plan, { compact: false });
    for (const rangeAreas of [true, false]) {
      const compact = await drawn(plan, { rangeAreas });
      expect(compact.state).toEqual(reference.state);
      expect(compact.maxRequest).toBeLessThan(reference.maxRequest);
    }
  }, 60000);

  it('writes the RAG formula text once for a whole template, not once per row', async () => {
    const plan = templatePlan(catalogueOfSize(300), parsePeriod(PERIOD) as Period, {});
    const rag = JSON.stringify(plan.cells.flatMap((b) => b.values.flat()).find((v) => v !== null && typeof v === 'object'));
    const compact = await drawn(plan, { rangeAreas: true });
    const reference = await drawn(plan, { compact: false });
    // One fill per formula column instead of 300 copies: the payload drops by more than 299 copies of the first formula.
    expect(reference.maxRequest - compact.maxRequest).toBeGreaterThan(299 * (rag.length - 20));
  }, 60000);
});
