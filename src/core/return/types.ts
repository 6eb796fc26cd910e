import type { QualitativeStatus } from '../catalogue/schema';
import type { Direction } from '../direction';
import type { Issue } from '../issues';
import type { RagStatus } from '../rag';

/** One cell as the reader found it: its address and what it held. */
export interface ReadCell {
  /** `Return!F12` */
  readonly address: string;
  readonly row: number;
  readonly col: number;
  readonly value: import('../grid').CellValue;
  readonly format?: string;
}

/** One indicator row of a return, columns found by header name. */
export interface ReturnRow {
  readonly ref: string;
  readonly row: number;
  readonly refCell: ReadCell;
  readonly actual?: ReadCell;
  readonly status?: ReadCell;
  readonly numerator?: ReadCell;
  readonly denominator?: ReadCell;
  readonly commentary?: ReadCell;
  readonly action?: ReadCell;
  readonly target?: ReadCell;
}

export interface SignOff {
  readonly preparedBy?: string;
  readonly ready: boolean;
  readonly signedOffBy?: string;
  readonly role?: string;
  readonly signedOffOn?: string;
  /** Fingerprint of the entries stored at sign-off. */
  readonly fingerprint?: string;
  /**
   * Where each label's value cell is (1-based, on the return's own sheet), so an adapter can write
   * sign-off back: numbers, not A1 (the adapter makes the address with core/address).
   */
  readonly cells: Readonly<Partial<Record<'preparedBy' | 'ready' | 'signedOffBy' | 'role' | 'signedOffOn' | 'fingerprint', { readonly row: number; readonly col: number }>>>;
}

export interface ReadReturn {
  readonly sheet: string;
  /** The Period cell's text, as typed. */
  readonly periodText?: string;
  readonly periodCell?: string;
  readonly service?: string;
  readonly headerRow?: number;
  /** Header name (normalised) → 1-based column. */
  readonly columns: Readonly<Record<string, number>>;
  readonly rows: readonly ReturnRow[];
  readonly signOff: SignOff;
  /** Sheet-level problems: no header, no Actual column, bad period. */
  readonly issues: readonly Issue[];
}

/** What validation concluded for one row. */
export interface RowResult {
  readonly ref: string;
  /** A number in catalogue units (percent 0-100), `<5` for a suppressed count, or null. */
  readonly actual: number | string | null;
  readonly qualitative?: QualitativeStatus;
  readonly status: RagStatus;
  readonly direction: Direction;
  readonly numerator?: number | null;
  readonly denominator?: number | null;
  readonly commentary?: string;
  readonly action?: string;
  /** The actual's cell, `Return!F12`. */
  readonly cell?: string;
  readonly row?: number;
}

export type SignOffState = 'not-ready' | 'ready' | 'signed-off' | 'edited-after-signoff';

export interface RagCounts {
  readonly Blue: number;
  readonly Green: number;
  readonly Amber: number;
  readonly Red: number;
  readonly Complete: number;
  readonly Missing: number;
  /** Not counted in RAG: Tracking and Not due. */
  readonly Tracking: number;
  readonly 'Not due': number;
}

export interface ValidationResult {
  readonly sheet: string;
  readonly period: string | null;
  readonly service?: string;
  readonly rows: readonly RowResult[];
  readonly issues: readonly Issue[];
  readonly counts: RagCounts;
  readonly signOff: SignOff;
  readonly signOffState: SignOffState;
  /** SHA-256 of the entries as they are now. */
  readonly entriesFingerprint: string;
}
