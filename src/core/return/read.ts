import { cellRefA1, columnLetters, quoteSheet } from '../address';
import { MAX_ROWS } from '../grid';
import type { CellValue, Grid } from '../grid';
import type { Issue } from '../issues';
import { HEADER, LABEL, normaliseHeader } from './layout';
import type { ReadCell, ReadReturn, ReturnRow, SignOff } from './types';
import { serialToIso } from '../format';
import { cellText, isBlankCell } from './values';

/** Columns the reader takes values from. */
const READ_COLUMNS = ['ref', 'actual', 'status', 'numerator', 'denominator', 'commentary', 'action', 'target'] as const;
type ReadColumn = (typeof READ_COLUMNS)[number];
/** Columns a lead types into (not Ref, not the people's copy of the Target). */
export const ENTRY_COLUMNS = ['actual', 'status', 'numerator', 'denominator', 'commentary', 'action'] as const;

const KNOWN_HEADERS: ReadonlySet<string> = new Set(Object.values(HEADER).map(normaliseHeader));
/** A second copy of one of these could hold entries that are never read, so it is an error. */
const ENTRY_HEADERS: ReadonlySet<string> = new Set((['ref', ...ENTRY_COLUMNS] as const).map((k) => normaliseHeader(HEADER[k])));

type LabelKey = keyof typeof LABEL;
const LABEL_KEYS = Object.keys(LABEL) as LabelKey[];

/** A label as typed, compared without case, spacing or a trailing colon/question mark. */
function labelKey(text: string): string {
  return normaliseHeader(text).replace(/\s*[:?]$/, '');
}
const LABEL_BY_TEXT: ReadonlyMap<string, LabelKey> = new Map(LABEL_KEYS.map((k) => [labelKey(LABEL[k]), k]));

const READY_WORDS: ReadonlySet<string> = new Set(['yes', 'y', 'true', 'ready', '✓', '✔', '☑']);

class Sheet {
  readonly rowOffset: number;
  readonly colOffset: number;
  /** `Return!` or `'Return (2)'!`: quoteSheet's regular expressions once per sheet, not once per cell. */
  private readonly prefix: string;
  /** Column letters by 1-based column, made as asked: a return has a dozen columns over thousands of rows. */
  private readonly letters: string[] = [];
  constructor(readonly grid: Grid) {
    this.rowOffset = (grid.origin?.row ?? 1) - 1;
    this.colOffset = (grid.origin?.col ?? 1) - 1;
    this.prefix = `${quoteSheet(grid.sheet)}!`;
  }
  get height(): number {
    return Array.isArray(this.grid.values) ? this.grid.values.length : 0;
  }
  width(r: number): number {
    const row = this.grid.values[r];
    return Array.isArray(row) ? row.length : 0;
  }
  value(r: number, c: number): CellValue {
    const row = this.grid.values[r];
    const v: unknown = Array.isArray(row) ? row[c] : undefined;
    return v === undefined ? null : (v as CellValue);
  }
  format(r: number, c: number): string | undefined {
    const f: unknown = this.grid.formats?.[r]?.[c];
    return typeof f === 'string' ? f : undefined;
  }
  /** 1-based row and column on the sheet of the 0-based grid position. */
  at(r: number, c: number): { row: number; col: number } {
    return { row: r + 1 + this.rowOffset, col: c + 1 + this.colOffset };
  }
  /** cellRefA1 of the position, its sheet part and column letters kept (a row out of range still throws as cellRefA1 does). */
  address(r: number, c: number): string {
    const row = r + 1 + this.rowOffset;
    const col = c + 1 + this.colOffset;
    if (!Number.isInteger(row) || row < 1 || row > MAX_ROWS) return cellRefA1(this.grid.sheet, row, col);
    let letters = this.letters[col];
    if (letters === undefined) this.letters[col] = letters = columnLetters(col);
    return `${this.prefix}${letters}${row}`;
  }
  /** One object of one shape per cell, `format` last when there is one (as the spread made it). */
  cell(r: number, c: number): ReadCell {
    const format = this.format(r, c);
    const address = this.address(r, c);
    const row = r + 1 + this.rowOffset;
    const col = c + 1 + this.colOffset;
    const value = this.value(r, c);
    return format === undefined ? { address, row, col, value } : { address, row, col, value, format };
  }
}

interface LabelValue {
  readonly text: string;
  readonly value: CellValue;
  /** Where the value was found (the label cell itself for `Period: 2023-24 Q2`). */
  readonly foundAt: string;
  /** Where a value should be written: the cell the reader looks at first (1-based, on this sheet). */
  readonly valueCell: { readonly row: number; readonly col: number };
}

function isLabelText(v: CellValue): boolean {
  return typeof v === 'string' && LABEL_BY_TEXT.has(labelKey(v));
}

/** Labels above the header: the value in the next non-empty cell to the right, else after a colon. */
function readLabels(sheet: Sheet, lastRow: number): Partial<Record<LabelKey, LabelValue>> {
  const out: Partial<Record<LabelKey, LabelValue>> = {};
  for (let r = 0; r < lastRow; r++) {
    for (let c = 0; c < sheet.width(r); c++) {
      const v = sheet.value(r, c);
      if (typeof v !== 'string') continue;
      const inline = /^([^:]*):(.*)$/s.exec(v);
      const key = LABEL_BY_TEXT.get(labelKey(v)) ?? (inline ? LABEL_BY_TEXT.get(labelKey(inline[1] ?? '')) : undefined);
      if (key === undefined || out[key]) continue;
      let at = c + 1;
      while (at < sheet.width(r) && isBlankCell(sheet.value(r, at))) at++;
      const right = at < sheet.width(r) && !isLabelText(sheet.value(r, at)) ? at : undefined;
      const inlineText = inline && LABEL_BY_TEXT.get(labelKey(v)) === undefined ? (inline[2] ?? '').trim() : '';
      if (right !== undefined) {
        const value = sheet.value(r, right);
        out[key] = { text: cellText(value).trim(), value, foundAt: sheet.address(r, right), valueCell: sheet.at(r, right) };
      } else {
        out[key] = { text: inlineText, value: inlineText || null, foundAt: inlineText ? sheet.address(r, c) : sheet.address(r, c + 1), valueCell: sheet.at(r, c + 1) };
      }
    }
  }
  return out;
}

function findHeaderRow(sheet: Sheet): number | undefined {
  for (let r = 0; r < sheet.height; r++) {
    for (let c = 0; c < sheet.width(r); c++) {
      if (normaliseHeader(cellText(sheet.value(r, c))) === 'ref') return r;
    }
  }
  return undefined;
}

function readColumns(sheet: Sheet, headerRow: number, issues: Issue[]): Record<string, number> {
  const columns: Record<string, number> = {};
  for (let c = 0; c < sheet.width(headerRow); c++) {
    const name = normaliseHeader(cellText(sheet.value(headerRow, c)));
    if (!name) continue;
    if (columns[name] === undefined) {
      columns[name] = c + 1 + sheet.colOffset;
    } else if (KNOWN_HEADERS.has(name)) {
      const first = sheet.address(headerRow, columns[name] - 1 - sheet.colOffset);
      const cell = sheet.address(headerRow, c);
      issues.push({
        severity: ENTRY_HEADERS.has(name) ? 'error' : 'warning',
        code: 'duplicate-column',
        cell,
        params: { column: shownHeader(name), first },
      });
    }
  }
  return columns;
}

function shownHeader(name: string): string {
  return Object.values(HEADER).find((h) => normaliseHeader(h) === name) ?? name;
}

function readRows(sheet: Sheet, headerRow: number, columns: Record<string, number>, issues: Issue[]): ReturnRow[] {
  const at: Partial<Record<ReadColumn, number>> = {};
  for (const k of READ_COLUMNS) {
    const col = columns[normaliseHeader(HEADER[k])];
    if (col !== undefined) at[k] = col - 1 - sheet.colOffset;
  }
  const refCol = at.ref;
  if (refCol === undefined) return [];
  // The other columns read, in READ_COLUMNS order (a row's fields come in that order, as before).
  const keys: Exclude<ReadColumn, 'ref'>[] = [];
  const cols: number[] = [];
  for (const k of READ_COLUMNS) {
    const c = at[k];
    if (k !== 'ref' && c !== undefined) {
      keys.push(k);
      cols.push(c);
    }
  }
  const actualCol = at.actual;
  const rows: ReturnRow[] = [];
  for (let r = headerRow + 1; r < sheet.height; r++) {
    const ref = cellText(sheet.value(r, refCol)).trim();
    if (!ref) {
      // A note or a total beside the table is not an indicator; a value with no Ref is lost data.
      if (actualCol !== undefined && !isBlankCell(sheet.value(r, actualCol))) {
        const cell = sheet.address(r, actualCol);
        issues.push({ severity: 'error', code: 'unknown-ref', cell, params: { blankRef: true } });
      }
      continue;
    }
    const refCell = sheet.cell(r, refCol);
    // Built in place, no per-row record of cells copied by a spread: 30,000 rows of a consolidation.
    const row: { -readonly [K in keyof ReturnRow]: ReturnRow[K] } = { ref, row: refCell.row, refCell };
    for (let i = 0; i < keys.length; i++) row[keys[i] as Exclude<ReadColumn, 'ref'>] = sheet.cell(r, cols[i] as number);
    rows.push(row);
  }
  return rows;
}

function isReady(v: LabelValue | undefined): boolean {
  if (!v) return false;
  if (v.value === true) return true;
  return READY_WORDS.has(v.text.trim().toLowerCase());
}

function readSignOff(labels: Partial<Record<LabelKey, LabelValue>>): SignOff {
  const text = (k: LabelKey): string | undefined => {
    const v = labels[k];
    if (!v || !v.text) return undefined;
    // A date typed into the sign-off date arrives as a serial number.
    if (k === 'signedOffOn' && typeof v.value === 'number') return serialToIso(v.value) ?? v.text;
    return v.text;
  };
  const cells: Record<string, { row: number; col: number }> = {};
  for (const k of ['preparedBy', 'ready', 'signedOffBy', 'role', 'signedOffOn', 'fingerprint'] as const) {
    const v = labels[k];
    if (v) cells[k] = v.valueCell;
  }
  const out: { -readonly [K in keyof SignOff]: SignOff[K] } = { ready: isReady(labels.ready), cells };
  const preparedBy = text('preparedBy');
  const signedOffBy = text('signedOffBy');
  const role = text('role');
  const signedOffOn = text('signedOffOn');
  const fingerprint = text('fingerprint');
  if (preparedBy) out.preparedBy = preparedBy;
  if (signedOffBy) out.signedOffBy = signedOffBy;
  if (role) out.role = role;
  if (signedOffOn) out.signedOffOn = signedOffOn;
  if (fingerprint) out.fingerprint = fingerprint;
  return out;
}

/**
 * Where readReturn looks, for a reader that fetches a sheet in parts (the Office add-in, within
 * Excel's response limit): given the sheet's top rows (`head`, a Grid from the used range's first
 * row), the header row (1-based on the sheet) and the columns (1-based) below it whose header the
 * reader knows, first copy of each; undefined when `head` has no `Ref` header. The rows down to the
 * header are read whole (labels, duplicate headers); below it only these columns matter.
 */
export function returnShape(head: Grid): { readonly headerRow: number; readonly columns: readonly number[] } | undefined {
  const sheet = new Sheet(head);
  const h = findHeaderRow(sheet);
  if (h === undefined) return undefined;
  const seen = new Set<string>();
  const columns: number[] = [];
  for (let c = 0; c < sheet.width(h); c++) {
    const name = normaliseHeader(cellText(sheet.value(h, c)));
    if (!KNOWN_HEADERS.has(name) || seen.has(name)) continue;
    seen.add(name);
    columns.push(c + 1 + sheet.colOffset);
  }
  return { headerRow: h + 1 + sheet.rowOffset, columns };
}

/** Read a Return sheet: header by name, labels above it, one row per Ref. Never throws on content. */
export function readReturn(grid: Grid): ReadReturn {
  const sheet = new Sheet(grid);
  const issues: Issue[] = [];
  const headerIndex = findHeaderRow(sheet);
  const labels = readLabels(sheet, headerIndex ?? sheet.height);
  const base = {
    sheet: grid.sheet,
    ...(labels.period?.text ? { periodText: labels.period.text } : {}),
    // The cell to look at even when the period is blank, so "no period" can point at it.
    ...(labels.period ? { periodCell: labels.period.foundAt } : {}),
    ...(labels.service?.text ? { service: labels.service.text } : {}),
    signOff: readSignOff(labels),
  };
  if (headerIndex === undefined) {
    issues.push({ severity: 'error', code: 'no-header', params: { sheet: grid.sheet } });
    return { ...base, columns: {}, rows: [], issues };
  }
  const columns = readColumns(sheet, headerIndex, issues);
  if (columns[normaliseHeader(HEADER.actual)] === undefined) {
    const cell = sheet.address(headerIndex, 0);
    issues.push({ severity: 'error', code: 'missing-column', cell, params: { column: HEADER.actual, sheet: grid.sheet } });
  }
  const rows = readRows(sheet, headerIndex, columns, issues);
  return { ...base, headerRow: headerIndex + 1 + sheet.rowOffset, columns, rows, issues };
}
