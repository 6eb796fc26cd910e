import fc from 'fast-check';
import { countCells } from '../../bench/floor';

// The floor counts `<c ` (a cell element with attributes, ECMA-376 Part 1, 18.3.1.4 c) byte by
// byte; `<col `, `<cols>`, `<cfRule ` and text must not count.
describe('the floor counts cell elements', () => {
  it('counts cells and nothing that only starts with c', () => {
    const xml = '<worksheet><cols><col min="1"/></cols><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"/></row></sheetData><conditionalFormatting><cfRule type="x"/></conditionalFormatting></worksheet>';
    expect(countCells(Buffer.from(xml))).toBe(2);
  });

  it('counts every cell of any row of cells, whatever text they hold', () => {
    const text = fc.string().map((t) => t.replace(/[<&]/g, ''));
    fc.assert(fc.property(fc.array(fc.array(text, { maxLength: 8 }), { maxLength: 20 }), (rows) => {
      const xml = rows.map((cells, r) => `<row r="${r + 1}">${cells.map((t, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t>${t}</t></is></c>`).join('')}</row>`).join('');
      expect(countCells(Buffer.from(`<sheetData>${xml}</sheetData>`))).toBe(rows.flat().length);
    }));
  });
});
