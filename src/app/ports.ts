import type { ProductSheetKind } from '../core/product-kind';
import type { Catalogue } from '../core/catalogue/schema';
import type { Consolidation } from '../core/consolidate-types';
import type { SignOff, ValidationResult } from '../core/return/types';
import type { RagCounts } from '../core/return/types';
import type { CatalogueError } from '../core/catalogue/errors';
import type { Grid } from '../core/grid';
import type { WorkbookPlan } from '../core/plan/types';
import type { SignOffRefused } from './sign-off';

/**
 * What the task pane can ask of the workbook and the core. Components receive this object and
 * never call Excel. One composition root builds it: Office.js in Excel, the in-memory fake in the
 * browser preview and in tests.
 */

export interface HostInfo {
  /** True inside Excel; false in the browser preview. */
  readonly inExcel: boolean;
  /** `Excel on the web`, `Excel for Windows`, `Browser preview` … */
  readonly label: string;
  /** Features missing because a requirement set is absent, in words for the user. */
  readonly limitations: readonly string[];
  /** Whether `openCabinetWorkbook` can open a paper as a new workbook (Excel.createWorkbook, ExcelApi 1.8). */
  readonly openWorkbook: boolean;
  /**
   * Where a download from the pane goes: the browser's downloads folder (Excel on the web, the
   * preview), the Downloads folder (Excel for Windows), or nowhere: Excel for Mac's add-in web view
   * drops downloads without a word (OfficeDev/office-js#2700, "by design").
   */
  readonly downloads: Downloads;
}

export type Downloads = 'browser' | 'downloads-folder' | 'none';

export type CatalogueSource =
  | { readonly kind: 'default' }
  | { readonly kind: 'file'; readonly name: string; readonly bytes: Uint8Array }
  | { readonly kind: 'url'; readonly url: string };

export type CatalogueLoad =
  | { readonly ok: true; readonly catalogue: Catalogue; readonly label: string }
  | { readonly ok: false; readonly message: string; readonly errors: readonly CatalogueError[] };

export interface InputFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A BI master (history) the pane holds: direction of travel and trends for the Cabinet come from it. */
export interface MasterSummary {
  readonly file: string;
  readonly organisation: string;
  /** The closed quarters it holds, oldest first. */
  readonly periods: readonly string[];
}

export interface CabinetPreview {
  readonly period: string;
  readonly overall: RagCounts;
  readonly byPriority: readonly { readonly id: string; readonly title: string; readonly counts: RagCounts }[];
  readonly exceptions: readonly { readonly ref: string; readonly title: string; readonly commentary: string; readonly action: string }[];
  /** Where the data came from: a consolidation, or the returns found in this workbook. */
  readonly basis: string;
  /**
   * The Cabinet sheet's data-quality note, line by line in the same words: returns received of
   * expected, sign-off, missing returns, conflicts and how each was settled, returns for another period.
   */
  readonly dataQuality: readonly { readonly label: string; readonly text: string }[];
}

export type Progress = (done: number, total: number, what: string) => void;

/**
 * Which paper: the whole council's Cabinet paper, or (with `directorate`, as `directoratesOf` in
 * app/directorate.ts lists it) a Directorate Management Team pack of that directorate's indicators.
 */
export interface PaperScope {
  readonly directorate?: string;
}

export interface ScorecardServices {
  readonly host: HostInfo;
  loadCatalogue(source: CatalogueSource): Promise<CatalogueLoad>;
  getSavedCatalogueUrl(): Promise<string | undefined>;
  saveCatalogueUrl(url: string | undefined): Promise<void>;
  /** Insert a new Return sheet (never over an existing one); resolves with the new sheet's name. */
  insertTemplate(catalogue: Catalogue, period: string, service?: string): Promise<{ readonly sheet: string; readonly due: number }>;
  /**
   * Read the active return, validate it, apply RAG formatting. Never changes a typed value. RAG
   * formats already in place are left alone (no write, so the lead's undo history survives); with
   * `live` (a re-validation after an edit) nothing at all is written to the sheet.
   */
  validate(catalogue: Catalogue, options: { readonly period?: string; readonly live?: boolean }): Promise<ValidationResult>;
  selectCell(address: string): Promise<void>;
  /** The period written in the workbook's Return sheet (the active one, else `Return`), if it names one. */
  returnPeriod(): Promise<string | undefined>;
  /** The period picked return files agree on: `mixed` lists them when they do not. */
  filesPeriod(files: readonly InputFile[]): Promise<{ readonly period?: string; readonly mixed?: readonly string[] }>;
  /** Call back when the return sheet changes; resolves with an unsubscribe. */
  onReturnChanged(handler: () => void): Promise<() => void>;
  consolidate(catalogue: Catalogue, files: readonly InputFile[], period: string, progress: Progress): Promise<PaneConsolidation>;
  /**
   * Hold the BI master (a history .json from `scorecard consolidate --history`) for this session:
   * consolidations get direction of travel, the Cabinet sheet and dashboard trends from it. Never
   * written back. Rejects, with the reason, a file that is not a history of this council.
   */
  loadMaster(catalogue: Catalogue, file: InputFile): Promise<MasterSummary>;
  clearMaster(): Promise<void>;
  /** The BI master held now, if any (the pane's views come and go; the services keep it). */
  getMaster(): Promise<MasterSummary | undefined>;
  /** The Cabinet paper's counts before it is made; with `directorate`, that directorate's DMT pack. */
  cabinetPreview(catalogue: Catalogue, period: string, options?: PaperScope): Promise<CabinetPreview>;
  createCabinetSheet(catalogue: Catalogue, period: string, options: PaperScope & { readonly password?: string }): Promise<{ readonly sheet: string }>;
  downloadCabinet(catalogue: Catalogue, period: string, options: PaperScope & { readonly password?: string }): Promise<InputFile>;
  /**
   * The same workbook as `downloadCabinet`, opened as a new workbook in Excel (Excel.createWorkbook);
   * this workbook stays as it is. Resolves with the paper's file name; rejects, in words, where
   * `host.openWorkbook` is false or Excel refuses.
   */
  openCabinetWorkbook(catalogue: Catalogue, period: string, options: PaperScope & { readonly password?: string }): Promise<{ readonly name: string }>;
  /**
   * A new Dashboard sheet (never over an existing one) with native charts: RAG counts per priority
   * as a stacked bar, and the trend of indicator `ref` (default: the first with a value) as a line.
   */
  createDashboard(catalogue: Catalogue, period: string, ref?: string): Promise<{ readonly sheet: string }>;
  /**
   * Mark the active return ready for sign-off. Refused (not rejected) while it has errors (they
   * come back as `issues`), or when it is signed off and unchanged; the pane shows `message`.
   */
  markReady(catalogue: Catalogue, preparedBy: string): Promise<SignOffResult>;
  /**
   * Sign the active return off. Refused while it has errors or is not marked ready, for an empty
   * name or role, and for the preparer (unless the catalogue's `signOff.separateSigner` is false).
   */
  signOff(catalogue: Catalogue, signer: { readonly name: string; readonly role: string }): Promise<SignOffResult>;
}

/** A sign-off step done (the sign-off block as it now stands) or refused, with why. */
export type SignOffResult = { readonly ok: true; readonly signOff: SignOff } | SignOffRefused;

/** The .xlsx side the pane needs (ExcelJS in src/adapters/exceljs), given to the Office services by the composition root. */
export interface FileAdapters {
  renderWorkbook(plan: WorkbookPlan): Promise<Uint8Array>;
  readWorkbookGrids(bytes: Uint8Array): Promise<Grid[]>;
}

/** A consolidation as the pane shows it: with the sheets this product wrote that were skipped (a note each). */
export interface PaneConsolidation extends Consolidation {
  readonly skipped?: readonly { readonly file: string; readonly sheet: string; readonly kind: ProductSheetKind }[];
}
