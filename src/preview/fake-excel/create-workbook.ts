import { FakeOfficeError } from './context';

/** A workbook `Excel.createWorkbook` opened: its .xlsx bytes as Base64, or undefined for a blank one. */
export interface OpenedWorkbook {
  readonly base64: string | undefined;
}

/**
 * `Excel.createWorkbook(base64?)` (ExcelApi 1.8), as documented in
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks#create-a-new-workbook
 * and https://learn.microsoft.com/javascript/api/excel#excel-excel-createworkbook-function(1):
 * "open a new workbook in a separate Excel instance. Your add-in stays open in the original
 * workbook", optionally "pre-populated with a Base64-encoded .xlsx file". A global function, not a
 * request-context call: nothing of this workbook changes and no sync is needed. The fake records
 * each workbook opened so a test can read the bytes back.
 *
 * The docs are silent on the error for a string that is not Base64 or not an .xlsx (they name only
 * the extension-hardening refusal, "This operation is not allowed due to the extension hardening
 * policy", without a code): the fake rejects both with `InvalidArgument`, and decodes with the
 * platform's `atob`, never the add-in's own encoder, so a bug there cannot hide itself.
 */
export function workbookOpener(): { createWorkbook(base64?: string): Promise<void>; readonly opened: OpenedWorkbook[] } {
  const opened: OpenedWorkbook[] = [];
  return {
    opened,
    createWorkbook: async (base64) => {
      if (base64 === undefined || base64 === null) {
        opened.push({ base64: undefined });
        return;
      }
      let head: string;
      try {
        head = atob(base64).slice(0, 4);
      } catch {
        throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      }
      // An .xlsx is a ZIP package: it starts PK\x03\x04.
      if (head !== 'PK\u0003\u0004') throw new FakeOfficeError('InvalidArgument', 'This operation is not allowed due to the extension hardening policy.');
      opened.push({ base64 });
    },
  };
}
