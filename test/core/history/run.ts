import { defaultCatalogue } from '../../../src/catalogue';
import { effectiveCatalogue } from '../../../src/core/catalogue/effective';
import { findIndicator } from '../../../src/core/catalogue/parse';
import { QUALITATIVE_STATUSES, type Catalogue, type QualitativeStatus } from '../../../src/core/catalogue/schema';
import { consolidate } from '../../../src/core/consolidate';
import type { Consolidation } from '../../../src/core/consolidate-types';
import { addPeriod, type HistoryIssue } from '../../../src/core/history/add';
import { emptyHistory } from '../../../src/core/history/parse';
import type { History } from '../../../src/core/history/schema';
import { formatPeriod, makePeriod, periodEndDate, type Period } from '../../../src/core/period';
import { rag, ragOfSuppressed } from '../../../src/core/rag';
import { ragCounts } from '../../../src/core/return/counts';
import type { RowResult, ValidationResult } from '../../../src/core/return/types';
import { seededRandom } from '../../../src/core/sample/returns';
import { isDue } from '../../../src/core/catalogue/accessors';

/** A value a lead typed: a number, a suppressed count, a status, or blank. */
export type Entry = number | `<${number}` | QualitativeStatus | null;

/** 2023-24 Q1 … 2025-26 Q4. */
export const QUARTERS: readonly Period[] = [2023, 2024, 2025].flatMap((y) => [1, 2, 3, 4].map((q) => makePeriod(y, q)));

export const REASON = 'Simulated change for the three-year run';
export const AUTHORITY = 'Delegated: Director of Finance, following consultation with the Portfolio Holder';

/**
 * The embedded default plus what a BI team does in three years: CS01's 2024-25 target raised from 82
 * to 84 on 1 November 2024 (mid-year, Q3), and ENF02 retired on 10 February 2025 (2024-25 Q4), each logged.
 * CS05 is the default's own addition (2023-24 Q3).
 */
export function runCatalogue(): Catalogue {
  const cat = defaultCatalogue();
  const cs01 = findIndicator(cat, 'CS01');
  if (!cs01?.targets) throw new Error('CS01 has no targets');
  const indicators = cat.indicators.map((i) => (i.id === 'CS01' ? { ...i, targets: { ...i.targets, '2024-25': 84 } } : i));
  const changes = [
    ...(cat.changes ?? []),
    { date: '2024-11-01', indicator: 'CS01', change: 'target' as const, year: '2024-25', from: 82, to: 84, reason: REASON, authority: AUTHORITY },
    { date: '2025-02-10', indicator: 'ENF02', change: 'removed' as const, from: 'Fixed penalty notices issued', reason: REASON, authority: AUTHORITY },
  ];
  return { ...cat, version: '2025-02-10', indicators, changes };
}

/** Planted values, by `ref@period`; everything else is generated near the period's target. */
export const PLANTED: Readonly<Record<string, Entry>> = {
  'CS01@2024-25 Q2': 83, // Green against 82
  'CS01@2024-25 Q3': 83, // Amber against the raised 84
  'CS01@2024-25 Q4': 83,
  'CS01@2025-26 Q2': 86,
  'CS01@2025-26 Q3': 85,
  'REV01@2024-25 Q1': 30, // year to date: Green against the Q1 profile 29.6, Red against 96.8
  'PKS01@2024-25 Q2': 6, // annual, due Q2: Green against 6, would be Red against 2025-26's 7
  'RSF01@2023-24 Q4': '<5',
  // HR01 is reported as the 12 months to the quarter end.
  'HR01@2024-25 Q1': 8.4, 'HR01@2024-25 Q2': 8.3, 'HR01@2024-25 Q3': 8.1, 'HR01@2024-25 Q4': 7.9,
  'ENV03@2025-26 Q1': null, // a blank: Missing
};

function generated(cat: Catalogue, ref: string, period: Period, k: number): Entry {
  const ind = findIndicator(cat, ref);
  if (!ind) return null;
  const rnd = seededRandom(k * 7919 + ref.split('').reduce((s, c) => s * 31 + c.charCodeAt(0), 7));
  if (ind.kind === 'qualitative') return QUALITATIVE_STATUSES[Math.floor(rnd() * 3)] as QualitativeStatus;
  const t = ind.targets?.[period.year];
  const base = typeof t === 'number' ? t : t ? (t.min + t.max) / 2 : 50;
  const v = Math.round(base * (0.9 + rnd() * 0.2) * 10) / 10;
  const bounded = Math.min(ind.range?.max ?? Infinity, Math.max(ind.range?.min ?? 0, v));
  if (ind.unit === 'number') {
    const n = Math.round(bounded);
    return ind.suppressBelow && n > 0 && n < ind.suppressBelow ? `<${ind.suppressBelow}` : n;
  }
  return bounded;
}

/** One signed-off return with every due indicator of the period's effective catalogue, rated as validation would. */
export function returnFor(full: Catalogue, period: Period, k: number, override: Readonly<Record<string, Entry>> = {}): Consolidation {
  const cat = effectiveCatalogue(full, period);
  const label = formatPeriod(period);
  const rows: RowResult[] = cat.indicators.filter((i) => isDue(i, period)).map((ind, n) => {
    const key = `${ind.id}@${label}`;
    const entry = key in override ? (override[key] as Entry) : key in PLANTED ? (PLANTED[key] as Entry) : generated(cat, ind.id, period, k);
    const defaults = cat.defaults ? { defaults: cat.defaults } : {};
    const isStatus = typeof entry === 'string' && !entry.startsWith('<');
    const status = typeof entry === 'string' && entry.startsWith('<')
      ? (ragOfSuppressed({ indicator: ind, period, ...defaults }, Number(entry.slice(1)))?.status ?? 'Tracking')
      : rag({ indicator: ind, period, ...defaults, actual: typeof entry === 'number' ? entry : null, status: isStatus ? (entry as QualitativeStatus) : null }).status;
    return {
      ref: ind.id, actual: isStatus ? null : entry, ...(isStatus ? { qualitative: entry as QualitativeStatus } : {}), status, direction: '',
      ...(status === 'Red' || status === 'Amber' ? { commentary: 'Behind plan', action: 'Recovery plan agreed' } : {}),
      cell: `Return!D${n + 6}`, row: n + 6,
    };
  });
  const validation: ValidationResult = {
    sheet: 'Return', period: label, rows, issues: [], counts: ragCounts(rows.map((r) => r.status)),
    signOff: { ready: true, signedOffBy: 'A Manager', cells: {} }, signOffState: 'signed-off', entriesFingerprint: '',
  };
  return consolidate(cat, period, [{ file: `all-services-${label.replace(' ', '-')}.xlsx`, validation }]);
}

export interface Run {
  readonly catalogue: Catalogue;
  readonly history: History;
  /** History after each quarter was closed, in order. */
  readonly snapshots: readonly History[];
  readonly issues: readonly HistoryIssue[];
}

/** Close twelve quarters in turn, each a few days after its end. */
export function simulate(catalogue: Catalogue = runCatalogue()): Run {
  let history = emptyHistory(catalogue.organisation);
  const snapshots: History[] = [];
  const issues: HistoryIssue[] = [];
  QUARTERS.forEach((period, k) => {
    const closedAt = `${periodEndDate(period)}T17:00:00Z`;
    const r = addPeriod(history, returnFor(catalogue, period, k), { closedAt, catalogueVersion: catalogue.version });
    history = r.history;
    issues.push(...r.issues);
    snapshots.push(history);
  });
  return { catalogue, history, snapshots, issues };
}
