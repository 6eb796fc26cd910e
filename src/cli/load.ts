import { defaultCatalogue, DEFAULT_CATALOGUE_NAME } from '../catalogue';
import { describeCatalogueError } from '../core/catalogue/lookup';
import type { CatalogueResult } from '../core/catalogue/parse';
import type { Catalogue } from '../core/catalogue/schema';
import type { Grid } from '../core/grid';
import { parsePeriod, type Period } from '../core/period';
import { readWorkbookGrids } from '../adapters/exceljs/read';
import { gridFromCsv } from '../core/csv-grid';
import { RETURN_SHEET } from '../core/return/layout';
import { FileError, UsageError } from './errors';
import { checkXlsx, readBytes, readText } from './files';
import type { CatalogueError } from '../core/catalogue/errors';

export interface Workbook {
  readonly file: string;
  readonly sheets: readonly Grid[];
  readonly properties: Readonly<Record<string, string>>;
}

function reasonOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0]?.trim() || 'could not be read';
}

/** Read an .xlsx into grids; anything wrong with the file is one FileError naming it. */
export async function readWorkbook(cwd: string, file: string): Promise<Workbook> {
  const bytes = readBytes(cwd, file);
  checkXlsx(file, bytes);
  try {
    const wb = await readWorkbookGrids(bytes);
    return { file, sheets: wb.sheets, properties: wb.properties };
  } catch (e) {
    throw new FileError(file, reasonOf(e));
  }
}

/** CSV as Excel saves it: UTF-8 (with or without its byte-order mark), else Windows-1252 ("CSV (Comma delimited)"). */
function csvText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * A return: an .xlsx (or .xlsm) workbook, or a .csv in the Return layout (as a BI tool or Excel's
 * Save As CSV writes the Return sheet), read as the one sheet Return with its text kept as text.
 */
export async function readReturn(cwd: string, file: string): Promise<Workbook> {
  if (!/\.csv$/i.test(file)) return readWorkbook(cwd, file);
  const bytes = readBytes(cwd, file);
  if (bytes.length === 0) throw new FileError(file, 'is empty (0 bytes)');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw new FileError(file, 'is a zip (an .xlsx?) named .csv: give it its real name');
  try {
    return { file, sheets: [gridFromCsv(csvText(bytes), RETURN_SHEET)], properties: {} };
  } catch (e) {
    throw new FileError(file, reasonOf(e));
  }
}

export function isXlsxName(file: string): boolean {
  return /\.(xlsx|xlsm)$/i.test(file);
}

/** Check a catalogue file, JSON or workbook, without deciding what to do with the errors. */
export async function checkCatalogueFile(cwd: string, file: string): Promise<CatalogueResult> {
  // The schema (zod) loads only when a catalogue file is given: the embedded default needs none (issue 19).
  if (isXlsxName(file)) {
    const wb = await readWorkbook(cwd, file);
    const { catalogueFromTables } = await import('../core/catalogue/table');
    return catalogueFromTables(wb.sheets);
  }
  const text = readText(cwd, file);
  const { parseCatalogueText } = await import('../core/catalogue/parse');
  return parseCatalogueText(text);
}

/** One line for stderr: the first few errors with their JSON paths. */
export function catalogueErrorLine(errors: readonly CatalogueError[]): string {
  const shown = errors.slice(0, 3).map(describeCatalogueError).join('; ');
  const more = errors.length > 3 ? `; and ${errors.length - 3} more (see scorecard catalogue check)` : '';
  return `not a valid catalogue: ${shown}${more}`;
}

export interface LoadedCatalogue {
  readonly catalogue: Catalogue;
  readonly label: string;
}

/** --catalogue FILE, validated (exit 2 when bad), or the embedded default. */
export async function loadCatalogue(cwd: string, file: string | undefined): Promise<LoadedCatalogue> {
  if (file === undefined) return { catalogue: defaultCatalogue(), label: DEFAULT_CATALOGUE_NAME };
  const result = await checkCatalogueFile(cwd, file);
  if (!result.ok) throw new FileError(file, catalogueErrorLine(result.errors));
  return { catalogue: result.catalogue, label: `${file} (version ${result.catalogue.version})` };
}

export function periodOption(text: string | undefined, command: string): Period | undefined {
  if (text === undefined) return undefined;
  const p = parsePeriod(text);
  if (!p) throw new UsageError(`${command}: --period ${JSON.stringify(text)} is not a period; write it like 2024-25 Q2`);
  return p;
}
