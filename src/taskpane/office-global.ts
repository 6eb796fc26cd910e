/**
 * The parts of the global `Office` the pane reads, typed here: office.js may be missing (browser
 * preview, offline) or older than the typings, so every member is optional and read through this.
 */
export interface OfficeGlobal {
  readonly context?: {
    readonly officeTheme?: {
      readonly isDarkTheme?: boolean;
      readonly bodyBackgroundColor?: string;
    };
  };
}

export function officeGlobal(): OfficeGlobal | undefined {
  return (globalThis as { Office?: OfficeGlobal }).Office;
}
