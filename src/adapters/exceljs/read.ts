import type ExcelJS from 'exceljs';
import type JSZip from 'jszip';
import { cellAddress, gridExtent, gridFromCells, type CellValue, type Grid, type PlacedCell, type SheetView } from '../../core/grid';
import { markProductGrids, type DefinedName } from '../../core/product-sheet';
import { customPropertiesOf } from './doc-props';
import { openFastWorkbook, READ_LIMITS, type FastWorkbook } from './fast-read';
import { signatureProblem } from './signature';

/**
 * .xlsx bytes as Grids, one per worksheet, with what Excel shows: formulas as their cached result,
 * dates as serial numbers with their format, rich text and hyperlinks as text, merged cells only in
 * their top-left cell. Never throws on content; a file that is not a readable workbook rejects
 * with an Error whose message is a short reason (callers add the file name).
 */
export interface ReadWorkbook {
  readonly sheets: Grid[];
  /** Custom document properties (e.g. `ScorecardFingerprint`). */
  readonly properties: Record<string, string>;
}

const DAY_MS = 86_400_000;
// Excel day 0 of each date system, as a Unix day number.
const EPOCH_1900 = 25569;
const EPOCH_1904 = 24107;

// The signature check lives in signature.ts, which loads nothing: the command line checks files before it reads them (start-up, issue 19).
export { signatureProblem } from './signature';

/** Entries the zip's end-of-central-directory record declares, or undefined when it cannot be found. */
function declaredEntries(bytes: Uint8Array): number | undefined {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      return (bytes[i + 10] ?? 0) | ((bytes[i + 11] ?? 0) << 8);
    }
  }
  return undefined;
}

/** What an OpenDocument spreadsheet's reader is told: how to make the .xlsx this product reads. */
export const ODS_REASON = 'an OpenDocument spreadsheet (.ods), not an .xlsx workbook: open it in LibreOffice Calc or Excel and use File > Save As > Excel Workbook (.xlsx)';

async function openZip(bytes: Uint8Array): Promise<JSZip> {
  const problem = signatureProblem(bytes);
  if (problem) throw new Error(problem);
  const entries = declaredEntries(bytes);
  // 0xffff is Zip64's "see the Zip64 record": such a package is far beyond any workbook here.
  if (entries !== undefined && entries > READ_LIMITS.entries) {
    throw new Error(`a zip of ${entries.toLocaleString('en-GB')} entries, more than the ${READ_LIMITS.entries.toLocaleString('en-GB')} any workbook here has`);
  }
  let zip: JSZip;
  try {
    // Loaded here, not at start-up: `scorecard --help` never unzips anything.
    const { default: Zip } = await import('jszip');
    zip = await Zip.loadAsync(bytes);
  } catch {
    throw new Error('corrupt or truncated zip');
  }
  if (zip.file(/^xl\/workbook\.xml$/i).length === 0) {
    if (zip.file('content.xml') || zip.file('mimetype')) throw new Error(ODS_REASON);
    if (zip.file('word/document.xml')) throw new Error('a Word document, not an .xlsx workbook');
    if (!zip.file('_rels/.rels')) throw new Error('not an .xlsx workbook (no xl/workbook.xml in the zip)');
  }
  return zip;
}

async function loadWorkbook(bytes: Uint8Array, opened?: JSZip): Promise<{ wb: ExcelJS.Workbook; zip: JSZip }> {
  const zip = opened ?? await openZip(bytes);
  // Loaded on first use only: ExcelJS is most of the command line's start-up, and validate never needs it.
  const { Workbook } = await import('exceljs');
  const wb = new Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0]?.slice(0, 120) : String(e);
    throw new Error(`unreadable workbook (${reason})`);
  }
  return { wb, zip };
}

function serial(date: Date, date1904: boolean): number {
  return date.getTime() / DAY_MS + (date1904 ? EPOCH_1904 : EPOCH_1900);
}

/** An ExcelJS value as the Grid holds it. */
export function toCellValue(v: ExcelJS.CellValue | undefined, date1904 = false): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '#NUM!' };
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: '#VALUE!' } : serial(v, date1904);
  if ('error' in v) return { error: String(v.error) };
  if ('richText' in v) return v.richText.map((r) => r.text ?? '').join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: unknown }).result;
    if (result !== null && typeof result === 'object' && !(result instanceof Date) && 'error' in result) {
      return { error: String((result as { error: unknown }).error) };
    }
    return toCellValue(result as ExcelJS.CellValue | undefined, date1904);
  }
  if ('hyperlink' in v) {
    const text = (v as { text?: unknown }).text;
    return typeof text === 'string' ? text : toCellValue(text as ExcelJS.CellValue, date1904);
  }
  if ('text' in v) return String((v as { text: unknown }).text);
  return null;
}

/** What ExcelJS tells of the sheet's view, within the grid's extent (as the package reader reports it). */
function viewOf(ws: ExcelJS.Worksheet, grid: Grid, opensFirst: boolean): SheetView {
  const { rows, cols } = gridExtent(grid);
  const hiddenRows: number[] = [];
  const hiddenCols: number[] = [];
  for (let r = 1; r <= rows; r++) if (ws.findRow(r)?.hidden) hiddenRows.push(r);
  for (let c = 1; c <= cols; c++) if (ws.getColumn(c).hidden) hiddenCols.push(c);
  const state = ws.state === 'hidden' || ws.state === 'veryHidden' ? ws.state : 'visible';
  return { hiddenRows, hiddenCols, state, opensFirst };
}

/** Values of one worksheet from A1 to the last cell holding a value. */
function gridOf(ws: ExcelJS.Worksheet, date1904: boolean, opensFirst = false): Grid {
  const cells: PlacedCell[] = [];
  const formulaCells: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value;
      if (v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v) && formulaCells.length < 10) formulaCells.push(cellAddress(r, c));
      // A merged range's other cells echo the master's value in ExcelJS; Excel keeps them empty.
      const value = cell.isMerged && cell.master.address !== cell.address ? null : toCellValue(cell.value, date1904);
      const isDate = cell.value instanceof Date || (cell.value as { result?: unknown } | null)?.result instanceof Date;
      const format = cell.numFmt || (isDate ? 'yyyy-mm-dd' : undefined);
      if (value !== null || format) cells.push({ r, c, value, format });
    });
  });
  const plain = gridFromCells(ws.name, cells);
  const grid = { ...plain, view: viewOf(ws, plain, opensFirst) };
  return formulaCells.length > 0 ? { ...grid, formulaCells } : grid;
}

/** ExcelJS's defined names (scoped ones too, without their scope: their reference names the sheet). */
function namesOf(wb: ExcelJS.Workbook): DefinedName[] {
  const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  return model.map((n) => ({ name: n.name, ref: n.ranges.join(',') }));
}

function is1904(wb: ExcelJS.Workbook): boolean {
  return Boolean((wb.properties as { date1904?: boolean }).date1904);
}

/** The workbook through the package reader (fast-read.ts): the only path for files users give. */
async function packageOf(bytes: Uint8Array): Promise<FastWorkbook> {
  const zip = await openZip(bytes);
  try {
    return await openFastWorkbook(zip);
  } catch (e) {
    throw unreadable(e);
  }
}

/** A reader's failure as the one short reason callers show after the file name. */
function unreadable(e: unknown): Error {
  const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return new Error(`unreadable workbook: ${reason}`);
}

async function gridAt(book: FastWorkbook, index: number): Promise<Grid> {
  try {
    const grid = await book.grid(index);
    if (!grid) throw new Error(`no sheet ${index + 1}`);
    return grid;
  } catch (e) {
    throw unreadable(e);
  }
}

export async function readWorkbookGrids(bytes: Uint8Array): Promise<ReadWorkbook> {
  const book = await packageOf(bytes);
  const sheets: Grid[] = [];
  // One sheet at a time: a workbook's memory is its largest sheet, not all of them at once.
  for (let i = 0; i < book.names.length; i++) sheets.push(await gridAt(book, i));
  let properties: Record<string, string>;
  try {
    properties = await book.properties();
  } catch (e) {
    throw unreadable(e);
  }
  return { sheets: markProductGrids(sheets, book.definedNames), properties };
}

/** One sheet by name (exact, else ignoring case); undefined when the workbook has no such sheet. */
export async function readGrid(bytes: Uint8Array, sheetName: string): Promise<Grid | undefined> {
  const book = await packageOf(bytes);
  const exact = book.names.indexOf(sheetName);
  const index = exact >= 0 ? exact : book.names.findIndex((n) => n.toLowerCase() === sheetName.toLowerCase());
  if (index < 0) return undefined;
  return markProductGrids([await gridAt(book, index)], book.definedNames)[0];
}

/** Names of the workbook's worksheets, in tab order. */
export async function sheetNames(bytes: Uint8Array): Promise<string[]> {
  return [...(await packageOf(bytes)).names];
}

/** Every sheet through ExcelJS's full load, never the package reader: the reference it is tested against. */
export async function readWorkbookGridsWithExcelJS(bytes: Uint8Array): Promise<ReadWorkbook> {
  const { wb, zip } = await loadWorkbook(bytes);
  const date1904 = is1904(wb);
  const active = (wb.views as { activeTab?: number }[] | undefined)?.[0]?.activeTab ?? 0;
  return { sheets: markProductGrids(wb.worksheets.map((ws, i) => gridOf(ws, date1904, i === active)), namesOf(wb)), properties: await customPropertiesOf(zip) };
}
