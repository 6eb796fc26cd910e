import fc from 'fast-check';
import { cellRefA1 } from '../../../src/core/address';
import type { CellValue, Grid } from '../../../src/core/grid';
import { isCellError } from '../../../src/core/grid';
import type { Issue } from '../../../src/core/issues';
import { readReturn } from '../../../src/core/return/read';
import { canonicalEntries } from '../../../src/core/return/signoff';
import type { ReadCell, ReadReturn, ReturnRow } from '../../../src/core/return/types';
import { cellText, isBlankCell, isDateFormat, isPercentFormat } from '../../../src/core/return/values';

// Issue 19 short cuts in reading a return, each held to the straightforward version it replaced
// (kept here as the oracle): what a return reads as, and the entries fingerprint's text, must not change.

// ---- The reader's rows as first written: every cell of the row made, then the Ref one spread out.
const READ_COLUMNS = ['ref', 'actual', 'status', 'numerator', 'denominator', 'commentary', 'action', 'target'] as const;
function oracleRows(grid: Grid, headerRow: number, columns: Record<string, number>): { rows: ReturnRow[]; issues: Issue[] } {
  const rowOffset = (grid.origin?.row ?? 1) - 1;
  const colOffset = (grid.origin?.col ?? 1) - 1;
  const value = (r: number, c: number): CellValue => grid.values[r]?.[c] ?? null;
  const cell = (r: number, c: number): ReadCell => {
    const f: unknown = grid.formats?.[r]?.[c];
    const format = typeof f === 'string' ? f : undefined;
    const base = { address: cellRefA1(grid.sheet, r + 1 + rowOffset, c + 1 + colOffset), row: r + 1 + rowOffset, col: c + 1 + colOffset, value: value(r, c) };
    return format === undefined ? base : { ...base, format };
  };
  const issues: Issue[] = [];
  const at: Partial<Record<(typeof READ_COLUMNS)[number], number>> = {};
  for (const k of READ_COLUMNS) if (columns[k] !== undefined) at[k] = (columns[k] as number) - 1 - colOffset;
  const rows: ReturnRow[] = [];
  const h = headerRow - 1 - rowOffset;
  for (let r = h + 1; r < grid.values.length; r++) {
    const cells: Partial<Record<(typeof READ_COLUMNS)[number], ReadCell>> = {};
    for (const k of READ_COLUMNS) if (at[k] !== undefined) cells[k] = cell(r, at[k] as number);
    const refCell = cells.ref as ReadCell;
    const ref = cellText(refCell.value).trim();
    if (!ref) {
      if (cells.actual && !isBlankCell(cells.actual.value)) issues.push({ severity: 'error', code: 'unknown-ref', cell: cells.actual.address, params: { blankRef: true } });
      continue;
    }
    const { ref: _r, ...rest } = cells;
    rows.push({ ref, row: refCell.row, refCell, ...rest });
  }
  return { rows, issues };
}

const HEADERS = ['Ref', 'Actual', 'Status', 'Numerator', 'Denominator', 'Commentary', 'Action', 'Target', 'Indicator'];
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null), fc.constantFrom('CS01', ' cs02 ', '', '  ', 'Note', '<5', 'x'), fc.integer({ min: -5, max: 200 }), fc.boolean(),
  fc.constant({ error: '#N/A' } as CellValue),
);
const sheetName = fc.constantFrom('Return', 'My return', "Bob's sheet", 'A1', 'R2C3', 'TRUE', 'Return (2)');

describe('readReturn rows (short cut: cells built in place, sheet name quoted and column letters made once)', () => {
  it('reads every row, cell and blank-Ref issue as the straightforward reader did (property)', () => {
    const arb = fc.record({
      sheet: sheetName,
      header: fc.shuffledSubarray(HEADERS, { minLength: 1 }).map((h) => (h.includes('Ref') ? h : ['Ref', ...h])),
      body: fc.array(fc.array(cellValue, { maxLength: 10 }), { maxLength: 12 }),
      formats: fc.array(fc.array(fc.constantFrom(null, '0.0%', '0', 'dd/mm/yyyy'), { maxLength: 10 }), { maxLength: 14 }),
      origin: fc.option(fc.record({ row: fc.integer({ min: 1, max: 40 }), col: fc.integer({ min: 1, max: 30 }) }), { nil: undefined }),
      duplicate: fc.boolean(),
    });
    fc.assert(fc.property(arb, ({ sheet, header, body, formats, origin, duplicate }) => {
      const values: CellValue[][] = [['Period', '2023-24 Q2'], [], duplicate ? [...header, 'Actual'] : header, ...body];
      const grid: Grid = { sheet, values, formats: [[], [], [], ...formats], ...(origin ? { origin } : {}) };
      const read = readReturn(grid);
      expect(read.headerRow).toBeDefined();
      const want = oracleRows(grid, read.headerRow as number, read.columns);
      expect(read.rows).toEqual(want.rows);
      // Same keys in the same order (a row's JSON is unchanged), not only equal contents.
      expect(JSON.stringify(read.rows)).toBe(JSON.stringify(want.rows));
      expect(read.issues.filter((i) => i.code === 'unknown-ref')).toEqual(want.issues);
    }), { numRuns: 1500 });
  });
});

// ---- Number formats as first written: formatCodes' replaces on every call.
function codes(format: string): string {
  return format.replace(/"[^"]*"?/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]?/g, '').replace(/_./g, '').replace(/\*./g, '');
}
const percentOracle = (f: string | null | undefined): boolean => typeof f === 'string' && codes(f).includes('%');
const dateOracle = (f: string | null | undefined): boolean => typeof f === 'string' && /[dmy]/i.test(codes(f).replace(/general|standard|am\/pm|a\/p/gi, ''));

describe('isPercentFormat and isDateFormat (short cut: what each format is, worked out once)', () => {
  const format = fc.oneof(
    fc.string({ unit: fc.constantFrom('0', '#', '.', ',', '%', '"', '\\', '[', ']', '_', '*', 'd', 'm', 'y', 'D', 'a', 'p', '/', ' ', 'G', 'e', 'n', 'r', 'l'), maxLength: 14 }),
    fc.constantFrom('General', '0.0%', '0.0"%"', '\\%0', '[Red]0%', 'dd/mm/yyyy', 'am/pm 0', 'Standard', '[$£-809]#,##0', '_(0%_)', '*m0'),
    fc.constantFrom(null, undefined),
  );
  it('says what the replaces said, the first time and every time after (property)', () => {
    fc.assert(fc.property(format, (f) => {
      for (let i = 0; i < 2; i++) {
        expect(isPercentFormat(f)).toBe(percentOracle(f));
        expect(isDateFormat(f)).toBe(dateOracle(f));
      }
    }), { numRuns: 5000 });
  });

  it('still answers rightly once more formats than it keeps have been seen', () => {
    for (let i = 0; i < 5000; i++) expect(isPercentFormat(`0.${'0'.repeat(i % 7)}"x${i}"${i % 3 === 0 ? '%' : ''}`)).toBe(i % 3 === 0);
    expect(isPercentFormat('0.0%')).toBe(true);
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
  });
});

// ---- The entries' canonical JSON as first written: an object per row, sorted, stringified whole.
function raw(cell: ReadCell | undefined): CellValue {
  const v = cell?.value;
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number') return Object.is(v, -0) ? 0 : v;
  if (isCellError(v)) return { error: String(v.error) };
  return v;
}
function canonicalOracle(read: ReadReturn): string {
  const entries = read.rows
    .map((r) => ({ ref: r.ref, actual: raw(r.actual), status: raw(r.status), numerator: raw(r.numerator), denominator: raw(r.denominator), commentary: raw(r.commentary), action: raw(r.action) }))
    .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  return JSON.stringify({ v: 1, period: (read.periodText ?? '').trim(), entries });
}

describe('canonicalEntries (short cut: written entry by entry)', () => {
  const anyValue: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null), fc.string(), fc.constantFrom('', ' ', 'a"b\\c', '\u2028', '\ud800', 'é'), fc.double(), fc.constantFrom(-0, NaN, Infinity, -Infinity, 1e21, 5e-7),
    fc.boolean(), fc.constantFrom('#N/A', '#DIV/0!').map((e) => ({ error: e }) as CellValue),
  );
  const cell = fc.option(anyValue.map((value): ReadCell => ({ address: 'Return!A1', row: 1, col: 1, value })), { nil: undefined });
  const row = fc.record({ ref: fc.constantFrom('CS01', 'CS02', 'cs01', 'B', 'a', 'CS01 ', 'Ω'), actual: cell, status: cell, numerator: cell, denominator: cell, commentary: cell, action: cell, target: cell });
  it('gives the text the object-per-row JSON gave, duplicate Refs in their order (property)', () => {
    fc.assert(fc.property(fc.array(row, { maxLength: 12 }), fc.option(fc.string(), { nil: undefined }), (rows, periodText) => {
      const read: ReadReturn = {
        sheet: 'Return', ...(periodText !== undefined ? { periodText } : {}), signOff: { ready: false, cells: {} }, columns: {}, issues: [],
        rows: rows.map((r, i) => {
          const out: { -readonly [K in keyof ReturnRow]: ReturnRow[K] } = { ref: r.ref, row: i + 5, refCell: { address: `Return!A${i + 5}`, row: i + 5, col: 1, value: r.ref } };
          for (const k of ['actual', 'status', 'numerator', 'denominator', 'commentary', 'action', 'target'] as const) if (r[k]) out[k] = r[k];
          return out;
        }),
      };
      expect(canonicalEntries(read)).toBe(canonicalOracle(read));
    }), { numRuns: 3000 });
  });
});
