import type { Grid } from '../core/grid';

/**
 * A workbook as the use cases see it: its sheets as grids and its document properties. The CLI
 * reads one from a file, the pane from a picked file or from the live workbook.
 */
export interface Book {
  /** The file name (or the workbook's label, for the live workbook). */
  readonly file: string;
  readonly sheets: readonly Grid[];
  readonly properties?: Readonly<Record<string, string>>;
}

/** A file that could not be read as a workbook, with the reason in words. */
export interface Unreadable {
  readonly file: string;
  readonly reason: string;
}

/** `done` of `total` items handled; `what` names the current one for a progress bar. */
export type Progress = (done: number, total: number, what: string) => void;
