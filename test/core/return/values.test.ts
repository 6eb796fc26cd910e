import fc from 'fast-check';
import type { CellValue } from '../../../src/core/grid';
import { serialToIso } from '../../../src/core/format';
import { cellNumber, isDateFormat, isPercentFormat, parseNumberText } from '../../../src/core/return/values';

const read = (value: CellValue, format?: string) => cellNumber(format === undefined ? { value } : { value, format }, 'percent');

describe('cellNumber', () => {
  it.each<[CellValue, string | undefined, number]>([
    [85, undefined, 85],
    [85, 'General', 85],
    [0.8, '0%', 80],
    [0.145, '0.0%', 14.5],
    [0.7172, '0.00%', 71.72],
    [1.2, '0.0%;[Red]-0.0%', 120],
    ['85', undefined, 85],
    [' 85 ', undefined, 85],
    ['1,234', undefined, 1234],
    ['£1,234.50', undefined, 1234.5],
    ['85%', undefined, 85],
    ['-3.5', undefined, -3.5],
    ['.5', undefined, 0.5],
    [45000, '#,##0', 45000],
    [12, '0 "days"', 12],
    [12, '[$£-809]#,##0.00', 12],
  ])('reads %j (format %j) as %d', (value, format, expected) => {
    const r = read(value, format);
    expect(r).toMatchObject({ kind: 'number', value: expected });
  });

  it.each<[CellValue, string | undefined, string]>([
    [45000, 'dd/mm/yyyy', 'date-value'],
    [45000, 'm/d/yy', 'date-value'],
    [45000, 'yyyy-mm-dd', 'date-value'],
    [45000, 'mmm', 'date-value'],
    [{ error: '#DIV/0!' }, undefined, 'error-value'],
    ['n/a', undefined, 'not-a-number'],
    ['85 percent', undefined, 'not-a-number'],
    ['1,23', undefined, 'not-a-number'],
    [true, undefined, 'not-a-number'],
    [false, undefined, 'not-a-number'],
  ])('reads %j (format %j) as the error %s', (value, format, code) => {
    expect(read(value, format)).toMatchObject({ kind: 'error', code });
  });

  it('shows a date as a date, so the lead recognises it', () => {
    expect(read(45000, 'dd/mm/yyyy')).toEqual({ kind: 'error', code: 'date-value', shown: '2023-03-15' });
  });

  it.each(['<5', ' < 5 ', '<10'])('reads %j as suppressed', (text) => {
    expect(read(text).kind).toBe('suppressed');
  });

  it.each<CellValue>([null, '', '   '])('reads %j as blank', (v) => {
    expect(read(v)).toEqual({ kind: 'blank' });
  });

  it('reads any percent-formatted number as 100 times, to 15 significant digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 0, max: 4 }), (n, dp) => {
        const shown = n / 10 ** dp;
        const r = read(shown / 100, '0.00%');
        return r.kind === 'number' && r.value === shown;
      }),
    );
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.option(fc.string()), (s, f) => {
      cellNumber({ value: s, format: f });
    }));
  });
});

describe('number formats', () => {
  it.each([
    ['0%', true], ['0.0%', true], ['"%"0', false], ['0\\%', false], ['General', false], ['@', false],
  ])('%j is a percentage format: %s', (f, expected) => expect(isPercentFormat(f)).toBe(expected));

  it.each([
    ['dd/mm/yyyy', true], ['d-mmm-yy', true], ['[$-809]dd mmmm yyyy', true], ['General', false], ['Standard', false],
    ['0.0', false], ['#,##0 "days"', false], ['0.00E+00', false], ['[Red]0.0', false],
  ])('%j is a date format: %s', (f, expected) => expect(isDateFormat(f)).toBe(expected));
});

describe('parseNumberText', () => {
  it('reads back any number written with thousands separators', () => {
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), (n) => parseNumberText(n.toLocaleString('en-GB'))?.value === n));
  });
});

describe('serialToIso', () => {
  it.each([[1, '1900-01-01'], [59, '1900-02-28'], [61, '1900-03-01'], [45000, '2023-03-15'], [45382, '2024-03-31']])('serial %d is %s', (s, iso) => {
    expect(serialToIso(s)).toBe(iso);
  });
});
