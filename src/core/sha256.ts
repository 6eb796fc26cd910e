import { sha256 } from '@noble/hashes/sha2';

/**
 * SHA-256 from @noble/hashes (audited, pure JS), so the core needs neither Node's nor the Web's
 * crypto: the same fingerprint comes out in the task pane, the CLI and a test. This module only adds
 * the streaming-text interface the fingerprints are written against.
 */

/** UTF-8 bytes of a string; a lone surrogate becomes U+FFFD, as TextEncoder and Node do. */
export function utf8Bytes(text: string): Uint8Array {
  // At most 3 bytes per UTF-16 unit (a surrogate pair is 2 units for 4 bytes).
  const out = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else c = 0xfffd;
    } else if (c >= 0xdc00 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    } else {
      out[n++] = 0xf0 | (c >> 18);
      out[n++] = 0x80 | ((c >> 12) & 63);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    }
  }
  return out.slice(0, n);
}

/**
 * A SHA-256 fed piece by piece: text as UTF-8, or bytes. A surrogate pair split between two pieces
 * is joined, so the digest equals that of the pieces concatenated.
 */
export interface Sha256 {
  update(text: string): Sha256;
  updateBytes(bytes: Uint8Array): Sha256;
  digest(): Uint8Array;
  hex(): string;
}

/** Text gathered before it is encoded: one encode per 16K characters, not one per cell. */
const CHUNK = 16384;

export function createSha256(): Sha256 {
  const h = sha256.create();
  let pending = '';
  const flush = (keepHigh: boolean): void => {
    if (pending === '') return;
    const last = pending.charCodeAt(pending.length - 1);
    // A trailing high surrogate may pair with the next piece's first unit.
    const hold = keepHigh && last >= 0xd800 && last <= 0xdbff ? 1 : 0;
    h.update(utf8Bytes(pending.slice(0, pending.length - hold)));
    pending = pending.slice(pending.length - hold);
  };
  const self: Sha256 = {
    update(text) {
      pending += text;
      if (pending.length >= CHUNK) flush(true);
      return self;
    },
    updateBytes(bytes) {
      flush(false);
      h.update(bytes);
      return self;
    },
    digest() {
      flush(false);
      return h.digest();
    },
    hex() {
      return toHex(self.digest());
    },
  };
  return self;
}

export function sha256Bytes(bytes: Uint8Array): Uint8Array {
  return sha256(bytes);
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += HEX[b] ?? '';
  return s;
}

/** Lower-case hex SHA-256 of the text's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return createSha256().update(text).hex();
}
