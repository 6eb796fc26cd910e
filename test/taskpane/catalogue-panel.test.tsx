/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CatalogueLoad, CatalogueSource } from '../../src/app/ports';
import { isHttpsUrl } from '../../src/taskpane/components/CataloguePanel';
import { miniCatalogue } from '../core/fixtures/mini-catalogue';
import { fakeServices } from './fake-services';
import { renderApp } from './render';

const rejected: CatalogueLoad = {
  ok: false,
  message: 'catalogue.json is not a valid catalogue.',
  errors: [
    { path: 'indicators[1].polarity', message: 'must be one of higher, lower, none, range', value: 'up' },
    { path: 'financialYears', message: 'must list at least one financial year' },
  ],
};

function fileInput(container: HTMLElement): HTMLInputElement {
  const input = container.querySelector('input[type=file]');
  if (!(input instanceof HTMLInputElement)) throw new Error('no file input');
  return input;
}

describe('Catalogue panel', () => {
  it('loads the embedded default on start and shows what it is', async () => {
    const fake = fakeServices();
    await renderApp(fake);
    expect(fake.calls.loadCatalogue[0]).toEqual([{ kind: 'default' }]);
    expect(screen.getByTestId('catalogue-organisation').textContent).toBe('Test Borough');
    expect(screen.getByTestId('catalogue-plan').textContent).toBe('Corporate Plan 2023-26');
    expect(screen.getByTestId('catalogue-version').textContent).toBe('2023-06-29');
    expect(screen.getByTestId('catalogue-indicators').textContent).toBe(String(miniCatalogue().indicators.length));
  });

  it('defaults the period to the latest quarter ended by today', async () => {
    await renderApp(fakeServices(), '2025-01-20');
    expect((screen.getByLabelText('Period') as HTMLSelectElement).value).toBe('2024-25 Q3');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toContain('2025-26 Q4');
  });

  it('lists schema errors with their JSON paths for a picked file', async () => {
    const fake = fakeServices({
      loadCatalogue: async (s: CatalogueSource) => (s.kind === 'file' ? rejected : { ok: true, catalogue: miniCatalogue(), label: 'Embedded default' }),
    });
    const { container } = await renderApp(fake);
    fireEvent.click(screen.getByRole('radio', { name: 'File' }));
    const file = new File(['{"schemaVersion":1}'], 'catalogue.json', { type: 'application/json' });
    await act(async () => { fireEvent.change(fileInput(container), { target: { files: [file] } }); });
    const list = await screen.findByRole('list', { name: 'Catalogue errors' });
    const items = within(list).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'indicators[1].polarity must be one of higher, lower, none, range (found "up")',
      'financialYears must list at least one financial year',
    ]);
    const call = fake.calls.loadCatalogue[1]?.[0] as Extract<CatalogueSource, { kind: 'file' }>;
    expect(call.name).toBe('catalogue.json');
    expect(Buffer.from(call.bytes).toString('utf8')).toBe('{"schemaVersion":1}');
    // The catalogue in use stays in use.
    expect(screen.getByTestId('catalogue-organisation').textContent).toBe('Test Borough');
  });

  it('loads an HTTPS URL and saves it for next time', async () => {
    const fake = fakeServices();
    await renderApp(fake);
    fireEvent.click(screen.getByRole('radio', { name: 'HTTPS URL' }));
    fireEvent.change(screen.getByLabelText('Catalogue URL'), { target: { value: 'https://bi.example.gov.uk/catalogue.json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Load' }));
    await waitFor(() => expect(fake.calls.saveCatalogueUrl).toEqual([['https://bi.example.gov.uk/catalogue.json']]));
    expect(fake.calls.loadCatalogue[1]).toEqual([{ kind: 'url', url: 'https://bi.example.gov.uk/catalogue.json' }]);
  });

  it('refuses a plain http address without asking the services', async () => {
    const fake = fakeServices();
    await renderApp(fake);
    fireEvent.click(screen.getByRole('radio', { name: 'HTTPS URL' }));
    fireEvent.change(screen.getByLabelText('Catalogue URL'), { target: { value: 'http://bi.example.gov.uk/c.json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Load' }));
    expect(await screen.findByText('Enter an address starting with https://')).toBeTruthy();
    expect(fake.calls.loadCatalogue).toHaveLength(1);
  });

  it('starts from the saved URL, and falls back to the default with a warning when it fails', async () => {
    const fake = fakeServices({
      getSavedCatalogueUrl: async () => 'https://bi.example.gov.uk/c.json',
      loadCatalogue: async (s: CatalogueSource) => {
        if (s.kind === 'url') throw new Error('Network unreachable.');
        return { ok: true, catalogue: miniCatalogue(), label: 'Embedded default' };
      },
    });
    await renderApp(fake);
    expect(fake.calls.loadCatalogue.map((c) => (c[0] as CatalogueSource).kind)).toEqual(['url', 'default']);
    expect(screen.getByText(/saved catalogue at https:\/\/bi\.example\.gov\.uk\/c\.json did not load/)).toBeTruthy();
  });

  it('shows a failed load as an error MessageBar', async () => {
    const fake = fakeServices({
      loadCatalogue: async (s: CatalogueSource) => {
        if (s.kind === 'url') throw new Error('HTTP 404 from the server.');
        return { ok: true, catalogue: miniCatalogue(), label: 'Embedded default' };
      },
    });
    await renderApp(fake);
    fireEvent.click(screen.getByRole('radio', { name: 'HTTPS URL' }));
    fireEvent.change(screen.getByLabelText('Catalogue URL'), { target: { value: 'https://x.example/c.json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Load' }));
    expect(await screen.findByText('Could not load the catalogue')).toBeTruthy();
    expect(screen.getByText(/HTTP 404 from the server\./)).toBeTruthy();
  });

  it.each([
    ['https://a.example/c.json', true],
    ['  https://a.example/c.json ', true],
    ['http://a.example/c.json', false],
    ['file:///c.json', false],
    ['not a url', false],
  ])('isHttpsUrl(%j) = %s', (text, want) => {
    expect(isHttpsUrl(text)).toBe(want);
  });
});

describe('Header', () => {
  it('says clearly when it is not running in Excel and lists limitations', async () => {
    const fake = fakeServices();
    (fake.services as { host: unknown }).host = { inExcel: false, label: 'Browser preview', limitations: ['No live RAG formatting'] };
    await renderApp(fake);
    expect(screen.getByText(/Not running in Excel: browser preview on a sample workbook/)).toBeTruthy();
    // Said once: the label would say it again (test/taskpane/first-run.test.tsx counts it).
    expect(screen.queryByText(/Running in:/)).toBeNull();
    expect(within(screen.getByRole('list', { name: 'Limitations of this host' })).getByText('No live RAG formatting')).toBeTruthy();
  });

  it('has no preview warning inside Excel', async () => {
    const fake = fakeServices();
    (fake.services as { host: unknown }).host = { inExcel: true, label: 'Excel on the web', limitations: [] };
    await renderApp(fake);
    expect(screen.queryByText(/Not running in Excel/)).toBeNull();
    expect(screen.getByText('Running in: Excel on the web')).toBeTruthy();
  });
});
