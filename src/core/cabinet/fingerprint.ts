import { MAX_COLS, type CellValue, type Grid, type SheetView } from '../grid';
import type { PlanValue, SheetPlan } from '../plan/types';
import { createSha256 } from '../sha256';
import { sectionCells } from './cells';
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
 * runs of white space made one space; blank is empty (so is a column the paper leaves out because no
 * row gives it). The header names are part of the format.
 *
 * v2 (issue 15): the paper shows Target as a number (82, not the text `82.0%`) and direction of
 * travel with its arrow (`↑ Improving`), so the same data hashes differently from a v1 paper; the
 * text form is v1's but for the first line. `verify` still checks a v1 paper against v1.
 */
export const FINGERPRINT_VERSION = 'scorecard-fingerprint v3';
export const FINGERPRINT_VERSIONS = ['scorecard-fingerprint v3', 'scorecard-fingerprint v2', 'scorecard-fingerprint v1'] as const;
/**
 * v3 (issue 18.4): the data text is v2's but for the first line; what changed is that a v3 paper's
 * sheet fingerprint is `scorecard-sheet v2`, which covers what a reader sees (formats, hidden rows,
 * columns and sheets, the sheet the workbook opens on). Older papers are checked as they were made.
 */
export const VIEW_VERSION = 'scorecard-fingerprint v3';
/** The header names in the canonical text: v1's, kept whatever the sheet's headers say. */
const CANONICAL_HEADERS: Readonly<Record<ColumnKey, string>> = {
  ref: 'Ref', indicator: 'Indicator', service: 'Service', target: 'Target', actual: 'Actual', numerator: 'Numerator',
  denominator: 'Denominator', rag: 'RAG', dirPrevious: 'Direction (vs last quarter)', dirLastYear: 'Direction (vs last year)',
  dataPeriod: 'Data period', benchmark: 'Benchmark', commentary: 'Commentary / action',
};

export function canonicalCell(v: PlanValue | CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return oneSpaced(v.trim());
  return '';
}

/** White space other than a lone space: only text with some needs the replace (most cells have none). */
const UNEVEN_SPACE = /[^\S ]| {2}/;

/** Runs of white space made one space (`\s`, the same white space as trim). */
function oneSpaced(text: string): string {
  return UNEVEN_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** The data fingerprint's text, fed to the hash line by line (never built whole: 30,000 rows is megabytes). */
function hashCanonical(period: string, rows: Iterable<readonly string[]> | ((line: (cells: readonly string[] | string) => void) => void), version: string = FINGERPRINT_VERSION): string {
  const h = createSha256();
  const header = FINGERPRINT_COLUMNS.map((k) => CANONICAL_HEADERS[k]).join('\t');
  h.update(version).update(`\nperiod\t${canonicalCell(period)}\n`).update(header);
  const line = (cells: readonly string[] | string): void => { h.update(typeof cells === 'string' ? `\n${cells}` : `\n${cells.join('\t')}`); };
  if (typeof rows === 'function') rows(line);
  else for (const r of rows) line(r);
  return h.hex();
}

export function cabinetFingerprint(model: CabinetModel): string {
  // Each row's line built straight from its cells: no list of canonical cells per row.
  return hashCanonical(model.period, (line) => {
    for (const section of sectionCells(model)) {
      for (const cells of section) {
        let text = '';
        for (let i = 0; i < FINGERPRINT_COLUMNS.length; i++) {
          const cell = canonicalCell(cells[FINGERPRINT_COLUMNS[i] as ColumnKey]);
          text = i === 0 ? cell : `${text}\t${cell}`;
        }
        line(text);
      }
    }
  });
}

/** The same hash from a Cabinet sheet read back (as `version` gives it); undefined when the sheet has no indicator table or period. */
export function fingerprintFromCabinetGrid(grid: Grid, version: string = FINGERPRINT_VERSION): string | undefined {
  const table = readCabinetTable(grid);
  if (!table || table.period === undefined) return undefined;
  const required: readonly ColumnKey[] = ['ref', 'actual', 'rag'];
  if (required.some((k) => table.columns[k] === undefined)) return undefined;
  const rows = table.rows.map((row) =>
    FINGERPRINT_COLUMNS.map((k: ColumnKey) => (table.columns[k] === undefined ? '' : canonicalCell(row[table.columns[k] as number]))));
  return hashCanonical(table.period, rows, version);
}

/**
 * The sheet fingerprint: SHA-256 over every non-blank cell of the Cabinet sheet except the free-text
 * columns (indicator titles, commentary / action), as `row,col<TAB>value` lines in row-major order
 * after `scorecard-sheet v1`. The data fingerprint covers the indicator table; this one covers the
 * copies of its numbers elsewhere (summary counts, exceptions, changes), so an exception turned
 * from Red to Green is caught too, while a typo fixed in commentary is not a changed number.
 */
export const SHEET_FINGERPRINT_VERSION = 'scorecard-sheet v1';
/**
 * v2 (with data fingerprint v3): each cell's line also carries its number format after a TAB when
 * it has one other than General (value and format together are the text Excel displays: 0.942 shown
 * as 94.2 % is another line), then three view lines:
 *   view<TAB>hidden rows<TAB>3,7        (1-based, ascending, within A1 to the last value; empty if none)
 *   view<TAB>hidden columns<TAB>12
 *   view<TAB>sheet<TAB>visible|hidden|veryHidden<TAB>opens first|not first
 */
export const SHEET_VIEW_VERSION = 'scorecard-sheet v2';
/** The free-text columns as the v1 layout placed them, for a sheet whose table header cannot be found. */
const FREE_TEXT = [columnOf('indicator'), columnOf('commentary')];
/** A cell's (row, col) as one number. */
const COLS = MAX_COLS;

type Emit = (row: number, col: number, value: PlanValue | CellValue | undefined, format?: string | null) => void;

/** A number format as the hash sees it: General (Excel's default) and none are the same. */
function canonicalFormat(format: string | null | undefined): string {
  const f = (format ?? '').trim();
  return f.toLowerCase() === 'general' ? '' : f;
}

/** The view lines of a v2 sheet fingerprint; a reader that tells nothing of the view is taken as showing all. */
function viewLines(view: SheetView | undefined): string {
  const v = view ?? { hiddenRows: [], hiddenCols: [], state: 'visible', opensFirst: true };
  return `\nview\thidden rows\t${v.hiddenRows.join(',')}\nview\thidden columns\t${v.hiddenCols.join(',')}\nview\tsheet\t${v.state}\t${v.opensFirst ? 'opens first' : 'not first'}`;
}

/**
 * The lines in row-major order. `inOrder`: the visit already emits cells in that order (a plan
 * written top to bottom, a grid), so each line goes straight into the hash; otherwise the lines are
 * gathered with their (row, col) packed in one number and sorted, so 300,000 cells sort without an
 * object each.
 */
function sheetHash(freeText: readonly number[], visit: (emit: Emit) => void, view: SheetView | null | undefined, inOrder: boolean): string {
  const free = new Set(freeText);
  // view === null: the v1 text (values only, no view), for papers made before v3.
  const h = createSha256().update(view === null ? SHEET_FINGERPRINT_VERSION : SHEET_VIEW_VERSION);
  const keys: number[] = [];
  const texts: string[] = [];
  // A sheet has a few formats over many cells.
  const formats = new Map<string, string>();
  const formatOf = (format: string | null | undefined): string => {
    if (format === null || format === undefined || format === '') return '';
    let f = formats.get(format);
    if (f === undefined) formats.set(format, (f = canonicalFormat(format)));
    return f;
  };
  visit((row, col, value, format) => {
    if (free.has(col)) return;
    const text = canonicalCell(value);
    if (text === '') return;
    const fmt = view === null ? '' : formatOf(format);
    const line = fmt === '' ? text : `${text}\t${fmt}`;
    if (inOrder) {
      h.update(`\n${row},${col}\t${line}`);
      return;
    }
    keys.push(row * COLS + col);
    texts.push(line);
  });
  const order = Array.from(keys.keys()).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0));
  for (const i of order) {
    const key = keys[i] ?? 0;
    h.update(`\n${Math.floor(key / COLS)},${key % COLS}\t`).update(texts[i] ?? '');
  }
  if (view !== null) h.update(viewLines(view));
  return h.hex();
}

/**
 * Whether rectangles of values, visited in turn and each row by row, give their cells in row-major
 * order of the packed (row, col): every column within the packing, and each rectangle after the last.
 */
function rowMajor(blocks: readonly { readonly row: number; readonly col: number; readonly values: readonly (readonly unknown[])[] }[]): boolean {
  let last = -Infinity;
  for (const b of blocks) {
    let width = 0;
    for (const line of b.values) width = Math.max(width, line.length);
    if (width === 0) continue;
    if (b.col < 0 || b.col + width - 1 >= COLS) return false;
    const first = b.row * COLS + b.col;
    if (first <= last) return false;
    last = (b.row + b.values.length - 1) * COLS + b.col + width - 1;
  }
  return true;
}

/** The free-text columns of a plan: where its indicator table's header names them. */
function planFreeText(sheet: SheetPlan): number[] {
  const names = new Map<string, ColumnKey>(COLUMNS.map((c) => [c.header, c.key]));
  for (const b of sheet.cells) {
    for (const line of b.values) {
      const keys = line.map((v) => (typeof v === 'string' ? names.get(v) : undefined));
      if (keys.includes('ref') && keys.includes('actual')) {
        return (['indicator', 'commentary'] as const).map((k) => b.col + keys.indexOf(k)).filter((c) => c >= b.col);
      }
    }
  }
  return FREE_TEXT;
}

/** Each cell's number format as the plan's style ranges leave it (the last range that sets one wins, as rendered). */
function planFormats(sheet: SheetPlan): Map<number, string> {
  const out = new Map<number, string>();
  for (const s of sheet.styles) {
    if (s.style.numFmt === undefined) continue;
    const { top, left, bottom, right } = s.range;
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) out.set(r * COLS + c, s.style.numFmt);
  }
  return out;
}

/** The view the Cabinet sheet is written with: its hidden columns within its extent; the first sheet, so the one the workbook opens on. */
function planView(sheet: SheetPlan): SheetView {
  let cols = 0;
  for (const b of sheet.cells) b.values.forEach((line) => line.forEach((v, c) => { if (v !== null) cols = Math.max(cols, b.col + c); }));
  const hiddenCols = sheet.columns.filter((c) => c.hidden && c.col <= cols).map((c) => c.col).sort((a, b) => a - b);
  return { hiddenRows: [], hiddenCols, state: sheet.hidden ? 'hidden' : 'visible', opensFirst: true };
}

/** The v2 sheet fingerprint of the Cabinet sheet as planned (what new exports store). */
export function sheetFingerprintOfPlan(sheet: SheetPlan): string {
  if (rowMajor(sheet.cells)) return planHashInOrder(sheet);
  const formats = planFormats(sheet);
  return sheetHash(planFreeText(sheet), (emit) => {
    for (const b of sheet.cells) {
      for (let r = 0; r < b.values.length; r++) {
        const line = b.values[r] as readonly PlanValue[];
        for (let c = 0; c < line.length; c++) emit(b.row + r, b.col + c, line[c], formats.get((b.row + r) * COLS + b.col + c));
      }
    }
  }, planView(sheet), rowMajor(sheet.cells));
}

/**
 * sheetHash's in-order text for a plan written top to bottom (every plan cabinetPlan makes), in one
 * loop: a blank or free-text cell is passed over before its format is looked up, and no visitor is
 * called per cell (a 30,000-row paper has some 400,000 cells). The fingerprint-shortcuts test holds
 * it to sheetHash's text.
 */
function planHashInOrder(sheet: SheetPlan): string {
  // planFormats' map by row, then column: looked up in the order written, not hashed at random
  // through a map of every formatted cell (that lookup was most of this loop's time).
  const formats: (string[] | undefined)[] = [];
  for (const st of sheet.styles) {
    const numFmt = st.style.numFmt;
    if (numFmt === undefined) continue;
    const { top, left, bottom, right } = st.range;
    for (let r = top; r <= bottom; r++) {
      const line = (formats[r] ??= []);
      for (let c = left; c <= right; c++) line[c] = numFmt;
    }
  }
  const free: boolean[] = [];
  for (const c of planFreeText(sheet)) free[c] = true;
  const h = createSha256().update(SHEET_VIEW_VERSION);
  const canonical = new Map<string, string>();
  for (const b of sheet.cells) {
    for (let r = 0; r < b.values.length; r++) {
      const line = b.values[r] as readonly PlanValue[];
      const row = b.row + r;
      const rowFormats = formats[row];
      for (let c = 0; c < line.length; c++) {
        const v = line[c];
        if (v === null || v === undefined) continue;
        const col = b.col + c;
        if (free[col] === true) continue;
        const text = canonicalCell(v);
        if (text === '') continue;
        const format = rowFormats === undefined ? undefined : rowFormats[col];
        let fmt = '';
        if (format !== undefined && format !== '') {
          const known = canonical.get(format);
          if (known === undefined) canonical.set(format, (fmt = canonicalFormat(format)));
          else fmt = known;
        }
        h.update(fmt === '' ? `\n${row},${col}\t${text}` : `\n${row},${col}\t${text}\t${fmt}`);
      }
    }
  }
  h.update(viewLines(planView(sheet)));
  return h.hex();
}

/** The sheet fingerprint of a sheet read back: v2 (formats and view) unless `v1` for a paper made before v3. */
export function sheetFingerprintOfGrid(grid: Grid, version: 'v1' | 'v2' = 'v2'): string {
  const { row: top, col: left } = grid.origin ?? { row: 1, col: 1 };
  const table = readCabinetTable(grid);
  const free = table ? (['indicator', 'commentary'] as const).flatMap((k) => (table.columns[k] === undefined ? [] : [left + (table.columns[k] as number)])) : FREE_TEXT;
  return sheetHash(free, (emit) => grid.values.forEach((line, r) => line.forEach((value, c) => emit(top + r, left + c, value, grid.formats?.[r]?.[c]))),
    version === 'v1' ? null : (grid.view ?? undefined), rowMajor([{ row: top, col: left, values: grid.values }]));
}
