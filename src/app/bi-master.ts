import type { CabinetOptions } from '../core/cabinet/model';
import { describeCatalogueError } from '../core/catalogue/lookup';
import type { Catalogue } from '../core/catalogue/schema';
import type { Consolidation } from '../core/consolidate-types';
import { addPeriod, type HistoryIssue } from '../core/history/add';
import { parseHistoryText } from '../core/history/parse';
import { historyComparison } from '../core/history/read';
import type { History } from '../core/history/schema';
import { historyIssueText } from '../core/messages';
import { parsePeriod } from '../core/period';

/**
 * The BI master policy, one rule for both faces:
 *
 * The BI master (a history .json) is the council's record of closed quarters. It is used only when
 * it is this council's (its organisation is the catalogue's). A quarter is compared against the
 * master as it will be once this quarter is recorded, and a quarter the master already holds as
 * closed is never silently replaced nor silently left out: it is refused, unless it is reopened
 * with a reason (`scorecard consolidate --history … --reopen --reason`), which keeps the old
 * values as a revision. The pane reads the master and never writes it, so it never reopens.
 */

export type MasterRead = { readonly ok: true; readonly history: History } | { readonly ok: false; readonly reason: string };

/** A master file's text, checked: valid, and this council's. */
export function readMaster(text: string, catalogue: Pick<Catalogue, 'organisation'> | undefined): MasterRead {
  const result = parseHistoryText(text);
  if (!result.ok) {
    const shown = result.errors.slice(0, 3).map(describeCatalogueError).join('; ');
    return { ok: false, reason: `not a BI master (history) file: ${shown}${result.errors.length > 3 ? `; and ${result.errors.length - 3} more` : ''}` };
  }
  return catalogue ? checkCouncil(result.history, catalogue) : { ok: true, history: result.history };
}

/** A master of another council is refused: its quarters would be read as this council's. */
export function checkCouncil(history: History, catalogue: Pick<Catalogue, 'organisation'>): MasterRead {
  const same = history.organisation.trim().toLowerCase() === catalogue.organisation.trim().toLowerCase();
  return same ? { ok: true, history } : { ok: false, reason: `the BI master of ${history.organisation}, not of ${catalogue.organisation} (the catalogue's council)` };
}

export interface RecordOptions {
  /** When the quarter is closed (ISO date-time). */
  readonly closedAt: string;
  readonly reopen?: boolean;
  readonly reason?: string;
}

export type Recorded =
  | { readonly ok: true; readonly history: History; readonly issues: readonly HistoryIssue[] }
  | { readonly ok: false; readonly issues: readonly HistoryIssue[] };

/** This quarter recorded in (a copy of) the master, or refused with the reason. */
export function recordQuarter(master: History, catalogue: Catalogue, c: Consolidation, options: RecordOptions): Recorded {
  const r = addPeriod(master, c, {
    closedAt: options.closedAt, catalogueVersion: catalogue.version,
    ...(options.reopen ? { reopen: true } : {}), ...(options.reason ? { reason: options.reason } : {}),
  });
  return r.issues.some((i) => i.severity === 'error') ? { ok: false, issues: r.issues } : { ok: true, history: r.history, issues: r.issues };
}

/** The Cabinet model's comparisons from a master that holds this quarter: direction of travel, trends, last year. */
export function masterComparison(history: History, catalogue: Catalogue, c: Consolidation): CabinetOptions {
  const period = parsePeriod(c.period);
  return period ? historyComparison(history, period, catalogue) : {};
}

/** The one-line reason a refusal gives, for either face. */
export function refusalText(issues: readonly HistoryIssue[]): string {
  return issues.filter((i) => i.severity === 'error').map(historyIssueText).join(' ');
}
