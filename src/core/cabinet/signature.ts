import { ed25519 } from '@noble/curves/ed25519';
import { fromBase64, toBase64 } from '../base64';
import { PROPERTY } from './layout';
import type { WorkbookPlan } from '../plan/types';
import { sha256Bytes, toHex, utf8Bytes } from '../sha256';

/**
 * The paper's signature (issue 18.4): Ed25519 over both stored fingerprints. An unkeyed SHA-256 can
 * be recomputed by anyone who edits a number (the canonical form is documented); a signature can be
 * made only with the BI team's private key, and checked by anyone with its public key.
 *
 * Signed text (UTF-8): `scorecard-signature v1` LF data fingerprint LF sheet fingerprint (empty when
 * the paper has none). Stored base64 in the ScorecardSignature property, with the key's id beside it.
 */
export const SIGNATURE_VERSION = 'scorecard-signature v1';

export function signedText(fingerprint: string, sheetFingerprint: string | undefined): Uint8Array {
  return utf8Bytes(`${SIGNATURE_VERSION}\n${fingerprint}\n${sheetFingerprint ?? ''}`);
}

/** A public key's id: the first 16 hex digits of its SHA-256, short enough to print and compare by eye. */
export function keyId(publicKey: Uint8Array): string {
  return toHex(sha256Bytes(publicKey)).slice(0, 16);
}

export function publicKeyOf(privateKey: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(privateKey);
}

/** The base64 signature and the signer's key id, for the paper's properties. */
export function signFingerprints(privateKey: Uint8Array, fingerprint: string, sheetFingerprint: string | undefined): { signature: string; keyId: string } {
  return { signature: toBase64(ed25519.sign(signedText(fingerprint, sheetFingerprint), privateKey)), keyId: keyId(publicKeyOf(privateKey)) };
}

/** Whether `signature` (base64) is this key's over these fingerprints; a malformed one is simply not. */
export function signatureValid(publicKey: Uint8Array, signature: string, fingerprint: string, sheetFingerprint: string | undefined): boolean {
  const sig = fromBase64(signature);
  if (!sig || sig.length !== 64 || publicKey.length !== 32) return false;
  try {
    return ed25519.verify(sig, signedText(fingerprint, sheetFingerprint), publicKey);
  } catch {
    // noble throws on a point that is not on the curve: not a valid signature either.
    return false;
  }
}

/** The Cabinet workbook with its signature properties added; a plan without a fingerprint is returned as is. */
export function signedWorkbook(plan: WorkbookPlan, privateKey: Uint8Array): WorkbookPlan {
  const custom = plan.properties.custom;
  const fingerprint = custom[PROPERTY.fingerprint];
  if (fingerprint === undefined) return plan;
  const { signature, keyId: id } = signFingerprints(privateKey, fingerprint, custom[PROPERTY.sheetFingerprint]);
  return { ...plan, properties: { ...plan.properties, custom: { ...custom, [PROPERTY.signature]: signature, [PROPERTY.signingKey]: id } } };
}
