import type { InputFile } from '../app/ports';

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
