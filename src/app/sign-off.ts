import { entriesFingerprint } from '../core/return/signoff';
import type { ReadReturn, SignOff } from '../core/return/types';

/** The sign-off cells a step writes, by the label's key; text, as a person would type it. */
export type SignOffWrite = Partial<Record<keyof SignOff['cells'], string>>;

/** Mark a return ready: the preparer's name and Ready = Yes. */
export function markReadyWrite(_read: ReadReturn, preparedBy: string): SignOffWrite {
  return { preparedBy, ready: 'Yes' };
}

/**
 * Sign a return off: who, their role, the date, and the fingerprint of the entries as they are
 * now, so an edit afterwards shows as "edited after sign-off".
 */
export function signOffWrite(read: ReadReturn, signer: { readonly name: string; readonly role: string }, today: string): SignOffWrite {
  return { signedOffBy: signer.name, role: signer.role, signedOffOn: today, fingerprint: entriesFingerprint(read) };
}
