import fc from 'fast-check';
import {
  ABSOLUTE, cellA1, cellRefA1, columnLetters, columnNumber, contains, overlaps, parseA1, parseRef, quoteSheet, rect, rectA1, rectAt,
  rectSize, refA1, rowsA1, splitRef, union, type Rect,
} from '../../src/core/address';
import { MAX_COLS, MAX_ROWS } from '../../src/core/grid';

describe('column letters', () => {
  it.each([
    [1, 'A'], [2, 'B'], [26, 'Z'], [27, 'AA'], [28, 'AB'], [52, 'AZ'], [53, 'BA'], [702, 'ZZ'], [703, 'AAA'], [16384, 'XFD'],
  ])('%i ↔ %s', (n, letters) => {
    expect(columnLetters(n)).toBe(letters);
    expect(columnNumber(letters)).toBe(n);
    expect(columnNumber(letters.toLowerCase())).toBe(n);
  });

  it.each([0, -1, 16385, 1.5, NaN])('no column %d', (n) => {
    expect(() => columnLetters(n)).toThrow(RangeError);
  });

  it.each(['', 'XFE', 'AAAA', 'A1', '$A'])('no column %j', (letters) => {
    expect(() => columnNumber(letters)).toThrow(RangeError);
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

describe('cells and ranges as A1 text', () => {
  it.each([
    [1, 1, {}, 'A1'],
    [10, 4, {}, 'D10'],
    [12, 6, ABSOLUTE, '$F$12'],
    [15, 12, { col: true }, '$L15'],
    [3, 1, { row: true }, 'A$3'],
    [1_048_576, 16_384, {}, 'XFD1048576'],
  ])('cellA1(%i, %i, %j) = %s', (row, col, anchor, want) => {
    expect(cellA1(row, col, anchor)).toBe(want);
  });

  it.each([0, 1_048_577])('no row %i', (row) => {
    expect(() => cellA1(row, 1)).toThrow(RangeError);
  });

  it.each([
    [rect(2, 2, 10, 4), {}, 'B2:D10'],
    [rect(5, 3), {}, 'C5'],
    [rect(5, 3, 5, 3), ABSOLUTE, '$C$5'],
    [rect(1, 1, 3, 2), ABSOLUTE, '$A$1:$B$3'],
    [rect(4, 1, 4, MAX_COLS), {}, '4:4'],
    [rect(4, 1, 6, MAX_COLS), ABSOLUTE, '$4:$6'],
    [rect(1, 1, MAX_ROWS, 3), {}, 'A:C'],
    [rect(1, 2, MAX_ROWS, 2), ABSOLUTE, '$B:$B'],
    [rect(1, 1, MAX_ROWS, MAX_COLS), {}, 'A1:XFD1048576'],
  ] as [Rect, object, string][])('rectA1(%j, %j) = %s', (r, anchor, want) => {
    expect(rectA1(r, anchor)).toBe(want);
  });

  it('rows', () => {
    expect(rowsA1({ first: 4, last: 4 })).toBe('4:4');
    expect(rowsA1({ first: 4, last: 9 }, true)).toBe('$4:$9');
  });

  it('rectAt, size, contains, overlaps, union', () => {
    const r = rectAt(2, 2, 9, 3);
    expect(r).toEqual({ top: 2, left: 2, bottom: 10, right: 4 });
    expect(rectSize(r)).toEqual({ rows: 9, cols: 3 });
    expect(contains(r, 10, 4)).toBe(true);
    expect(contains(r, 11, 4)).toBe(false);
    expect(overlaps(r, rect(10, 4, 12, 12))).toBe(true);
    expect(overlaps(r, rect(11, 1, 12, 12))).toBe(false);
    expect(rectA1(union(rect(1, 1), rect(3, 5)))).toBe('A1:E3');
  });
});

describe('sheet names in references', () => {
  it.each([
    ['Return', 'Return'],
    ['Return_2', 'Return_2'],
    ['_data', '_data'],
    ['Cabinet 2023-24 Q2', "'Cabinet 2023-24 Q2'"],
    ['My Sheet', "'My Sheet'"],
    ["Bob's sheet", "'Bob''s sheet'"],
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
  ])('cellRefA1(%j, %i, %i) = %s', (sheet, row, col, want) => {
    expect(cellRefA1(sheet, row, col)).toBe(want);
  });

  it('refA1', () => {
    expect(refA1("Bob's sheet", rect(1, 1))).toBe("'Bob''s sheet'!A1");
    expect(refA1('Return', rect(3, 2), ABSOLUTE)).toBe('Return!$B$3');
    expect(refA1('Return (2)', rect(1, 1, 3, 2), ABSOLUTE)).toBe("'Return (2)'!$A$1:$B$3");
  });
});

describe('reading A1 text back', () => {
  it.each([
    ['B2', rect(2, 2)],
    ['b2', rect(2, 2)],
    ['$F$12', rect(12, 6)],
    ['B2:D10', rect(2, 2, 10, 4)],
    ['D10:B2', rect(2, 2, 10, 4)],
    ['$A$1:$B$3', rect(1, 1, 3, 2)],
    ['4:4', rect(4, 1, 4, MAX_COLS)],
    ['$4:$6', rect(4, 1, 6, MAX_COLS)],
    ['A:C', rect(1, 1, MAX_ROWS, 3)],
    ['XFD1048576', rect(MAX_ROWS, MAX_COLS)],
  ])('%s', (text, want) => {
    expect(parseA1(text)).toEqual(want);
  });

  it.each(['', 'A', '$', 'A$', 'XFE1', 'A0', 'A1048577', 'A1:B2:C3', 'A1:4', 'Return!A1', 'A1,B2', '1A'])('not one rectangle: %j', (text) => {
    expect(parseA1(text)).toBeUndefined();
  });

  it.each([
    ['Return!F12', { sheet: 'Return', local: 'F12' }],
    ["'Return (2)'!A1:B3", { sheet: 'Return (2)', local: 'A1:B3' }],
    ["'Bob''s sheet'!A1", { sheet: "Bob's sheet", local: 'A1' }],
    ['F12', { local: 'F12' }],
  ])('splitRef(%j)', (text, want) => {
    expect(splitRef(text)).toEqual(want);
  });

  it('parseRef', () => {
    expect(parseRef("'Bob''s sheet'!$A$1")).toEqual({ sheet: "Bob's sheet", rect: rect(1, 1) });
    expect(parseRef('B2:C3')).toEqual({ rect: rect(2, 2, 3, 3) });
    expect(parseRef('Return!nonsense')).toBeUndefined();
  });
});

describe('round trips', () => {
  const rects = fc.tuple(fc.integer({ min: 1, max: MAX_ROWS }), fc.integer({ min: 1, max: MAX_ROWS }), fc.integer({ min: 1, max: MAX_COLS }), fc.integer({ min: 1, max: MAX_COLS }))
    .map(([a, b, c, d]) => rect(Math.min(a, b), Math.min(c, d), Math.max(a, b), Math.max(c, d)));
  const anchors = fc.record({ row: fc.boolean(), col: fc.boolean() });
  const sheets = fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[\\/?*[\]:]/.test(s));

  it('rect → A1 → rect, with any anchors', () => {
    fc.assert(fc.property(rects, anchors, (r, anchor) => {
      expect(parseA1(rectA1(r, anchor))).toEqual(r);
    }));
  });

  it('sheet-qualified: sheet and rect come back, whatever the sheet name', () => {
    fc.assert(fc.property(sheets, rects, (sheet, r) => {
      expect(parseRef(refA1(sheet, r))).toEqual({ sheet, rect: r });
    }));
  });
});
