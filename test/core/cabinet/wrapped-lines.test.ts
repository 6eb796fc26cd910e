import fc from 'fast-check';
import { wrappedLines } from '../../../src/core/cabinet/print';

// wrappedLines as first written, splitting into paragraphs and words (issue 19 made it one pass over
// the characters): row heights and so page breaks depend on it, so the pass must count exactly this.
function obviousLines(text: string, width: number, fontSize = 10): number {
  const perLine = Math.max(1, Math.floor(((width * 1.27 - 1) * 10) / fontSize));
  if (text.length <= perLine && !text.includes('\n')) return 1;
  let lines = 0;
  for (const para of text.split('\n')) {
    let used = 0;
    let count = 1;
    for (const word of para.split(/\s+/).filter((w) => w !== '')) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= perLine) used = need;
      else if (word.length <= perLine) {
        count += 1;
        used = word.length;
      } else {
        const extra = Math.ceil((word.length - (used === 0 ? 0 : perLine - used - 1)) / perLine);
        count += used === 0 ? extra - 1 : extra;
        used = word.length % perLine || perLine;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

// Every character \s takes as white space, the line break, and a few that are not white space.
const unit = fc.constantFrom(' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff',
  '\u200b', '\u0085', 'a', 'b', 'c', 'd', 'e', 'x', 'y', 'z', '-', '\u00e9');
const text = fc.oneof(fc.string({ unit, maxLength: 200 }), fc.string({ unit: fc.constantFrom('a', 'b', ' ', ' ', '\n', 'x'), maxLength: 400 }));

describe('wrappedLines counts what the split-based count gives', () => {
  it('for any text, column width and font size (property)', () => {
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 60 }), fc.constantFrom(8, 9, 10, 11), (t, w, f) => wrappedLines(t, w, f) === obviousLines(t, w, f)), { numRuns: 10000 });
  });
});
