import { officeCode } from '../../app/office-errors';
import type { ExcelRun, XChangedEvent, XContext, XRunOptions } from '../../host/office-api';

/** Waits between retries of a batch refused because the user is editing a cell (about 8 s in all). */
export const CELL_EDIT_RETRY_MS: readonly number[] = [250, 500, 1000, 2000, 4000];

/**
 * `run` that retries, quietly, a batch refused with InvalidOperationInCellEditMode ("The operation
 * isn't available while Excel is in Edit cell mode",
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling), with
 * a growing wait; any other error, or the last refusal, goes to the caller. Only for batches that
 * can run twice with the same effect (reads, validation's formats, sign-off's cell writes): a
 * batch that adds a sheet is not retried, as an earlier sync of it may have been applied.
 */
export function retryInCellEdit(run: ExcelRun, delaysMs: readonly number[] = CELL_EDIT_RETRY_MS): ExcelRun {
  return (async <T>(a: XRunOptions | ((context: XContext) => Promise<T>), b?: (context: XContext) => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await (typeof a === 'function' ? run(a) : run(a, b as (context: XContext) => Promise<T>));
      } catch (e) {
        const wait = delaysMs[attempt];
        if (officeCode(e) !== 'InvalidOperationInCellEditMode' || wait === undefined) throw e;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }) as ExcelRun;
}

/**
 * Run the add-in's own writes with this add-in's events switched off (`context.runtime.enableEvents`,
 * ExcelApi 1.8: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#enable-and-disable-events),
 * so its own formats and cell writes never re-trigger live validation; switched back on (and
 * synced) however the writes end. `enabled: false` (a host without 1.8) runs `write` as it is.
 */
export async function withEventsOff<T>(ctx: XContext, enabled: boolean, write: () => Promise<T>): Promise<T> {
  if (!enabled) return write();
  ctx.runtime.enableEvents = false;
  try {
    return await write();
  } finally {
    ctx.runtime.enableEvents = true;
    await ctx.sync();
  }
}

/**
 * Whether a change event is a lead's edit that live validation should follow: on the watched return
 * sheet (any sheet while none is known), made here (`source: 'Local'`: a co-author's edit is
 * theirs to validate, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#events-and-coauthoring),
 * not raised by this add-in's own write (`triggerSource: 'ThisLocalAddin'`, ExcelApi 1.14), and not a
 * format-only change: `onChanged` "fires when either the format or value of the data changes", and
 * `details` (one cell only) says whether the value moved
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets#detect-data-changes).
 * Every changeType counts (RangeEdited, rows/columns/cells inserted or deleted, Unknown): inserting a
 * row moves the return's cells, and where the docs are silent (Unknown) validating again is safe.
 */
export function isLeadEdit(event: XChangedEvent, watchedSheetId: string | undefined): boolean {
  if (watchedSheetId !== undefined && event.worksheetId !== watchedSheetId) return false;
  if (event.source !== 'Local') return false;
  if (event.triggerSource === 'ThisLocalAddin') return false;
  const d = event.details;
  if (d && d.valueBefore === d.valueAfter && d.valueTypeBefore === d.valueTypeAfter) return false;
  return true;
}
