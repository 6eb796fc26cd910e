/** What the first bytes of a file say it is, without loading a zip or XML reader (read.ts re-exports it). */

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Array.from(text).flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Why these bytes are not an .xlsx we can open, or undefined when they may be one. */
export function signatureProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'empty file';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // Excel puts an encrypted .xlsx inside an OLE compound file, as legacy .xls also is.
    return containsUtf16(bytes, 'EncryptionInfo')
      ? 'password-protected (encrypted) workbook: open it in Excel, remove the password and save it again'
      : 'a legacy .xls workbook (Excel 97-2003): save it as .xlsx';
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return 'not an .xlsx workbook (zip signature missing)';
  return undefined;
}
