/**
 * The fake Excel's documented limits and side effects (issue 14 point 11), one test per behaviour,
 * each named after it; docs/excel-behaviour.md gives the page each one comes from.
 */
import { createFakeExcel } from '../../../src/preview/fake-excel/index';

describe('the fake Excel follows the documented limits', () => {
  it('undo-clearing calls: protect, unprotect and document properties clear the undo stack; formats and conditional formats do not', async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1').values = [[1]];
      s.getRange('A1').format.fill.color = '#FF0000';
      s.getRange('A1').conditionalFormats.add('Custom').custom.rule.formula = '=A1>0';
      await ctx.sync();
      expect(fake.undoClearingCalls()).toEqual([]);
      s.protection.protect();
      s.protection.unprotect();
      ctx.workbook.properties.title = 'T';
      await ctx.sync();
    });
    expect(fake.undoClearingCalls()).toEqual(['WorksheetProtection.protect', 'WorksheetProtection.unprotect', 'DocumentProperties.title']);
  });

  it('response size: a sync that loads more than 5 MB fails with ResponsePayloadSizeLimitExceeded, and nothing it loaded is readable', async () => {
    const fake = createFakeExcel();
    const text = 'x'.repeat(1000);
    for (const rows of ['A1:A3000', 'A3001:A6000']) {
      await fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange(rows).values = Array.from({ length: 3000 }, () => [text]);
      });
    }
    const range = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A6000');
      r.load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
      return r;
    });
    expect(() => range.values).toThrow(/not available|PropertyNotLoaded/);
    // Half of it fits.
    const half = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3000');
      r.load('values');
      await ctx.sync();
      return r.values.length;
    });
    expect(half).toBe(3000);
    expect(Math.max(...fake.responses)).toBeGreaterThan(3_000_000);
  });

  it('five million cells: a get of a larger range gives null values rather than an error', async () => {
    const fake = createFakeExcel();
    const values = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:E1000001');
      r.load('values');
      await ctx.sync();
      return r.values;
    });
    expect(values).toBeNull();
  });

  it('header/footer sections: each section is its own property; a section code inside one is rejected', async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const hf = ctx.workbook.worksheets.getItem('Sheet1').pageLayout.headersFooters.defaultForAllPages;
      hf.leftFooter = 'Period && page &P of &N';
      hf.rightFooter = '&7Fingerprint';
    });
    expect(fake.sheet('Sheet1').page.headerFooter).toEqual({ leftFooter: 'Period && page &P of &N', rightFooter: '&7Fingerprint' });
    await expect(fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').pageLayout.headersFooters.defaultForAllPages.centerFooter = '&LLeft&RRight';
    })).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});
