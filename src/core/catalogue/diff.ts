import { formatLoose } from '../format';
import { changeYear } from './effective';
import type { Catalogue, CatalogueChange, ChangeKind, Indicator } from './schema';

import { decimalsOf, toleranceOf } from './accessors';
/** One difference between two catalogues, in the change log's own words (`change`, `year`, `from`, `to`). */
export interface DiffEntry {
  readonly indicator: string;
  readonly change: ChangeKind;
  /** For target and floor changes: the financial year. */
  readonly year?: string;
  /** For `other`: the field that changed. */
  readonly field?: string;
  readonly from?: unknown;
  readonly to?: unknown;
  /** Where it is in the new catalogue (`indicators[3].targets["2024-25"]`); in the old one for a removal. */
  readonly path: string;
}

export interface CatalogueDiff {
  readonly entries: readonly DiffEntry[];
}

/** Stable text of a JSON value (keys sorted), so equal values compare equal whatever their key order. */
export function stableJson(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`).join(',')}}`;
}

const equal = (a: unknown, b: unknown): boolean => stableJson(a) === stableJson(b);
const upper = (s: string): string => s.trim().toUpperCase();

/** Fields that change what is reported or how it is rated, logged as `other` with their name. */
const OTHER_FIELDS = ['kind', 'unit', 'frequency', 'dueQuarters', 'range', 'suppressBelow', 'suppressZero', 'aggregation', 'targetProfile', 'blue', 'priority'] as const;

function yearsOf(a: Readonly<Record<string, unknown>> | undefined, b: Readonly<Record<string, unknown>> | undefined): string[] {
  return [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort();
}

function indicatorDiff(old: Indicator, now: Indicator, oldCat: Catalogue, newCat: Catalogue, at: string): DiffEntry[] {
  const out: DiffEntry[] = [];
  const id = now.id;
  const push = (change: ChangeKind, from: unknown, to: unknown, path: string, extra: { year?: string; field?: string } = {}): void => {
    if (!equal(from, to)) out.push({ indicator: id, change, ...extra, from, to, path });
  };
  if (old.title.trim() !== now.title.trim()) out.push({ indicator: id, change: 'title', from: old.title, to: now.title, path: `${at}.title` });
  if ((old.definition ?? '').trim() !== (now.definition ?? '').trim()) {
    out.push({ indicator: id, change: 'definition', from: old.definition ?? null, to: now.definition ?? null, path: `${at}.definition` });
  }
  push('polarity', old.polarity ?? null, now.polarity ?? null, `${at}.polarity`);
  for (const year of yearsOf(old.targets, now.targets)) {
    push('target', old.targets?.[year] ?? null, now.targets?.[year] ?? null, `${at}.targets["${year}"]`, { year });
  }
  for (const year of yearsOf(old.floor, now.floor)) {
    push('floor', old.floor?.[year] ?? null, now.floor?.[year] ?? null, `${at}.floor["${year}"]`, { year });
  }
  // Tolerance and decimals as they apply, so a change to the catalogue's defaults shows on each indicator it moves.
  if (now.kind === 'quantitative' || old.kind === 'quantitative') {
    push('tolerance', toleranceOf(old, oldCat.defaults), toleranceOf(now, newCat.defaults), `${at}.tolerance`);
    push('other', decimalsOf(old, oldCat.defaults), decimalsOf(now, newCat.defaults), `${at}.decimals`, { field: 'decimals' });
  }
  for (const field of OTHER_FIELDS) push('other', old[field] ?? null, now[field] ?? null, `${at}.${field}`, { field });
  return out;
}

/** What changed from `old` to `now`: additions and removals, then each kept indicator's changes, in the new catalogue's order. */
export function diffCatalogues(old: Catalogue, now: Catalogue): CatalogueDiff {
  const before = new Map(old.indicators.map((ind, i) => [upper(ind.id), { ind, i }]));
  const after = new Set(now.indicators.map((ind) => upper(ind.id)));
  const entries: DiffEntry[] = [];
  now.indicators.forEach((ind, i) => {
    const at = `indicators[${i}]`;
    const was = before.get(upper(ind.id));
    if (!was) entries.push({ indicator: ind.id, change: 'added', to: ind.title, path: at });
    else entries.push(...indicatorDiff(was.ind, ind, old, now, at));
  });
  old.indicators.forEach((ind, i) => {
    if (!after.has(upper(ind.id))) entries.push({ indicator: ind.id, change: 'removed', from: ind.title, path: `indicators[${i}]` });
  });
  return { entries };
}

export type ChangeLogCode = 'change-not-logged' | 'change-log-incomplete' | 'change-log-mismatch';

/** Issue-like: severity, a stable code, the ref, and a sentence for the BI team. */
export interface ChangeLogIssue {
  readonly severity: 'error' | 'warning';
  readonly code: ChangeLogCode;
  readonly ref: string;
  readonly change: ChangeKind;
  readonly year?: string;
  readonly path: string;
  readonly message: string;
}

function describe(e: DiffEntry): string {
  const what = e.change === 'other' ? `${e.field ?? 'a field'}` : e.change === 'target' || e.change === 'floor' ? `${e.year} ${e.change}` : e.change;
  if (e.change === 'added') return `${e.indicator} was added`;
  if (e.change === 'removed') return `${e.indicator} was removed`;
  return `${e.indicator}'s ${what} changed from ${formatLoose(e.from) || '(none)'} to ${formatLoose(e.to) || '(none)'}`;
}

/** A log entry for this difference: same indicator (or `*` for the whole catalogue), kind, and year or field. */
function matches(c: CatalogueChange, e: DiffEntry): boolean {
  if (c.change !== e.change) return false;
  if (c.indicator.trim() !== '*' && upper(c.indicator) !== upper(e.indicator)) return false;
  if (e.year !== undefined) return changeYear(c) === e.year;
  const field = (c as { field?: unknown }).field;
  return e.field === undefined || field === undefined || field === e.field;
}

/**
 * Every difference between the catalogues needs a new entry in `now.changes` (one `old` did not have)
 * with date, reason and authority: the seed's "clearly identified" changes under delegated authority.
 * An entry whose `from`/`to` disagree with the catalogues is a warning (the log would mislead).
 */
export function checkChangeLog(old: Catalogue, now: Catalogue): ChangeLogIssue[] {
  const known = new Set((old.changes ?? []).map(stableJson));
  const fresh = (now.changes ?? []).filter((c) => !known.has(stableJson(c)));
  const out: ChangeLogIssue[] = [];
  for (const e of diffCatalogues(old, now).entries) {
    const base = { ref: e.indicator, change: e.change, ...(e.year ? { year: e.year } : {}), path: e.path };
    const entry = fresh.find((c) => matches(c, e));
    if (!entry) {
      out.push({ ...base, severity: 'error', code: 'change-not-logged', message: `${describe(e)}, and the change log has no new entry for it (date, reason and authority).` });
      continue;
    }
    const lacking = (['date', 'reason', 'authority'] as const).filter((k) => typeof entry[k] !== 'string' || entry[k].trim() === '');
    if (lacking.length > 0) {
      out.push({ ...base, severity: 'error', code: 'change-log-incomplete', message: `${describe(e)}; its change log entry has no ${lacking.join(', ')}.` });
    }
    const wrongTo = e.to !== undefined && entry.to !== undefined && e.change !== 'added' && !equal(entry.to, e.to);
    const wrongFrom = e.from !== undefined && entry.from !== undefined && e.change !== 'removed' && !equal(entry.from, e.from);
    if (wrongTo || wrongFrom) {
      out.push({ ...base, severity: 'warning', code: 'change-log-mismatch', message: `${describe(e)}, but its change log entry says ${formatLoose(entry.from) || '(none)'} to ${formatLoose(entry.to) || '(none)'}.` });
    }
  }
  return out;
}
