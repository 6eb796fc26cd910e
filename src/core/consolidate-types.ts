import type { ConflictReason, Issue } from './issues';

export type { ConflictReason };
import type { RowResult, SignOffState, RagCounts, ValidationResult } from './return/types';

/** A validated return and where it came from. */
export interface ReturnInput {
  /** The file name (CLI) or workbook/sheet label (pane). */
  readonly file: string;
  readonly validation: ValidationResult;
}

/** The chosen value for one indicator, with provenance. */
export interface ConsolidatedRow extends RowResult {
  readonly file: string;
  readonly sheet: string;
}

/** What one return gave for a conflicting ref. */
export interface ConflictValue {
  readonly file: string;
  readonly cell?: string;
  readonly actual: number | string | null;
  readonly numerator?: number | null;
  readonly denominator?: number | null;
  readonly status: string;
  /** The return's sign-off state, which decides the conflict. */
  readonly signOffState: SignOffState;
  /** True for the one value used (the Cabinet sheet shows it). */
  readonly used: boolean;
}

export interface Conflict {
  readonly ref: string;
  /** Every return that gave the ref, with what it said, in the order given. */
  readonly values: readonly ConflictValue[];
  /** Why the value used was chosen. */
  readonly reason: ConflictReason;
}

export interface FileSummary {
  readonly file: string;
  readonly sheet: string;
  readonly service?: string;
  readonly period: string | null;
  readonly rows: number;
  readonly errors: number;
  readonly warnings: number;
  readonly signOffState: SignOffState;
}

export interface Consolidation {
  readonly period: string;
  readonly rows: readonly ConsolidatedRow[];
  readonly conflicts: readonly Conflict[];
  /** Refs due this period that no return gave. */
  readonly missing: readonly string[];
  readonly files: readonly FileSummary[];
  /** Every issue of every file (with `file` set) plus consolidation issues. */
  readonly issues: readonly Issue[];
  /**
   * The issues consolidating itself found, on top of each return's own: returns for another
   * period, sign-off, missing returns, conflicts. Each is also in `issues`.
   */
  readonly findings: readonly Issue[];
  readonly counts: RagCounts;
}
