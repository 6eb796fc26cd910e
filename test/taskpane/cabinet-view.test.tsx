/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { HostInfo, InputFile } from '../../src/app/ports';
import { cabinetFileName, downloadNote } from '../../src/taskpane/download';
import { cabinetPreview, counts, deferred, fakeServices } from './fake-services';
import { renderApp } from './render';

const blobs: Blob[] = [];
const revoked: string[] = [];
beforeEach(() => {
  blobs.length = 0;
  revoked.length = 0;
  // jsdom has no object URLs; record what the pane hands over instead.
  URL.createObjectURL = (b: Blob | MediaSource): string => { blobs.push(b as Blob); return `blob:test/${blobs.length}`; };
  URL.revokeObjectURL = (u: string): void => { revoked.push(u); };
  // jsdom cannot navigate: a click on the link is recorded, not followed.
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

async function openCabinet(fake = fakeServices()): Promise<ReturnType<typeof fakeServices>> {
  await renderApp(fake);
  fireEvent.click(screen.getByRole('tab', { name: 'Cabinet' }));
  await screen.findByText(/^Based on/);
  return fake;
}

/** Inside Excel, with Excel.createWorkbook. */
function host(partial: Pick<HostInfo, 'label' | 'downloads'>): HostInfo {
  return { inExcel: true, limitations: [], openWorkbook: true, ...partial };
}

function blobBytes(b: Blob): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.readAsArrayBuffer(b);
  });
}

describe('Cabinet view', () => {
  it('previews counts per priority and overall, and the exceptions', async () => {
    const fake = fakeServices({
      cabinetPreview: async () => cabinetPreview({
        overall: counts({ Green: 5, Amber: 2, Red: 1, Tracking: 3 }),
        byPriority: [{ id: 'P1', title: 'Residents first', counts: counts({ Green: 5, Amber: 2, Red: 1, Tracking: 3 }) }],
        exceptions: [{ ref: 'MC01', title: 'Calls answered', commentary: 'Staff vacancies', action: 'Recruit two advisers' }],
      }),
    });
    await openCabinet(fake);
    const overall = within(await screen.findByTestId('cabinet-row-__overall'));
    const shown = overall.getAllByRole('listitem').map((li) => li.textContent);
    expect(shown).toEqual(['✔Green: 5', '▲Amber: 2', '✖Red: 1']); // Complete and Missing only when there is one, as in every count line
    expect(overall.getByText('Not counted (tracking or not due): 3')).toBeTruthy();
    expect(within(screen.getByTestId('cabinet-row-P1')).getByText('P1 Residents first')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Exceptions (1)' }).textContent).toBe('MC01 Calls answered. Commentary: Staff vacancies. Action: Recruit two advisers.');
    expect(fake.calls.cabinetPreview[0]?.[1]).toBe('2024-25 Q2');
  });

  it('shows the data-quality note the Cabinet sheet carries: returns received, sign-off, conflicts and how each was settled', async () => {
    const dataQuality = [
      { label: 'Returns received', text: '22 of 23 returns received: one is expected from each service with indicators due in 2024-25 Q2.' },
      { label: 'Not received', text: 'Highways (2 indicators due) sent no return; those indicators are shown as Missing.' },
      { label: 'Signed off', text: '8 of 22 returns signed off; 14 not yet (7 marked ready, 7 not marked ready).' },
      { label: 'Conflict CS03', text: 'Used 93.5% from customer-services.xlsx because it came first of the returns signed off.' },
    ];
    await openCabinet(fakeServices({ cabinetPreview: async () => cabinetPreview({ dataQuality }) }));
    const note = screen.getByRole('list', { name: 'Data quality' });
    expect(within(note).getAllByRole('listitem').map((li) => li.textContent)).toEqual(dataQuality.map((d) => `${d.label}: ${d.text}`));
  });

  it('creates the locked sheet with the password when one is typed', async () => {
    const fake = await openCabinet();
    fireEvent.change(screen.getByLabelText('Sheet password (optional)'), { target: { value: 's3cret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create locked Cabinet sheet' }));
    expect(await screen.findByText(/Created sheet Cabinet 2024-25 Q2/)).toBeTruthy();
    expect(fake.calls.createCabinetSheet[0]?.slice(1)).toEqual(['2024-25 Q2', { password: 's3cret' }]);
  });

  it('sends no password when the field is empty', async () => {
    const fake = await openCabinet();
    fireEvent.click(screen.getByRole('button', { name: 'Create locked Cabinet sheet' }));
    await screen.findByText(/Created sheet/);
    expect(fake.calls.createCabinetSheet[0]?.[2]).toEqual({});
  });

  it('downloads the .xlsx through a Blob and an <a download> link with the bytes given', async () => {
    const bytes = new Uint8Array([80, 75, 3, 4, 20, 0, 6, 0]);
    const fake = fakeServices({ downloadCabinet: async () => ({ name: 'Cabinet 2024-25 Q2.xlsx', bytes }) });
    await openCabinet(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Download .xlsx' }));
    const link = await screen.findByTestId('cabinet-download');
    expect(link.getAttribute('download')).toBe('Cabinet 2024-25 Q2.xlsx');
    expect(link.getAttribute('href')).toBe('blob:test/1');
    expect(HTMLAnchorElement.prototype.click).toHaveBeenCalledTimes(1);
    expect(blobs[0]?.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Array.from(await blobBytes(blobs[0] as Blob))).toEqual(Array.from(bytes));
  });

  it('says where the download went: the browser’s downloads folder, or the Downloads folder in Excel for Windows', async () => {
    await openCabinet();
    fireEvent.click(screen.getByRole('button', { name: 'Download .xlsx' }));
    expect((await screen.findByTestId('download-note')).textContent).toMatch(/^Saved to your browser's downloads folder as Cabinet 2024-25 Q2\.xlsx\. Not there\? Save Cabinet 2024-25 Q2\.xlsx$/);
  });

  it('offers Open as a new workbook only where the host can open one', async () => {
    await openCabinet();
    expect(screen.queryByRole('button', { name: 'Open as a new workbook' })).toBeNull();
  });

  it('opens the paper as a new workbook where the host can, with the same options as a download, and says so', async () => {
    const fake = await openCabinet(fakeServices({ host: host({ label: 'Excel for Windows', downloads: 'downloads-folder' }) }));
    fireEvent.change(screen.getByLabelText('Sheet password (optional)'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open as a new workbook' }));
    expect(await screen.findByText('Opened Cabinet 2024-25 Q2.xlsx as a new workbook: save it there from Excel. This workbook is unchanged.')).toBeTruthy();
    expect(fake.calls.openCabinetWorkbook[0]?.slice(1)).toEqual(['2024-25 Q2', { password: 'pw' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Download .xlsx' }));
    expect((await screen.findByTestId('download-note')).textContent).toMatch(/^Saved to your Downloads folder as Cabinet 2024-25 Q2\.xlsx\./);
  });

  it('on Excel for Mac, Open as a new workbook comes first, and a download says it cannot be saved instead of pretending', async () => {
    await openCabinet(fakeServices({ host: host({ label: 'Excel for Mac', downloads: 'none' }) }));
    const buttons = screen.getAllByRole('button').map((b) => b.textContent);
    expect(buttons.indexOf('Open as a new workbook')).toBeLessThan(buttons.indexOf('Create locked Cabinet sheet'));
    fireEvent.click(screen.getByRole('button', { name: 'Download .xlsx' }));
    expect((await screen.findByTestId('download-note')).textContent).toBe('Excel for Mac cannot save downloads from add-ins: use Open as a new workbook, then save it from Excel.');
    expect(screen.queryByTestId('cabinet-download')).toBeNull();
    expect(screen.queryByText(/^Saved to/)).toBeNull();
  });

  it('shows a refused Open as a new workbook as the plain sentence for its Excel error code, not Office’s message', async () => {
    await openCabinet(fakeServices({
      host: host({ label: 'Excel on the web', downloads: 'browser' }),
      openCabinetWorkbook: async () => { throw Object.assign(new Error('RichApi.Error: raw'), { code: 'GeneralException' }); },
    }));
    fireEvent.click(screen.getByRole('button', { name: 'Open as a new workbook' }));
    expect(await screen.findByText('Could not open the Cabinet workbook')).toBeTruthy();
    expect(screen.getByText(/Excel hit an internal error\./)).toBeTruthy();
    expect(screen.queryByText(/RichApi/)).toBeNull();
  });

  it('disables both buttons while the workbook is being built', async () => {
    const pending = deferred<InputFile>();
    const fake = await openCabinet(fakeServices({ downloadCabinet: () => pending.promise }));
    fireEvent.click(screen.getByRole('button', { name: 'Download .xlsx' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download .xlsx' }));
    expect((screen.getByRole('button', { name: 'Download .xlsx' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Create locked Cabinet sheet' }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => { pending.resolve({ name: 'x.xlsx', bytes: new Uint8Array([1]) }); });
    expect(fake.calls.downloadCabinet).toHaveLength(1);
  });

  it('shows a failed sheet creation as an error MessageBar', async () => {
    await openCabinet(fakeServices({ createCabinetSheet: async () => { throw new Error('3 returns have errors.'); } }));
    fireEvent.click(screen.getByRole('button', { name: 'Create locked Cabinet sheet' }));
    expect(await screen.findByText('Could not create the Cabinet sheet')).toBeTruthy();
    expect(screen.getByText(/3 returns have errors\./)).toBeTruthy();
  });

  it('asks for a new preview when the period changes', async () => {
    const fake = await openCabinet();
    await waitFor(() => expect(fake.calls.cabinetPreview).toHaveLength(1));
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: '2024-25 Q1' } });
    await waitFor(() => expect(fake.calls.cabinetPreview.map((c) => c[1])).toEqual(['2024-25 Q2', '2024-25 Q1']));
  });
});

describe('cabinetFileName', () => {
  it.each([
    ['Cabinet 2024-25 Q2.xlsx', '2024-25 Q2', 'Cabinet 2024-25 Q2.xlsx'],
    ['', '2024-25 Q3', 'Cabinet 2024-25 Q3.xlsx'],
    ['cabinet', '2023-24 Q1', 'Cabinet 2023-24 Q1.xlsx'],
  ])('%j for %s → %s', (name, period, want) => {
    expect(cabinetFileName({ name }, period)).toBe(want);
  });
});

describe('downloadNote', () => {
  it.each<[Pick<HostInfo, 'label' | 'downloads' | 'openWorkbook'>, string]>([
    [{ label: 'Browser preview', downloads: 'browser', openWorkbook: false }, "Saved to your browser's downloads folder as Cabinet 2024-25 Q2.xlsx."],
    [{ label: 'Excel for Windows', downloads: 'downloads-folder', openWorkbook: true }, 'Saved to your Downloads folder as Cabinet 2024-25 Q2.xlsx.'],
    [{ label: 'Excel for Mac', downloads: 'none', openWorkbook: true }, 'Excel for Mac cannot save downloads from add-ins: use Open as a new workbook, then save it from Excel.'],
    [{ label: 'Excel for Mac', downloads: 'none', openWorkbook: false }, 'Excel for Mac cannot save downloads from add-ins: use Create locked Cabinet sheet, or make the download in Excel on the web.'],
  ])('%j', (h, want) => {
    expect(downloadNote(h, 'Cabinet 2024-25 Q2.xlsx').text).toBe(want);
  });
});
