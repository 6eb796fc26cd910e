import { sha256 } from '@noble/hashes/sha2';

/**
 * SHA-256 from @noble/hashes (audited, pure JS), so the core needs neither Node's nor the Web's
 * crypto: the same fingerprint comes out in the task pane, the CLI and a test. This module only adds
 * the streaming-text interface the fingerprints are written against.
 */

/** One encoder for the process: TextEncoder is a global in Node and in browsers. */
const ENCODER = new TextEncoder();

/** UTF-8 bytes of a string; a lone surrogate becomes U+FFFD (the Encoding Standard's rule, as Node's). */
export function utf8Bytes(text: string): Uint8Array {
  return ENCODER.encode(text);
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
/** Room for CHUNK characters and a few more (what one update adds past it goes in a second pass). */
const ROOM = 3 * CHUNK;

export function createSha256(): Sha256 {
  const h = sha256.create();
  // One buffer encoded into and reused: a fresh array per chunk was a megabyte of garbage per 30,000 rows.
  let buffer: Uint8Array | undefined;
  let pending = '';
  const flush = (keepHigh: boolean): void => {
    if (pending === '') return;
    const last = pending.charCodeAt(pending.length - 1);
    // A trailing high surrogate may pair with the next piece's first unit.
    const hold = keepHigh && last >= 0xd800 && last <= 0xdbff ? 1 : 0;
    let text = pending.slice(0, pending.length - hold);
    pending = pending.slice(pending.length - hold);
    buffer ??= new Uint8Array(ROOM);
    // encodeInto stops before a character that does not fit, never inside one (nor a surrogate pair).
    while (text !== '') {
      const { read, written } = ENCODER.encodeInto(text, buffer);
      h.update(buffer.subarray(0, written));
      text = text.slice(read);
    }
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
