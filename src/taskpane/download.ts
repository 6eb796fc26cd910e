import type { HostInfo, InputFile } from '../app/ports';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `Cabinet 2024-25 Q2.xlsx`: the service's name when it gave an .xlsx one. */
export function cabinetFileName(file: Pick<InputFile, 'name'>, period: string): string {
  const name = file.name.trim();
  return /\.xlsx$/i.test(name) ? name : `Cabinet ${period}.xlsx`;
}

/** An object URL for the bytes; the caller revokes it when the link goes away. */
export function objectUrl(bytes: Uint8Array, type: string = XLSX_MIME): string {
  // Copy into a fresh ArrayBuffer: a view on a shared or larger buffer would write the wrong bytes.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return URL.createObjectURL(new Blob([copy.buffer], { type }));
}

/**
 * Where a download went, in words, for the host it ran in. Nothing is said to be saved where the
 * host drops downloads (Excel for Mac): there the way out is named instead.
 */
export function downloadNote(host: Pick<HostInfo, 'label' | 'downloads' | 'openWorkbook'>, name: string): { readonly saved: boolean; readonly text: string } {
  switch (host.downloads) {
    case 'none':
      return {
        saved: false,
        text: host.openWorkbook
          ? `${host.label} cannot save downloads from add-ins: use Open as a new workbook, then save it from Excel.`
          : `${host.label} cannot save downloads from add-ins: use Create locked Cabinet sheet, or make the download in Excel on the web.`,
      };
    case 'downloads-folder':
      return { saved: true, text: `Saved to your Downloads folder as ${name}.` };
    default:
      return { saved: true, text: `Saved to your browser's downloads folder as ${name}.` };
  }
}
