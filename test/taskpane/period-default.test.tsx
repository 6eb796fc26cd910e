/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeServices } from './fake-services';
import { renderApp } from './render';

/**
 * The period picker never starts on a default that relabels data: it starts on the period written
 * in the workbook's Return sheet, and on the Consolidate tab it follows the period the picked
 * returns agree on (a mixed pick is a warning).
 */

const periodValue = (): string => (screen.getByLabelText('Period') as HTMLSelectElement).value;

function pick(container: HTMLElement, names: string[]): void {
  const input = container.querySelector('input[type=file][multiple]');
  if (!input) throw new Error('no multiple file input');
  fireEvent.change(input, { target: { files: names.map((n) => new File([n], n)) } });
}

describe('the pane’s period', () => {
  it('starts on the Return sheet’s own period, not on the latest quarter ended', async () => {
    const fake = fakeServices({ returnPeriod: async () => '2023-24 Q4' });
    await renderApp(fake, '2024-10-15');
    expect(periodValue()).toBe('2023-24 Q4');
  });

  it('falls back to the latest quarter ended when the workbook has no return', async () => {
    await renderApp(fakeServices({ returnPeriod: async () => undefined }), '2024-10-15');
    expect(periodValue()).toBe('2024-25 Q2');
  });

  it('follows the quarter the picked returns agree on, and says so', async () => {
    const fake = fakeServices({ filesPeriod: async () => ({ period: '2024-25 Q1' }) });
    const { container } = await renderApp(fake, '2024-10-15');
    fireEvent.click(screen.getByRole('tab', { name: 'Consolidate' }));
    await act(async () => { pick(container, ['a.xlsx', 'b.xlsx']); });
    await waitFor(() => expect(periodValue()).toBe('2024-25 Q1'));
    expect(screen.getByText(/The picked returns are for 2024-25 Q1, so the period is 2024-25 Q1/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Consolidate 2 returns for 2024-25 Q1' })).toBeTruthy();
  });

  it('warns when the picked returns are for different quarters, and keeps the period', async () => {
    const fake = fakeServices({ filesPeriod: async () => ({ mixed: ['2024-25 Q1', '2024-25 Q2'] }) });
    const { container } = await renderApp(fake, '2024-10-15');
    fireEvent.click(screen.getByRole('tab', { name: 'Consolidate' }));
    await act(async () => { pick(container, ['a.xlsx', 'b.xlsx']); });
    expect(await screen.findByText(/different quarters \(2024-25 Q1, 2024-25 Q2\)/)).toBeTruthy();
    expect(periodValue()).toBe('2024-25 Q2');
  });
});
