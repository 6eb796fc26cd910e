/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { SignOff, SignOffState } from '../../src/core/return/types';
import { signOffSentence } from '../../src/core/return/signoff';
import { fakeServices, validationResult } from './fake-services';
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
