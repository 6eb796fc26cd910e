import { effectiveCatalogue } from '../catalogue/effective';
import type { Catalogue, Indicator } from '../catalogue/schema';
import { findIndicator } from '../catalogue/lookup';
import type { ConsolidatedRow, Consolidation } from '../consolidate-types';
import { directionOfTravel, type Comparable, type Direction, type DirectionPair } from '../direction';
import { formatPeriod, parsePeriod, previousPeriod, samePeriodLastYear, type Period } from '../period';
import { rag, type RagStatus } from '../rag';
import { ragCounts } from '../return/counts';
import type { RagCounts } from '../return/types';
import { changesForPeriod, isDelegated } from '../catalogue/change-log';
import { formatLoose, formatTarget, formatValue, TARGET_TO_BE_SET } from '../format';
import { lastAvailableRow, rolling12At, rolling12Value, trendOf, type CabinetHistory, type TrendPoint } from './history-rows';
import type { PreviousValue, PreviousValues } from './previous';
import { isSmallCount, SECONDARY_TEXT, shownDirection, suppressionOf, shownStatus, suppressCount, suppressValues, type ShownStatus, type ShownValues } from './suppress';
import { toValue, type CabinetValue } from './value';
import { statusLabel, WITHHELD_LABEL } from './labels';
import { cabinetConflicts, dataQuality, type CabinetConflict, type DataQuality } from './data-quality';
import { plural } from '../words';
import { isDue, decimalsOf, targetFor, targetsToBeSet } from '../catalogue/accessors';
import { aggregate } from '../history/aggregate';
import { valueAt } from '../history/read';
import { secondarySuppression, type DisclosureCell } from './secondary';

export interface CabinetRow {
  readonly ref: string;
  readonly title: string;
  readonly priority: string;
  readonly service: string;
  readonly directorate: string;
  readonly unit?: Indicator['unit'];
  readonly statutory: boolean;
  readonly target: string;
  /** The target as a number with its display format, when the catalogue gives one number. */
  readonly targetValue?: CabinetValue;
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
  /** The benchmark's value as a number with its display format, and what it is (`London median`). */
  readonly benchmarkValue?: CabinetValue;
  readonly benchmarkLabel?: string;
  readonly dataPeriod: string;
  readonly stale: boolean;
  readonly source?: { readonly file: string; readonly sheet: string; readonly cell?: string };
  /** The last quarters to this one, oldest first (with a history): every value through suppression. */
  readonly trend?: readonly TrendPoint[];
  /** How the figure is formed when it is not the quarter's own value: `Rolling 12 months`. */
  readonly basis?: string;
  /** When returns gave different values for it: `Conflict: 2 returns gave different values; see Conflicts.` */
  readonly conflict?: string;
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

/** A paper for part of the council (a Directorate Management Team pack): what it is and who it is for. */
export interface CabinetScope {
  /** The title line's words: `DMT pack: People`. */
  readonly title: string;
  /** Who the paper is for: `the People Directorate Management Team`. */
  readonly audience: string;
}

export interface CabinetModel {
  readonly organisation: string;
  /** Absent for the whole council's Cabinet paper. */
  readonly scope?: CabinetScope;
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
  /** The quarters each row's trend covers, oldest first; empty without a history. */
  readonly trendPeriods: readonly string[];
  /** Indicators returns gave differently: every value given, which was used and why. */
  readonly conflicts: readonly CabinetConflict[];
  /** Returns received of expected, sign-off, missing returns, conflicts, returns for another period. */
  readonly dataQuality: DataQuality;
  /** Indicators with a figure hidden only because, with the others shown, it would reveal a small number. */
  readonly secondarySuppressed: readonly string[];
}

export interface CabinetOptions {
  readonly previous?: PreviousValues;
  readonly lastYear?: PreviousValues;
  readonly generatedAt?: string;
  /**
   * The BI master: direction of travel, trends, last available results of measures not due and
   * rolling 12-month figures come from it. `previous`/`lastYear` still give direction when set.
   */
  readonly history?: CabinetHistory;
  /** A paper for part of the council; the catalogue and consolidation given are that part's. */
  readonly scope?: CabinetScope;
}

export { statusLabel, WITHHELD_LABEL };

/** A last available result is shown, never counted: the counts are this quarter's. */
function countedStatus(r: CabinetRow): ShownStatus {
  return r.stale ? 'Not due' : r.status;
}

export function countsOf(statuses: readonly ShownStatus[]): CabinetCounts {
  const rated = statuses.filter((s): s is RagStatus => s !== 'Withheld');
  return { ...ragCounts(rated), Withheld: statuses.length - rated.length };
}

interface Ctx {
  readonly catalogue: Catalogue;
  readonly period: Period;
  /** formatPeriod(period), made once rather than once a row. */
  readonly periodText: string;
  readonly options: CabinetOptions;
}

function comparableOf(pv: PreviousValue | undefined): Comparable {
  return pv ? (pv.qualitative ?? pv.actual) : undefined;
}

/** What the row is compared against: the previous quarter and the same quarter last year. */
interface Against {
  readonly previous: Comparable;
  readonly lastYear: Comparable;
}

/** Direction pairs are a few words each: one object per pair of words, not one per row (the paper keeps every row). */
const PAIRS = new Map<Direction, Map<Direction, DirectionPair>>();
function pairOf(previous: Direction, lastYear: Direction): DirectionPair {
  let byYear = PAIRS.get(previous);
  if (!byYear) PAIRS.set(previous, (byYear = new Map()));
  let pair = byYear.get(lastYear);
  if (!pair) byYear.set(lastYear, (pair = { previous, lastYear }));
  return pair;
}

const NONE = (): Direction => '';

function direction(ctx: Ctx, ind: Indicator, row: ConsolidatedRow, now: Comparable, shown: ShownValues, rolled?: Against): DirectionPair {
  const defaults = ctx.catalogue.defaults;
  const against = (before: Comparable) => (v: Comparable): Direction => directionOfTravel(ind, v, before, ctx.period.year, defaults);
  const prev = ctx.options.previous;
  const lastYear = ctx.options.lastYear;
  // Most papers compare with neither (a master's direction is in the row): no key, no closures.
  if (!rolled && !prev && !lastYear) return pairOf(shownDirection(row.direction, shown.possible, NONE), '');
  const key = ind.id.toUpperCase();
  const vsPrev = rolled ? against(rolled.previous) : prev ? against(comparableOf(prev.values[key])) : undefined;
  const vsYear = rolled ? against(rolled.lastYear) : lastYear ? against(comparableOf(lastYear.values[key])) : undefined;
  return pairOf(
    shownDirection(vsPrev ? vsPrev(now) : row.direction, shown.possible, vsPrev ?? NONE),
    vsYear ? shownDirection(vsYear(now), shown.possible, vsYear) : '',
  );
}

function benchmarkText(ind: Indicator, decimals: number): string {
  return ind.benchmark ? `${ind.benchmark.label}: ${formatValue(ind.benchmark.value, ind.unit, decimals)}` : '';
}

const BLANK: CabinetValue = { text: '', suppressed: false };
export const LAST_AVAILABLE_NOTE = 'last available';

/** The fields every row has whatever its data: from the catalogue. */
type RowHead = Pick<CabinetRow, 'ref' | 'title' | 'priority' | 'service' | 'directorate' | 'statutory' | 'target' | 'benchmark'>
  & Pick<CabinetRow, 'targetValue' | 'benchmarkValue' | 'benchmarkLabel'> & { readonly trend?: readonly TrendPoint[] };
type RowBody = Pick<CabinetRow, 'actual' | 'numerator' | 'denominator' | 'status' | 'rag' | 'direction' | 'commentary' | 'action' | 'dataPeriod' | 'stale'>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * One row in one fixed shape, optional fields assigned after. Built with spreads, 30,000 rows took
 * most of the model's time (profiled: the object literals, not the rules).
 */
function assemble(ind: Indicator, head: RowHead, body: RowBody, extra: Pick<CabinetRow, 'source' | 'basis'> = {}): CabinetRow {
  const row: Mutable<CabinetRow> = {
    ref: head.ref, title: head.title, priority: head.priority, service: head.service, directorate: head.directorate,
    statutory: head.statutory, target: head.target, actual: body.actual, numerator: body.numerator, denominator: body.denominator,
    status: body.status, rag: body.rag, direction: body.direction, commentary: body.commentary, action: body.action,
    benchmark: head.benchmark, dataPeriod: body.dataPeriod, stale: body.stale,
  };
  if (ind.unit) row.unit = ind.unit;
  if (head.targetValue) row.targetValue = head.targetValue;
  if (head.benchmarkValue) row.benchmarkValue = head.benchmarkValue;
  if (head.benchmarkLabel) row.benchmarkLabel = head.benchmarkLabel;
  if (extra.source) row.source = extra.source;
  if (head.trend) row.trend = head.trend;
  if (extra.basis !== undefined) row.basis = extra.basis;
  return row;
}

const NO_DIRECTION: DirectionPair = { previous: '', lastYear: '' };

/** A row no return gave: Missing when due; when not due, the last available result (stale-flagged), else Not due. */
function absentRow(ctx: Ctx, ind: Indicator, decimals: number, head: RowHead): CabinetRow {
  const { period, periodText } = ctx;
  const rest = { numerator: BLANK, denominator: BLANK, direction: NO_DIRECTION, commentary: '', action: '' };
  if (isDue(ind, period)) return assemble(ind, head, { ...rest, actual: BLANK, status: 'Missing', rag: statusLabel('Missing'), dataPeriod: periodText, stale: false });
  const h = ctx.options.history;
  const last = h ? lastAvailableRow(h, ind, period, decimals) : undefined;
  if (last) {
    return assemble(ind, head, {
      ...rest, actual: last.actual, status: last.status, rag: `${statusLabel(last.status)} (${LAST_AVAILABLE_NOTE})`,
      dataPeriod: last.dataPeriod, stale: true,
    });
  }
  const pv = h ? undefined : ctx.options.previous?.values[ind.id.toUpperCase()];
  const carried = pv && pv.text !== '' ? toValue(suppressCount(pv.actual ?? pv.text, ind), ind, decimals, false) : undefined;
  return assemble(ind, head, {
    ...rest, actual: carried ?? BLANK, status: 'Not due', rag: statusLabel('Not due'),
    dataPeriod: carried ? (pv?.dataPeriod ?? ctx.options.previous?.period ?? '') : periodText, stale: carried !== undefined,
  });
}

/** A figure from 1 to suppressBelow - 1 of a small-number measure. */
function smallFigure(ind: Indicator, v: number): boolean {
  return ind.suppressBelow != null && v >= 1 && v < ind.suppressBelow;
}

function buildRow(ctx: Ctx, ind: Indicator, row: ConsolidatedRow | undefined): CabinetRow {
  const { catalogue, period } = ctx;
  const defaults = catalogue.defaults;
  const decimals = decimalsOf(ind, defaults);
  const h = ctx.options.history;
  const head: Mutable<RowHead> = {
    ref: ind.id, title: ind.title, priority: ind.priority, service: ind.service, directorate: ind.directorate,
    statutory: ind.statutory === true,
    target: ind.kind === 'qualitative' ? '' : targetsToBeSet(ind) ? TARGET_TO_BE_SET : formatTarget(targetFor(ind, period.year), ind.unit, decimals),
    benchmark: benchmarkText(ind, decimals),
  };
  if (h) head.trend = trendOf(h, ind, period, decimals);
  // A target or benchmark of a small-number measure that is itself a small count stays text, as it
  // always was: the paper writes no number from 1 to suppressBelow - 1 beside such an indicator.
  const target = ind.kind === 'qualitative' ? undefined : targetFor(ind, period.year);
  if (typeof target === 'number' && !smallFigure(ind, target)) head.targetValue = toValue({ kind: 'number', value: target }, ind, decimals, false);
  if (ind.benchmark && !smallFigure(ind, ind.benchmark.value)) {
    head.benchmarkValue = toValue({ kind: 'number', value: ind.benchmark.value }, ind, decimals, false);
    head.benchmarkLabel = ind.benchmark.label;
  }
  if (!row) return absentRow(ctx, ind, decimals, head);
  // A rolling 12-month measure is reported and rated on the year to this quarter, once the history holds it.
  const rolled = h && ind.kind !== 'qualitative'
    ? rolling12Value(h, ind, period, { actual: row.actual, numerator: row.numerator ?? null, denominator: row.denominator ?? null })
    : undefined;
  const actual = rolled ?? row.actual;
  const shown = ind.kind === 'qualitative'
    ? { actual: row.qualitative ? ({ kind: 'text', text: row.qualitative } as const) : ({ kind: 'blank' } as const), numerator: { kind: 'blank' } as const, denominator: { kind: 'blank' } as const }
    : suppressValues(ind, { actual, numerator: row.numerator ?? null, denominator: row.denominator ?? null });
  const statusOf = (v: number): RagStatus => rag({ indicator: ind, period, ...(defaults ? { defaults } : {}), actual: v }).status;
  const own = rolled !== undefined ? statusOf(rolled) : row.status;
  const status = shownStatus(own, shown.possible, statusOf);
  const now: Comparable = row.qualitative ?? (typeof actual === 'number' ? actual : null);
  const against = rolled !== undefined && h
    ? { previous: rolling12At(h, ind, previousPeriod(period)) ?? null, lastYear: rolling12At(h, ind, samePeriodLastYear(period)) ?? null }
    : undefined;
  const source = row.cell ? { file: row.file, sheet: row.sheet, cell: row.cell } : { file: row.file, sheet: row.sheet };
  const guarded = rolled !== undefined && h ? rollingSecondary(h, ind, period, row, shown, head) : undefined;
  if (guarded?.total) {
    return assemble(ind, head, {
      actual: HIDDEN, numerator: toValue(shown.numerator, ind, decimals, true), denominator: toValue(shown.denominator, ind, decimals, true),
      status: 'Withheld', rag: statusLabel('Withheld'), direction: NO_DIRECTION,
      commentary: row.commentary ?? '', action: row.action ?? '', dataPeriod: ctx.periodText, stale: false,
    }, { source, basis: 'Rolling 12 months' });
  }
  return assemble(ind, head, {
    actual: toValue(shown.actual, ind, decimals, false),
    numerator: toValue(shown.numerator, ind, decimals, true),
    denominator: toValue(shown.denominator, ind, decimals, true),
    status, rag: statusLabel(status),
    direction: direction(ctx, ind, row, now, shown, against),
    commentary: row.commentary ?? '', action: row.action ?? '',
    dataPeriod: ctx.periodText, stale: false,
  }, rolled !== undefined ? { source, basis: 'Rolling 12 months' } : { source });
}

const HIDDEN: CabinetValue = { text: SECONDARY_TEXT, suppressed: true };

/**
 * Secondary suppression across the Cabinet and Trends sheets (secondary.ts): a rolling 12-month
 * sum or mean is shown beside its quarters on the Trends sheet, so one hidden quarter would be the
 * total less the others. Hides further quarters in `head.trend` (or, when none is left, the total).
 */
function rollingSecondary(h: CabinetHistory, ind: Indicator, period: Period, row: ConsolidatedRow, shown: ShownValues, head: Mutable<RowHead>): { total: boolean } | undefined {
  const agg = aggregate(ind, h.history, period, row.actual, { numerator: row.numerator ?? null, denominator: row.denominator ?? null });
  if ((agg.method !== 'sum' && agg.method !== 'mean') || agg.value === null) return undefined;
  const here = formatPeriod(period);
  const trend = head.trend ?? [];
  const rawOf = (p: string): number | string | null | undefined => (p === here ? row.actual : valueAt(h.history, ind.id, p)?.actual);
  const s = suppressionOf(ind);
  const small = (v: number): boolean => s !== undefined && isSmallCount(v, s);
  const cells: DisclosureCell[] = [{ id: 'total', shown: shown.actual.kind === 'number', value: agg.value, sensitive: shown.actual.kind === 'suppressed' }];
  for (const p of agg.periods) {
    const t = trend.find((x) => x.period === p);
    const raw = rawOf(p);
    // A quarter not on the Trends sheet (this one, before it is recorded) is as hidden as a `<5`.
    const value = typeof raw === 'number' ? raw : 0;
    // This quarter's own value, when not small, is also in `consolidate --json` and the CSV: shown, and not ours to hide.
    const elsewhere = p === here && typeof raw === 'number' && !small(value);
    cells.push({ id: p, shown: t?.value.value !== undefined || elsewhere, value, sensitive: t?.value.suppressed === true || small(value), fixed: elsewhere });
  }
  const extra = secondarySuppression(cells, [{ total: 'total', parts: agg.periods }]);
  if (extra.length === 0) return undefined;
  head.trend = trend.map((t) => (extra.includes(t.period) ? { ...t, value: HIDDEN } : t));
  return { total: extra.includes('total') };
}

const isSecondary = (v: CabinetValue): boolean => v.suppressed && v.text === SECONDARY_TEXT;
/** Whether any of the row's values (its trend's too) is hidden only by secondary suppression; no list made per row. */
function hasSecondary(r: CabinetRow): boolean {
  if (isSecondary(r.actual) || isSecondary(r.numerator) || isSecondary(r.denominator)) return true;
  const trend = r.trend;
  if (trend) for (const t of trend) if (isSecondary(t.value)) return true;
  return false;
}

/** The Cabinet paper's content, every value already through suppression. Grouped by priority in catalogue order. */
export function cabinetModel(full: Catalogue, consolidation: Consolidation, options: CabinetOptions = {}): CabinetModel {
  const period = parsePeriod(consolidation.period);
  if (!period) throw new Error(`consolidation period is not a period: ${consolidation.period}`);
  const catalogue = effectiveCatalogue(full, period);
  const ctx: Ctx = { catalogue, period, periodText: formatPeriod(period), options };
  const byRef = new Map(consolidation.rows.map((r) => [r.ref.toUpperCase(), r]));
  const priorities = [...catalogue.priorities];
  for (const ind of catalogue.indicators) {
    if (!priorities.some((p) => p.id === ind.priority)) priorities.push({ id: ind.priority, title: ind.priority });
  }
  const conflicts = cabinetConflicts(catalogue, period, consolidation);
  const conflictNote = new Map(conflicts.map((c) => [c.ref.toUpperCase(), `Conflict: ${plural(c.values.length, 'return')} gave different values; see Conflicts.`]));
  const withConflict = (row: CabinetRow): CabinetRow => {
    const note = conflictNote.get(row.ref.toUpperCase());
    return note ? { ...row, conflict: note } : row;
  };
  const sections: CabinetSection[] = priorities
    .map((p) => {
      const rows = catalogue.indicators.filter((i) => i.priority === p.id).map((i) => withConflict(buildRow(ctx, i, byRef.get(i.id.toUpperCase()))));
      return { id: p.id, title: p.title, rows, counts: countsOf(rows.map(countedStatus)) };
    })
    .filter((s) => s.rows.length > 0);
  const all = sections.flatMap((s) => s.rows);
  // A retired indicator is no longer in the period's catalogue; the full one still names it.
  const title = (ref: string): string => (findIndicator(catalogue, ref) ?? findIndicator(full, ref) ?? (options.history ? findIndicator(options.history.catalogue, ref) : undefined))?.title ?? '';
  const since = options.previous?.period ? parsePeriod(options.previous.period) : undefined;
  return {
    organisation: catalogue.organisation,
    ...(options.scope ? { scope: options.scope } : {}),
    plan: catalogue.plan,
    catalogueVersion: catalogue.version,
    period: consolidation.period,
    generatedAt: options.generatedAt ?? '',
    sections,
    overall: countsOf(all.map(countedStatus)),
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
    trendPeriods: options.history ? (all[0]?.trend ?? []).map((t) => t.period) : [],
    conflicts,
    dataQuality: dataQuality(catalogue, period, consolidation, conflicts),
    secondarySuppressed: all.filter(hasSecondary).map((r) => r.ref),
  };
}
