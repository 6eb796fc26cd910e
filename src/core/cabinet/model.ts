import type { Catalogue, Indicator } from '../catalogue/schema';
import { findIndicator } from '../catalogue/parse';
import type { ConsolidatedRow, Consolidation } from '../consolidate-types';
import { directionOfTravel, type Comparable, type Direction, type DirectionPair } from '../direction';
import { excelRound } from '../excel-round';
import { parsePeriod, type Period, isDue } from '../period';
import { ragLabel } from '../plan/palette';
import { decimalsOf, rag, targetFor, type RagStatus } from '../rag';
import { ragCounts } from '../return/counts';
import type { RagCounts } from '../return/types';
import { changesForPeriod, isDelegated } from './changes';
import { formatLoose, formatTarget, formatValue, numberFormat } from './format';
import type { PreviousValue, PreviousValues } from './previous';
import { shownDirection, shownStatus, suppressCount, suppressValues, type Shown, type ShownStatus, type ShownValues } from './suppress';

/** A value as the paper shows it: `value` (already rounded) is written as a number, else `text`. */
export interface CabinetValue {
  readonly text: string;
  readonly value?: number;
  readonly numFmt?: string;
  readonly suppressed: boolean;
}

export interface CabinetRow {
  readonly ref: string;
  readonly title: string;
  readonly priority: string;
  readonly service: string;
  readonly directorate: string;
  readonly unit?: Indicator['unit'];
  readonly statutory: boolean;
  readonly target: string;
  readonly actual: CabinetValue;
  readonly numerator: CabinetValue;
  readonly denominator: CabinetValue;
  readonly status: ShownStatus;
  /** `✖ Red`: status with its symbol, so colour is never the only signal. */
  readonly rag: string;
  readonly direction: DirectionPair;
  readonly commentary: string;
  readonly action: string;
  readonly benchmark: string;
  readonly dataPeriod: string;
  readonly stale: boolean;
  readonly source?: { readonly file: string; readonly sheet: string; readonly cell?: string };
}

export type CabinetCounts = RagCounts & { readonly Withheld: number };

export interface CabinetSection {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly CabinetRow[];
  readonly counts: CabinetCounts;
}

export interface CabinetChange {
  readonly date: string;
  readonly ref: string;
  readonly title: string;
  readonly change: string;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  readonly authority: string;
  readonly delegated: boolean;
}

export interface CabinetModel {
  readonly organisation: string;
  readonly plan: string;
  readonly catalogueVersion: string;
  readonly period: string;
  readonly generatedAt: string;
  readonly sections: readonly CabinetSection[];
  readonly overall: CabinetCounts;
  /** Whether any indicator can be Blue, so the summary needs a Blue column. */
  readonly usesBlue: boolean;
  /** Every row shown as Red, with its commentary and action. */
  readonly exceptions: readonly CabinetRow[];
  readonly changes: readonly CabinetChange[];
  readonly missing: readonly { readonly ref: string; readonly title: string; readonly service: string }[];
}

export interface CabinetOptions {
  readonly previous?: PreviousValues;
  readonly lastYear?: PreviousValues;
  readonly generatedAt?: string;
}

export const WITHHELD_LABEL = 'Withheld (small numbers)';

export function statusLabel(s: ShownStatus): string {
  return s === 'Withheld' ? WITHHELD_LABEL : ragLabel(s);
}

function toValue(s: Shown, ind: Indicator, decimals: number, part: boolean): CabinetValue {
  switch (s.kind) {
    case 'blank':
      return { text: '', suppressed: false };
    case 'text':
      return { text: s.text, suppressed: false };
    case 'suppressed':
      return { text: s.text, suppressed: true };
    case 'number': {
      const dp = part ? (Number.isInteger(s.value) ? 0 : 2) : decimals;
      const unit = part ? undefined : ind.unit;
      const value = excelRound(s.value, dp);
      return { text: formatValue(value, unit, dp), value, numFmt: numberFormat(unit, dp), suppressed: false };
    }
  }
}

export function countsOf(statuses: readonly ShownStatus[]): CabinetCounts {
  const rated = statuses.filter((s): s is RagStatus => s !== 'Withheld');
  return { ...ragCounts(rated), Withheld: statuses.length - rated.length };
}

interface Ctx {
  readonly catalogue: Catalogue;
  readonly period: Period;
  readonly options: CabinetOptions;
}

function comparableOf(pv: PreviousValue | undefined): Comparable {
  return pv ? (pv.qualitative ?? pv.actual) : undefined;
}

function direction(ctx: Ctx, ind: Indicator, row: ConsolidatedRow, shown: ShownValues): DirectionPair {
  const defaults = ctx.catalogue.defaults;
  const now: Comparable = row.qualitative ?? (typeof row.actual === 'number' ? row.actual : null);
  const against = (pv: PreviousValue | undefined) => (v: Comparable): Direction =>
    directionOfTravel(ind, v, comparableOf(pv), ctx.period.year, defaults);
  const key = ind.id.toUpperCase();
  const prev = ctx.options.previous;
  const vsPrev = prev ? against(prev.values[key]) : undefined;
  const vsYear = ctx.options.lastYear ? against(ctx.options.lastYear.values[key]) : undefined;
  return {
    previous: shownDirection(vsPrev ? vsPrev(now) : row.direction, shown.possible, vsPrev ?? (() => '')),
    lastYear: vsYear ? shownDirection(vsYear(now), shown.possible, vsYear) : '',
  };
}

function benchmarkText(ind: Indicator, decimals: number): string {
  return ind.benchmark ? `${ind.benchmark.label}: ${formatValue(ind.benchmark.value, ind.unit, decimals)}` : '';
}

function buildRow(ctx: Ctx, ind: Indicator, row: ConsolidatedRow | undefined): CabinetRow {
  const { catalogue, period } = ctx;
  const defaults = catalogue.defaults;
  const decimals = decimalsOf(ind, defaults);
  const periodText = `${period.year} Q${period.quarter}`;
  const base = {
    ref: ind.id, title: ind.title, priority: ind.priority, service: ind.service, directorate: ind.directorate,
    ...(ind.unit ? { unit: ind.unit } : {}), statutory: ind.statutory === true,
    target: ind.kind === 'qualitative' ? '' : formatTarget(targetFor(ind, period.year), ind.unit, decimals),
    benchmark: benchmarkText(ind, decimals),
  };
  const blank: CabinetValue = { text: '', suppressed: false };
  if (!row) {
    const status: RagStatus = isDue(ind, period) ? 'Missing' : 'Not due';
    const pv = status === 'Not due' ? ctx.options.previous?.values[ind.id.toUpperCase()] : undefined;
    const carried = pv && pv.text !== '' ? toValue(suppressCount(pv.actual ?? pv.text, ind), ind, decimals, false) : undefined;
    return {
      ...base, actual: carried ?? blank, numerator: blank, denominator: blank, status, rag: statusLabel(status),
      direction: { previous: '', lastYear: '' }, commentary: '', action: '',
      dataPeriod: carried ? (pv?.dataPeriod ?? ctx.options.previous?.period ?? '') : periodText, stale: carried !== undefined,
    };
  }
  const shown = ind.kind === 'qualitative'
    ? { actual: row.qualitative ? ({ kind: 'text', text: row.qualitative } as const) : ({ kind: 'blank' } as const), numerator: { kind: 'blank' } as const, denominator: { kind: 'blank' } as const }
    : suppressValues(ind, { actual: row.actual, numerator: row.numerator ?? null, denominator: row.denominator ?? null });
  const statusOf = (v: number): RagStatus => rag({ indicator: ind, period, ...(defaults ? { defaults } : {}), actual: v }).status;
  const status = shownStatus(row.status, shown.possible, statusOf);
  return {
    ...base,
    actual: toValue(shown.actual, ind, decimals, false),
    numerator: toValue(shown.numerator, ind, decimals, true),
    denominator: toValue(shown.denominator, ind, decimals, true),
    status, rag: statusLabel(status),
    direction: direction(ctx, ind, row, shown),
    commentary: row.commentary ?? '', action: row.action ?? '',
    dataPeriod: periodText, stale: false,
    source: { file: row.file, sheet: row.sheet, ...(row.cell ? { cell: row.cell } : {}) },
  };
}

/** The Cabinet paper's content, every value already through suppression. Grouped by priority in catalogue order. */
export function cabinetModel(catalogue: Catalogue, consolidation: Consolidation, options: CabinetOptions = {}): CabinetModel {
  const period = parsePeriod(consolidation.period);
  if (!period) throw new Error(`consolidation period is not a period: ${consolidation.period}`);
  const ctx: Ctx = { catalogue, period, options };
  const byRef = new Map(consolidation.rows.map((r) => [r.ref.toUpperCase(), r]));
  const priorities = [...catalogue.priorities];
  for (const ind of catalogue.indicators) {
    if (!priorities.some((p) => p.id === ind.priority)) priorities.push({ id: ind.priority, title: ind.priority });
  }
  const sections: CabinetSection[] = priorities
    .map((p) => {
      const rows = catalogue.indicators.filter((i) => i.priority === p.id).map((i) => buildRow(ctx, i, byRef.get(i.id.toUpperCase())));
      return { id: p.id, title: p.title, rows, counts: countsOf(rows.map((r) => r.status)) };
    })
    .filter((s) => s.rows.length > 0);
  const all = sections.flatMap((s) => s.rows);
  const title = (ref: string): string => findIndicator(catalogue, ref)?.title ?? '';
  const since = options.previous?.period ? parsePeriod(options.previous.period) : undefined;
  return {
    organisation: catalogue.organisation,
    plan: catalogue.plan,
    catalogueVersion: catalogue.version,
    period: consolidation.period,
    generatedAt: options.generatedAt ?? '',
    sections,
    overall: countsOf(all.map((r) => r.status)),
    usesBlue: catalogue.indicators.some((i) => i.blue === true),
    exceptions: all.filter((r) => r.status === 'Red'),
    changes: changesForPeriod(catalogue, period, since).map((c) => ({
      date: c.date, ref: c.indicator, title: title(c.indicator), change: c.change,
      from: formatLoose(c.from), to: formatLoose(c.to), reason: c.reason, authority: c.authority, delegated: isDelegated(c),
    })),
    missing: consolidation.missing.map((ref) => {
      const ind = findIndicator(catalogue, ref);
      return { ref, title: ind?.title ?? '', service: ind?.service ?? '' };
    }),
  };
}
