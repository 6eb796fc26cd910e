/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ValidationResult } from '../../src/core/return/types';
import { counts, deferred, fakeServices, validationResult } from './fake-services';
import { renderApp } from './render';

const redResult = validationResult({
  counts: counts({ Green: 3, Amber: 1, Red: 2, Complete: 1, Missing: 4 }),
  issues: [
    { severity: 'error', code: 'commentary-required', ref: 'MC01', cell: 'Return!K12', message: 'MC01 is Red: add commentary.' },
    { severity: 'warning', code: 'target-edited', ref: 'MC02', cell: 'Return!G13', message: 'The target was edited in the sheet.' },
    { severity: 'error', code: 'no-period', message: 'The return has no Period cell.' },
  ],
});

const validateButton = (): HTMLElement => screen.getByRole('button', { name: 'Validate' });

describe('Return view', () => {
  it('validates with the chosen period and shows the RAG counts as text', async () => {
    const fake = fakeServices({ validate: async () => redResult });
    await renderApp(fake);
    fireEvent.click(validateButton());
    const summary = await screen.findByRole('list', { name: 'RAG counts' });
    expect(fake.calls.validate[0]?.[1]).toEqual({ period: '2024-25 Q2' });
    for (const [status, n] of [['Green', 3], ['Amber', 1], ['Red', 2], ['Complete', 1], ['Missing', 4]] as const) {
      expect(within(summary).getByText(`${status}: ${n}`)).toBeTruthy();
    }
    // Blue is off in this catalogue: no zero column for it.
    expect(within(summary).queryByText(/Blue/)).toBeNull();
    expect(screen.getByTestId('live-region').textContent).toContain('Red 2');
  });

  it('lists every issue with severity, ref, cell and message', async () => {
    await renderApp(fakeServices({ validate: async () => redResult }));
    fireEvent.click(validateButton());
    const list = await screen.findByRole('list', { name: 'Issues (3)' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]?.textContent).toMatch(/Error.*MC01.*Return!K12.*MC01 is Red: add commentary\./);
    expect(items[1]?.textContent).toMatch(/Warning.*MC02.*Return!G13/);
    expect(within(items[2] as HTMLElement).queryByRole('button')).toBeNull(); // no cell: nothing to go to
  });

  it.each([
    ['Return!K12', 0],
    ['Return!G13', 1],
  ])('clicking the issue at %s selects that cell', async (cell, index) => {
    const fake = fakeServices({ validate: async () => redResult });
    await renderApp(fake);
    fireEvent.click(validateButton());
    const list = await screen.findByRole('list', { name: 'Issues (3)' });
    fireEvent.click(within(list).getAllByRole('button')[index] as HTMLElement);
    await waitFor(() => expect(fake.calls.selectCell).toEqual([[cell]]));
  });

  it('issue buttons are native buttons, so Enter and Space activate them', async () => {
    await renderApp(fakeServices({ validate: async () => redResult }));
    fireEvent.click(validateButton());
    const button = within(await screen.findByRole('list', { name: 'Issues (3)' })).getAllByRole('button')[0] as HTMLElement;
    expect(button.tagName).toBe('BUTTON');
    expect(button.getAttribute('type')).toBe('button');
  });

  it('disables Validate and Insert while validating and ignores a second click', async () => {
    const pending = deferred<ValidationResult>();
    const fake = fakeServices({ validate: () => pending.promise });
    await renderApp(fake);
    fireEvent.click(validateButton());
    fireEvent.click(validateButton());
    expect((validateButton() as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Insert template' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Validating…')).toBeTruthy();
    await act(async () => { pending.resolve(redResult); });
    expect((validateButton() as HTMLButtonElement).disabled).toBe(false);
    expect(fake.calls.validate).toHaveLength(1);
  });

  it('shows a rejected validation as an error MessageBar saying what to do', async () => {
    await renderApp(fakeServices({ validate: async () => { throw new Error('No sheet named Return.'); } }));
    fireEvent.click(validateButton());
    expect(await screen.findByText('Could not validate the return')).toBeTruthy();
    expect(screen.getByText(/No sheet named Return\..*insert a template/)).toBeTruthy();
    expect((validateButton() as HTMLButtonElement).disabled).toBe(false);
  });

  it('inserts a template for the chosen period and service', async () => {
    const fake = fakeServices();
    await renderApp(fake);
    fireEvent.change(screen.getByLabelText('Service'), { target: { value: 'Customer Services' } });
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: '2023-24 Q3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Insert template' }));
    expect(await screen.findByText(/Inserted sheet Return for 2023-24 Q3/)).toBeTruthy();
    expect(fake.calls.insertTemplate[0]?.slice(1)).toEqual(['2023-24 Q3', 'Customer Services']);
  });

  it('passes no service for All services', async () => {
    const fake = fakeServices();
    await renderApp(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Insert template' }));
    await screen.findByText(/Inserted sheet Return/);
    expect(fake.calls.insertTemplate[0]?.[2]).toBeUndefined();
  });

  it('re-validates when the sheet changes while the switch is on, and stops when it is off', async () => {
    const fake = fakeServices({ validate: async () => redResult });
    await renderApp(fake);
    fireEvent.click(screen.getByRole('switch', { name: 'Re-validate when the sheet changes' }));
    await waitFor(() => expect(fake.changeHandler).toBeDefined());
    await act(async () => { fake.changeHandler?.(); });
    await screen.findByRole('list', { name: 'RAG counts' });
    expect(fake.calls.validate).toHaveLength(1);
    fireEvent.click(screen.getByRole('switch', { name: 'Re-validate when the sheet changes' }));
    expect(fake.unsubscribed).toBe(1);
  });

  it('runs once more when the sheet changes during a validation', async () => {
    const first = deferred<ValidationResult>();
    let n = 0;
    const fake = fakeServices({ validate: () => (n++ === 0 ? first.promise : Promise.resolve(redResult)) });
    await renderApp(fake);
    fireEvent.click(screen.getByRole('switch', { name: 'Re-validate when the sheet changes' }));
    await waitFor(() => expect(fake.changeHandler).toBeDefined());
    await act(async () => { fake.changeHandler?.(); fake.changeHandler?.(); });
    await act(async () => { first.resolve(validationResult()); });
    await waitFor(() => expect(fake.calls.validate).toHaveLength(2));
  });
});
