import { effectiveCatalogue } from '../core/catalogue/effective';
import type { Catalogue } from '../core/catalogue/schema';
import { formatPeriod, type Period } from '../core/period';
import { templatePlan } from '../core/plan/template';
import type { SheetPlan, WorkbookPlan } from '../core/plan/types';
import { isDue } from '../core/catalogue/accessors';

/** The services the catalogue names, in its order, each once. */
export function servicesOf(catalogue: Catalogue): string[] {
  return [...new Set(catalogue.indicators.map((i) => i.service.trim()))];
}

/** The service as the catalogue spells it, or undefined when it names no such service. */
export function matchService(catalogue: Catalogue, service: string): string | undefined {
  const want = service.trim().toLowerCase();
  return servicesOf(catalogue).find((s) => s.toLowerCase() === want);
}

export interface Template {
  /** The Return sheet: a pane inserts it into the open workbook. */
  readonly sheet: SheetPlan;
  /** The same sheet as a workbook of its own, with properties saying what it is: the CLI writes it. */
  readonly workbook: WorkbookPlan;
  /** Indicators due, as rows of this return: counted on the period's catalogue, as the sheet is built. */
  readonly due: number;
}

/** Insert a template: a Return for one quarter (and one service, when given). */
export function returnTemplate(catalogue: Catalogue, period: Period, service?: string): Template {
  const sheet = templatePlan(catalogue, period, service ? { service } : {});
  const want = service?.trim().toLowerCase();
  const due = effectiveCatalogue(catalogue, period).indicators
    .filter((i) => isDue(i, period) && (!want || i.service.trim().toLowerCase() === want)).length;
  const label = formatPeriod(period);
  return {
    sheet,
    due,
    workbook: {
      sheets: [sheet],
      properties: {
        title: `Performance return ${label}${service ? `, ${service}` : ''}`,
        subject: catalogue.plan,
        company: catalogue.organisation,
        creator: 'scorecard',
        custom: { ScorecardPeriod: label, ScorecardCatalogueVersion: catalogue.version, ...(service ? { ScorecardService: service } : {}) },
      },
    },
  };
}
