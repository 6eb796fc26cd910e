import fc from 'fast-check';
import { createFakeExcel } from '../../../src/preview/fake-excel/index';
import { cssColour } from '../../../src/preview/grid/colour';
import { lockedAreas } from '../../../src/preview/grid/protect';
import { bordersByCell, cellData, pointsToPixels, sheetData, workbookData } from '../../../src/preview/grid/to-univer';
import type { Rect } from '../../../src/core/address';

describe('fake state → Univer snapshot (no Univer loaded)', () => {
  it('keeps a formula in A1 with its cached value, and types values as Univer does', () => {
    expect(cellData({ value: 0.76, formula: '=H15/K15', numberFormat: '0.0%' })).toEqual({ f: '=H15/K15', v: 0.76, t: 2, s: { n: { pattern: '0.0%' } } });
    expect(cellData({ value: 'Red' })).toEqual({ v: 'Red', t: 1 });
    expect(cellData({ value: true })).toEqual({ v: true, t: 3 });
    expect(cellData({ value: '#DIV/0!', error: '#DIV/0!', formula: '=1/0' })).toMatchObject({ v: '#DIV/0!', f: '=1/0' });
    expect(cellData({ value: null })).toBeUndefined();
  });

  it('maps fills, fonts, alignment and wrap to Univer styles', () => {
    expect(cellData({ value: 'x', bold: true, italic: true, fill: '#b10e1e', fontColor: '#fff', hAlign: 'Center', vAlign: 'Top', wrap: true })?.s)
      .toEqual({ bl: 1, it: 1, bg: { rgb: '#B10E1E' }, cl: { rgb: '#FFFFFF' }, ht: 2, vt: 1, tb: 3 });
  });

  it('draws a border line on both cells it separates', () => {
    const b = bordersByCell(new Map([['h:3:2', 'Continuous'], ['v:2:4', 'Dash']]));
    expect(b.get('3,2')?.t?.s).toBe(1);
    expect(b.get('2,2')?.b?.s).toBe(1);
    expect(b.get('2,4')?.l?.s).toBe(4);
    expect(b.get('2,3')?.r?.s).toBe(4);
  });

  it('converts widths from points to pixels, 0-based, with freeze panes, merges and hidden sheets', async () => {
    const fake = createFakeExcel({ sheets: ['Return', 'Hidden'] });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Return');
      ws.getRange('B2').values = [['hello']];
      ws.getRange('C:C').format.columnWidth = 72;
      ws.getRange('A1:C1').merge();
      ws.freezePanes.freezeRows(3);
      ctx.workbook.worksheets.getItem('Hidden').visibility = 'Hidden';
    });
    const book = workbookData(fake.workbook);
    const ret = book.sheets[book.sheetOrder[0] as string];
    expect(ret?.cellData[1]?.[1]).toEqual({ v: 'hello', t: 1 });
    expect(ret?.columnData[2]?.w).toBe(pointsToPixels(72));
    expect(pointsToPixels(72)).toBe(96);
    expect(ret?.mergeData).toEqual([{ startRow: 0, endRow: 0, startColumn: 0, endColumn: 2 }]);
    expect(ret?.freeze).toEqual({ xSplit: 0, ySplit: 3, startRow: 3, startColumn: 0 });
    expect(sheetData(fake.sheet('Hidden')).hidden).toBe(1);
  });

  it('colours: hex kept (upper case), short hex expanded, HTML names mapped, unknown dropped', () => {
    expect(cssColour('#00703c')).toBe('#00703C');
    expect(cssColour('#abc')).toBe('#AABBCC');
    expect(cssColour('White')).toBe('#FFFFFF');
    expect(cssColour('not-a-colour')).toBeUndefined();
    expect(cssColour(undefined)).toBeUndefined();
  });
});

describe('the fake tells listeners after each writing sync', () => {
  it('calls onCommit after a write, not after a read, and stops after unsubscribe', async () => {
    const fake = createFakeExcel();
    const heard = jest.fn();
    const off = fake.onCommit(heard);
    await fake.run(async (ctx) => { ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]]; });
    expect(heard).toHaveBeenCalledTimes(1);
    await fake.run(async (ctx) => { ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values'); await ctx.sync(); });
    expect(heard).toHaveBeenCalledTimes(1);
    off();
    await fake.run(async (ctx) => { ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[2]]; });
    expect(heard).toHaveBeenCalledTimes(1);
  });
});

describe('locked areas: the complement of the unlocked cells (protection emulated with range protection)', () => {
  const rect = fc.record({ top: fc.integer({ min: 1, max: 12 }), left: fc.integer({ min: 1, max: 8 }), h: fc.integer({ min: 0, max: 4 }), w: fc.integer({ min: 0, max: 3 }) })
    .map(({ top, left, h, w }): Rect => ({ top, left, bottom: top + h, right: left + w }));
  const inside = (r: Rect, row: number, col: number): boolean => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

  it('covers every cell of the area exactly once unless it is unlocked', () => {
    fc.assert(fc.property(fc.array(rect, { maxLength: 6 }), (unlocked) => {
      const area: Rect = { top: 1, left: 1, bottom: 15, right: 10 };
      const locked = lockedAreas(area, unlocked);
      for (let row = 1; row <= 15; row++) {
        for (let col = 1; col <= 10; col++) {
          const open = unlocked.some((u) => inside(u, row, col));
          const covers = locked.filter((l) => inside(l, row, col)).length;
          if (covers !== (open ? 0 : 1)) return false;
        }
      }
      return locked.every((l) => l.top >= 1 && l.bottom <= 15 && l.left >= 1 && l.right <= 10);
    }));
  });

  it('a sheet with no unlocked cells is one range', () => {
    expect(lockedAreas({ top: 1, left: 1, bottom: 100, right: 26 }, [])).toEqual([{ top: 1, left: 1, bottom: 100, right: 26 }]);
  });
});
