/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Consolidation } from '../../src/core/consolidate-types';
import type { InputFile, Progress } from '../../src/app/ports';
import { consolidation, counts, deferred, fakeServices } from './fake-services';
import { renderApp } from './render';

const result = consolidation({
  counts: counts({ Green: 10, Amber: 3, Red: 2, Missing: 1 }),
  files: [
    { file: 'customer.xlsx', sheet: 'Return', service: 'Customer Services', period: '2024-25 Q2', rows: 4, errors: 0, warnings: 1, signOffState: 'signed-off' },
    { file: 'asc.xlsx', sheet: 'Return', service: 'Adult Social Care', period: '2024-25 Q2', rows: 3, errors: 2, warnings: 0, signOffState: 'edited-after-signoff' },
  ],
  conflicts: [{ ref: 'MC01', reason: 'signed-off', values: [
    { file: 'customer.xlsx', cell: 'Return!F12', actual: 80, status: 'Green', signOffState: 'signed-off', used: true },
    { file: 'asc.xlsx', cell: 'Return!F9', actual: 70, status: 'Red', signOffState: 'edited-after-signoff', used: false },
  ] }],
  missing: ['MC04'],
});

function pick(container: HTMLElement, names: string[]): void {
  const input = container.querySelector('input[type=file][multiple]');
  if (!input) throw new Error('no multiple file input');
  fireEvent.change(input, { target: { files: names.map((n) => new File([n], n)) } });
}

describe('Consolidate view', () => {
  it('sends every picked file, shows progress while running, then files, conflicts and missing', async () => {
    const pending = deferred<Consolidation>();
    let progress: Progress = () => undefined;
    const fake = fakeServices({ consolidate: (_c, _f, _p, report) => { progress = report; return pending.promise; } });
    const { container } = await renderApp(fake);
    fireEvent.click(screen.getByRole('tab', { name: 'Consolidate' }));
    pick(container, ['customer.xlsx', 'asc.xlsx']);
    const run = screen.getByRole('button', { name: 'Consolidate 2 returns for 2024-25 Q2' });
    await act(async () => { fireEvent.click(run); });
    await waitFor(() => expect(fake.calls.consolidate).toHaveLength(1));
    await act(async () => { progress(1, 2, 'Reading asc.xlsx'); });
    expect(screen.getByRole('progressbar', { name: 'Consolidation progress' })).toBeTruthy();
    expect(screen.getByText('Reading asc.xlsx (1 of 2)')).toBeTruthy();
    expect((run as HTMLButtonElement).disabled).toBe(true);
    await act(async () => { pending.resolve(result); });

    const files = fake.calls.consolidate[0]?.[1] as InputFile[];
    expect(files.map((f) => [f.name, Buffer.from(f.bytes).toString('utf8')])).toEqual([['customer.xlsx', 'customer.xlsx'], ['asc.xlsx', 'asc.xlsx']]);
    expect(screen.queryByRole('progressbar')).toBeNull();
    const rows = within(screen.getByRole('table', { name: 'Returns consolidated' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['Customer Services customer.xlsx', 'Signed off', '0', '1'],
      ['Adult Social Care asc.xlsx', 'Edited after sign-off', '2', '0'],
    ]);
    expect(screen.getByRole('list', { name: 'Conflicts (1)' }).textContent)
      .toBe('MC01: customer.xlsx Return!F12 says 80 (Green); asc.xlsx Return!F9 says 70 (Red). Used customer.xlsx because it is the only return signed off.');
    expect(within(screen.getByRole('list', { name: 'Missing (1)' })).getByText('MC04')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Consolidated RAG counts' })).getByText('Red: 2')).toBeTruthy();
  });

  it('lists the files\' issues errors first, naming the file, as text (their cells are in other workbooks)', async () => {
    const withIssues = consolidation({
      ...result,
      issues: [
        { severity: 'warning', code: 'not-signed-off', file: 'asc.xlsx', params: { file: 'asc.xlsx' } },
        { severity: 'error', code: 'missing', file: 'asc.xlsx', ref: 'MC02', cell: 'Return!F9', params: { period: '2024-25 Q2' } },
      ],
    });
    const { container } = await renderApp(fakeServices({ consolidate: async () => withIssues }));
    fireEvent.click(screen.getByRole('tab', { name: 'Consolidate' }));
    pick(container, ['asc.xlsx']);
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: /Consolidate 1 return/ })); });
    expect(await screen.findByRole('heading', { name: 'Issues: 1 error, 1 warning' })).toBeTruthy();
    const error = within(screen.getByRole('list', { name: '1 error' })).getByRole('listitem');
    expect(error.textContent).toBe('asc.xlsx MC02 Return!F9 No value given, and one is due for 2024-25 Q2. Enter the actual, or explain in the commentary and ask the BI team.');
    expect(within(error).queryByRole('button')).toBeNull();
    expect(within(screen.getByRole('list', { name: '1 warning' })).getByRole('listitem').getAttribute('data-code')).toBe('not-signed-off');
    expect(screen.getByTestId('live-region').textContent).toMatch(/^Consolidated 2 returns: .*Red 2.* 1 conflict, 1 missing\.$/);
  });

  it('names a Cabinet paper picked among the returns as skipped, not as a return', async () => {
    const fake = fakeServices({ consolidate: async () => ({ ...result, skipped: [{ file: 'cabinet.xlsx', sheet: 'Cabinet 2024-25 Q2', kind: 'cabinet' as const }] }) });
    const { container } = await renderApp(fake);
    fireEvent.click(screen.getByRole('tab', { name: 'Consolidate' }));
    pick(container, ['customer.xlsx', 'cabinet.xlsx']);
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Consolidate 2 returns for 2024-25 Q2' })); });
    expect(await screen.findByText(/cabinet\.xlsx: skipped Cabinet 2024-25 Q2: .* this tool wrote, not a return/)).toBeTruthy();
  });

  it('cannot run with no files', async () => {
    await renderApp(fakeServices());
    fireEvent.click(screen.getByRole('tab', { name: 'Consolidate' }));
    expect((screen.getByRole('button', { name: 'Consolidate' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a failed consolidation as an error MessageBar and clears the progress bar', async () => {
    const { container } = await renderApp(fakeServices({ consolidate: async () => { throw new Error('asc.xlsx is not a workbook.'); } }));
    fireEvent.click(screen.getByRole('tab', { name: 'Consolidate' }));
    pick(container, ['asc.xlsx']);
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: /Consolidate 1 return/ })); });
    expect(await screen.findByText('Could not consolidate')).toBeTruthy();
    expect(screen.getByText(/asc\.xlsx is not a workbook\./)).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('loads a BI master, says which quarters it holds, reports a bad one, and forgets it on request', async () => {
    const fake = fakeServices({
      loadMaster: async (_c, file) => {
        if (file.name === 'bad.json') throw new Error('bad.json is not a BI master (history) file: periods must be a list.');
        return { file: file.name, organisation: 'London Borough of Harrow', periods: ['2023-24 Q2', '2023-24 Q3', '2024-25 Q1'] };
      },
    });
    const { container } = await renderApp(fake);
    fireEvent.click(screen.getByRole('tab', { name: 'Consolidate' }));
    const input = screen.getByLabelText('BI master (.json, optional)');
    expect(input.getAttribute('accept')).toBe('.json,application/json');
    await act(async () => { fireEvent.change(input, { target: { files: [new File(['{"x":1}'], 'bi-master.json')] } }); });
    await waitFor(() => expect(fake.calls.loadMaster).toHaveLength(1));
    const sent = fake.calls.loadMaster[0]?.[1] as InputFile;
    expect([sent.name, Buffer.from(sent.bytes).toString('utf8')]).toEqual(['bi-master.json', '{"x":1}']);
    expect((await screen.findByTestId('master-summary')).textContent).toMatch(/BI master bi-master\.json: London Borough of Harrow, 3 closed quarters, 2023-24 Q2 to 2024-25 Q1\./);

    await act(async () => { fireEvent.change(input, { target: { files: [new File(['x'], 'bad.json')] } }); });
    expect(await screen.findByText('Could not load the BI master')).toBeTruthy();
    expect(screen.getByText(/periods must be a list/)).toBeTruthy();

    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Forget the BI master' })); });
    expect(fake.calls.clearMaster).toHaveLength(1);
    expect(screen.queryByTestId('master-summary')).toBeNull();
  });

  it('shows the master the services still hold when the view comes back', async () => {
    const fake = fakeServices({ getMaster: async () => ({ file: 'kept.json', organisation: 'London Borough of Harrow', periods: ['2024-25 Q1'] }) });
    await renderApp(fake);
    fireEvent.click(screen.getByRole('tab', { name: 'Consolidate' }));
    expect((await screen.findByTestId('master-summary')).textContent).toMatch(/kept\.json: London Borough of Harrow, 1 closed quarter, 2024-25 Q1 to 2024-25 Q1\./);
  });

  it('keeps the picked files and the result when another tab is looked at', async () => {
    const fake = fakeServices({ consolidate: async () => result });
    const { container } = await renderApp(fake);
    fireEvent.click(screen.getByRole('tab', { name: 'Consolidate' }));
    pick(container, ['customer.xlsx', 'asc.xlsx']);
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Consolidate 2 returns for 2024-25 Q2' })); });
    await screen.findByRole('heading', { name: 'Scorecard for 2024-25 Q2' });
    fireEvent.click(screen.getByRole('tab', { name: 'Cabinet' }));
    expect(screen.queryByRole('heading', { name: 'Scorecard for 2024-25 Q2' })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Consolidate' }));
    expect(screen.getByRole('heading', { name: 'Scorecard for 2024-25 Q2' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Consolidate 2 returns for 2024-25 Q2' })).toBeTruthy();
    expect(fake.calls.consolidate).toHaveLength(1);
  });
});
