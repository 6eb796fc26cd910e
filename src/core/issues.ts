/**
 * Validation issues: values, never exceptions. Codes are stable (the CLI's JSON and the task pane
 * share them). An issue carries its code and parameters; the English text is made from them where
 * it is read (`issueText` in `messages.ts`), apart from the rules.
 */
export const ISSUE_CODES = [
  // the sheet as a whole
  'no-return-sheet', 'no-header', 'missing-column', 'duplicate-column', 'no-period', 'bad-period', 'period-mismatch',
  // one row
  'unknown-ref', 'duplicate-ref', 'missing', 'not-a-number', 'error-value', 'date-value', 'out-of-range',
  'percent-as-fraction', 'fraction-as-percent', 'suppressed-not-allowed', 'small-count', 'suppressed-rag-unknown',
  'numerator-denominator-mismatch', 'denominator-zero', 'numerator-exceeds-denominator', 'bad-status',
  'status-for-quantitative', 'commentary-required', 'action-required', 'target-edited', 'not-due-value',
  'too-many-decimals', 'text-too-long', 'target-to-be-set',
  // sign-off
  'not-signed-off', 'edited-after-signoff',
  // consolidation
  'conflict', 'missing-return', 'missing-indicator', 'unreadable-file', 'cell-text-cut',
  // the workbook in Excel
  'colours-not-updated',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type Severity = 'error' | 'warning';

/** What a rule found, as data: the words are made from these at the edge (`issueText` in `messages.ts`). */
export interface MessageParams {
  readonly ref?: string;
  readonly cell?: string;
  readonly sheet?: string;
  readonly file?: string;
  readonly column?: string;
  /** Where the first copy of a duplicated column or ref is. */
  readonly first?: string;
  /** What the cell held, as shown. */
  readonly shown?: string;
  readonly period?: string;
  readonly expected?: string;
  readonly value?: number | string;
  readonly suggestion?: number | string;
  readonly min?: number;
  readonly max?: number;
  readonly below?: number;
  readonly target?: number | string;
  readonly numerator?: number;
  readonly denominator?: number;
  readonly derived?: number | string;
  readonly status?: string;
  readonly length?: number;
  readonly limit?: number;
  readonly service?: string;
  readonly decimals?: number;
  readonly count?: number;
  readonly blankRef?: boolean;
  /** A conflict: what each return gave, and which file was used and why. */
  readonly given?: readonly { readonly file: string; readonly where: string; readonly shown: string }[];
  readonly chosen?: string;
  readonly reason?: ConflictReason;
  /** An ISO date or date-time (a quarter's closing), shown to people as `4 December 2026`. */
  readonly date?: string;
  /** Consolidation's own finding (a whole return left out, a ref no return gave), not a lead's sheet. */
  readonly consolidating?: boolean;
}

/**
 * Why a conflict was settled as it was (consolidate's rule): `signed-off`, the only return signed off;
 * `first-signed-off`, the first given of several signed off; `first-given`, none signed off, the
 * first given. The words are `conflictReasonText` (core/messages), for every face.
 */
export type ConflictReason = 'signed-off' | 'first-signed-off' | 'first-given';

export interface Issue {
  readonly severity: Severity;
  readonly code: IssueCode;
  /** The indicator ref, when the issue is about one. */
  readonly ref?: string;
  /** `Return!F12`, when the issue is about one cell. */
  readonly cell?: string;
  /** The file, for issues from the CLI or consolidation. */
  readonly file?: string;
  /** What the message needs besides the ref and cell; rendered by `issueText(issue, { place })`. */
  readonly params: MessageParams;
}

/** The history file's codes (closing a quarter), which the return issue list does not have. */
export type HistoryIssueCode = 'bad-period' | 'period-closed' | 'nothing-to-reopen' | 'reopen-without-reason' | 'closed-with-errors' | 'text-actual-dropped';

/** Issue-like, with history codes; the words are `historyIssueText` in `messages.ts`. */
export interface HistoryIssue {
  readonly severity: Severity;
  readonly code: HistoryIssueCode;
  readonly period?: string;
  readonly ref?: string;
  readonly params: MessageParams;
}

const ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1 };

/** Errors first (they block sign-off), each group in the order the rules found them (sheet order). */
export function errorsFirst<T extends { readonly severity: Severity }>(issues: readonly T[]): T[] {
  return issues.map((issue, i) => ({ issue, i }))
    .sort((a, b) => ORDER[a.issue.severity] - ORDER[b.issue.severity] || a.i - b.i)
    .map((x) => x.issue);
}

export function errorCount(issues: readonly Issue[]): number {
  return issues.reduce((n, i) => n + (i.severity === 'error' ? 1 : 0), 0);
}
