import { cabinetModel } from '../../core/cabinet/model';
import { cabinetPlan } from '../../core/cabinet/plan';
import type { Catalogue } from '../../core/catalogue/schema';
import { consolidate } from '../../core/consolidate';
import type { Consolidation, ReturnInput } from '../../core/consolidate-types';
import type { Issue } from '../../core/issues';
import { parsePeriod, type Period } from '../../core/period';
import { findReturnGrids, validateGrid } from '../../core/return/find';
import { templatePlan } from '../../core/plan/template';
import type { WorkbookPlan } from '../../core/plan/types';
import type { CabinetPreview, FileAdapters, HostInfo, InputFile, ScorecardServices } from '../../app/ports';
import { catalogueLoader } from './catalogue-load';
import { dashboardService } from './dashboard-sheet';
import type { ExcelRun, XContext } from '../../host/office-api';
import { loadGrid, selectCell } from './read';
import { loadSheetState, renderSheetPlan, type SheetState } from './render';
import { fingerprintOf, validateActive, writeSignOff } from './active-return';
import { scorecardPlan } from '../../core/plan/consolidation-sheet';
import { masterHolder } from './master';
import type { SettingsStore } from './settings';

export const CATALOGUE_URL_SETTING = 'scorecard.catalogueUrl';

export interface OfficeServicesDeps {
  readonly run: ExcelRun;
  readonly settings: SettingsStore;
  readonly host: { readonly inExcel: boolean; readonly label: string; readonly limitations?: readonly string[] };
  /** `Office.context.requirements.isSetSupported`; the fake says yes to everything. */
  readonly supports: (set: string, version: string) => boolean;
  /** The .xlsx side (src/adapters/exceljs/lazy in the pane): the composition root gives it. */
  readonly files: FileAdapters;
  readonly fetch?: typeof fetch;
  readonly now?: () => Date;
  readonly debounceMs?: number;
  /** What a consolidation calls returns found in this workbook. */
  readonly workbookLabel?: string;
}

function periodOf(text: string): Period {
  const p = parsePeriod(text);
  if (!p) throw new Error(`"${text}" is not a period: write it like 2023-24 Q2.`);
  return p;
}

/** The Office.js implementation of the pane's services; every workbook call goes through `run`. */
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
  const host: HostInfo = { inExcel: deps.host.inExcel, label: deps.host.label, limitations };
  const loadCatalogue = catalogueLoader({ readWorkbookGrids: (b) => files.readWorkbookGrids(b), ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  const consolidations = new Map<string, Consolidation>();
  const master = masterHolder(now);
  const validateOptions = (period: Period) => {
    const previous = master.previous();
    return previous ? { period, previous } : { period };
  };
  // getRanges (RangeAreas) is ExcelApi 1.9, like page layout.
  const renderOptions = { pageLayout, documentProperties, rangeAreas: pageLayout };

  /** Every return sheet in this workbook, validated: two read syncs (names, then used ranges). */
  async function workbookConsolidation(ctx: XContext, catalogue: Catalogue, period: Period, also?: () => void): Promise<Consolidation> {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    const grids = sheets.items.map((s) => loadGrid(sheets.getItem(s.name)));
    also?.();
    await ctx.sync();
    const found = findReturnGrids(grids.map((g) => g()).filter((g) => g !== undefined));
    const label = deps.workbookLabel ?? 'This workbook';
    const inputs: ReturnInput[] = found.map((g) => ({ file: `${label} (${g.sheet})`, validation: validateGrid(catalogue, g, validateOptions(period)) }));
    return consolidate(catalogue, period, inputs);
  }

  function cabinetWorkbook(catalogue: Catalogue, c: Consolidation, password?: string): WorkbookPlan {
    const model = cabinetModel(catalogue, c, master.compare(catalogue, c).options);
    return cabinetPlan(model, password ? { password } : {});
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
      deps.run(async (ctx) => {
        const plan = templatePlan(catalogue, periodOf(period), service ? { service } : {});
        const report = await renderSheetPlan(ctx, plan, { mode: 'new', activate: true, ...renderOptions });
        return { sheet: report.sheet };
      }),

    validate: (catalogue, options) => deps.run((ctx) => validateActive(ctx, catalogue, options.period, renderOptions)),

    selectCell: (address) => deps.run((ctx) => selectCell(ctx, address)),

    onReturnChanged: (handler) =>
      deps.run(async (ctx) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        let live = true;
        const fire = async (): Promise<void> => {
          if (timer) clearTimeout(timer);
          timer = setTimeout(() => live && handler(), deps.debounceMs ?? 400);
        };
        const handle = ctx.workbook.worksheets.getActiveWorksheet().onChanged.add(fire);
        await ctx.sync();
        return () => {
          live = false;
          if (timer) clearTimeout(timer);
          handle.remove();
          void handle.context.sync().catch(() => undefined);
        };
      }),

    consolidate: async (catalogue, inputFiles, period, progress) => {
      const p = periodOf(period);
      const inputs: ReturnInput[] = [];
      const unreadable: Issue[] = [];
      for (const [i, f] of inputFiles.entries()) {
        progress(i, inputFiles.length, f.name);
        try {
          const grids = findReturnGrids(await files.readWorkbookGrids(f.bytes));
          if (grids.length === 0) unreadable.push({ severity: 'error', code: 'no-return-sheet', file: f.name, params: { file: f.name } });
          for (const g of grids) inputs.push({ file: f.name, validation: validateGrid(catalogue, g, validateOptions(p)) });
        } catch (e) {
          unreadable.push({ severity: 'error', code: 'unreadable-file', file: f.name, params: { file: f.name, shown: (e as Error).message } });
        }
      }
      progress(inputFiles.length, inputFiles.length, 'Writing the Scorecard sheet');
      const base = consolidate(catalogue, p, inputs);
      const result: Consolidation = { ...base, issues: [...unreadable, ...base.issues] };
      consolidations.set(period, result);
      await deps.run((ctx) => renderSheetPlan(ctx, scorecardPlan(result), { mode: 'new', activate: true, ...renderOptions }));
      return result;
    },

    cabinetPreview: (catalogue, period) =>
      deps.run(async (ctx): Promise<CabinetPreview> => {
        const { c, basis: label } = await basis(ctx, catalogue, period);
        const model = cabinetModel(catalogue, c, master.compare(catalogue, c).options);
        return {
          period: model.period,
          overall: model.overall,
          byPriority: model.sections.map((s) => ({ id: s.id, title: s.title, counts: s.counts })),
          exceptions: model.exceptions.map((r) => ({ ref: r.ref, title: r.title, commentary: r.commentary, action: r.action })),
          basis: `${label}; ${master.get() ? `direction of travel from the BI master (${master.get()?.periods.length ?? 0} closed quarters)` : 'no BI master loaded (Consolidate view), so no direction of travel'}`,
        };
      }),

    createCabinetSheet: (catalogue, period, options) =>
      deps.run(async (ctx) => {
        // The sheet-name read rides on the basis read, so a new Cabinet sheet costs at most 3 syncs.
        let state: (() => SheetState) | undefined;
        const probe = { name: `Cabinet ${period}` };
        const { c } = await basis(ctx, catalogue, period, () => { state = loadSheetState(ctx, probe, 'new'); });
        const plan = cabinetWorkbook(catalogue, c, options.password);
        let first: string | undefined;
        for (const sheet of plan.sheets) {
          const known = first === undefined && state ? state() : undefined;
          const report = await renderSheetPlan(ctx, sheet, { mode: 'new', activate: first === undefined, properties: plan.properties, ...renderOptions, ...(known ? { known } : {}) });
          first ??= report.sheet;
        }
        return { sheet: first ?? '' };
      }),

    // The Cabinet model takes direction of travel from the master itself, so consolidations held
    // from before it was loaded still get it.
    loadMaster: async (catalogue, file) => master.load(catalogue, file),
    clearMaster: async () => master.clear(),
    getMaster: async () => master.summary(),

    createDashboard: dashboardService({ run: deps.run, basis, held: () => consolidations.values(), now, render: renderOptions, compare: master.compare }),

    downloadCabinet: async (catalogue, period, options) => {
      const c = consolidations.get(period) ?? (await deps.run((ctx) => workbookConsolidation(ctx, catalogue, periodOf(period))));
      const bytes = await files.renderWorkbook(cabinetWorkbook(catalogue, c, options.password));
      return { name: `Cabinet ${period}.xlsx`, bytes } satisfies InputFile;
    },

    markReady: (_catalogue, preparedBy) => deps.run((ctx) => writeSignOff(ctx, () => ({ preparedBy, ready: 'Yes' }))),

    signOff: (_catalogue, signer) =>
      deps.run((ctx) =>
        writeSignOff(ctx, (read) => ({
          signedOffBy: signer.name,
          role: signer.role,
          signedOffOn: now().toISOString().slice(0, 10),
          fingerprint: fingerprintOf(read),
        })),
      ),
  };
}

