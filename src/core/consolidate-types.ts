import type { Issue } from './issues';
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

export interface Conflict {
  readonly ref: string;
  /** Every return that gave the ref, with what it said. */
  readonly values: readonly { readonly file: string; readonly cell?: string; readonly actual: number | string | null; readonly status: string }[];
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
  readonly counts: RagCounts;
}
