/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Issue } from '../../src/core/issues';
import { issueText } from '../../src/core/messages';
import type { SignOff, SignOffState } from '../../src/core/return/types';
import { signOffSentence } from '../../src/core/return/signoff';
import { fakeServices, refused, validationResult } from './fake-services';
import { renderApp } from './render';

describe('Sign-off panel', () => {
  it('marks the return ready with the preparer name and shows it', async () => {
    const fake = fakeServices();
    await renderApp(fake);
    const mark = screen.getByRole('button', { name: 'Mark ready' }) as HTMLButtonElement;
    expect(mark.disabled).toBe(true); // a name first
    fireEvent.change(screen.getByLabelText('Preparer name'), { target: { value: ' Priya Shah ' } });
    fireEvent.click(mark);
    await waitFor(() => expect(screen.getByTestId('signoff-state').textContent).toBe('Ready for sign-off, prepared by Priya Shah.'));
    expect(fake.calls.markReady[0]?.[1]).toBe('Priya Shah');
  });

  it('signs off with name and role', async () => {
    const fake = fakeServices();
    await renderApp(fake);
    fireEvent.change(screen.getByLabelText('Preparer name'), { target: { value: 'Priya Shah' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark ready' }));
    await waitFor(() => expect(screen.getByTestId('signoff-state').textContent).toBe('Ready for sign-off, prepared by Priya Shah.'));
    fireEvent.change(screen.getByLabelText('Signed off by (name)'), { target: { value: 'Sam Jones' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'Head of Service' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign off' }));
    await waitFor(() => expect(screen.getByTestId('signoff-state').textContent).toBe('Signed off by Sam Jones (Head of Service) on 15 October 2024.'));
    expect(fake.calls.signOff[0]?.[1]).toEqual({ name: 'Sam Jones', role: 'Head of Service' });
  });

  it('shows the state validation found, including an edit after sign-off', async () => {
    const signOff: SignOff = { ready: true, signedOffBy: 'Sam Jones', role: 'Head', signedOffOn: '2024-10-01', cells: {} };
    await renderApp(fakeServices({ validate: async () => validationResult({ signOff, signOffState: 'edited-after-signoff' }) }));
    fireEvent.click(screen.getByRole('button', { name: 'Validate' }));
    await waitFor(() => expect(screen.getByTestId('signoff-state').textContent).toMatch(/^Edited after sign-off by Sam Jones/));
  });

  it('mark ready refused while the return has errors: says why and lists the errors, each going to its cell', async () => {
    const issue: Issue = { severity: 'error', code: 'not-a-number', ref: 'CS01', cell: 'Return!H16', params: { shown: 'lots' } };
    const fake = fakeServices({ markReady: async () => refused('has-errors', { step: 'mark-ready', errors: 1 }, [issue]) });
    await renderApp(fake);
    fireEvent.change(screen.getByLabelText('Preparer name'), { target: { value: 'A. Lead' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark ready' }));
    const box = await screen.findByTestId('signoff-refused');
    expect(within(box).getByText('Not marked ready')).toBeTruthy();
    expect(box.textContent).toContain('The return has 1 error: put it right, then mark it ready.');
    expect(box.textContent).toContain(issueText(issue, { place: 'beside' }));
    expect(screen.getByTestId('signoff-state').textContent).toBe('Validate the return to see its sign-off.');
    fireEvent.click(within(box).getByRole('button', { name: /Return!H16/ }));
    await waitFor(() => expect(fake.calls.selectCell[0]?.[0]).toBe('Return!H16'));
  });

  it('sign-off by the preparer is refused (names compared as people write them); another signer is fine', async () => {
    const fake = fakeServices();
    await renderApp(fake);
    fireEvent.change(screen.getByLabelText('Preparer name'), { target: { value: 'A. Lead' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark ready' }));
    await waitFor(() => expect(screen.getByTestId('signoff-state').textContent).toBe('Ready for sign-off, prepared by A. Lead.'));
    fireEvent.change(screen.getByLabelText('Signed off by (name)'), { target: { value: ' a.  lead' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'Head of Service' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign off' }));
    const box = await screen.findByTestId('signoff-refused');
    expect(within(box).getByText('Not signed off')).toBeTruthy();
    expect(box.textContent).toMatch(/A\. Lead prepared this return, so someone else signs it off/);
    expect(screen.getByTestId('signoff-state').textContent).toBe('Ready for sign-off, prepared by A. Lead.');
    fireEvent.change(screen.getByLabelText('Signed off by (name)'), { target: { value: 'B. Manager' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign off' }));
    await waitFor(() => expect(screen.getByTestId('signoff-state').textContent).toBe('Signed off by B. Manager (Head of Service) on 15 October 2024.'));
    expect(screen.queryByTestId('signoff-refused')).toBeNull();
  });

  it('an edit after sign-off is a plain warning naming who to ask; signing again clears it', async () => {
    const signOff: SignOff = { ready: true, preparedBy: 'A. Lead', signedOffBy: 'Sam Jones', role: 'Head', signedOffOn: '2024-10-01', cells: {} };
    const fake = fakeServices({
      validate: async () => validationResult({ signOff, signOffState: 'edited-after-signoff' }),
      signOff: async (_c, s) => ({ ok: true, signOff: { ...signOff, signedOffBy: s.name, role: s.role, signedOffOn: '2024-10-15', fingerprint: 'new' } }),
    });
    await renderApp(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Validate' }));
    const bar = await screen.findByTestId('signoff-void');
    expect(bar.textContent).toBe('Edited after sign-off on 1 October 2024 by Sam Jones: ask Sam Jones to sign off again.');
    fireEvent.change(screen.getByLabelText('Signed off by (name)'), { target: { value: 'Sam Jones' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'Head' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign off' }));
    await waitFor(() => expect(screen.getByTestId('signoff-state').textContent).toBe('Signed off by Sam Jones (Head) on 15 October 2024.'));
    expect(screen.queryByTestId('signoff-void')).toBeNull();
  });

  it('shows a failed sign-off as an error MessageBar', async () => {
    await renderApp(fakeServices({ signOff: async () => { throw new Error('The return has 2 errors.'); } }));
    fireEvent.change(screen.getByLabelText('Signed off by (name)'), { target: { value: 'Sam' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'Head' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign off' }));
    expect(await screen.findByText('Could not sign off the return')).toBeTruthy();
    expect(screen.getByText(/The return has 2 errors\./)).toBeTruthy();
  });

  it.each<[SignOffState, SignOff, string]>([
    ['not-ready', { ready: false, cells: {} }, 'Not yet marked ready.'],
    ['ready', { ready: true, cells: {} }, 'Ready for sign-off.'],
    ['signed-off', { ready: true, signedOffBy: 'A', cells: {} }, 'Signed off by A.'],
  ])('signOffSentence(%s)', (state, s, want) => {
    expect(signOffSentence(state, s)).toBe(want);
  });
});
