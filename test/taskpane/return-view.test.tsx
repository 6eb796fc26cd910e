/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ValidationResult } from '../../src/core/return/types';
import { counts, deferred, fakeServices, validationResult } from './fake-services';
import { renderApp } from './render';

// Issues as the core makes them (code and parameters): the pane words them without their ref and cell.
const redResult = validationResult({
  counts: counts({ Green: 3, Amber: 1, Red: 2, Complete: 1, Missing: 4 }),
  issues: [
    { severity: 'warning', code: 'target-edited', ref: 'MC02', cell: "'Return (2)'!G13", params: { shown: '70', target: 80 } },
    { severity: 'error', code: 'commentary-required', ref: 'MC01', cell: "'Return (2)'!K12", params: { status: 'Red' } },
    { severity: 'error', code: 'no-period', params: {} },
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
    for (const [status, symbol, n] of [['Green', '✔', 3], ['Amber', '▲', 1], ['Red', '✖', 2], ['Complete', '■', 1], ['Missing', '?', 4]] as const) {
      // A shape as well as a colour; the shape is hidden from screen readers, which read the word.
      const badge = within(summary).getByTestId(`count-${status}`);
      expect(badge.textContent).toBe(`${symbol}${status}: ${n}`);
      expect(within(badge).getByText(symbol).getAttribute('aria-hidden')).toBe('true');
    }
    // Blue is off in this catalogue: no zero column for it.
    expect(within(summary).queryByText(/Blue/)).toBeNull();
    expect(screen.getByTestId('live-region').textContent).toContain('Red 2');
  });

  it('groups the issues errors first, each group a list named with its count', async () => {
    await renderApp(fakeServices({ validate: async () => redResult }));
    fireEvent.click(validateButton());
    const errors = await screen.findByRole('list', { name: '2 errors' });
    const warnings = screen.getByRole('list', { name: '1 warning' });
    expect(screen.getByRole('heading', { name: '2 errors' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '1 warning' })).toBeTruthy();
    expect(within(errors).getAllByRole('listitem').map((li) => li.getAttribute('data-code'))).toEqual(['commentary-required', 'no-period']);
    expect(within(warnings).getAllByRole('listitem').map((li) => li.getAttribute('data-code'))).toEqual(['target-edited']);
    // Errors come first in reading order too, not only in their own list.
    expect(errors.compareDocumentPosition(warnings) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByTestId('issue-counts').textContent).toBe('2 errors, 1 warning. Select an issue to go to its cell.');
    expect(screen.getByTestId('live-region').textContent).toContain('2 errors, 1 warning.');
  });

  it('shows the ref and the cell once per row, and the message without them', async () => {
    await renderApp(fakeServices({ validate: async () => redResult }));
    fireEvent.click(validateButton());
    const button = await screen.findByRole('button', { name: /^MC01, 'Return \(2\)'!K12: The RAG is Red, so a commentary is needed: say why/ });
    const text = button.textContent ?? '';
    expect(text.split('MC01')).toHaveLength(2);
    expect(text.split("'Return (2)'!K12")).toHaveLength(2);
    expect(button.getAttribute('title')).toBe("Go to 'Return (2)'!K12");
  });

  it.each([
    ["'Return (2)'!K12", /^MC01, /],
    ["'Return (2)'!G13", /^MC02, /],
  ])('clicking the issue at %s selects that cell', async (cell, name) => {
    const fake = fakeServices({ validate: async () => redResult });
    await renderApp(fake);
    fireEvent.click(validateButton());
    fireEvent.click(await screen.findByRole('button', { name }));
    await waitFor(() => expect(fake.calls.selectCell).toEqual([[cell]]));
  });

  it('an issue without a cell is text, not a button', async () => {
    await renderApp(fakeServices({ validate: async () => redResult }));
    fireEvent.click(validateButton());
    const errors = await screen.findByRole('list', { name: '2 errors' });
    const noPeriod = within(errors).getAllByRole('listitem')[1] as HTMLElement;
    expect(within(noPeriod).queryByRole('button')).toBeNull();
    expect(noPeriod.textContent).toContain('The return does not say which period it is for.');
  });

  it('issue buttons are native buttons, so Enter and Space activate them', async () => {
    await renderApp(fakeServices({ validate: async () => redResult }));
    fireEvent.click(validateButton());
    const button = await screen.findByRole('button', { name: /^MC01, / });
    expect(button.tagName).toBe('BUTTON');
    expect(button.getAttribute('type')).toBe('button');
  });

  it('says so when there are no issues', async () => {
    await renderApp(fakeServices({ validate: async () => validationResult({ counts: counts({ Green: 2 }) }) }));
    fireEvent.click(validateButton());
    expect(await screen.findByText('No issues found.')).toBeTruthy();
    expect(screen.getByTestId('issue-counts').textContent).toBe('0 errors, 0 warnings.');
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
