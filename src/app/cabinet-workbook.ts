import { PROPERTY } from '../core/cabinet/layout';
import { cabinetModel, type CabinetModel, type CabinetOptions } from '../core/cabinet/model';
import { cabinetPlan } from '../core/cabinet/plan';
import { trendsSheetPlan } from '../core/cabinet/dashboard';
import type { Catalogue } from '../core/catalogue/schema';
import type { Consolidation } from '../core/consolidate-types';
import type { WorkbookPlan } from '../core/plan/types';
import type { CabinetPreview } from './ports';

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

/** The model, then the workbook; the model is not kept once the plan holds what it said. */
export function cabinetWorkbookOf(catalogue: Catalogue, c: Consolidation, compare: CabinetOptions, options: CabinetWorkbookOptions = {}): WorkbookPlan {
  return cabinetWorkbook(cabinetModel(catalogue, c, compare), options);
}

/** What the pane shows of the Cabinet paper before it is made. */
export function cabinetPreview(model: CabinetModel, basis: string): CabinetPreview {
  return {
    period: model.period,
    overall: model.overall,
    byPriority: model.sections.map((s) => ({ id: s.id, title: s.title, counts: s.counts })),
    exceptions: model.exceptions.map((r) => ({ ref: r.ref, title: r.title, commentary: r.commentary, action: r.action })),
    basis,
  };
}
