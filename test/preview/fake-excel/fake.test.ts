import { createFakeExcel, FakeOfficeError } from '../../../src/preview/fake-excel/index';

describe('the fake Excel enforces what Office.js enforces', () => {
  it('throws PropertyNotLoaded when code reads a property it did not load', async () => {
    const fake = createFakeExcel();
    fake.addSheet('Return');
    await expect(
      fake.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem('Return').getRange('A1');
        return range.values;
      }),
    ).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
  });

  it('throws PropertyNotLoaded when code loads but reads before sync', async () => {
    const fake = createFakeExcel();
    fake.addSheet('Return');
    await expect(
      fake.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem('Return').getRange('A1');
        range.load('values');
        return range.values;
      }),
    ).rejects.toBeInstanceOf(FakeOfficeError);
  });

  it('gives loaded values after sync, as they were at sync time', async () => {
    const fake = createFakeExcel();
    fake.addSheet('Return');
    fake.type('Return!B2', 42);
    const values = await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Return').getRange('A1:B2');
      range.load('values');
      await ctx.sync();
      return range.values;
    });
    expect(values).toEqual([['', ''], ['', 42]]);
  });

  it('applies writes only at sync, and Excel.run syncs what is left', async () => {
    const fake = createFakeExcel();
    fake.addSheet('S');
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[1]];
      expect(fake.cell('S!A1').value).toBeNull();
    });
    expect(fake.cell('S!A1').value).toBe(1);
    expect(fake.syncCount()).toBe(1);
  });

  it('throws when protect() is called on a protected sheet', async () => {
    const fake = createFakeExcel();
    fake.addSheet('S').protection = { protected: true, options: {} };
    await expect(fake.run(async (ctx) => ctx.workbook.worksheets.getItem('S').protection.protect())).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('refuses writes to locked cells and formats on a protected sheet', async () => {
    const fake = createFakeExcel();
    const s = fake.addSheet('S');
    s.protection = { protected: true, options: {} };
    await expect(fake.run(async (ctx) => { ctx.workbook.worksheets.getItem('S').getRange('A1').values = [['x']]; })).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(fake.run(async (ctx) => { ctx.workbook.worksheets.getItem('S').getRange('A1').format.fill.color = '#FF0000'; })).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('refuses a sheet name that exists', async () => {
    const fake = createFakeExcel();
    fake.addSheet('Return');
    await expect(fake.run(async (ctx) => { ctx.workbook.worksheets.add('return'); })).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });

  it.each([
    ['=1+1', { formula: '=1+1' }],
    ["'=1+1", { value: '=1+1' }],
    ['-5', { value: -5 }],
    ['80%', { value: 0.8 }],
    ['TRUE', { value: true }],
    ['#DIV/0!', { error: '#DIV/0!' }],
    ['-abc', { formula: '=-abc' }],
    ['plain words', { value: 'plain words' }],
  ])('parses %j as Excel would when written', async (input, expected) => {
    const fake = createFakeExcel();
    fake.addSheet('S');
    await fake.run(async (ctx) => { ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[input]]; });
    expect(fake.cell('S!A1')).toMatchObject(expected);
  });

  it('leaves a cell unchanged where the written array holds null', async () => {
    const fake = createFakeExcel();
    fake.addSheet('S');
    fake.type('S!A1', 'kept');
    await fake.run(async (ctx) => { ctx.workbook.worksheets.getItem('S').getRange('A1:B1').values = [[null, 'new']]; });
    expect([fake.cell('S!A1').value, fake.cell('S!B1').value]).toEqual(['kept', 'new']);
  });

  it('rejects a request over the payload limit', async () => {
    const fake = createFakeExcel({ payloadLimit: 1000 });
    fake.addSheet('S');
    const big = [Array.from({ length: 50 }, () => 'x'.repeat(40))];
    await expect(fake.run(async (ctx) => { ctx.workbook.worksheets.getItem('S').getRange('A1:AX1').values = big; })).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });

  it('reports a missing sheet at sync as ItemNotFound, and a null object without throwing', async () => {
    const fake = createFakeExcel();
    await expect(fake.run(async (ctx) => { ctx.workbook.worksheets.getItem('Nope').load('name'); await ctx.sync(); })).rejects.toMatchObject({ code: 'ItemNotFound' });
    const isNull = await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      s.load('isNullObject');
      await ctx.sync();
      return s.isNullObject;
    });
    expect(isNull).toBe(true);
  });
});
