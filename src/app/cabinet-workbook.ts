import { PROPERTY } from '../core/cabinet/layout';
import { cabinetModel, type CabinetModel, type CabinetOptions } from '../core/cabinet/model';
import { cabinetPlan } from '../core/cabinet/plan';
import { trendsSheetPlan } from '../core/cabinet/trends';
import type { PreviousValues } from '../core/cabinet/previous';
import { effectiveCatalogue } from '../core/catalogue/effective';
import type { Catalogue } from '../core/catalogue/schema';
import type { Consolidation } from '../core/consolidate-types';
import type { HistoryIssue } from '../core/history/add';
import type { History } from '../core/history/schema';
import { parsePeriod } from '../core/period';
import type { WorkbookPlan } from '../core/plan/types';
import { masterComparison, recordQuarter } from './bi-master';
import { directorateScope, forDirectorate, scopeConsolidation } from './directorate';
import type { CabinetPreview } from './ports';

export interface PaperInput {
  /** The whole catalogue: the quarter's own is taken from it. */
  readonly catalogue: Catalogue;
  readonly consolidation: Consolidation;
  /** The BI master: direction of travel, trends and last available results come from it. */
  readonly master?: History;
  /** Record the quarter in the master (the CLI's --history); without it the master is only compared. */
  readonly record?: { readonly reopen?: boolean; readonly reason?: string };
  /** Without a master: the Cabinet workbooks of the quarter before and a year before. */
  readonly previous?: PreviousValues;
  readonly lastYear?: PreviousValues;
  /** When the paper is made (ISO date-time); also the quarter's closing time in the master. */
  readonly now: string;
  /**
   * A Directorate Management Team pack: that directorate's indicators only (as the catalogue spells
   * it: `matchDirectorate`). The master is compared (and recorded) with the whole quarter.
   */
  readonly directorate?: string;
}

export type PaperModel =
  | {
    readonly ok: true;
    readonly model: CabinetModel;
    /** What the model compared against, for the dashboard's counts to agree with the sheet. */
    readonly options: CabinetOptions;
    /** With `record`: the master with this quarter, and what recording it said. */
    readonly history?: { readonly next: History; readonly issues: readonly HistoryIssue[] };
  }
  /** The master refused the quarter (closed there, not reopened): no paper. */
  | { readonly ok: false; readonly issues: readonly HistoryIssue[] };

/**
 * The Cabinet report model for a consolidated quarter, under the BI-master policy (bi-master.ts):
 * the quarter's own catalogue, and comparisons from the master with this quarter in it.
 */
export function cabinetModelFor(input: PaperInput): PaperModel {
  const period = parsePeriod(input.consolidation.period);
  const catalogue = period ? effectiveCatalogue(input.catalogue, period) : input.catalogue;
  let options: CabinetOptions = { generatedAt: input.now };
  let history: { next: History; issues: readonly HistoryIssue[] } | undefined;
  if (input.master) {
    const recorded = recordQuarter(input.master, input.catalogue, input.consolidation, { closedAt: input.now, ...input.record });
    if (!recorded.ok) return { ok: false, issues: recorded.issues };
    if (input.record) history = { next: recorded.history, issues: recorded.issues };
    options = { ...options, ...masterComparison(recorded.history, input.catalogue, input.consolidation) };
  } else {
    options = { ...options, ...(input.previous ? { previous: input.previous } : {}), ...(input.lastYear ? { lastYear: input.lastYear } : {}) };
  }
  const model = input.directorate
    ? cabinetModel(forDirectorate(catalogue, input.directorate), scopeConsolidation(input.consolidation, catalogue, input.directorate), { ...options, scope: directorateScope(input.directorate) })
    : cabinetModel(catalogue, input.consolidation, options);
  return { ok: true, model, options, ...(history ? { history } : {}) };
}

export interface CabinetWorkbookOptions {
  readonly password?: string;
}

/**
 * The Cabinet workbook, composed once for both faces: the locked Cabinet sheet and, when there is
 * a history to show (a BI master), the Trends sheet of the last five quarters.
 */
export function cabinetWorkbook(model: CabinetModel, options: CabinetWorkbookOptions = {}): WorkbookPlan {
  const pw = options.password ? { password: options.password } : {};
  const cabinet = cabinetPlan(model, pw);
  if (model.trendPeriods.length === 0) return cabinet;
  const fingerprint = cabinet.properties.custom[PROPERTY.fingerprint];
  const trends = trendsSheetPlan(model, { ...pw, ...(fingerprint !== undefined ? { fingerprint } : {}) });
  return { ...cabinet, sheets: [...cabinet.sheets, trends] };
}

/** What the pane shows of the Cabinet paper before it is made. */
export function cabinetPreview(model: CabinetModel, basis: string): CabinetPreview {
  return {
    period: model.period,
    overall: model.overall,
    byPriority: model.sections.map((s) => ({ id: s.id, title: s.title, counts: s.counts })),
    exceptions: model.exceptions.map((r) => ({ ref: r.ref, title: r.title, commentary: r.commentary, action: r.action })),
    basis,
    dataQuality: model.dataQuality.lines,
  };
}
