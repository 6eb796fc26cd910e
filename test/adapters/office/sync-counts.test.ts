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

describe('sync counts do not grow with rows', () => {
  const counts = (m: Awaited<ReturnType<typeof measure>>) => ({ template: m.template, validate: m.validate, cabinet: m.cabinet });

  it('are the same at 10 and 1,000 rows, at most 3 each', async () => {
    const small = await measure(10);
    const big = await measure(1000);
    expect(counts(big)).toEqual(counts(small));
    expect(Math.max(small.template, small.validate, small.cabinet)).toBeLessThanOrEqual(3);
  });

  it('are the same at 10,000 rows, with every request under 4 MB (Excel on the web rejects 5 MB)', async () => {
    const small = await measure(10);
    const huge = await measure(10000);
    expect(counts(huge)).toEqual(counts(small));
    expect(Math.max(...huge.fake.payloads)).toBeLessThan(4 * 1024 * 1024);
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
