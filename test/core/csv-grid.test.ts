import fc from 'fast-check';
import { gridFromCsv } from '../../src/core/csv-grid';

/** RFC 4180 as a careful writer does it: quote a field holding a delimiter, quote or line break. */
const field = (v: string | null, d: string): string => (v === null ? '' : new RegExp(`[${d}"\\r\\n]`).test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v);

describe('gridFromCsv', () => {
  it('keeps text as text and empty fields empty', () => {
    const g = gridFromCsv('\uFEFFRef,Actual,Commentary\r\n007,84.2,"a, ""quoted""\r\nline"\r\nCS02,,=SUM(A1)\r\n\r\n', 'Return');
    expect(g.sheet).toBe('Return');
    expect(g.values).toEqual([['Ref', 'Actual', 'Commentary'], ['007', '84.2', 'a, "quoted"\r\nline'], ['CS02', null, '=SUM(A1)']]);
  });

  it('reads semicolon CSV (comma decimal locales), LF and CR line ends', () => {
    expect(gridFromCsv('Ref;Actual\nCS01;84,2\rCS02;1', 'R').values).toEqual([['Ref', 'Actual'], ['CS01', '84,2'], ['CS02', '1']]);
  });

  it('refuses a line wider than Excel', () => {
    expect(() => gridFromCsv(','.repeat(20_000), 'Return')).toThrow(/more than Excel's 16,384 columns/);
  });

  it('property: any grid of text written as RFC 4180 CSV reads back the same', () => {
    const cell = fc.oneof(fc.constant(null), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('a,b', 'say "hi"', 'l1\r\nl2', 'l1\nl2', ' pad ', '=1+1', '007', ''));
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), fc.constantFrom(',', ';'), (rows, d) => {
      // The delimiter guess reads the first line: give it one cell of its kind, as Excel's header row would.
      const grid = [['Ref', `x${d}y`, 'z'], ...rows];
      const text = grid.map((r) => r.map((v) => field(v, d)).join(d)).join('\r\n');
      const width = Math.max(...grid.map((r) => r.reduce<number>((w, v, c) => (v !== null ? c + 1 : w), 0)));
      const last = grid.reduce<number>((n, r, i) => (r.some((v) => v !== null) ? i + 1 : n), 0);
      expect(gridFromCsv(text, 'Return').values).toEqual(grid.slice(0, last).map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null)));
    }), { numRuns: 300 });
  });
});
