import { generateKeyPairSync, verify as nodeVerify } from 'node:crypto';
import fc from 'fast-check';
import { fromBase64 } from '../../../src/core/base64';
import { keyId, publicKeyOf, signatureValid, signedText, signFingerprints } from '../../../src/core/cabinet/signature';

/** Raw 32-byte keys from node:crypto (RFC 8037 JWK), the same way the CLI reads its PEM files. */
function pair(): { priv: Uint8Array; pub: Uint8Array; nodePublic: ReturnType<typeof generateKeyPairSync>['publicKey'] } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const b = (s: string | undefined): Uint8Array => Uint8Array.from(Buffer.from(s ?? '', 'base64url'));
  return { priv: b(privateKey.export({ format: 'jwk' }).d), pub: b(publicKey.export({ format: 'jwk' }).x), nodePublic: publicKey };
}

const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);

describe('paper signature (Ed25519 via @noble/curves)', () => {
  const k = pair();

  it('is a standard Ed25519 signature: node:crypto verifies what the core signed (RFC 8032)', () => {
    const { signature } = signFingerprints(k.priv, 'a'.repeat(64), 'b'.repeat(64));
    expect(nodeVerify(null, signedText('a'.repeat(64), 'b'.repeat(64)), k.nodePublic, fromBase64(signature) as Uint8Array)).toBe(true);
    expect(publicKeyOf(k.priv)).toEqual(k.pub);
  });

  it('holds for the fingerprints signed and fails for any other pair, or another key (property)', () => {
    const other = pair();
    fc.assert(fc.property(hex64, hex64, hex64, (fp, sheet, forged) => {
      const { signature, keyId: id } = signFingerprints(k.priv, fp, sheet);
      expect(id).toBe(keyId(k.pub));
      expect(signatureValid(k.pub, signature, fp, sheet)).toBe(true);
      expect(signatureValid(other.pub, signature, fp, sheet)).toBe(false);
      if (forged !== fp) expect(signatureValid(k.pub, signature, forged, sheet)).toBe(false);
      if (forged !== sheet) expect(signatureValid(k.pub, signature, fp, forged)).toBe(false);
    }), { numRuns: 25 });
  });

  it('treats a malformed signature or key as not valid, never a throw', () => {
    expect(signatureValid(k.pub, 'not base64!', 'a', 'b')).toBe(false);
    expect(signatureValid(k.pub, 'AAAA', 'a', 'b')).toBe(false);
    expect(signatureValid(new Uint8Array(32).fill(255), signFingerprints(k.priv, 'a', 'b').signature, 'a', 'b')).toBe(false);
  });
});
