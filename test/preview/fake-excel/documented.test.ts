/**
 * The fake Excel's documented behaviours, one test each, named after the behaviour; the page each
 * follows is cited where the fake models it (src/preview/fake-excel) and in docs/excel-behaviour.md.
 */
import { createFakeExcel } from '../../../src/preview/fake-excel/index';
import type { XChangedEvent } from '../../../src/host/office-api';
import { defaultCatalogue } from '../../../src/catalogue/index';
import { freshFake, servicesOn } from '../../adapters/office/helpers';

const tick = (ms = 5): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Every change event the fake raises, heard through worksheets.onChanged. */
async function listen(fake: ReturnType<typeof createFakeExcel>): Promise<XChangedEvent[]> {
  const seen: XChangedEvent[] = [];
  await fake.run(async (ctx) => {
    ctx.workbook.worksheets.onChanged.add(async (e) => { seen.push(e); });
    await ctx.sync();
  });
  return seen;
}

describe('the fake Excel follows the documentation', () => {
  it('a new workbook has one empty, active Sheet1 (excel-add-ins-worksheets)', async () => {
    const fake = createFakeExcel();
    const name = await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getActiveWorksheet();
      s.load('name');
      await ctx.sync();
      return s.name;
    });
    expect(name).toBe('Sheet1');
    expect(fake.grid('Sheet1').values).toEqual([]);
  });

  it('a new workbook end to end: validating finds no return and says so, without throwing', async () => {
    const s = servicesOn(freshFake());
    const r = await s.validate(defaultCatalogue(), { period: '2024-25 Q2' });
    expect(r.rows).toEqual([]);
    expect(r.issues.length).toBeGreaterThan(0);
  });

  it('*OrNullObject: isNullObject loads at sync without asking; a null object’s other properties load as null (application-specific-api-model)', async () => {
    const fake = createFakeExcel();
    const out = await fake.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const used = ctx.workbook.worksheets.getItem('Sheet1').getUsedRangeOrNullObject();
      used.load('address');
      await ctx.sync();
      return { missing: missing.isNullObject, used: used.isNullObject, address: used.address };
    });
    expect(out).toEqual({ missing: true, used: true, address: null });
  });

  it('cell-edit mode: a batch fails with InvalidOperationInCellEditMode (application-specific-api-error-handling)', async () => {
    const fake = createFakeExcel();
    fake.editCell(true);
    await expect(fake.run(async (ctx) => { ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]]; await ctx.sync(); }))
      .rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(fake.cell('Sheet1!A1').value).toBeNull();
  });

  it('delayForCellEdit: the batch waits for the edit to end, then runs (excel-add-ins-delay-in-cell-edit)', async () => {
    const fake = createFakeExcel();
    fake.editCell(true);
    const going = fake.run({ delayForCellEdit: true }, async (ctx) => { ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]]; await ctx.sync(); });
    await tick();
    expect(fake.cell('Sheet1!A1').value).toBeNull();
    fake.editCell(false);
    await going;
    expect(fake.cell('Sheet1!A1').value).toBe(1);
  });

  it("onChanged fires for the add-in's own writes, marked ThisLocalAddin, with details for one cell only (excel-add-ins-events, excel-add-ins-worksheets)", async () => {
    const fake = createFakeExcel();
    const seen = await listen(fake);
    await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1').values = [[5]];
      s.getRange('B1:C1').values = [[1, 2]];
      await ctx.sync();
    });
    await tick();
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({ address: 'A1', source: 'Local', triggerSource: 'ThisLocalAddin', details: { valueBefore: '', valueAfter: 5 } });
    expect(seen[1]?.details).toBeUndefined();
  });

  it('onChanged fires for a format change, the value unchanged in details (excel-add-ins-worksheets#detect-data-changes)', async () => {
    const fake = createFakeExcel();
    fake.type('Sheet1!A1', 3);
    const seen = await listen(fake);
    await fake.run(async (ctx) => { ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').format.fill.color = '#FF0000'; await ctx.sync(); });
    fake.fill('Sheet1!A1', '#00FF00');
    await tick();
    expect(seen.map((e) => e.details)).toEqual([
      { valueBefore: 3, valueAfter: 3, valueTypeBefore: 'Double', valueTypeAfter: 'Double' },
      { valueBefore: 3, valueAfter: 3, valueTypeBefore: 'Double', valueTypeAfter: 'Double' },
    ]);
  });

  it("a co-author's edit is source Remote (excel-add-ins-events#events-and-coauthoring)", async () => {
    const fake = createFakeExcel();
    const seen = await listen(fake);
    fake.remoteType('Sheet1!B2', 'theirs');
    await tick();
    expect(seen).toMatchObject([{ source: 'Remote', address: 'B2', changeType: 'RangeEdited' }]);
  });

  it('runtime.enableEvents false: changes raise no events for this add-in, even after it is on again (excel-add-ins-events#enable-and-disable-events)', async () => {
    const fake = createFakeExcel();
    const seen = await listen(fake);
    await fake.run(async (ctx) => {
      ctx.runtime.enableEvents = false;
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      ctx.runtime.enableEvents = true;
      await ctx.sync();
    });
    await tick();
    expect(seen).toEqual([]);
    expect(fake.eventsEnabled()).toBe(true);
  });

  it('a handler is removed only through the request context it was added with (excel-add-ins-events#remove-an-event-handler)', async () => {
    const fake = createFakeExcel();
    const handle = await fake.run(async (ctx) => {
      const h = ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(async () => undefined);
      await ctx.sync();
      return h;
    });
    expect(fake.handlerCount()).toBe(1);
    handle.remove();
    await fake.run(async (ctx) => { await ctx.sync(); });
    expect(fake.handlerCount()).toBe(1);
    await fake.run({ previousObjects: handle.context }, async (ctx) => { await ctx.sync(); });
    expect(fake.handlerCount()).toBe(0);
  });

  it('a wrong unprotect password is BadPassword (application-specific-api-error-handling)', async () => {
    const fake = createFakeExcel();
    fake.sheet('Sheet1').protection = { protected: true, options: {}, password: 'x' };
    await expect(fake.run(async (ctx) => { ctx.workbook.worksheets.getItem('Sheet1').protection.unprotect('y'); await ctx.sync(); }))
      .rejects.toMatchObject({ code: 'BadPassword' });
  });
});
