import { decimalsOf, isDue } from '../catalogue/accessors';
import { findIndicator } from '../catalogue/lookup';
import type { Catalogue } from '../catalogue/schema';
import type { ConflictReason, Consolidation } from '../consolidate-types';
import { conflictSettledText } from '../messages';
import type { Period } from '../period';
import { rag, type RagStatus } from '../rag';
import { SIGN_OFF_WORDS, signOffSummary, type SignOffSummary } from '../return/signoff';
import { plural } from '../words';
import { statusLabel } from './labels';
import { shownStatus, suppressValues, type ShownStatus } from './suppress';
import { toValue, type CabinetValue } from './value';

/**
 * How far the paper's figures can be relied on, for the member reading it: the Cabinet sheet's
 * Conflicts section and data-quality note, and the pane's preview of them. Everything here comes
 * from the consolidation and the period's catalogue; every value shown has been through suppression.
 */

/** One return's value for an indicator two returns gave differently, as the paper shows it. */
export interface CabinetConflictValue {
  readonly file: string;
  /** `Return!H17`, or '' when the reader did not say. */
  readonly cell: string;
  /** Through suppression: a small count is `<5` here as everywhere. */
  readonly actual: CabinetValue;
  readonly status: ShownStatus;
  /** `▲ Amber`. */
  readonly rag: string;
  /** The return's sign-off state in words (`Signed off`, `Ready, not signed off`). */
  readonly signOff: string;
  readonly used: boolean;
}

export interface CabinetConflict {
  readonly ref: string;
  readonly title: string;
  readonly service: string;
  /** Every value given, in the order the returns were given. */
  readonly values: readonly CabinetConflictValue[];
  readonly reason: ConflictReason;
  /** `Used 93.5 from customer-services.xlsx because it came first of the returns signed off.` */
  readonly settled: string;
}

export interface DataQualityLine {
  /** `Returns`, `Sign-off`, `Conflicts` … */
  readonly label: string;
  readonly text: string;
}

export interface DataQuality {
  /** Services with at least one indicator due this period, in catalogue order: one return expected from each. */
  readonly expected: readonly string[];
  /** Of those, how many sent a return for this period (gave any of their indicators). */
  readonly received: number;
  /** Expected services no return gave anything for, with how many of their indicators were due. */
  readonly missingServices: readonly { readonly service: string; readonly due: number }[];
  /** Sign-off across the returns received for the period (core signOffSummary, as the command line reports it). */
  readonly signOff: SignOffSummary;
  /** Returns left out because they hold another period. */
  readonly otherPeriod: readonly { readonly file: string; readonly period: string }[];
  readonly conflicts: number;
  /** The note in words, the same on the sheet and in the pane. */
  readonly lines: readonly DataQualityLine[];
  /** The one-line version for the top of the sheet. */
  readonly headline: string;
}

/** The paper's view of each conflict: every value through suppression, which was used and why. */
export function cabinetConflicts(catalogue: Catalogue, period: Period, consolidation: Consolidation): CabinetConflict[] {
  const defaults = catalogue.defaults;
  const out: CabinetConflict[] = [];
  for (const c of consolidation.conflicts) {
    const ind = findIndicator(catalogue, c.ref);
    if (!ind) continue;
    const decimals = decimalsOf(ind, defaults);
    const statusOf = (v: number): RagStatus => rag({ indicator: ind, period, ...(defaults ? { defaults } : {}), actual: v }).status;
    const values = c.values.map((v): CabinetConflictValue => {
      const shown = ind.kind === 'qualitative'
        ? { actual: typeof v.actual === 'string' ? ({ kind: 'text', text: v.actual } as const) : ({ kind: 'blank' } as const) }
        : suppressValues(ind, { actual: v.actual, numerator: v.numerator ?? null, denominator: v.denominator ?? null });
      const status = shownStatus(v.status as RagStatus, 'possible' in shown ? shown.possible : undefined, statusOf);
      return {
        file: v.file, cell: v.cell ?? '', actual: toValue(shown.actual, ind, decimals, false),
        status, rag: statusLabel(status), signOff: SIGN_OFF_WORDS[v.signOffState], used: v.used,
      };
    });
    const used = values.find((v) => v.used);
    const settled = used ? conflictSettledText(c.reason, used.file, used.actual.text) : '';
    out.push({ ref: ind.id, title: ind.title, service: ind.service, values, reason: c.reason, settled });
  }
  return out;
}

const list = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`);

/**
 * Returns received of expected (one from each service with indicators due), sign-off, edits after
 * sign-off, missing returns, conflicts and how each was settled, returns left out for another period.
 */
export function dataQuality(catalogue: Catalogue, period: Period, consolidation: Consolidation, conflicts: readonly CabinetConflict[]): DataQuality {
  const missing = new Set(consolidation.missing.map((r) => r.toUpperCase()));
  const services = new Map<string, { due: number; missing: number }>();
  for (const ind of catalogue.indicators) {
    if (!isDue(ind, period)) continue;
    const s = services.get(ind.service) ?? { due: 0, missing: 0 };
    s.due += 1;
    if (missing.has(ind.id.toUpperCase())) s.missing += 1;
    services.set(ind.service, s);
  }
  const expected = [...services.keys()];
  const missingServices = [...services].filter(([, s]) => s.missing === s.due).map(([service, s]) => ({ service, due: s.due }));
  const received = expected.length - missingServices.length;
  const signOff = signOffSummary(consolidation.files, consolidation.period);
  const otherPeriod = consolidation.files
    .filter((f) => f.sheet !== '' && f.period !== null && f.period !== consolidation.period)
    .map((f) => ({ file: f.file, period: f.period as string }));

  const lines: DataQualityLine[] = [];
  lines.push({
    label: 'Returns received',
    text: expected.length === 0
      ? `No indicator is due in ${consolidation.period}, so no return was expected.`
      : `${received} of ${plural(expected.length, 'return')} received: one is expected from each service with indicators due in ${consolidation.period}.`,
  });
  lines.push({
    label: 'Not received',
    text: missingServices.length === 0
      ? 'None: every service with indicators due sent a return.'
      : `${list(missingServices.map((m) => `${m.service} (${plural(m.due, 'indicator')} due)`))} sent no return; ${missingServices.length === 1 && (missingServices[0]?.due ?? 0) === 1 ? 'its indicator is' : 'those indicators are'} shown as Missing.`,
  });
  const waiting = signOff.notSignedOff.length;
  const ready = signOff.readyForSignOff.length;
  lines.push({
    label: 'Signed off',
    text: `${signOff.signedOff} of ${plural(signOff.received, 'return')} signed off${waiting > 0 ? `; ${waiting} not yet (${ready} marked ready, ${waiting - ready} not marked ready)` : ''}.`,
  });
  const edited = signOff.editedAfterSignOff;
  lines.push({
    label: 'Edited after sign-off',
    text: edited.length === 0
      ? 'None.'
      : `${plural(edited.length, 'return')} changed after sign-off, so ${edited.length === 1 ? 'it is' : 'they are'} not counted as signed off: ${list(edited)}.`,
  });
  lines.push({
    label: 'Conflicts',
    text: conflicts.length === 0
      ? 'None: no two returns gave different values for the same indicator.'
      : `${plural(conflicts.length, 'indicator')} given differently by two or more returns (every value is in the Conflicts section).`,
  });
  for (const c of conflicts) lines.push({ label: `Conflict ${c.ref}`, text: c.settled });
  lines.push({
    label: 'Other periods',
    text: otherPeriod.length === 0
      ? 'None left out: every return received is for this period.'
      : `${plural(otherPeriod.length, 'return')} left out for holding another period: ${list(otherPeriod.map((o) => `${o.file} (${o.period})`))}.`,
  });

  const parts = [
    expected.length > 0 ? `${received} of ${plural(expected.length, 'return')} received` : 'no return expected',
    `${signOff.signedOff} of ${signOff.received} signed off`,
    ...(edited.length > 0 ? [`${edited.length} edited after sign-off`] : []),
    ...(missingServices.length > 0 ? [`${plural(missingServices.length, 'service')} missing`] : []),
    plural(conflicts.length, 'conflict'),
    ...(otherPeriod.length > 0 ? [`${plural(otherPeriod.length, 'return')} for another period left out`] : []),
  ];
  return {
    expected, received, missingServices, signOff, otherPeriod, conflicts: conflicts.length, lines,
    headline: `Data quality: ${parts.join(' · ')}. Details after the table.`,
  };
}
