import fc from 'fast-check';
import { a1, a1Range, cellAddress, columnLetters, columnNumber, isCellError, quoteSheet } from '../../src/core/grid';

describe('column letters', () => {
  it.each([
    [1, 'A'], [2, 'B'], [26, 'Z'], [27, 'AA'], [28, 'AB'], [52, 'AZ'], [53, 'BA'], [702, 'ZZ'], [703, 'AAA'], [16384, 'XFD'],
  ])('%i ↔ %s', (n, letters) => {
    expect(columnLetters(n)).toBe(letters);
    expect(columnNumber(letters)).toBe(n);
    expect(columnNumber(letters.toLowerCase())).toBe(n);
  });

  it('round-trips every column Excel has', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), (n) => {
      const letters = columnLetters(n);
      expect(letters).toMatch(/^[A-Z]{1,3}$/);
      expect(columnNumber(letters)).toBe(n);
    }));
  });

  it('orders like numbers: a later column has more letters, or the same number and sorts later', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 16383 }), (n) => {
      const [a, b] = [columnLetters(n), columnLetters(n + 1)];
      expect(b.length > a.length || (b.length === a.length && b > a)).toBe(true);
    }));
  });
});

describe('sheet names in references', () => {
  it.each([
    ['Return', 'Return'],
    ['Return_2', 'Return_2'],
    ['_data', '_data'],
    ['Cabinet 2023-24 Q2', "'Cabinet 2023-24 Q2'"],
    ['My Sheet', "'My Sheet'"],
    ["O'Brien's", "'O''Brien''s'"],
    ['2023-24', "'2023-24'"],
    ['Q1', "'Q1'"], // a cell reference unquoted
    ['ab12', "'ab12'"],
    ['XFD1048576', "'XFD1048576'"],
    ['R1C1', "'R1C1'"],
    ['R', "'R'"],
    ['C', "'C'"],
    ['rc', "'rc'"],
    ['TRUE', "'TRUE'"],
    ['Résumé', "'Résumé'"],
    ['Quarter1', 'Quarter1'],
    ['Data', 'Data'],
  ])('%j → %s', (name, ref) => {
    expect(quoteSheet(name)).toBe(ref);
  });

  it.each([
    ['Return', 12, 6, 'Return!F12'],
    ['Return', 1, 1, 'Return!A1'],
    ['Cabinet 2023-24 Q2', 3, 28, "'Cabinet 2023-24 Q2'!AB3"],
  ])('cellAddress(%j, %i, %i) = %s', (sheet, row, col, want) => {
    expect(cellAddress(sheet, row, col)).toBe(want);
  });

  it('a1 and a1Range', () => {
    expect(a1(10, 4)).toBe('D10');
    expect(a1Range(2, 2, 10, 4)).toBe('B2:D10');
  });
});

describe('isCellError', () => {
  it.each([
    [{ error: '#DIV/0!' }, true],
    [{ error: '#N/A' }, true],
    ['#DIV/0!', false],
    [0, false],
    [null, false],
    [undefined, false],
    [true, false],
  ])('%j → %s', (v, want) => {
    expect(isCellError(v)).toBe(want);
  });
});
