import { separateSigner } from '../core/catalogue/accessors';
import type { Catalogue } from '../core/catalogue/schema';
import type { Grid } from '../core/grid';
import type { Issue } from '../core/issues';
import { entriesFingerprint, samePerson, signOffRefusalText, type RefusalParams, type SignOffRefusal } from '../core/return/signoff';
import type { ReadReturn, SignOff } from '../core/return/types';
import { validateSheet } from './validate-return';

/** The sign-off cells a step writes, by the label's key; text, as a person would type it ('' clears). */
export type SignOffWrite = Partial<Record<keyof SignOff['cells'], string>>;

/** A step refused: why (a code, and the words for people) and the issues that stand in the way. */
export interface SignOffRefused {
  readonly ok: false;
  readonly reason: SignOffRefusal;
  readonly message: string;
  /** The return's errors when they are the reason; else empty. */
  readonly issues: readonly Issue[];
}

/** What the use case decided: the cells to write, or the refusal. */
export type SignOffDecision = { readonly ok: true; readonly read: ReadReturn; readonly write: SignOffWrite } | SignOffRefused;

function refuse(reason: SignOffRefusal, params: RefusalParams, issues: readonly Issue[] = []): SignOffRefused {
  return { ok: false, reason, message: signOffRefusalText(reason, params), issues };
}

/** The return as it stands, validated for the period written in it: its errors stop either step. */
function check(catalogue: Catalogue, grid: Grid | undefined, step: RefusalParams['step']): { read: ReadReturn; state: ReturnType<typeof validateSheet>['result'] } | SignOffRefused {
  const { read, result } = validateSheet(catalogue, grid);
  if (!read) return refuse('no-return', { step }, result.issues.filter((i) => i.code === 'no-return-sheet'));
  const errors = result.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return refuse('has-errors', { step, errors: errors.length }, errors);
  return { read, state: result };
}

/** Clears a sign-off that no longer stands, so the return reads as ready and waiting for a signer. */
const CLEAR_SIGN_OFF: SignOffWrite = { signedOffBy: '', role: '', signedOffOn: '', fingerprint: '' };

/**
 * Mark a return ready: the preparer's name and Ready = Yes. Refused while the return has errors
 * (they come back with the refusal) and for a return signed off and unchanged since. A sign-off
 * voided by an edit is cleared: the return waits for a new one.
 */
export function markReady(catalogue: Catalogue, grid: Grid | undefined, preparedBy: string): SignOffDecision {
  const step = 'mark-ready';
  if (preparedBy.trim() === '') return refuse('no-name', { step });
  const checked = check(catalogue, grid, step);
  if ('ok' in checked) return checked;
  const { read, state } = checked;
  if (state.signOffState === 'signed-off') return refuse('already-signed-off', { step, signOff: read.signOff });
  const stale = read.signOff.signedOffBy || read.signOff.role || read.signOff.signedOffOn || read.signOff.fingerprint;
  return { ok: true, read, write: { preparedBy: preparedBy.trim(), ready: 'Yes', ...(stale ? CLEAR_SIGN_OFF : {}) } };
}

/**
 * Sign a return off: who, their role, the date, and the fingerprint of the entries as they are
 * now, so an edit afterwards shows as "edited after sign-off". Refused for a return with errors,
 * one not marked ready, an empty name or role, and (unless the catalogue says
 * `signOff: { separateSigner: false }`) a signer who is the preparer. A new sign-off replaces one
 * voided by an edit.
 */
export function signOff(catalogue: Catalogue, grid: Grid | undefined, signer: { readonly name: string; readonly role: string }, today: string): SignOffDecision {
  const step = 'sign-off';
  const name = signer.name.trim();
  const role = signer.role.trim();
  if (name === '') return refuse('no-name', { step });
  if (role === '') return refuse('no-role', { step });
  const checked = check(catalogue, grid, step);
  if ('ok' in checked) return checked;
  const { read } = checked;
  if (!read.signOff.ready) return refuse('not-ready', { step });
  if (separateSigner(catalogue)) {
    const preparer = read.signOff.preparedBy ?? '';
    if (preparer.trim() === '') return refuse('no-preparer', { step });
    if (samePerson(preparer, name)) return refuse('same-person', { step, name: preparer.trim() });
  }
  return { ok: true, read, write: { signedOffBy: name, role, signedOffOn: today, fingerprint: entriesFingerprint(read) } };
}
