import { createFakeExcel } from '../../../src/preview/fake-excel/index';
import type { XContext } from '../../../src/host/office-api';

/** Range properties as Office.js types them (2-D arrays) but set to one bare value, which is not documented. */
const setOne = (target: object, key: string, value: unknown): void => { (target as Record<string, unknown>)[key] = value; };

async function onSheet(work: (ctx: XContext, sheet: ReturnType<XContext['workbook']['worksheets']['getItem']>) => void) {
  const fake = createFakeExcel();
  fake.addSheet('S');
  await fake.run(async (ctx) => work(ctx, ctx.workbook.worksheets.getItem('S')));
  return fake;
}

describe('the fake Excel models bulk writes as Excel does', () => {
  it('one R1C1 formula per cell, as a 2-D array, each cell relative to itself', async () => {
    const fake = await onSheet((_ctx, s) => { s.getRange('C2:C4').formulasR1C1 = [['=RC[-2]*R1C1'], ['=RC[-2]*R1C1'], ['=RC[-2]*R1C1']]; });
    expect(['C2', 'C3', 'C4'].map((a) => fake.cell(`S!${a}`).formula)).toEqual(['=A2*$A$1', '=A3*$A$1', '=A4*$A$1']);
  });

  it.each([['values', 7], ['formulas', '=1+1'], ['formulasR1C1', '=R1C1'], ['numberFormat', '0.0']] as const)(
    'two-dimensional arrays only: one bare value for %s on a range is rejected (not documented)', async (key, value) => {
      await expect(onSheet((_ctx, s) => setOne(s.getRange('A1:B2'), key, value))).rejects.toMatchObject({ code: 'InvalidArgument' });
      await expect(onSheet((_ctx, s) => setOne(s.getRange('A1'), key, value))).rejects.toMatchObject({ code: 'InvalidArgument' });
    });

  it('copyFrom replicates a formula over an exact multiple of its source, references moving as copy and paste moves them', async () => {
    const fake = await onSheet((_ctx, s) => {
      s.getRange('C2').formulasR1C1 = [['=RC[-2]*R1C1']];
      s.getRange('C3:C5').copyFrom('C2', 'Formulas');
    });
    expect(['C2', 'C3', 'C4', 'C5'].map((a) => fake.cell(`S!${a}`).formula)).toEqual(['=A2*$A$1', '=A3*$A$1', '=A4*$A$1', '=A5*$A$1']);
  });

  it('a 1×1 array on a larger range is rejected (the array must be the size of the range)', async () => {
    await expect(onSheet((_ctx, s) => { s.getRange('A1:B2').formulas = [['x']]; })).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('null in an array leaves the cell as it was', async () => {
    const fake = await onSheet((_ctx, s) => {
      s.getRange('A1:A2').formulasR1C1 = [['=1+1'], ['=1+1']];
      s.getRange('A1:A2').formulas = [[null as unknown as string], ['']];
    });
    expect([fake.cell('S!A1').formula, fake.cell('S!A2').formula]).toEqual(['=1+1', undefined]);
  });

  it('a RangeAreas validates and formats every area; an over-long address list is rejected', async () => {
    const fake = await onSheet((_ctx, s) => {
      const areas = s.getRanges('A1,C3:C4');
      areas.dataValidation.rule = { wholeNumber: { operator: 'GreaterThan', formula1: 0 } };
      areas.format.protection.locked = false;
    });
    const v = fake.sheet('S').validations.map((x) => x.rect);
    expect(v).toEqual([{ top: 1, left: 1, bottom: 1, right: 1 }, { top: 3, left: 3, bottom: 4, right: 3 }]);
    expect(['A1', 'C3', 'C4', 'B2'].map((a) => fake.cell(`S!${a}`).locked)).toEqual([false, false, false, undefined]);
    const long = Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(',');
    await expect(onSheet((_ctx, s) => { s.getRanges(long).format.fill.color = '#FFFFFF'; })).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('a grid drawn row by row has the lines of the same grid drawn as one range', async () => {
    const edges = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;
    const byRow = await onSheet((_ctx, s) => {
      for (const r of ['A1:C1', 'A2:C2']) {
        const f = s.getRange(r).format;
        for (const e of [...edges, 'InsideVertical' as const]) f.borders.getItem(e).style = 'Continuous';
      }
    });
    const whole = await onSheet((_ctx, s) => {
      const f = s.getRange('A1:C2').format;
      for (const e of [...edges, 'InsideVertical' as const, 'InsideHorizontal' as const]) f.borders.getItem(e).style = 'Continuous';
    });
    expect([...byRow.sheet('S').lines].sort()).toEqual([...whole.sheet('S').lines].sort());
    expect(byRow.sheet('S').lines.size).toBe(3 * 3 + 2 * 4);
  });
});
