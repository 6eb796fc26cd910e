import fc from 'fast-check';
import { canonicalCell } from '../../../src/core/cabinet/fingerprint';

// The canonical text's rule as first written (issue 19 added a short cut for text with no uneven
// white space): the short cut must give exactly this, or exports already sent stop verifying.
const obvious = (s: string): string => s.trim().replace(/\s+/g, ' ');
// Every character JavaScript's \s and trim() take as white space, among a few that are not.
const SPACES = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const text = fc.string({ unit: fc.constantFrom(...SPACES, 'a', 'Z', '9', '\u200b', '\u00e9', '-'), maxLength: 30 });

describe('canonicalCell on text', () => {
  it('trims and makes each run of white space one space, as the obvious replace does (property)', () => {
    fc.assert(fc.property(text, (s) => canonicalCell(s) === obvious(s)), { numRuns: 5000 });
  });

  it('makes a lone tab, a no-break space or a double space one space, and leaves single-spaced text alone', () => {
    expect(canonicalCell('a\tb')).toBe('a b');
    expect(canonicalCell('a\u00a0b')).toBe('a b');
    expect(canonicalCell('a  b')).toBe('a b');
    expect(canonicalCell(' a b ')).toBe('a b');
  });
});
