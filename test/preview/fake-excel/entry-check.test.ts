import fc from 'fast-check';
import { createFakeExcel } from '../../../src/preview/fake-excel/index';

/**
 * Excel's data validation checks what a person types: with the error alert's style Stop the entry
 * is refused and the cell keeps its value; Warning and Information let the person keep it. Pasting
 * is not checked. (support.microsoft.com "Apply data validation to cells": "Data validation is
 * designed to show messages and prevent invalid entries only when users type data directly in a
 * cell"; Excel.DataValidationErrorAlert in the Office.js reference names the styles.)
 */

async function withRule(rule: Excel.DataValidationRule, style: 'Stop' | 'Warning' | 'Information' = 'Stop', first: string | number = 50) {
  const fake = createFakeExcel();
  await fake.run(async (ctx) => {
    const dv = ctx.workbook.worksheets.getItem('Sheet1').getRange('B2').dataValidation;
    dv.rule = rule;
    dv.ignoreBlanks = true;
    dv.errorAlert = { showAlert: true, style, title: 'Actual', message: 'Expected a number from 0 to 100.' };
  });
  fake.type('Sheet1!B2', first);
  return fake;
}
const between = { decimal: { operator: 'Between', formula1: 0, formula2: 100 } } as Excel.DataValidationRule;

describe('the fake refuses typed entries as Excel does', () => {
  it('an out-of-range number typed into a decimal-between cell (Stop) is refused in words; the cell keeps its value, no change is heard', async () => {
    const fake = await withRule(between);
    let heard = 0;
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async () => { heard++; });
      await ctx.sync();
    });
    expect(() => fake.type('Sheet1!B2', 150)).toThrow('Sheet1!B2: Expected a number from 0 to 100.');
    expect(() => fake.type('Sheet1!B2', 'about half')).toThrow(/DataValidation/);
    expect(fake.cell('Sheet1!B2').value).toBe(50);
    expect(heard).toBe(0);
    fake.type('Sheet1!B2', 99);
    expect(fake.cell('Sheet1!B2').value).toBe(99);
  });

  it('a pasted value is not checked; a Warning rule lets the person keep the entry', async () => {
    const stop = await withRule(between);
    stop.paste('Sheet1!B2', 'about half');
    expect(stop.cell('Sheet1!B2').value).toBe('about half');
    const warning = await withRule(between, 'Warning');
    warning.type('Sheet1!B2', 150);
    expect(warning.cell('Sheet1!B2').value).toBe(150);
  });

  it('text length and list rules; a blank entry passes where blanks are ignored', async () => {
    const text = await withRule({ textLength: { operator: 'LessThanOrEqualTo', formula1: 5 } } as Excel.DataValidationRule, 'Stop', 'ok');
    expect(() => text.type('Sheet1!B2', 'too long')).toThrow(/DataValidation/);
    text.type('Sheet1!B2', 'short');
    text.type('Sheet1!B2', null);
    expect(text.cell('Sheet1!B2').value ?? '').toBe('');
    const list = await withRule({ list: { inCellDropDown: true, source: 'Yes,No' } } as Excel.DataValidationRule, 'Stop', 'No');
    expect(() => list.type('Sheet1!B2', 'Maybe')).toThrow(/DataValidation/);
    list.type('Sheet1!B2', 'yes');
    expect(list.cell('Sheet1!B2').value).toBe('yes');
  });

  it('property: a number typed into a decimal-between cell is kept exactly when it is within the bounds', async () => {
    const fake = await withRule(between);
    fc.assert(fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), (x) => {
      const before = fake.cell('Sheet1!B2').value;
      const inside = x >= 0 && x <= 100;
      if (inside) fake.type('Sheet1!B2', x);
      else expect(() => fake.type('Sheet1!B2', x)).toThrow(/DataValidation/);
      expect(fake.cell('Sheet1!B2').value).toBe(inside ? x : before);
    }));
  });
});
