import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { canonicalCell, sheetFingerprintOfPlan, SHEET_VIEW_VERSION } from '../../../src/core/cabinet/fingerprint';
import type { PlanValue, SheetPlan } from '../../../src/core/plan/types';

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

describe('sheet fingerprint of a plan written top to bottom (hashed as it is visited, no sort)', () => {
  const value: fc.Arbitrary<PlanValue> = fc.oneof(fc.constant(null), fc.integer({ min: -999, max: 999 }), fc.constantFrom('a', ' b  c', 'TRUE'), fc.boolean());
  const block = fc.record({ row: fc.integer({ min: 1, max: 30 }), col: fc.integer({ min: 1, max: 20 }), values: fc.array(fc.array(value, { maxLength: 4 }), { maxLength: 3 }) });
  const sheetOf = (cells: SheetPlan['cells']): SheetPlan => ({ name: 'S', cells, styles: [], validations: [], conditionalFormats: [], columns: [] });
  // The definition, written out: every non-blank cell outside the free-text columns (2 and 13 here,
  // the v1 layout's, as this plan has no table header), row-major, then the view lines.
  const expected = (cells: SheetPlan['cells']): string => {
    const at = new Map<number, string>();
    for (const b of cells) b.values.forEach((line, r) => line.forEach((v, c) => { if (v !== null) at.set((b.row + r) * 1e6 + b.col + c, canonicalCell(v)); }));
    const lines = [...at].filter(([key, text]) => text !== '' && ![2, 13].includes(key % 1e6)).sort((a, b) => a[0] - b[0])
      .map(([key, text]) => `${Math.floor(key / 1e6)},${key % 1e6}\t${text}`);
    return createHash('sha256').update([SHEET_VIEW_VERSION, ...lines, 'view\thidden rows\t', 'view\thidden columns\t', 'view\tsheet\tvisible\topens first'].join('\n'), 'utf8').digest('hex');
  };

  it('gives the definition\'s hash whether the blocks come in row-major order or not (property)', () => {
    fc.assert(fc.property(fc.array(block, { maxLength: 8 }), (blocks) => {
      // Blocks that never share a cell (the plan's own never do): the last of two on one cell would win only in the sorted reading.
      const seen = new Set<string>();
      const apart = blocks.filter((b) => {
        const cells = b.values.flatMap((line, r) => line.map((_, c) => `${b.row + r},${b.col + c}`));
        if (cells.some((k) => seen.has(k))) return false;
        cells.forEach((k) => seen.add(k));
        return true;
      });
      const sorted = [...apart].sort((a, b) => a.row - b.row || a.col - b.col);
      const want = expected(apart);
      expect(sheetFingerprintOfPlan(sheetOf(apart))).toBe(want);
      expect(sheetFingerprintOfPlan(sheetOf(sorted))).toBe(want);
      expect(sheetFingerprintOfPlan(sheetOf([...sorted].reverse()))).toBe(want);
    }), { numRuns: 1000 });
  });
});
