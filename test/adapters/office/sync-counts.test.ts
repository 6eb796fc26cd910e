import { BLOCK_CELLS, HEAD } from '../../../src/adapters/office/read';
import { renderSheetPlan } from '../../../src/adapters/office/render';
import { parsePeriod, type Period } from '../../../src/core/period';
import { templatePlan } from '../../../src/core/plan/template';
import { catalogueOfSize, freshFake, PERIOD, servicesOn } from './helpers';

/** The Office services' round trips do not grow with the catalogue, and no request passes Excel's limit (jest project `slow`: 10,000 rows). */
async function measure(n: number) {
  const fake = freshFake();
  const s = servicesOn(fake);
  const cat = catalogueOfSize(n);
  const at = () => fake.syncCount();
  let t = at();
  await s.insertTemplate(cat, PERIOD);
  const template = at() - t;
  t = at();
  await s.validate(cat, { period: PERIOD });
  const validate = at() - t;
  t = at();
  await s.createCabinetSheet(cat, PERIOD, {});
  const cabinet = at() - t;
  return { template, validate, cabinet, fake };
}

/**
 * Reading a return: the sheet's top in the first read sync, then the reader's columns (the template
 * has 10 the reader knows) in blocks of BLOCK_CELLS cells, one sync each (Excel on the web's 5 MB
 * response limit): syncs grow with the data in blocks, never per row.
 */
const blocks = (rows: number): number => (rows + 14 <= HEAD.rows ? 0 : Math.ceil(rows / Math.floor(BLOCK_CELLS / 10)));

describe('sync counts do not grow with rows', () => {
  const counts = (m: Awaited<ReturnType<typeof measure>>, rows: number) => ({ template: m.template, validate: m.validate - blocks(rows), cabinet: m.cabinet - blocks(rows) });

  it('are the same at 10 and 1,000 rows but for the read blocks, at most 3 each', async () => {
    const small = await measure(10);
    const big = await measure(1000);
    expect(counts(big, 1000)).toEqual(counts(small, 10));
    expect(Math.max(small.template, small.validate, small.cabinet)).toBeLessThanOrEqual(3);
  });

  it('are the same at 10,000 rows but for the read blocks, with every request and response under 4 MB (Excel on the web rejects 5 MB)', async () => {
    const small = await measure(10);
    const huge = await measure(10000);
    expect(counts(huge, 10000)).toEqual(counts(small, 10));
    expect(Math.max(...huge.fake.payloads)).toBeLessThan(4 * 1024 * 1024);
    expect(Math.max(...huge.fake.responses)).toBeLessThan(4 * 1024 * 1024);
  }, 60000);

  it('still splits a write that would pass the limit, rather than fail', async () => {
    const fake = freshFake();
    const cat = catalogueOfSize(200);
    const plan = templatePlan(cat, parsePeriod(PERIOD) as Period, {});
    const report = await fake.run((ctx) => renderSheetPlan(ctx, plan, { mode: 'new', pageLayout: true, documentProperties: true, maxPayloadBytes: 20000 }));
    expect(report.syncs).toBeGreaterThan(2);
    expect(Math.max(...fake.payloads)).toBeLessThanOrEqual(20000 + 1000);
  });
});
