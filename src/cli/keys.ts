import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { fromBase64 } from '../core/base64';
import { FileError } from './errors';
import { readText } from './files';

const PUBLIC_FORMS = 'an Ed25519 public key (PEM "BEGIN PUBLIC KEY", as scorecard keys new writes it, or its 32 bytes in base64)';

/** The key's raw bytes from node:crypto's JWK export (RFC 8037: `x` public, `d` private, base64url). */
function okpBytes(key: KeyObject, part: 'x' | 'd'): Uint8Array | undefined {
  if (key.asymmetricKeyType !== 'ed25519') return undefined;
  const jwk = key.export({ format: 'jwk' });
  const text = jwk[part];
  const bytes = typeof text === 'string' ? fromBase64(text.replace(/-/g, '+').replace(/_/g, '/')) : undefined;
  return bytes?.length === 32 ? bytes : undefined;
}

/** A public key from a file: PEM (SPKI) or raw base64. Anything else is one line, exit 2. */
export function readPublicKey(cwd: string, file: string): Uint8Array {
  const text = readText(cwd, file).trim();
  if (text.includes('PRIVATE KEY')) throw new FileError(file, 'is a private key; give the public key (the .pub file) to verify, and keep the private key with the BI team');
  if (text.includes('BEGIN PUBLIC KEY')) {
    let bytes: Uint8Array | undefined;
    try {
      bytes = okpBytes(createPublicKey(text), 'x');
    } catch {
      bytes = undefined;
    }
    if (bytes) return bytes;
    throw new FileError(file, `is not ${PUBLIC_FORMS}`);
  }
  const raw = fromBase64(text);
  if (raw?.length === 32) return raw;
  throw new FileError(file, `is not ${PUBLIC_FORMS}`);
}

/** The 32-byte Ed25519 private key (seed) from a PEM PKCS#8 file. */
export function readPrivateKey(cwd: string, file: string): Uint8Array {
  const text = readText(cwd, file).trim();
  if (text.includes('BEGIN PUBLIC KEY')) throw new FileError(file, 'is a public key; --sign needs the private key (the .key file from scorecard keys new)');
  let bytes: Uint8Array | undefined;
  try {
    bytes = text.includes('PRIVATE KEY') ? okpBytes(createPrivateKey(text), 'd') : undefined;
  } catch {
    bytes = undefined;
  }
  if (!bytes) throw new FileError(file, 'is not an Ed25519 private key (PEM "BEGIN PRIVATE KEY", as scorecard keys new writes it)');
  return bytes;
}
