import type { Catalogue, Indicator, QualitativeStatus, Unit } from '../catalogue/schema';
import { QUALITATIVE_STATUSES } from '../catalogue/constants';
import { directionOfTravel, type Direction } from '../direction';
import { excelRound, to15 } from '../excel-round';
import type { Issue, IssueCode, Severity } from '../issues';
import type { MessageParams } from '../issues';
import { previousPeriod, type Period } from '../period';
import { rag, ragOfSuppressed, type RagStatus } from '../rag';
import type { ReadCell, ReturnRow, RowResult } from './types';
import { cellNumber, cellText, isBlankCell, shownText } from './values';
import { isDue, decimalsOf, targetFor, targetsToBeSet } from '../catalogue/accessors';

export type PreviousValue = (ref: string, period: Period) => number | QualitativeStatus | null | undefined;

export interface RowContext {
  readonly catalogue: Catalogue;
  readonly indicator: Indicator;
  readonly row: ReturnRow;
  /** Undefined when the return's period is unknown: then no RAG can be worked out. */
  readonly period?: Period;
  readonly previous?: PreviousValue;
  readonly issues: Issue[];
}

export const TEXT_LIMIT = 2000;

/** Units' scale from numerator/denominator to the actual; a rate's "per N" is not in the catalogue, so any usual N is accepted. */
const RATE_SCALES = [1, 100, 1000, 10000, 100000];

const UNIT_HINT: Readonly<Record<Unit, string>> = {
  percent: 'a percentage from 0 to 100, like 85',
  number: 'a number, like 120',
  days: 'a number of days, like 12.5',
  currency: 'an amount in pounds, like 1250',
  rate: 'a rate, like 4.2',
  score: 'a score, like 7.5',
};

function add(ctx: RowContext, severity: Severity, code: IssueCode, cell: string | undefined, params: MessageParams = {}): void {
  const ref = ctx.indicator.id;
  const period = periodText(ctx);
  ctx.issues.push({ severity, code, ref, ...(cell ? { cell } : {}), params: { ...(period ? { period } : {}), ...params } });
}

function periodText(ctx: RowContext): string | undefined {
  return ctx.period ? `${ctx.period.year} Q${ctx.period.quarter}` : undefined;
}

const filled = (c: ReadCell | undefined): c is ReadCell => c !== undefined && !isBlankCell(c.value);

function text(ctx: RowContext, cell: ReadCell | undefined, column: string): string | undefined {
  if (!filled(cell)) return undefined;
  const t = cellText(cell.value).trim();
  if (t.length > TEXT_LIMIT) add(ctx, 'warning', 'text-too-long', cell.address, { column, length: t.length, limit: TEXT_LIMIT });
  return t || undefined;
}

/** A numerator or denominator: a number, or null (with an issue when the cell holds something else). */
function part(ctx: RowContext, cell: ReadCell | undefined): number | null {
  const n = cellNumber(cell, ctx.indicator.unit);
  if (n.kind === 'number') return n.value;
  if (n.kind === 'error' && cell) add(ctx, 'error', n.code, cell.address, { shown: n.shown });
  return null;
}

function numericTarget(ind: Indicator, period: Period | undefined): number | undefined {
  if (!period) return undefined;
  const t = targetFor(ind, period.year);
  return t === null ? undefined : typeof t === 'number' ? t : t.max;
}

const STATUS_BY_TEXT: ReadonlyMap<string, QualitativeStatus> = new Map(QUALITATIVE_STATUSES.map((s) => [s.toLowerCase(), s]));

export function parseStatus(v: unknown): QualitativeStatus | undefined {
  if (typeof v !== 'string') return undefined;
  return STATUS_BY_TEXT.get(v.trim().toLowerCase().replace(/[-_]/g, ' ').replace(/\s+/g, ' '));
}

interface Measured {
  readonly value: number | null;
  readonly suppressed?: number;
  /** Something was typed (a value, a `<5`, or even an unreadable entry). */
  readonly given: boolean;
  readonly unreadable: boolean;
}

function checkNumber(ctx: RowContext, cell: ReadCell, value: number, percentCell: boolean, fromText: boolean): void {
  const ind = ctx.indicator;
  const r = ind.range;
  if ((r?.min !== undefined && value < r.min) || (r?.max !== undefined && value > r.max)) {
    add(ctx, 'error', 'out-of-range', cell.address, { value, ...(r?.min !== undefined ? { min: r.min } : {}), ...(r?.max !== undefined ? { max: r.max } : {}) });
  }
  const target = numericTarget(ind, ctx.period);
  if (ind.unit === 'percent' && !percentCell && value > 0 && value <= 1 && target !== undefined && target > 1) {
    add(ctx, 'warning', 'percent-as-fraction', cell.address, { value, target, suggestion: to15(value * 100) });
  }
  if (percentCell && !fromText && value > 100) add(ctx, 'warning', 'fraction-as-percent', cell.address, { value, suggestion: to15(value / 100) });
  const below = ind.suppressBelow;
  if (below && ((value >= 1 && value < below) || (value === 0 && ind.suppressZero))) add(ctx, 'warning', 'small-count', cell.address, { value, below });
}

function measure(ctx: RowContext): Measured {
  const { indicator: ind, row } = ctx;
  const cell = row.actual;
  const n = cellNumber(cell, ind.unit);
  let value: number | null = null;
  let suppressed: number | undefined;
  if (n.kind === 'error' && cell) add(ctx, 'error', n.code, cell.address, { shown: n.shown, expected: UNIT_HINT[ind.unit ?? 'number'] });
  if (n.kind === 'suppressed' && cell) {
    if (ind.suppressBelow) suppressed = n.below;
    else add(ctx, 'error', 'suppressed-not-allowed', cell.address, { shown: shownText(cell.value) });
  }
  if (n.kind === 'number' && cell) {
    value = n.value;
    checkNumber(ctx, cell, n.value, n.percent, n.fromText);
  }
  if (filled(row.status)) add(ctx, 'warning', 'status-for-quantitative', row.status.address, { shown: shownText(row.status.value) });
  const derived = fromParts(ctx, value, n.kind === 'blank');
  const given = n.kind !== 'blank' || derived !== undefined;
  const unreadable = n.kind === 'error' || (n.kind === 'suppressed' && suppressed === undefined);
  // The spread's fields in its order, without an object made per row to spread.
  return suppressed !== undefined ? { value: derived ?? value, suppressed, given, unreadable } : { value: derived ?? value, given, unreadable };
}

/** Check Actual against Numerator / Denominator; returns the worked-out actual when Actual is blank. */
function fromParts(ctx: RowContext, actual: number | null, actualBlank: boolean): number | undefined {
  const { indicator: ind, row } = ctx;
  const num = part(ctx, row.numerator);
  const den = part(ctx, row.denominator);
  if (den === 0 && row.denominator) {
    add(ctx, 'error', 'denominator-zero', row.denominator.address);
    return undefined;
  }
  if (num === null || den === null) return undefined;
  const where = row.actual?.address ?? row.numerator?.address;
  if (ind.unit === 'percent' && num > den) add(ctx, 'error', 'numerator-exceeds-denominator', row.numerator?.address, { numerator: num, denominator: den });
  const dp = decimalsOf(ind, ctx.catalogue.defaults);
  const scales = ind.unit === 'percent' ? [100] : ind.unit === 'rate' ? RATE_SCALES : [1];
  const candidates = scales.map((s) => to15((num / den) * s));
  const first = candidates[0] ?? 0;
  const params = { numerator: num, denominator: den, derived: excelRound(first, dp) };
  if (actual !== null) {
    if (!candidates.some((c) => excelRound(c, dp) === excelRound(actual, dp))) add(ctx, 'error', 'numerator-denominator-mismatch', where, { ...params, value: actual });
    return undefined;
  }
  if (!actualBlank || scales.length > 1) return undefined;
  add(ctx, 'warning', 'numerator-denominator-mismatch', where, params);
  return first;
}

function checkTarget(ctx: RowContext): void {
  const { indicator: ind, row, period } = ctx;
  if (!period || !filled(row.target)) return;
  const n = cellNumber(row.target, ind.unit);
  if (n.kind !== 'number') return;
  const t = targetFor(ind, period.year);
  if (t !== null && typeof t !== 'number') return;
  const dp = decimalsOf(ind, ctx.catalogue.defaults);
  // A percentage target typed as 0.8 in a plain cell means 80.
  const v = ind.unit === 'percent' && !n.percent && n.value > 0 && n.value <= 1 && (t ?? 0) > 1 ? to15(n.value * 100) : n.value;
  if (t === null || excelRound(v, dp) !== excelRound(t, dp)) add(ctx, 'warning', 'target-edited', row.target.address, { shown: shownText(row.target.value), target: t ?? 'none' });
}

function qualitative(ctx: RowContext): { status?: QualitativeStatus; given: boolean; unreadable: boolean } {
  const { row } = ctx;
  // Leads without a Status column type the status into Actual.
  const source = filled(row.status) ? row.status : filled(row.actual) ? row.actual : undefined;
  if (!source) return { given: false, unreadable: false };
  const status = parseStatus(source.value);
  if (!status) add(ctx, 'error', 'bad-status', source.address, { shown: shownText(source.value) });
  return { ...(status ? { status } : {}), given: true, unreadable: !status };
}

function direction(ctx: RowContext, now: number | QualitativeStatus | null | undefined): Direction {
  const { period, previous, indicator: ind } = ctx;
  if (!period || !previous || now === null || now === undefined) return '';
  const before = previous(ind.id, previousPeriod(period));
  return directionOfTravel(ind, now, before, period.year, ctx.catalogue.defaults);
}

/** Validate one row of a known indicator: issues go to ctx.issues; the row's result is returned. */
export function validateRow(ctx: RowContext): RowResult {
  const { indicator: ind, row, period, catalogue } = ctx;
  const defaults = catalogue.defaults;
  const cell = row.actual?.address;
  const isQual = ind.kind === 'qualitative';
  const q = isQual ? qualitative(ctx) : undefined;
  const m = isQual ? undefined : measure(ctx);
  if (!isQual) checkTarget(ctx);
  if (targetsToBeSet(ind)) add(ctx, 'warning', 'target-to-be-set', row.target?.address ?? row.refCell.address);
  const given = q?.given ?? m?.given ?? false;
  const unreadable = q?.unreadable ?? m?.unreadable ?? false;
  let status: RagStatus = 'Missing';
  if (period) {
    const due = isDue(ind, period);
    if (!due && given) add(ctx, 'warning', 'not-due-value', (isQual && filled(row.status) ? row.status.address : cell) ?? row.refCell.address);
    if (due && !given) add(ctx, 'error', 'missing', (isQual ? row.status?.address ?? cell : cell) ?? row.refCell.address);
    if (m?.suppressed !== undefined) {
      const r = ragOfSuppressed({ indicator: ind, period, ...(defaults ? { defaults } : {}) }, m.suppressed);
      if (!r) add(ctx, 'warning', 'suppressed-rag-unknown', cell, { below: m.suppressed });
      status = r?.status ?? 'Tracking';
    } else if (!unreadable || !due) {
      // The same input as `{ indicator, period, ...(defaults ? { defaults } : {}), actual, status }`, without a spread per row.
      const actual = m?.value ?? null;
      const qs = q?.status ?? null;
      status = rag(defaults ? { indicator: ind, period, defaults, actual, status: qs } : { indicator: ind, period, actual, status: qs }).status;
    }
  }
  const commentary = text(ctx, row.commentary, 'commentary');
  const action = text(ctx, row.action, 'action');
  if (status === 'Red' || status === 'Amber') {
    if (!commentary) add(ctx, 'error', 'commentary-required', row.commentary?.address ?? cell, { status });
    if (!action) add(ctx, 'error', 'action-required', row.action?.address ?? cell, { status });
  }
  const actual = m?.suppressed !== undefined ? `<${m.suppressed}` : (m?.value ?? null);
  const num = row.numerator ? cellNumber(row.numerator, ind.unit) : undefined;
  const den = row.denominator ? cellNumber(row.denominator, ind.unit) : undefined;
  // Fields in the order the spreads gave them (a result's JSON is the same), without an object per optional field.
  const dir = direction(ctx, isQual ? q?.status : m?.value);
  const out: { -readonly [K in keyof RowResult]: RowResult[K] } = q?.status
    ? { ref: ind.id, actual, qualitative: q.status, status, direction: dir }
    : { ref: ind.id, actual, status, direction: dir };
  if (num && !isQual) out.numerator = num.kind === 'number' ? num.value : null;
  if (den && !isQual) out.denominator = den.kind === 'number' ? den.value : null;
  if (commentary) out.commentary = commentary;
  if (action) out.action = action;
  if (cell) out.cell = cell;
  out.row = row.row;
  return out;
}
