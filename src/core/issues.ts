/**
 * Validation issues: values, never exceptions. Codes are stable (the CLI's JSON and the task pane
 * share them); the English text lives in `messages.ts`, apart from the rules.
 */
export const ISSUE_CODES = [
  // the sheet as a whole
  'no-return-sheet', 'no-header', 'missing-column', 'duplicate-column', 'no-period', 'bad-period', 'period-mismatch',
  // one row
  'unknown-ref', 'duplicate-ref', 'missing', 'not-a-number', 'error-value', 'date-value', 'out-of-range',
  'percent-as-fraction', 'fraction-as-percent', 'suppressed-not-allowed', 'small-count', 'suppressed-rag-unknown',
  'numerator-denominator-mismatch', 'denominator-zero', 'numerator-exceeds-denominator', 'bad-status',
  'status-for-quantitative', 'commentary-required', 'action-required', 'target-edited', 'not-due-value',
  'too-many-decimals', 'text-too-long',
  // sign-off
  'not-signed-off', 'edited-after-signoff',
  // consolidation
  'conflict', 'missing-return', 'missing-indicator', 'unreadable-file',
  // the workbook in Excel
  'colours-not-updated',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type Severity = 'error' | 'warning';

export interface Issue {
  readonly severity: Severity;
  readonly code: IssueCode;
  /** The indicator ref, when the issue is about one. */
  readonly ref?: string;
  /** `Return!F12`, when the issue is about one cell. */
  readonly cell?: string;
  /** A sentence a performance lead understands. */
  readonly message: string;
  /** The file, for issues from the CLI or consolidation. */
  readonly file?: string;
}

export function errorCount(issues: readonly Issue[]): number {
  return issues.reduce((n, i) => n + (i.severity === 'error' ? 1 : 0), 0);
}
