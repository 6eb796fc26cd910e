import type { Book, Unreadable } from '../../app/books';
import { refusalText } from '../../app/bi-master';
import { cabinetModelFor, cabinetPreview, cabinetWorkbook } from '../../app/cabinet-workbook';
import { agreedPeriod, consolidateReturns } from '../../app/consolidate';
import { directoratesOf, matchDirectorate, paperFileName } from '../../app/directorate';
import { returnTemplate } from '../../app/insert-template';
import type { CabinetPreview, Downloads, FileAdapters, HostInfo, InputFile, PaperScope, Progress, ScorecardServices } from '../../app/ports';
import { markReady, signOff } from '../../app/sign-off';
import { officeErrorText } from '../../app/office-errors';
import { toBase64 } from '../../core/base64';
import type { Catalogue } from '../../core/catalogue/schema';
import type { Consolidation } from '../../core/consolidate-types';
import type { History } from '../../core/history/schema';
import { formatPeriod, parsePeriod, type Period } from '../../core/period';
import { readReturn } from '../../core/return/read';
import { findReturnGrids } from '../../core/return/find';
import { readActiveReturn, validateActive, writeSignOff } from './active-return';
import { catalogueLoader } from '../../app/load-catalogue';
import { dashboardService } from './dashboard-sheet';
import type { ExcelRun, XChangedEvent, XContext } from '../../host/office-api';
import { isLeadEdit, retryInCellEdit, withEventsOff } from './host-run';
import { masterHolder } from './master';
import { loadGrid, loadWorkbookMarkers, selectCell, type PendingGrid } from './read';
import type { Grid } from '../../core/grid';
import { loadSheetState, renderSheetPlan, type SheetState } from './render';
import type { SettingsStore } from './settings';

export const CATALOGUE_URL_SETTING = 'scorecard.catalogueUrl';

export interface OfficeServicesDeps {
  readonly run: ExcelRun;
  readonly settings: SettingsStore;
  readonly host: { readonly inExcel: boolean; readonly label: string; readonly limitations?: readonly string[]; readonly downloads?: Downloads };
  /** `Office.context.requirements.isSetSupported`; the fake says yes to everything. */
  readonly supports: (set: string, version: string) => boolean;
  /** The .xlsx side (src/adapters/exceljs/lazy in the pane): the composition root gives it. */
  readonly files: FileAdapters;
  /**
   * `Excel.createWorkbook(base64)` (ExcelApi 1.8): opens an .xlsx as a new workbook. Absent (the
   * browser preview), opening a paper as a new workbook is not offered.
   */
  readonly createWorkbook?: (base64: string) => Promise<void>;
  readonly fetch?: typeof fetch;
  readonly now?: () => Date;
  readonly debounceMs?: number;
  /** Waits between quiet retries of a batch refused while the user edits a cell (tests shorten them). */
  readonly cellEditRetryMs?: readonly number[];
  /** What a consolidation calls returns found in this workbook. */
  readonly workbookLabel?: string;
}

function periodOf(text: string): Period {
  const p = parsePeriod(text);
  if (!p) throw new Error(`"${text}" is not a period: write it like 2023-24 Q2.`);
  return p;
}

/**
 * The Office.js implementation of the pane's services: load/sync choreography and rendering over
 * the app's use cases. Every workbook call goes through `run`.
 */
export function createOfficeServices(deps: OfficeServicesDeps): ScorecardServices {
  const files = deps.files;
  const now = deps.now ?? (() => new Date());
  const pageLayout = deps.supports('ExcelApi', '1.9');
  const documentProperties = deps.supports('ExcelApi', '1.7');
  const limitations = [
    ...(deps.host.limitations ?? []),
    ...(pageLayout ? [] : ['Print settings (A4 landscape, fit to width, repeated headers, footer) need ExcelApi 1.9: set them by hand, or download the Cabinet workbook.']),
    ...(documentProperties ? [] : ['The data fingerprint cannot be stored in document properties (needs ExcelApi 1.7); it is still printed on the Cabinet sheet.']),
  ];
  const createWorkbook = deps.createWorkbook && deps.supports('ExcelApi', '1.8') ? deps.createWorkbook : undefined;
  const host: HostInfo = { inExcel: deps.host.inExcel, label: deps.host.label, limitations, openWorkbook: createWorkbook !== undefined, downloads: deps.host.downloads ?? 'browser' };
  // Batches that may run twice with the same effect retry quietly while the user edits a cell.
  const settled = retryInCellEdit(deps.run, deps.cellEditRetryMs);
  // context.runtime.enableEvents is ExcelApi 1.8; WorksheetCollection.onChanged is 1.9.
  const eventsSwitch = deps.supports('ExcelApi', '1.8');
  const everySheetEvents = deps.supports('ExcelApi', '1.9');
  /** The sheet live validation follows (its id); undefined: any sheet, until a subscription finds the return. */
  let watchedSheetId: string | undefined;
  /** The add-in's own writes in flight: change events that arrive meanwhile are its own. */
  let ownWrites = 0;
  const ownWrite = async <T>(write: () => Promise<T>): Promise<T> => {
    ownWrites++;
    try { return await write(); } finally { ownWrites--; }
  };
  const loadCatalogue = catalogueLoader({ readWorkbookGrids: (b) => files.readWorkbookGrids(b), ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  const consolidations = new Map<string, Consolidation>();
  const master = masterHolder();
  // getRanges (RangeAreas) is ExcelApi 1.9, like page layout.
  const renderOptions = { pageLayout, documentProperties, rangeAreas: pageLayout };

  /** Every return sheet in this workbook, consolidated: two read syncs (names, then used ranges). */
  async function workbookConsolidation(ctx: XContext, catalogue: Catalogue, period: Period, also?: () => void): Promise<Consolidation> {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    // The top of each sheet, 50 sheets a sync (within the response limit); then each return's
    // columns in blocks (read.ts): syncs grow with the data, never with the rows one by one.
    const mark = loadWorkbookMarkers(ctx);
    also?.();
    const pending: PendingGrid[] = [];
    for (let i = 0; i < sheets.items.length; i += 50) {
      pending.push(...sheets.items.slice(i, i + 50).map((s) => loadGrid(sheets.getItem(s.name))));
      await ctx.sync();
    }
    const grids: Grid[] = [];
    for (const p of pending) {
      const g = await p.finish(ctx, (x) => mark([x])[0] ?? x);
      if (g) grids.push(g);
    }
    const label = deps.workbookLabel ?? 'This workbook';
    // One book per return sheet, so each is named by its sheet in the paper's provenance; the
    // sheets this product wrote (Scorecard, Cabinet, Trends, Dashboard) are never returns.
    const books = findReturnGrids(grids).map((g) => ({ file: `${label} (${g.sheet})`, sheets: [g] }));
    const outcome = consolidateReturns({ catalogue, books, period, now: now().toISOString(), ...masterInput() });
    if (!outcome.ok) throw new Error(outcome.problem === 'master-refused' ? refusalText(outcome.issues) : `No quarter to consolidate.`);
    return outcome.consolidation;
  }

  /** Picked files as books; one that is not a workbook is set aside with the reason. */
  async function readBooks(inputFiles: readonly InputFile[], progress?: Progress): Promise<{ books: Book[]; unreadable: Unreadable[] }> {
    const books: Book[] = [];
    const unreadable: Unreadable[] = [];
    for (const [i, f] of inputFiles.entries()) {
      progress?.(i, inputFiles.length, f.name);
      try {
        books.push({ file: f.name, sheets: await files.readWorkbookGrids(f.bytes) });
      } catch (e) {
        unreadable.push({ file: f.name, reason: (e as Error).message });
      }
    }
    return { books, unreadable };
  }

  const masterInput = (): { master?: History } => {
    const m = master.get();
    return m ? { master: m } : {};
  };

  /** The Cabinet model under the BI-master policy (a DMT pack with `directorate`); a refusal is an error the pane shows. */
  function paper(catalogue: Catalogue, c: Consolidation, scope: PaperScope = {}) {
    const directorate = scope.directorate === undefined ? undefined : matchDirectorate(catalogue, scope.directorate);
    if (scope.directorate !== undefined && !directorate) throw new Error(`No directorate "${scope.directorate}" in the catalogue; its directorates are: ${directoratesOf(catalogue).join(', ')}.`);
    const made = cabinetModelFor({ catalogue, consolidation: c, now: now().toISOString(), ...masterInput(), ...(directorate ? { directorate } : {}) });
    if (!made.ok) throw new Error(`${refusalText(made.issues)} Clear the BI master to make the paper without it, or reopen the quarter with scorecard consolidate --history --reopen --reason.`);
    return made;
  }

  async function basis(ctx: XContext, catalogue: Catalogue, period: string, also?: () => void): Promise<{ c: Consolidation; basis: string }> {
    const saved = consolidations.get(period);
    if (saved) {
      if (also) {
        also();
        await ctx.sync();
      }
      return { c: saved, basis: `Consolidation of ${saved.files.length} return file(s)` };
    }
    const c = await workbookConsolidation(ctx, catalogue, periodOf(period), also);
    return { c, basis: `Returns found in this workbook (${c.files.length})` };
  }

  /** The Cabinet paper (a DMT pack with `directorate`) as .xlsx bytes: what a download saves and Open as a new workbook opens. */
  async function paperFile(catalogue: Catalogue, period: string, options: PaperScope & { readonly password?: string }): Promise<InputFile> {
    const c = consolidations.get(period) ?? (await deps.run((ctx) => workbookConsolidation(ctx, catalogue, periodOf(period))));
    const bytes = await files.renderWorkbook(cabinetWorkbook(paper(catalogue, c, options).model, options.password ? { password: options.password } : {}));
    const dmt = options.directorate ? matchDirectorate(catalogue, options.directorate) : undefined;
    return { name: paperFileName(period, dmt), bytes };
  }

  return {
    host,
    loadCatalogue,
    getSavedCatalogueUrl: async () => {
      const v = deps.settings.get(CATALOGUE_URL_SETTING);
      return typeof v === 'string' && v ? v : undefined;
    },
    saveCatalogueUrl: async (url) => {
      if (url) deps.settings.set(CATALOGUE_URL_SETTING, url);
      else deps.settings.remove(CATALOGUE_URL_SETTING);
      await deps.settings.save();
    },

    insertTemplate: (catalogue, period, service) =>
      ownWrite(() => deps.run(async (ctx) => {
        const template = returnTemplate(catalogue, periodOf(period), service);
        // A new return sheet: live validation follows whichever sheet changes until it resubscribes.
        watchedSheetId = undefined;
        const report = await withEventsOff(ctx, eventsSwitch, () => renderSheetPlan(ctx, template.sheet, { mode: 'new', activate: true, ...renderOptions }));
        return { sheet: report.sheet, due: template.due };
      })),

    validate: (catalogue, options) => {
      const p = options.period ? parsePeriod(options.period) : undefined;
      const previous = master.previous();
      // Live validation runs while a lead types: the batch waits for the cell edit to end
      // (delayForCellEdit) and is retried quietly where the host refuses it anyway; the RAG
      // formats it writes raise no change event of its own.
      return ownWrite(() => settled({ delayForCellEdit: true }, (ctx) =>
        withEventsOff(ctx, eventsSwitch, () => validateActive(ctx, catalogue, { ...(p ? { period: p } : {}), ...(previous ? { previous } : {}) }, { ...renderOptions, write: !options.live }))));
    },

    selectCell: (address) => settled((ctx) => selectCell(ctx, address)),

    returnPeriod: () =>
      settled({ delayForCellEdit: true }, async (ctx) => {
        const found = await readActiveReturn(ctx);
        const text = found ? readReturn(found.grid).periodText : undefined;
        const p = text ? parsePeriod(text) : undefined;
        return p ? formatPeriod(p) : undefined;
      }),

    // An unreadable file says nothing about the quarter; consolidating reports it.
    filesPeriod: async (inputFiles) => agreedPeriod((await readBooks(inputFiles)).books),

    onReturnChanged: (handler) =>
      settled(async (ctx) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        let live = true;
        // Follow the return sheet (by id, which survives a rename), not whichever sheet is active.
        const found = await readActiveReturn(ctx);
        const returnSheet = found ? ctx.workbook.worksheets.getItem(found.grid.sheet) : undefined;
        returnSheet?.load('id');
        await ctx.sync();
        watchedSheetId = returnSheet?.id;
        const fire = async (event: XChangedEvent): Promise<void> => {
          if (!live || ownWrites > 0 || !isLeadEdit(event, watchedSheetId)) return;
          if (timer) clearTimeout(timer);
          timer = setTimeout(() => live && handler(), deps.debounceMs ?? 400);
        };
        const source = everySheetEvents ? ctx.workbook.worksheets : found ? ctx.workbook.worksheets.getItem(found.grid.sheet) : ctx.workbook.worksheets.getActiveWorksheet();
        const handle = source.onChanged.add(fire);
        await ctx.sync();
        return () => {
          live = false;
          if (timer) clearTimeout(timer);
          // Removed in the request context it was added with, as the docs require.
          void deps.run({ previousObjects: handle.context }, async (c) => {
            handle.remove();
            await c.sync();
          }).catch(() => undefined);
        };
      }),

    consolidate: async (catalogue, inputFiles, period, progress) => {
      const { books, unreadable } = await readBooks(inputFiles, progress);
      const outcome = consolidateReturns({ catalogue, books, unreadable, period: periodOf(period), now: now().toISOString(), ...masterInput() });
      if (!outcome.ok) throw new Error(outcome.problem === 'master-refused' ? refusalText(outcome.issues) : 'No quarter to consolidate.');
      progress(inputFiles.length, inputFiles.length, 'Writing the Scorecard sheet');
      consolidations.set(period, outcome.consolidation);
      await ownWrite(() => deps.run((ctx) => renderSheetPlan(ctx, outcome.scorecardSheet(), { mode: 'new', activate: true, ...renderOptions })));
      return { ...outcome.consolidation, skipped: outcome.skipped };
    },

    cabinetPreview: (catalogue, period, scope) =>
      deps.run(async (ctx): Promise<CabinetPreview> => {
        const { c, basis: label } = await basis(ctx, catalogue, period);
        const held = master.summary();
        const source = held ? `direction of travel from the BI master (${held.periods.length} closed quarters)` : 'no BI master loaded (Consolidate view), so no direction of travel';
        return cabinetPreview(paper(catalogue, c, scope).model, `${label}; ${source}`);
      }),

    createCabinetSheet: (catalogue, period, options) =>
      ownWrite(() => deps.run(async (ctx) => {
        // The sheet-name read rides on the basis read, so a new Cabinet sheet costs at most 3 syncs.
        let state: (() => SheetState) | undefined;
        const probe = { name: `Cabinet ${period}` };
        const { c } = await basis(ctx, catalogue, period, () => { state = loadSheetState(ctx, probe, 'new'); });
        const plan = cabinetWorkbook(paper(catalogue, c, options).model, options.password ? { password: options.password } : {});
        let first: string | undefined;
        for (const sheet of plan.sheets) {
          const known = first === undefined && state ? state() : undefined;
          const report = await renderSheetPlan(ctx, sheet, { mode: 'new', activate: first === undefined, properties: plan.properties, ...renderOptions, ...(known ? { known } : {}) });
          first ??= report.sheet;
        }
        return { sheet: first ?? '' };
      })),

    loadMaster: async (catalogue, file) => master.load(catalogue, file),
    clearMaster: async () => master.clear(),
    getMaster: async () => master.summary(),

    createDashboard: dashboardService({
      run: deps.run, basis, held: () => consolidations.values(), now, render: renderOptions,
      compare: (catalogue, c) => {
        const made = paper(catalogue, c);
        const m = master.get();
        return { options: made.options, ...(m ? { master: m } : {}) };
      },
    }),

    downloadCabinet: (catalogue, period, options) => paperFile(catalogue, period, options),

    openCabinetWorkbook: async (catalogue, period, options) => {
      if (!createWorkbook) throw new Error('This version of Excel cannot open a new workbook from an add-in (it needs ExcelApi 1.8): use Download .xlsx, or Create locked Cabinet sheet.');
      const file = await paperFile(catalogue, period, options);
      try {
        await createWorkbook(toBase64(file.bytes));
      } catch (e) {
        // Office's own message is not for people (application-specific-api-error-handling); an error
        // with no code (the extension-hardening policy, a blocked window) gets what to do instead.
        throw new Error(officeErrorText(e) ?? `Excel did not open ${file.name} as a new workbook. Use Download .xlsx instead, or ask IT whether add-ins may open workbooks.`);
      }
      return { name: file.name };
    },

    markReady: (catalogue, preparedBy) => ownWrite(() => settled((ctx) => withEventsOff(ctx, eventsSwitch, () => writeSignOff(ctx, (grid) => markReady(catalogue, grid, preparedBy))))),

    signOff: (catalogue, signer) => ownWrite(() => settled((ctx) => withEventsOff(ctx, eventsSwitch, () => writeSignOff(ctx, (grid) => signOff(catalogue, grid, signer, now().toISOString().slice(0, 10)))))),
  };
}
