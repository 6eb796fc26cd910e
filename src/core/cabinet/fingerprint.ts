import { MAX_COLS, type CellValue, type Grid } from '../grid';
import type { PlanValue, SheetPlan } from '../plan/types';
import { createSha256 } from '../sha256';
import { rowCells } from './cells';
import { COLUMNS, columnOf, FINGERPRINT_COLUMNS, type ColumnKey } from './layout';
import type { CabinetModel } from './model';
import { readCabinetTable } from './previous';

/**
 * The data fingerprint: SHA-256 of a canonical text of the scorecard data *as shown* (after
 * suppression), so a re-read Cabinet sheet gives the same hash and `verify` can tell whether the
 * numbers changed since export. Words around the data (titles, commentary, dates) are not covered.
 *
 * Canonical form (UTF-8, lines joined by LF, no trailing LF):
 *   scorecard-fingerprint v1
 *   period<TAB>2023-24 Q2
 *   <one line per indicator row in sheet order: the cells of FINGERPRINT_COLUMNS joined by TAB>
 * A number is written as JavaScript's shortest round-trip form (81.2, 1500); text is trimmed with
 * runs of white space made one space; blank is empty. The header names are part of the format.
 */
export const FINGERPRINT_VERSION = 'scorecard-fingerprint v1';

export function canonicalCell(v: PlanValue | CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v.trim().replace(/\s+/g, ' ');
  return '';
}

/** The data fingerprint's text, fed to the hash line by line (never built whole: 30,000 rows is megabytes). */
function hashCanonical(period: string, rows: Iterable<readonly string[]>): string {
  const h = createSha256();
  const header = FINGERPRINT_COLUMNS.map((k) => COLUMNS.find((c) => c.key === k)?.header ?? k).join('\t');
  h.update(FINGERPRINT_VERSION).update(`\nperiod\t${canonicalCell(period)}\n`).update(header);
  for (const r of rows) {
    h.update('\n');
    r.forEach((cell, i) => (i > 0 ? h.update('\t').update(cell) : h.update(cell)));
  }
  return h.hex();
}

export function cabinetFingerprint(model: CabinetModel): string {
  function* rows() {
    for (const s of model.sections) {
      for (const row of s.rows) {
        const cells = rowCells(row);
        yield FINGERPRINT_COLUMNS.map((k) => canonicalCell(cells[k]));
      }
    }
  }
  return hashCanonical(model.period, rows());
}

/** The same hash from a Cabinet sheet read back; undefined when the sheet has no indicator table or period. */
export function fingerprintFromCabinetGrid(grid: Grid): string | undefined {
  const table = readCabinetTable(grid);
  if (!table || table.period === undefined) return undefined;
  if (FINGERPRINT_COLUMNS.some((k) => table.columns[k] === undefined)) return undefined;
  const rows = table.rows.map((row) =>
    FINGERPRINT_COLUMNS.map((k: ColumnKey) => canonicalCell(row[table.columns[k] as number])));
  return hashCanonical(table.period, rows);
}

/**
 * The sheet fingerprint: SHA-256 over every non-blank cell of the Cabinet sheet except the free-text
 * columns (indicator titles, commentary / action), as `row,col<TAB>value` lines in row-major order
 * after `scorecard-sheet v1`. The data fingerprint covers the indicator table; this one covers the
 * copies of its numbers elsewhere (summary counts, exceptions, changes), so an exception turned
 * from Red to Green is caught too, while a typo fixed in commentary is not a changed number.
 */
export const SHEET_FINGERPRINT_VERSION = 'scorecard-sheet v1';
const FREE_TEXT = new Set([columnOf('indicator'), columnOf('commentary')]);
/** A cell's (row, col) as one number. */
const COLS = MAX_COLS;

type Emit = (row: number, col: number, value: PlanValue | CellValue | undefined) => void;

/** Row-major over (row, col) keys packed in one number, so 300,000 cells sort without an object each. */
function sheetHash(visit: (emit: Emit) => void): string {
  const keys: number[] = [];
  const texts: string[] = [];
  visit((row, col, value) => {
    if (FREE_TEXT.has(col)) return;
    const text = canonicalCell(value);
    if (text === '') return;
    keys.push(row * COLS + col);
    texts.push(text);
  });
  const order = Array.from(keys.keys()).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0));
  const h = createSha256().update(SHEET_FINGERPRINT_VERSION);
  for (const i of order) {
    const key = keys[i] ?? 0;
    h.update(`\n${Math.floor(key / COLS)},${key % COLS}\t`).update(texts[i] ?? '');
  }
  return h.hex();
}

export function sheetFingerprintOfPlan(sheet: SheetPlan): string {
  return sheetHash((emit) => {
    for (const b of sheet.cells) b.values.forEach((line, r) => line.forEach((value, c) => emit(b.row + r, b.col + c, value)));
  });
}

export function sheetFingerprintOfGrid(grid: Grid): string {
  const { row: top, col: left } = grid.origin ?? { row: 1, col: 1 };
  return sheetHash((emit) => grid.values.forEach((line, r) => line.forEach((value, c) => emit(top + r, left + c, value))));
}
