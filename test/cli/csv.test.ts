import fc from 'fast-check';
import { csvField } from '../../src/cli/csv';

describe('csvField', () => {
  it.each([
    ['=1+2', "'=1+2"], ['+A1', "'+A1"], ['-cmd', "'-cmd"], ['@SUM(1)', "'@SUM(1)"], ['\tx', "'\tx"],
    ['plain', 'plain'], ['a, b', '"a, b"'], ['say "hi"', '"say ""hi"""'], ['two\nlines', '"two\nlines"'],
    [-5, '-5'], [84.2, '84.2'], [null, ''], [undefined, ''], [true, 'TRUE'],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value as string | number | boolean | null | undefined)).toBe(expected);
  });

  it('no text field, unquoted, starts with a formula character', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      const f = csvField(s);
      const unquoted = f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f;
      expect(unquoted).not.toMatch(/^[=+\-@\t\r]/);
      // Text that already starts with an apostrophe (`'+`) is kept as typed: only a formula start gains one.
      expect(unquoted).toBe(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
    }));
    expect(csvField("'+")).toBe("'+");
  });
});
