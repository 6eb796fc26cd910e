import { officeErrorText } from '../app/office-errors';
import { useCallback, useRef, useState } from 'react';

export interface Action<A extends unknown[], T> {
  /** Runs unless already running; resolves with the result, or undefined when it failed or was skipped. */
  readonly run: (...args: A) => Promise<T | undefined>;
  readonly busy: boolean;
  readonly error: string | undefined;
  readonly dismiss: () => void;
}

/**
 * What the pane says about a failure: for an Excel error, the plain what-to-do sentence for its code
 * (src/app/office-errors.ts), never Office's raw message; for the scorecard's own errors, their text.
 */
export function errorText(e: unknown): string {
  const office = officeErrorText(e);
  if (office !== undefined) return office;
  if (e instanceof Error && e.message) return e.message;
  if (typeof e === 'string' && e) return e;
  // Office.js and worker errors are not always Error instances but still carry a message.
  const message = typeof e === 'object' && e !== null ? (e as { message?: unknown }).message : undefined;
  if (typeof message === 'string' && message) return message;
  return 'Something went wrong and no reason was given.';
}

/** An async action with busy and error state; a second call while busy is ignored (no double-clicks). */
export function useAction<A extends unknown[], T>(fn: (...args: A) => Promise<T>): Action<A, T> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  // A ref, not state: two clicks in one frame both see the state from before the first.
  const running = useRef(false);
  const latest = useRef(fn);
  latest.current = fn;
  const run = useCallback(async (...args: A): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setError(undefined);
    try {
      return await latest.current(...args);
    } catch (e) {
      setError(errorText(e));
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  const dismiss = useCallback(() => setError(undefined), []);
  return { run, busy, error, dismiss };
}
