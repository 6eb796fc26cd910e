import type { CellValue, Grid } from '../grid';
import type { PlanValue, SheetPlan } from '../plan/types';
import { sha256Hex } from '../sha256';
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

export function canonicalText(period: string, rows: readonly (readonly string[])[]): string {
  const header = FINGERPRINT_COLUMNS.map((k) => COLUMNS.find((c) => c.key === k)?.header ?? k).join('\t');
  return [FINGERPRINT_VERSION, `period\t${canonicalCell(period)}`, header, ...rows.map((r) => r.join('\t'))].join('\n');
}

export function cabinetCanonical(model: CabinetModel): string {
  const rows = model.sections.flatMap((s) => s.rows).map((row) => {
    const cells = rowCells(row);
    return FINGERPRINT_COLUMNS.map((k) => canonicalCell(cells[k]));
  });
  return canonicalText(model.period, rows);
}

export function cabinetFingerprint(model: CabinetModel): string {
  return sha256Hex(cabinetCanonical(model));
}

/** The same hash from a Cabinet sheet read back; undefined when the sheet has no indicator table or period. */
export function fingerprintFromCabinetGrid(grid: Grid): string | undefined {
  const table = readCabinetTable(grid);
  if (!table || table.period === undefined) return undefined;
  if (FINGERPRINT_COLUMNS.some((k) => table.columns[k] === undefined)) return undefined;
  const rows = table.rows.map((row) =>
    FINGERPRINT_COLUMNS.map((k: ColumnKey) => canonicalCell(row[table.columns[k] as number])));
  return sha256Hex(canonicalText(table.period, rows));
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

function sheetCanonical(cells: Iterable<{ readonly row: number; readonly col: number; readonly value: PlanValue | CellValue | undefined }>): string {
  const lines: { row: number; col: number; text: string }[] = [];
  for (const c of cells) {
    const text = canonicalCell(c.value);
    if (text !== '' && !FREE_TEXT.has(c.col)) lines.push({ row: c.row, col: c.col, text });
  }
  lines.sort((a, b) => a.row - b.row || a.col - b.col);
  return [SHEET_FINGERPRINT_VERSION, ...lines.map((l) => `${l.row},${l.col}\t${l.text}`)].join('\n');
}

export function sheetFingerprintOfPlan(sheet: SheetPlan): string {
  function* cells() {
    for (const b of sheet.cells) {
      for (const [r, line] of b.values.entries()) for (const [c, value] of line.entries()) yield { row: b.row + r, col: b.col + c, value };
    }
  }
  return sha256Hex(sheetCanonical(cells()));
}

export function sheetFingerprintOfGrid(grid: Grid): string {
  const { row: top, col: left } = grid.origin ?? { row: 1, col: 1 };
  function* cells() {
    for (const [r, line] of grid.values.entries()) for (const [c, value] of line.entries()) yield { row: top + r, col: left + c, value };
  }
  return sha256Hex(sheetCanonical(cells()));
}
