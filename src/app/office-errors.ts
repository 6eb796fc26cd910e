/**
 * What a person can do about an Excel JavaScript API error, by its `error.code`: one plain sentence
 * each, never Office's own message, which "isn't intended for consumption by end users; you should
 * use the error code ... to determine the error message that your add-in shows"
 * (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 * Pure: the pane's error bars and the Office adapter's warnings both read it.
 *
 * The docs do not say which code a structure-protected workbook gives when a sheet is added
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks#protect-workbook-structure
 * is silent): the safe path is that AccessDenied and InvalidOperation both name it among the causes,
 * and neither blames a password.
 */
export const OFFICE_ERROR_TEXT: Readonly<Record<string, string>> = {
  InvalidOperationInCellEditMode: 'Excel is waiting for you to finish editing a cell: press Enter (or Esc), then try again.',
  AccessDenied: "Excel refused to change the workbook: a sheet or the workbook's structure is protected, or the file is read-only. Unprotect it on the Review tab (or save an editable copy), then try again.",
  InvalidOperation: "Excel could not make that change to the workbook as it is now: a protected sheet or workbook structure, or merged cells in the way. Check the Review tab's protection, then try again.",
  ItemNotFound: 'A sheet or cell the scorecard was using is no longer there (renamed or deleted). Validate again, then try again.',
  ItemAlreadyExists: 'A sheet or name with that name is already in the workbook: rename or delete it, then try again.',
  RequestPayloadSizeLimitExceeded: 'This is more than Excel on the web takes in one request. Open the workbook in the Excel desktop app and try again there.',
  ResponsePayloadSizeLimitExceeded: 'The sheet is more than Excel on the web returns in one request. Delete unused rows and columns around the return, or open the workbook in the Excel desktop app, then try again.',
  RangeExceedsLimit: 'The sheet is more than Excel can hand to an add-in at once. Delete unused rows and columns around the return, then try again.',
  InactiveWorkbook: 'Another workbook has the focus: click into this workbook, then try again.',
  BadPassword: 'That is not the password the sheet was protected with: check it, then try again.',
  ApiNotFound: 'This version of Excel lacks something the scorecard needs: update Excel, or use Excel on the web.',
  ApiNotAvailable: 'This version of Excel lacks something the scorecard needs: update Excel, or use Excel on the web.',
  NotImplemented: 'This version of Excel lacks something the scorecard needs: update Excel, or use Excel on the web.',
  GeneralException: 'Excel hit an internal error. Save the workbook, close and reopen the task pane, then try again.',
};

/** Any other Excel error code: what to do, without Office's raw message. */
export const OFFICE_ERROR_FALLBACK = 'Excel could not finish that. Save the workbook, close and reopen the task pane, then try again; if it keeps happening, tell the BI team.';

/** The code of an Office.js error (OfficeExtension.Error carries it as a string), else undefined. */
export function officeCode(e: unknown): string | undefined {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code ? code : undefined;
}

/** The sentence for an Office error (by code), or undefined for errors that are not Office's. */
export function officeErrorText(e: unknown): string | undefined {
  const code = officeCode(e);
  if (code === undefined) return undefined;
  return OFFICE_ERROR_TEXT[code] ?? OFFICE_ERROR_FALLBACK;
}

const ADVICE = new Set([...Object.values(OFFICE_ERROR_TEXT), OFFICE_ERROR_FALLBACK]);

/** Whether a message is already one of these what-to-do sentences (so no other hint goes with it). */
export function isOfficeAdvice(message: string): boolean {
  return ADVICE.has(message);
}
