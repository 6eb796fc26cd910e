import fc from 'fast-check';
import { CONTINUED, EXCEL_CELL_CHARS, excelCellText, fitHeaderFooter, safePlan, xmlSafeText } from '../../src/core/cell-text';

const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const hf = (s: { left?: string; center?: string; right?: string }): number => (['left', 'center', 'right'] as const).reduce((n, k) => n + (s[k] ? 2 + s[k]!.length : 0), 0);

describe('text Excel always opens', () => {
  it.each([
    ['BEL, ESC, NUL', 'a\u0007b\u001Bc\u0000d', 'abcd'], ['tab and line ends kept', 'a\tb\nc\r', 'a\tb\nc\r'],
    ['a lone surrogate', 'x\uD800y\uDC00z', 'xyz'], ['a pair kept', '😀', '😀'], ['U+FFFE and U+FFFF', 'a\uFFFEb\uFFFF', 'ab'],
  ])('%s', (_what, text, safe) => expect(xmlSafeText(text)).toBe(safe));

  it('cuts at 32,767 with the note, never inside a surrogate pair', () => {
    const long = 'a'.repeat(EXCEL_CELL_CHARS - CONTINUED.length - 1) + '😀'.repeat(100);
    const cut = excelCellText(long);
    expect(cut.length).toBeLessThanOrEqual(EXCEL_CELL_CHARS);
    expect(cut.endsWith(`a${CONTINUED}`)).toBe(true);
    expect(excelCellText('x'.repeat(EXCEL_CELL_CHARS))).toBe('x'.repeat(EXCEL_CELL_CHARS));
  });

  it('property: any text becomes XML-safe text within the limit, unchanged when it already was', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 50 }), fc.integer({ min: 32_700, max: 70_000 }).map((n) => '\u0007é😀\uD800'.repeat(Math.ceil(n / 5)).slice(0, n)));
    fc.assert(fc.property(text, (t) => {
      const out = excelCellText(t);
      expect(out.length).toBeLessThanOrEqual(EXCEL_CELL_CHARS);
      expect(NOT_XML.test(out)).toBe(false);
      if (xmlSafeText(t).length <= EXCEL_CELL_CHARS) expect(out).toBe(xmlSafeText(t));
      else expect(out.endsWith(CONTINUED)).toBe(true);
    }), { numRuns: 200 });
  });

  it('property: headers and footers fit 255 characters with their section codes', () => {
    const part = fc.option(fc.string({ maxLength: 300 }), { nil: undefined });
    fc.assert(fc.property(part, part, part, (left, center, right) => {
      const s = { ...(left ? { left } : {}), ...(center ? { center } : {}), ...(right ? { right } : {}) };
      const out = fitHeaderFooter(s);
      expect(hf(out)).toBeLessThanOrEqual(255);
      if (hf(s) <= 255 && Object.values(s).every((v) => !NOT_XML.test(v))) expect(out).toEqual(s);
    }), { numRuns: 300 });
  });

  it('safePlan names each cell it cut', () => {
    const { plan, cut } = safePlan({ sheets: [{ name: 'Cabinet', cells: [{ row: 3, col: 2, values: [['ok', 'y'.repeat(40_000)]] }], styles: [], columns: [], validations: [], conditionalFormats: [],
      print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: 1, fitToHeight: 0, footer: { right: 'z'.repeat(400) } } }], properties: { custom: {} } });
    expect(cut).toEqual([{ sheet: 'Cabinet', row: 3, col: 3, length: 40_000 }]);
    expect((plan.sheets[0]!.cells[0]!.values[0]![1] as string).length).toBe(EXCEL_CELL_CHARS);
    expect(plan.sheets[0]!.print!.footer!.right!.length).toBe(253);
  });
});

describe('safePlan copies only what it changes', () => {
  const value = fc.oneof(fc.constant(null), fc.integer(), fc.constantFrom('plain', 'bell\u0007', 'x'.repeat(EXCEL_CELL_CHARS + 3)));
  const block = fc.record({ row: fc.integer({ min: 1, max: 50 }), col: fc.integer({ min: 1, max: 5 }), values: fc.array(fc.array(value, { maxLength: 4 }), { maxLength: 5 }) });
  it('gives every cell its safe text, keeps each row and block it does not change as it was, and names every cut', () => {
    fc.assert(fc.property(fc.array(block, { maxLength: 4 }), (blocks) => {
      const sheet = { name: 'S', cells: blocks, styles: [], columns: [], validations: [], conditionalFormats: [] };
      const { plan, cut } = safePlan({ sheets: [sheet], properties: { custom: {} } });
      const out = plan.sheets[0]!.cells;
      blocks.forEach((b, k) => {
        const expected = b.values.map((row) => row.map((v) => (typeof v === 'string' ? excelCellText(v) : v)));
        expect(out[k]!.values).toEqual(expected);
        b.values.forEach((row, i) => { if (row.every((v, j) => v === expected[i]![j])) expect(out[k]!.values[i]).toBe(row); });
        if (b.values.every((row, i) => row.every((v, j) => v === expected[i]![j]))) expect(out[k]).toBe(b);
      });
      const long = blocks.flatMap((b) => b.values.flatMap((row) => row.filter((v) => typeof v === 'string' && v.length > EXCEL_CELL_CHARS)));
      expect(cut).toHaveLength(long.length);
    }), { numRuns: 100 });
  });
});
