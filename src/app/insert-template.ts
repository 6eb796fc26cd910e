import { effectiveCatalogue } from '../core/catalogue/effective';
import type { Catalogue } from '../core/catalogue/schema';
import { formatPeriod, type Period } from '../core/period';
import { templatePlan } from '../core/plan/template';
import type { SheetPlan, WorkbookPlan } from '../core/plan/types';
import { isDue } from '../core/catalogue/accessors';
import { slug } from '../core/words';

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

/** A service's return file name: a safe slug of the service and the period, `customer-services-2024-25-q2.xlsx`. */
export function returnFileName(service: string, period: Period): string {
  return `${slug(service) || 'service'}-${slug(formatPeriod(period))}.xlsx`;
}

/** Why a service of the catalogue gets no return: nothing due that period, or none of its indicators in force then. */
export type SkipReason = 'none-due' | 'not-in-force';

export interface ServiceReturn {
  readonly service: string;
  /** Unique within the set: a second service with the same slug gets `-2` before the period. */
  readonly file: string;
  readonly template: Template;
}

export interface AllServiceReturns {
  readonly returns: readonly ServiceReturn[];
  readonly skipped: readonly { readonly service: string; readonly reason: SkipReason }[];
}

/**
 * The BI team's quarterly chore: one return per service of the catalogue, for the services with
 * indicators due in the period (the others skipped, with the reason), each with its file name.
 */
export function allServiceReturns(catalogue: Catalogue, period: Period): AllServiceReturns {
  const inForce = effectiveCatalogue(catalogue, period).indicators;
  const key = (s: string): string => s.trim().toLowerCase();
  const returns: ServiceReturn[] = [];
  const skipped: { service: string; reason: SkipReason }[] = [];
  const taken = new Set<string>();
  for (const service of servicesOf(catalogue)) {
    const own = inForce.filter((i) => key(i.service) === key(service));
    if (own.length === 0) { skipped.push({ service, reason: 'not-in-force' }); continue; }
    if (!own.some((i) => isDue(i, period))) { skipped.push({ service, reason: 'none-due' }); continue; }
    let file = returnFileName(service, period);
    for (let n = 2; taken.has(file.toLowerCase()); n++) file = returnFileName(`${service} ${n}`, period);
    taken.add(file.toLowerCase());
    returns.push({ service, file, template: returnTemplate(catalogue, period, service) });
  }
  return { returns, skipped };
}
