/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { defaultCatalogue } from '../../src/catalogue/index';
import { freshFake, PERIOD, servicesOn } from '../adapters/office/helpers';
import { cabinetPreview, counts, fakeServices } from './fake-services';
import { renderApp } from './render';

/** Issue 13 point 7, the pane's equivalent of `consolidate --directorate D`: a Directorate picker on the Cabinet tab. */
async function openCabinet(fake = fakeServices()): Promise<ReturnType<typeof fakeServices>> {
  await renderApp(fake);
  fireEvent.click(screen.getByRole('tab', { name: 'Cabinet' }));
  await screen.findByText(/^Based on/);
  return fake;
}

describe('Cabinet view: the Directorate picker', () => {
  it('starts on Whole council (the Cabinet paper) and lists the catalogue\'s directorates', async () => {
    const fake = await openCabinet();
    const picker = screen.getByLabelText('Directorate') as HTMLSelectElement;
    expect(picker.value).toBe('');
    expect([...picker.options].map((o) => o.textContent)).toEqual(['Whole council', 'Resources', 'People']);
    expect(fake.calls.cabinetPreview[0]?.slice(1)).toEqual(['2024-25 Q2']);
    fireEvent.click(screen.getByRole('button', { name: 'Create locked Cabinet sheet' }));
    await screen.findByText(/Created sheet/);
    expect(fake.calls.createCabinetSheet[0]?.[2]).toEqual({});
  });

  it('a directorate previews, creates and downloads its DMT pack', async () => {
    const fake = fakeServices({
      cabinetPreview: async (_c, _p, scope) => cabinetPreview(scope?.directorate ? { overall: counts({ Green: 2 }), basis: `only ${scope.directorate}` } : {}),
      downloadCabinet: async (_c, period, o) => ({ name: `DMT pack ${o.directorate ?? ''} ${period}.xlsx`, bytes: new Uint8Array([80, 75, 3, 4]) }),
    });
    await openCabinet(fake);
    URL.createObjectURL = (): string => 'blob:test/1';
    URL.revokeObjectURL = (): void => undefined;
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    fireEvent.change(screen.getByLabelText('Directorate'), { target: { value: 'People' } });
    expect(await screen.findByText(/only People/)).toBeTruthy();
    expect(fake.calls.cabinetPreview.at(-1)?.slice(1)).toEqual(['2024-25 Q2', { directorate: 'People' }]);
    expect(screen.getByRole('heading', { name: 'DMT pack summary, People, 2024-25 Q2' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Sheet password (optional)'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create locked DMT pack sheet' }));
    await screen.findByText(/Created sheet/);
    expect(fake.calls.createCabinetSheet[0]?.slice(1)).toEqual(['2024-25 Q2', { password: 'pw', directorate: 'People' }]);

    fireEvent.click(screen.getByRole('button', { name: 'Download .xlsx' }));
    const link = await screen.findByTestId('cabinet-download');
    expect(fake.calls.downloadCabinet[0]?.[2]).toEqual({ password: 'pw', directorate: 'People' });
    expect(link.getAttribute('download')).toBe('DMT pack People 2024-25 Q2.xlsx');

    fireEvent.change(screen.getByLabelText('Directorate'), { target: { value: '' } });
    await waitFor(() => expect(fake.calls.cabinetPreview.at(-1)?.slice(1)).toEqual(['2024-25 Q2']));
    expect(screen.getByRole('button', { name: 'Create locked Cabinet sheet' })).toBeTruthy();
    jest.restoreAllMocks();
  });
});

describe('the Office services make the DMT pack through the same app code as the command line', () => {
  const catalogue = defaultCatalogue();
  const housing = new Set(catalogue.indicators.filter((i) => i.directorate === 'Housing').map((i) => i.id));

  it('createCabinetSheet with a directorate: that directorate\'s rows only, titled as its pack, locked', async () => {
    const fake = freshFake();
    const s = servicesOn(fake);
    await s.insertTemplate(catalogue, PERIOD);
    const { sheet } = await s.createCabinetSheet(catalogue, PERIOD, { directorate: 'housing' });
    const grid = fake.grid(sheet);
    expect(grid.values[0]?.[0]).toBe('DMT pack: Housing');
    const refs = grid.values.map((r) => r[0]).filter((v): v is string => typeof v === 'string' && /^[A-Z]{2,4}\d\d$/.test(v));
    expect(new Set(refs)).toEqual(housing);
    expect(fake.sheet(sheet).protection.protected).toBe(true);
    const whole = await s.createCabinetSheet(catalogue, PERIOD, {});
    expect(fake.grid(whole.sheet).values[0]?.[0]).toBe('Corporate Performance Scorecard');
  });

  it('cabinetPreview counts the directorate only; downloadCabinet names the pack; an unknown directorate is refused with the list', async () => {
    const s = servicesOn(freshFake());
    await s.insertTemplate(catalogue, PERIOD);
    const p = await s.cabinetPreview(catalogue, PERIOD, { directorate: 'Housing' });
    const total = (c: Record<string, number>): number => Object.values(c).reduce((a, b) => a + b, 0);
    expect(total(p.overall as unknown as Record<string, number>)).toBe(housing.size);
    expect(p.byPriority.length).toBeGreaterThan(0);
    expect(total((await s.cabinetPreview(catalogue, PERIOD)).overall as unknown as Record<string, number>)).toBeGreaterThan(housing.size);
    expect((await s.downloadCabinet(catalogue, PERIOD, { directorate: 'Housing' })).name).toBe('DMT pack Housing 2024-25 Q2.xlsx');
    await expect(s.createCabinetSheet(catalogue, PERIOD, { directorate: 'Nowhere' })).rejects.toThrow(/No directorate "Nowhere".*Resources.*Housing/);
  });
});
