/**
 * Standard Base64 (RFC 4648 §4, with `=` padding) of bytes, without Node's Buffer or the DOM's
 * btoa, so the pane can hand a workbook to `Excel.createWorkbook(base64)` in any host. Pure.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  // Chunks keep the joined pieces few on a multi-megabyte workbook.
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = i + 1 < bytes.length ? (bytes[i + 1] as number) : 0;
    const c = i + 2 < bytes.length ? (bytes[i + 2] as number) : 0;
    const n = (a << 16) | (b << 8) | c;
    chunk += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!
      + (i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=')
      + (i + 2 < bytes.length ? ALPHABET[n & 63]! : '=');
    if (chunk.length >= 8192) {
      out.push(chunk);
      chunk = '';
    }
  }
  out.push(chunk);
  return out.join('');
}

/** The bytes of a standard Base64 string (padding optional); undefined when it is not Base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  const body = text.replace(/=+$/, '');
  if (body.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(body) || text.length - body.length > 2) return undefined;
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let k = 0;
  for (const ch of body) {
    value = (value << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[k++] = (value >> bits) & 0xff;
    }
  }
  return out;
}
