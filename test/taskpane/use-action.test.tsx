/** @jest-environment jsdom */
import * as React from 'react';
import { act, render } from '@testing-library/react';
import { errorText, useAction, type Action } from '../../src/taskpane/use-action';
import { OFFICE_ERROR_FALLBACK, OFFICE_ERROR_TEXT } from '../../src/app/office-errors';
import { deferred } from './fake-services';

function Harness({ fn, onAction }: { fn: (n: number) => Promise<string>; onAction: (a: Action<[number], string>) => void }): null {
  onAction(useAction(fn));
  return null;
}

function mount(fn: (n: number) => Promise<string>): () => Action<[number], string> {
  let latest: Action<[number], string> | undefined;
  render(<Harness fn={fn} onAction={(a) => { latest = a; }} />);
  return () => { if (!latest) throw new Error('not rendered'); return latest; };
}

describe('useAction', () => {
  it('is busy while running and resolves with the result', async () => {
    const d = deferred<string>();
    const action = mount(() => d.promise);
    let result: Promise<string | undefined> = Promise.resolve(undefined);
    act(() => { result = action().run(1); });
    expect(action().busy).toBe(true);
    await act(async () => { d.resolve('done'); });
    expect(action().busy).toBe(false);
    await expect(result).resolves.toBe('done');
  });

  it('ignores a second run while the first is running, even in the same frame', async () => {
    const d = deferred<string>();
    const calls: number[] = [];
    const action = mount((n) => { calls.push(n); return d.promise; });
    let second: Promise<string | undefined> = Promise.resolve('x');
    act(() => { void action().run(1); second = action().run(2); });
    await expect(second).resolves.toBeUndefined();
    await act(async () => { d.resolve('ok'); });
    expect(calls).toEqual([1]);
  });

  it('keeps the error message, clears it on the next run, and can be dismissed', async () => {
    let fail = true;
    const action = mount(async () => { if (fail) throw new Error('Sheet is protected.'); return 'ok'; });
    await act(async () => { await action().run(1); });
    expect(action().error).toBe('Sheet is protected.');
    expect(action().busy).toBe(false);
    fail = false;
    await act(async () => { await action().run(1); });
    expect(action().error).toBeUndefined();
    fail = true;
    await act(async () => { await action().run(1); });
    act(() => action().dismiss());
    expect(action().error).toBeUndefined();
  });

  it.each([
    [new Error('boom'), 'boom'],
    ['plain text', 'plain text'],
    [new Error(''), 'Something went wrong and no reason was given.'],
    [undefined, 'Something went wrong and no reason was given.'],
    // Excel's errors: the sentence for their code, never Office's raw message (src/app/office-errors.ts).
    [{ code: 'InvalidArgument', message: 'The argument is invalid.' }, OFFICE_ERROR_FALLBACK],
    [{ code: 'AccessDenied', message: 'You cannot perform the requested operation.' }, OFFICE_ERROR_TEXT.AccessDenied],
    [{ code: 'InvalidOperationInCellEditMode', message: "The operation isn't available while Excel is in Edit cell mode." }, OFFICE_ERROR_TEXT.InvalidOperationInCellEditMode],
    [{ code: 42 }, 'Something went wrong and no reason was given.'],
  ])('errorText(%p) = %j', (e, want) => {
    expect(errorText(e)).toBe(want);
  });
});
