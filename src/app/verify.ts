import { fingerprintFromCabinetGrid, FINGERPRINT_VERSIONS, sheetFingerprintOfGrid, VIEW_VERSION } from '../core/cabinet/fingerprint';
import { CABINET_PREFIX, PROPERTY } from '../core/cabinet/layout';
import { keyId, signatureValid } from '../core/cabinet/signature';
import type { Book } from './books';

/** What `verify` found: the workbook is as exported, or which part of it changed. */
export type Verdict =
  | { readonly ok: true; readonly sheet: string; readonly fingerprint: string; readonly whole: boolean; /** The version of a paper made before v3, whose fingerprints do not cover formats and visibility. */ readonly older?: string }
  | { readonly ok: false; readonly sheet: string; readonly changed: 'table' | 'other'; readonly exported: string; readonly now: string; readonly reason?: string }
  /** Not something verify can check: not a Cabinet workbook, or one without its fingerprint. */
  | { readonly ok: false; readonly cannot: string };

/**
 * Verify a Cabinet workbook against the fingerprints stored when it was exported: the indicator
 * table's (the numbers) and, when present, the whole sheet's (summary, exceptions and the rest).
 */
export function verifyCabinet(book: Book): Verdict {
  const grid = book.sheets.find((g) => g.sheet.startsWith(CABINET_PREFIX));
  if (!grid) return { ok: false, cannot: `not a Cabinet workbook (no sheet whose name starts with ${CABINET_PREFIX})` };
  // A look-alike (`Cabinet – …` with an en dash, another case or spacing) next to the exported sheet
  // could be the one a reader sees while the checked one is hidden: a paper has one Cabinet sheet.
  const lookAlike = (name: string): boolean => name.normalize('NFKC').replace(/[\s\p{Pd}_]+/gu, '').toLowerCase().startsWith(CABINET_PREFIX.toLowerCase());
  const cabinets = book.sheets.filter((g) => lookAlike(g.sheet));
  if (cabinets.length > 1) {
    return { ok: false, sheet: grid.sheet, changed: 'other', exported: '', now: '', reason: `the workbook has ${cabinets.length} sheets named like a Cabinet sheet (${cabinets.map((g) => `"${g.sheet}"`).join(', ')}); a paper has one, so one was added after export` };
  }
  // scorecard writes values only: a formula shows its cached result until recalculated, so it can
  // keep the old number for verify while the paper shows another.
  if (grid.formulaCells?.length) {
    return { ok: false, sheet: grid.sheet, changed: 'other', exported: '', now: '', reason: `it holds formulas (${grid.formulaCells.join(', ')}), and scorecard writes values only` };
  }
  // Every sheet of an exported paper carries scorecard's marker: a visible sheet without one was
  // added after export, and a reader could take its numbers for the paper's.
  const added = book.sheets.filter((g) => !g.product && (g.view?.state ?? 'visible') === 'visible');
  if (added.length > 0) {
    return { ok: false, sheet: grid.sheet, changed: 'other', exported: '', now: '', reason: `it has ${added.length === 1 ? 'a visible sheet' : 'visible sheets'} scorecard did not write with the paper (${added.map((g) => `"${g.sheet}"`).join(', ')}), added after export` };
  }
  const stored = book.properties?.[PROPERTY.fingerprint]?.trim();
  if (!stored) return { ok: false, cannot: `has no ${PROPERTY.fingerprint} property, so it was not exported by scorecard (or the property was removed)` };
  // A paper made before the current fingerprint version is checked against its own version's text.
  const version = FINGERPRINT_VERSIONS.find((v) => fingerprintFromCabinetGrid(grid, v) === stored);
  const now = version !== undefined ? stored : fingerprintFromCabinetGrid(grid);
  if (now === undefined) return { ok: false, cannot: `sheet ${grid.sheet} has no scorecard table with a period, so there is nothing to check` };
  if (now !== stored) return { ok: false, sheet: grid.sheet, changed: 'table', exported: stored, now };
  const storedSheet = book.properties?.[PROPERTY.sheetFingerprint]?.trim();
  // Every paper of the current version was written with its sheet fingerprint: one without it had
  // the property removed, which would otherwise let the summary and exceptions change unnoticed.
  if (!storedSheet && version !== undefined && version !== 'scorecard-fingerprint v1') {
    return { ok: false, sheet: grid.sheet, changed: 'other', exported: stored, now, reason: `its ${PROPERTY.sheetFingerprint} property was removed, so the summary, exceptions and other sections cannot be shown unchanged` };
  }
  const current = version === VIEW_VERSION;
  if (storedSheet && sheetFingerprintOfGrid(grid, current ? 'v2' : 'v1') !== storedSheet) {
    return current
      ? { ok: false, sheet: grid.sheet, changed: 'other', exported: stored, now, reason: 'a cell, a number format, a hidden row, column or sheet, or the sheet the workbook opens on differs from the export' }
      : { ok: false, sheet: grid.sheet, changed: 'other', exported: stored, now };
  }
  return { ok: true, sheet: grid.sheet, fingerprint: stored, whole: !!storedSheet, ...(current || version === undefined ? {} : { older: version }) };
}

/** What the paper's signature shows, given the public keys the reader trusts (none: it cannot be checked). */
export type SignatureVerdict =
  | { readonly state: 'unsigned' }
  /** Signed, but no key was given to check it against. */
  | { readonly state: 'unchecked'; readonly keyId: string }
  | { readonly state: 'valid'; readonly keyId: string }
  /** Signed with a key other than those given. */
  | { readonly state: 'other-key'; readonly keyId: string }
  /** Claims one of the given keys, but does not match the fingerprints: they were recomputed after an edit, or the signature was altered. */
  | { readonly state: 'invalid'; readonly keyId: string };

export function checkSignature(book: Book, publicKeys: readonly Uint8Array[]): SignatureVerdict {
  const props = book.properties ?? {};
  const signature = props[PROPERTY.signature]?.trim();
  if (!signature) return { state: 'unsigned' };
  const claimed = props[PROPERTY.signingKey]?.trim() ?? '';
  if (publicKeys.length === 0) return { state: 'unchecked', keyId: claimed };
  const fingerprint = props[PROPERTY.fingerprint]?.trim() ?? '';
  const sheet = props[PROPERTY.sheetFingerprint]?.trim();
  const signer = publicKeys.find((k) => signatureValid(k, signature, fingerprint, sheet));
  if (signer) return { state: 'valid', keyId: keyId(signer) };
  return publicKeys.some((k) => keyId(k) === claimed) ? { state: 'invalid', keyId: claimed } : { state: 'other-key', keyId: claimed };
}
