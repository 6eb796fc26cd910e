import type { Rect } from '../../core/address';

/**
 * The in-memory workbook behind the fake Excel API: real cell state the tests assert on.
 * Invariants: a cell absent from `cells` is empty, General, locked and unstyled; `formula`
 * set means the cell holds a formula and `value` is its cached result ('' unless evaluated).
 */
export type Scalar = string | number | boolean;

export interface FakeCell {
  value: Scalar | null;
  error?: string;
  formula?: string;
  numberFormat?: string;
  locked?: boolean;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
}

export interface FakeConditionalFormat {
  rect: Rect;
  type: 'Custom' | 'DataBar';
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  priority: number;
  stopIfTrue: boolean;
  barColor?: string;
}

export interface FakeValidation {
  rect: Rect;
  rule?: Excel.DataValidationRule;
  ignoreBlanks?: boolean;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
}

export type HeaderFooterSection = 'leftHeader' | 'centerHeader' | 'rightHeader' | 'leftFooter' | 'centerFooter' | 'rightFooter';

export interface FakePageLayout {
  orientation?: string;
  paperSize?: string;
  zoom?: Excel.PageLayoutZoomOptions;
  printTitleRows?: string;
  printArea?: string;
  /**
   * Header and footer, section by section, as HeaderFooter has them (leftHeader, centerHeader …:
   * https://learn.microsoft.com/javascript/api/excel/excel.headerfooter).
   */
  headerFooter: Partial<Record<HeaderFooterSection, string>>;
  margins: Record<string, number>;
  rowBreaks: string[];
}

export interface FakeSheet {
  readonly id: string;
  name: string;
  readonly cells: Map<string, FakeCell>;
  conditionalFormats: FakeConditionalFormat[];
  validations: FakeValidation[];
  merges: Rect[];
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  rowHeights: Map<number, number>;
  /**
   * Border lines, each stored once whichever range drew it: `h:R:C` is the line above row R at
   * column C (the bottom of row R−1), `v:R:C` the line left of column C at row R. So a grid drawn
   * row by row equals the same grid drawn as one range with inside borders, as it looks in Excel.
   */
  lines: Map<string, string>;
  protection: { protected: boolean; options: Excel.WorksheetProtectionOptions; password?: string };
  freeze: { rows: number; cols: number };
  page: FakePageLayout;
  names: Map<string, string>;
  tabColor: string;
  visibility: string;
  handlers: Map<number, (event: ChangedEvent) => Promise<unknown>>;
}

/**
 * A WorksheetChangedEventArgs as Excel raises it. `onChanged` fires "when either the format or value
 * of the data changes", and `details` (before/after value) comes only when one cell changed
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets#detect-data-changes);
 * `source` is Remote for a co-author's edit (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#events-and-coauthoring);
 * `triggerSource` is ThisLocalAddin when this add-in's own write raised it (ExcelApi 1.14).
 */
export interface ChangedEvent {
  readonly worksheetId: string;
  readonly address: string;
  readonly changeType: 'RangeEdited' | 'RowInserted' | 'RowDeleted' | 'ColumnInserted' | 'ColumnDeleted' | 'CellInserted' | 'CellDeleted';
  readonly source: 'Local' | 'Remote';
  readonly type: 'WorksheetChanged';
  readonly triggerSource: 'Unknown' | 'ThisLocalAddin';
  readonly details?: { readonly valueBefore: unknown; readonly valueAfter: unknown; readonly valueTypeBefore: Excel.RangeValueType; readonly valueTypeAfter: Excel.RangeValueType };
}

export interface FakeWorkbookState {
  readonly sheets: FakeSheet[];
  activeSheetId?: string;
  selection?: { sheet: string; address: string };
  readonly names: Map<string, string>;
  readonly properties: Record<'title' | 'subject' | 'author' | 'company' | 'keywords', string>;
  readonly custom: Map<string, string>;
  nextId: number;
}

export const cellKey = (row: number, col: number): string => `${row},${col}`;

export function newSheet(state: FakeWorkbookState, name: string): FakeSheet {
  const sheet: FakeSheet = {
    id: `{sheet-${state.nextId++}}`,
    name,
    cells: new Map(),
    conditionalFormats: [],
    validations: [],
    merges: [],
    columnWidths: new Map(),
    hiddenColumns: new Set(),
    rowHeights: new Map(),
    lines: new Map(),
    protection: { protected: false, options: {} },
    freeze: { rows: 0, cols: 0 },
    page: { margins: {}, rowBreaks: [], headerFooter: {} },
    names: new Map(),
    tabColor: '',
    visibility: 'Visible',
    handlers: new Map(),
  };
  state.sheets.push(sheet);
  state.activeSheetId ??= sheet.id;
  return sheet;
}

export function emptyWorkbook(): FakeWorkbookState {
  return { sheets: [], names: new Map(), properties: { title: '', subject: '', author: '', company: '', keywords: '' }, custom: new Map(), nextId: 1 };
}

export function findSheet(state: FakeWorkbookState, name: string): FakeSheet | undefined {
  const want = name.toLowerCase();
  return state.sheets.find((s) => s.name.toLowerCase() === want);
}

export function cellAt(sheet: FakeSheet, row: number, col: number): FakeCell {
  const key = cellKey(row, col);
  let cell = sheet.cells.get(key);
  if (!cell) {
    cell = { value: null };
    sheet.cells.set(key, cell);
  }
  return cell;
}

export function peekCell(sheet: FakeSheet, row: number, col: number): FakeCell | undefined {
  return sheet.cells.get(cellKey(row, col));
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function forEachCell(rect: Rect, fn: (row: number, col: number, r: number, c: number) => void): void {
  for (let row = rect.top; row <= rect.bottom; row++) {
    for (let col = rect.left; col <= rect.right; col++) fn(row, col, row - rect.top, col - rect.left);
  }
}

/** The used range: the bounding box of cells with content (and, unless `valuesOnly`, any format). */
export function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | undefined {
  let box: { top: number; left: number; bottom: number; right: number } | undefined;
  for (const [key, cell] of sheet.cells) {
    const hasValue = (cell.value !== null && cell.value !== '') || cell.formula !== undefined || cell.error !== undefined;
    if (!hasValue && (valuesOnly || Object.keys(cell).length <= 1)) continue;
    const [row, col] = key.split(',').map(Number) as [number, number];
    if (!box) box = { top: row, left: col, bottom: row, right: col };
    else {
      box.top = Math.min(box.top, row);
      box.left = Math.min(box.left, col);
      box.bottom = Math.max(box.bottom, row);
      box.right = Math.max(box.right, col);
    }
  }
  return box;
}
