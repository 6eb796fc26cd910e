/**
 * SHA-256 (FIPS 180-4) in plain TypeScript, so the core needs neither Node's nor the Web's crypto:
 * the same fingerprint comes out in the task pane, the CLI and a test.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

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

const W = new Int32Array(64);

/** One 64-byte block of `data` at `off` into `H`. Int32 arithmetic with `| 0` keeps V8 on small integers. */
function block(H: Int32Array, data: Uint8Array, off: number): void {
  const w = W;
  const k = K;
  for (let t = 0; t < 16; t++) {
    const i = off + t * 4;
    w[t] = ((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0);
  }
  for (let t = 16; t < 64; t++) {
    const x = w[t - 15] ?? 0;
    const y = w[t - 2] ?? 0;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[t] = ((w[t - 16] ?? 0) + s0 + (w[t - 7] ?? 0) + s1) | 0;
  }
  let a = H[0] ?? 0, b = H[1] ?? 0, c = H[2] ?? 0, d = H[3] ?? 0;
  let e = H[4] ?? 0, f = H[5] ?? 0, g = H[6] ?? 0, h = H[7] ?? 0;
  for (let t = 0; t < 64; t++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + s1 + ch + (k[t] ?? 0) + (w[t] ?? 0)) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + s0 + maj) | 0;
  }
  H[0] = (H[0] ?? 0) + a; H[1] = (H[1] ?? 0) + b; H[2] = (H[2] ?? 0) + c; H[3] = (H[3] ?? 0) + d;
  H[4] = (H[4] ?? 0) + e; H[5] = (H[5] ?? 0) + f; H[6] = (H[6] ?? 0) + g; H[7] = (H[7] ?? 0) + h;
}

const INITIAL = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

/**
 * SHA-256 fed piece by piece: text is UTF-8 encoded straight into a 64-byte block, so hashing a
 * 30,000-row Cabinet never builds the whole canonical text or its bytes. A surrogate pair split
 * between two pieces is joined, so the digest equals that of the pieces concatenated.
 */
export interface Sha256 {
  update(text: string): Sha256;
  updateBytes(bytes: Uint8Array): Sha256;
  digest(): Uint8Array;
  hex(): string;
}

export function createSha256(): Sha256 {
  const H = new Int32Array(INITIAL);
  const buf = new Uint8Array(128);
  let fill = 0;
  let total = 0;
  let high = 0; // a high surrogate waiting for the next piece
  const push = (byte: number): void => {
    buf[fill++] = byte;
    if (fill === 64) {
      block(H, buf, 0);
      fill = 0;
      total += 64;
    }
  };
  const code = (c: number): void => {
    if (c < 0x80) push(c);
    else if (c < 0x800) {
      push(0xc0 | (c >> 6));
      push(0x80 | (c & 63));
    } else if (c < 0x10000) {
      push(0xe0 | (c >> 12));
      push(0x80 | ((c >> 6) & 63));
      push(0x80 | (c & 63));
    } else {
      push(0xf0 | (c >> 18));
      push(0x80 | ((c >> 12) & 63));
      push(0x80 | ((c >> 6) & 63));
      push(0x80 | (c & 63));
    }
  };
  const flushHigh = (): void => {
    if (high !== 0) code(0xfffd);
    high = 0;
  };
  const self: Sha256 = {
    update(text) {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (high !== 0) {
          if (c >= 0xdc00 && c <= 0xdfff) {
            code(0x10000 + ((high - 0xd800) << 10) + (c - 0xdc00));
            high = 0;
            continue;
          }
          flushHigh();
        }
        if (c < 0x80) push(c);
        else if (c >= 0xd800 && c <= 0xdbff) high = c;
        else if (c >= 0xdc00 && c <= 0xdfff) code(0xfffd);
        else code(c);
      }
      return self;
    },
    updateBytes(bytes) {
      flushHigh();
      for (let i = 0; i < bytes.length; i++) push(bytes[i] ?? 0);
      return self;
    },
    digest() {
      flushHigh();
      const bits = (total + fill) * 8;
      // 0x80, zeros and the bit length big-endian: one or two blocks.
      const end = fill + 9 <= 64 ? 64 : 128;
      buf.fill(0, fill);
      buf[fill] = 0x80;
      const hi = Math.floor(bits / 0x100000000);
      const lo = bits >>> 0;
      for (let i = 0; i < 4; i++) {
        buf[end - 8 + i] = (hi >>> (24 - i * 8)) & 0xff;
        buf[end - 4 + i] = (lo >>> (24 - i * 8)) & 0xff;
      }
      block(H, buf, 0);
      if (end === 128) block(H, buf, 64);
      const out = new Uint8Array(32);
      for (let i = 0; i < 8; i++) {
        const v = H[i] ?? 0;
        out[i * 4] = v >>> 24;
        out[i * 4 + 1] = (v >>> 16) & 0xff;
        out[i * 4 + 2] = (v >>> 8) & 0xff;
        out[i * 4 + 3] = v & 0xff;
      }
      return out;
    },
    hex() {
      return toHex(self.digest());
    },
  };
  return self;
}

export function sha256Bytes(bytes: Uint8Array): Uint8Array {
  return createSha256().updateBytes(bytes).digest();
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
