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

describe('sheet fingerprint of a plan with number formats, a table header and hidden columns (issue 19: one loop for a plan in row-major order)', () => {
  // The v2 sheet fingerprint's definition (fingerprint.ts, SHEET_VIEW_VERSION), written out the
  // straightforward way: each cell's format is the last style range's that sets one; the free-text
  // columns are where the first line naming Ref and Actual puts Indicator and Commentary / action
  // (2 and 13 without one); General and none are the same format.
  const expected = (sheet: SheetPlan): string => {
    const fmt = new Map<string, string>();
    for (const s of sheet.styles) {
      if (s.style.numFmt === undefined) continue;
      for (let r = s.range.top; r <= s.range.bottom; r++) for (let c = s.range.left; c <= s.range.right; c++) fmt.set(`${r},${c}`, s.style.numFmt);
    }
    let free = [2, 13];
    const header = sheet.cells.flatMap((b) => b.values.map((line) => ({ b, line }))).find(({ line }) => line.includes('Ref') && line.includes('Actual'));
    if (header) free = ['Indicator', 'Commentary / action'].map((h) => header.line.indexOf(h)).filter((i) => i >= 0).map((i) => header.b.col + i);
    const cells: { row: number; col: number; v: PlanValue }[] = [];
    let widest = 0;
    for (const b of sheet.cells) b.values.forEach((line, r) => line.forEach((v, c) => { cells.push({ row: b.row + r, col: b.col + c, v }); if (v !== null) widest = Math.max(widest, b.col + c); }));
    const lines = cells.filter((x) => !free.includes(x.col) && canonicalCell(x.v) !== '').sort((a, b) => a.row - b.row || a.col - b.col).map((x) => {
      const f = (fmt.get(`${x.row},${x.col}`) ?? '').trim();
      const shown = f.toLowerCase() === 'general' ? '' : f;
      return `${x.row},${x.col}\t${canonicalCell(x.v)}${shown === '' ? '' : `\t${shown}`}`;
    });
    const hidden = sheet.columns.filter((c) => c.hidden && c.col <= widest).map((c) => c.col).sort((a, b) => a - b);
    const view = ['view\thidden rows\t', `view\thidden columns\t${hidden.join(',')}`, `view\tsheet\t${sheet.hidden ? 'hidden' : 'visible'}\topens first`];
    return createHash('sha256').update([SHEET_VIEW_VERSION, ...lines, ...view].join('\n'), 'utf8').digest('hex');
  };
  const value: fc.Arbitrary<PlanValue> = fc.oneof(fc.constant(null), fc.integer({ min: -99, max: 99 }), fc.double({ noNaN: true }),
    fc.constantFrom('Ref', 'Actual', 'Indicator', 'Commentary / action', 'a', ' b  c', '', ' ', 'é\u00a0x'), fc.boolean());
  const line = fc.array(value, { maxLength: 7 });
  const style = fc.record({
    range: fc.record({ top: fc.integer({ min: 1, max: 12 }), left: fc.integer({ min: 1, max: 9 }), h: fc.integer({ min: 0, max: 2 }), w: fc.integer({ min: 0, max: 3 }) })
      .map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w })),
    style: fc.oneof(fc.constant({ bold: true }), fc.constantFrom('0.0', ' 0% ', 'General', 'GENERAL', '', '#,##0 "days"').map((numFmt) => ({ numFmt }))),
  });
  const arb = fc.record({
    lines: fc.array(line, { minLength: 1, maxLength: 10 }),
    col: fc.integer({ min: 1, max: 3 }),
    styles: fc.array(style, { maxLength: 8 }),
    hiddenCols: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 3 }),
    hiddenSheet: fc.boolean(),
  });

  it('hashes the definition\'s text, rows written top to bottom one block each or in a block out of order (property)', () => {
    fc.assert(fc.property(arb, ({ lines, col, styles, hiddenCols, hiddenSheet }) => {
      const base = { name: 'S', styles, validations: [], conditionalFormats: [], columns: hiddenCols.map((c) => ({ col: c, width: 10, hidden: true })), ...(hiddenSheet ? { hidden: true } : {}) };
      const inOrder: SheetPlan = { ...base, cells: lines.map((values, i) => ({ row: i + 1, col, values: [values] })) };
      const reversed: SheetPlan = { ...base, cells: [...inOrder.cells].reverse() };
      const want = expected(inOrder);
      expect(sheetFingerprintOfPlan(inOrder)).toBe(want);
      expect(sheetFingerprintOfPlan(reversed)).toBe(expected(reversed));
    }), { numRuns: 2000 });
  });
});
