import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { cabinetFingerprint, FINGERPRINT_VERSION, SHEET_FINGERPRINT_VERSION, SHEET_VIEW_VERSION, sheetFingerprintOfGrid, sheetFingerprintOfPlan } from '../../../src/core/cabinet/fingerprint';
import { COLUMNS, FINGERPRINT_COLUMNS } from '../../../src/core/cabinet/layout';
import { cabinetModel } from '../../../src/core/cabinet/model';
import { cabinetPlan } from '../../../src/core/cabinet/plan';
import type { SheetPlan } from '../../../src/core/plan/types';
import { miniCatalogue } from '../fixtures/mini-catalogue';
import { consolidationOf, planToGrid, Q2, type Entry } from './helpers';

// The definitions, restated from the code's constants. Exports already sent to members are checked
// against them, so they must never drift: test/cli/golden-cabinet.test.ts pins a literal fingerprint
// and a committed paper (test/golden/cabinet.xlsx) that must still verify.
const cat = miniCatalogue();
const entries: Entry[] = [
  { ref: 'MC01', actual: 81.24, commentary: 'Calls  up\tagain', action: 'More staff' },
  { ref: 'MC02', actual: 25 },
  { ref: 'MC03', actual: 12345 },
  { ref: 'MC05', qualitative: 'At risk', commentary: 'Lease delayed', action: 'Escalated' },
  { ref: 'MC06', actual: 3, numerator: 3, denominator: 40 },
];
const model = cabinetModel(cat, consolidationOf(cat, Q2, entries, ['MC07']), { generatedAt: '2023-10-20' });
const plan = cabinetPlan(model);
const grid = planToGrid(plan);
const sha = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const canonical = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v).trim().replace(/\s+/g, ' '));

describe('fingerprint definitions', () => {
  it('data fingerprint: SHA-256 of the version, the period, the header and one tab-separated line per indicator', () => {
    const header = grid.values.findIndex((r) => r[0] === 'Ref' && r.includes('Actual'));
    // Columns by their header on the sheet; a column the paper leaves out (no row gives it) is blank.
    const col = (k: string): number => grid.values[header]?.indexOf(COLUMNS.find((c) => c.key === k)?.header ?? '') ?? -1;
    const rows = grid.values.slice(header + 1).filter((r) => typeof r[0] === 'string' && /^MC\d\d$/.test(r[0])).slice(0, model.sections.flatMap((s) => s.rows).length);
    const text = [
      FINGERPRINT_VERSION, `period\t${model.period}`, FINGERPRINT_COLUMNS.map((k) => COLUMNS.find((c) => c.key === k)?.header).join('\t'),
      ...rows.map((r) => FINGERPRINT_COLUMNS.map((k) => (col(k) < 0 ? '' : canonical(r[col(k)]))).join('\t')),
    ].join('\n');
    expect(cabinetFingerprint(model)).toBe(sha(text));
  });

  it('sheet fingerprint v1: SHA-256 of `row,col<TAB>value` lines in row-major order, free text left out', () => {
    const header = grid.values.find((r) => r[0] === 'Ref' && r.includes('Actual')) ?? [];
    const free = new Set(['Indicator', 'Commentary / action'].map((h) => header.indexOf(h) + 1));
    const lines: string[] = [];
    grid.values.forEach((r, i) => r.forEach((v, j) => {
      const t = canonical(v);
      if (t !== '' && !free.has(j + 1)) lines.push(`${i + 1},${j + 1}\t${t}`);
    }));
    const expected = sha([SHEET_FINGERPRINT_VERSION, ...lines].join('\n'));
    // v1: what papers made before fingerprint v3 stored, still checked that way.
    expect(sheetFingerprintOfGrid(grid, 'v1')).toBe(expected);
  });

  it('sheet fingerprint v2: each line with its number format (not General), then the view lines', () => {
    const sheet = plan.sheets[0] as SheetPlan;
    const header = grid.values.find((r) => r[0] === 'Ref' && r.includes('Actual')) ?? [];
    const free = new Set(['Indicator', 'Commentary / action'].map((h) => header.indexOf(h) + 1));
    const formatAt = (r: number, c: number): string => {
      const last = [...sheet.styles].reverse().find((s) => s.style.numFmt !== undefined && r >= s.range.top && r <= s.range.bottom && c >= s.range.left && c <= s.range.right);
      const f = last?.style.numFmt ?? '';
      return f.toLowerCase() === 'general' ? '' : f;
    };
    const lines: string[] = [];
    grid.values.forEach((r, i) => r.forEach((v, j) => {
      const t = canonical(v);
      const f = formatAt(i + 1, j + 1);
      if (t !== '' && !free.has(j + 1)) lines.push(`${i + 1},${j + 1}\t${t}${f === '' ? '' : `\t${f}`}`);
    }));
    expect(lines.some((l) => l.split('\t').length === 3)).toBe(true);
    const width = Math.max(...grid.values.map((r) => r.length));
    const hiddenCols = sheet.columns.filter((c) => c.hidden && c.col <= width).map((c) => c.col).join(',');
    const view = ['view\thidden rows\t', `view\thidden columns\t${hiddenCols}`, 'view\tsheet\tvisible\topens first'];
    const expected = sha([SHEET_VIEW_VERSION, ...lines, ...view].join('\n'));
    expect(sheetFingerprintOfPlan(sheet)).toBe(expected);
    const formats = grid.values.map((r, i) => r.map((_, j) => formatAt(i + 1, j + 1) || null));
    expect(sheetFingerprintOfGrid({ ...grid, formats, view: { hiddenRows: [], hiddenCols: hiddenCols === '' ? [] : hiddenCols.split(',').map(Number), state: 'visible', opensFirst: true } })).toBe(expected);
  });

  it('gives the same result for blocks in any order (row-major whatever the plan wrote first)', () => {
    const sheet = plan.sheets[0] as SheetPlan;
    const reversed: SheetPlan = { ...sheet, cells: [...sheet.cells].reverse() };
    expect(sheetFingerprintOfPlan(reversed)).toBe(sheetFingerprintOfPlan(sheet));
  });
});

describe('sheet fingerprint v2 covers what a reader sees (issue 18.4)', () => {
  const visible = { hiddenRows: [] as number[], hiddenCols: [] as number[], state: 'visible' as const, opensFirst: true };
  const base = sheetFingerprintOfGrid({ ...grid, view: visible });
  const rows = grid.values.length;
  const cols = Math.max(...grid.values.map((r) => r.length));

  it('changes with any hidden row or column, the sheet state, or another sheet opening first (property)', () => {
    fc.assert(fc.property(
      fc.uniqueArray(fc.integer({ min: 1, max: rows }), { maxLength: 3 }),
      fc.uniqueArray(fc.integer({ min: 1, max: cols }), { maxLength: 3 }),
      fc.constantFrom('visible', 'hidden', 'veryHidden'),
      fc.boolean(),
      (hiddenRows, hiddenCols, state, opensFirst) => {
        const view = { hiddenRows: [...hiddenRows].sort((a, b) => a - b), hiddenCols: [...hiddenCols].sort((a, b) => a - b), state, opensFirst };
        const same = hiddenRows.length === 0 && hiddenCols.length === 0 && state === 'visible' && opensFirst;
        expect(sheetFingerprintOfGrid({ ...grid, view }) === base).toBe(same);
      },
    ), { numRuns: 50 });
  });

  it('changes with a number format on any non-blank cell outside the free text, value kept (property)', () => {
    const header = grid.values.find((r) => r[0] === 'Ref' && r.includes('Actual')) ?? [];
    const free = new Set(['Indicator', 'Commentary / action'].map((h) => header.indexOf(h)));
    const cells = grid.values.flatMap((r, i) => r.map((v, j) => ({ i, j, v }))).filter((x) => canonical(x.v) !== '' && !free.has(x.j));
    fc.assert(fc.property(fc.constantFrom(...cells), fc.constantFrom('0.0%', '0.00', '#,##0', ';;;'), ({ i, j }, fmt) => {
      const formats = grid.values.map((r, ri) => r.map((_, cj) => (ri === i && cj === j ? fmt : null)));
      expect(sheetFingerprintOfGrid({ ...grid, formats, view: visible })).not.toBe(base);
    }), { numRuns: 50 });
  });
});
