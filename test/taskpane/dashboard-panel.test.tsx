/** @jest-environment jsdom */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { DashboardPanel } from '../../src/taskpane/components/DashboardPanel';
import type { ScorecardServices } from '../../src/app/ports';
import { chartsOf } from '../../src/preview/fake-excel/chart-collection';
import { miniCatalogue } from '../core/fixtures/mini-catalogue';
import { catalogueOfSize, freshFake, PERIOD, servicesOn } from '../adapters/office/helpers';
import { deferred, fakeServices } from './fake-services';
import { renderApp } from './render';

const button = (): HTMLButtonElement => screen.getByRole('button', { name: 'Create dashboard sheet' }) as HTMLButtonElement;
const picker = (): HTMLSelectElement => screen.getByLabelText('Indicator for the trend chart') as HTMLSelectElement;

async function openCabinet(fake = fakeServices()): Promise<ReturnType<typeof fakeServices>> {
  await renderApp(fake);
  fireEvent.click(screen.getByRole('tab', { name: 'Cabinet' }));
  await screen.findByRole('button', { name: 'Create dashboard sheet' });
  return fake;
}

describe('Dashboard panel in the Cabinet view', () => {
  it('offers every quantitative indicator for the trend, and no qualitative one', async () => {
    await openCabinet();
    const options = within(picker()).getAllByRole('option').map((o) => (o as HTMLOptionElement).value);
    const want = miniCatalogue().indicators.filter((i) => i.kind === 'quantitative').map((i) => i.id);
    expect(options).toEqual(['', ...want]);
    expect(options).not.toContain('MC05');
  });

  it.each([
    ['the picked indicator', 'MC02', 'MC02'],
    ['no ref when left on the first with a value', '', undefined],
  ])('creates the sheet with %s and says so', async (_, chosen, sent) => {
    const fake = await openCabinet();
    fireEvent.change(picker(), { target: { value: chosen } });
    fireEvent.click(button());
    expect(await screen.findByText(/Created sheet Dashboard: RAG counts per priority as a stacked bar/)).toBeTruthy();
    expect(fake.calls.createDashboard).toHaveLength(1);
    expect(fake.calls.createDashboard[0]?.slice(1)).toEqual(['2024-25 Q2', sent]);
  });

  it('is disabled while running, so a double click makes one sheet', async () => {
    const pending = deferred<{ readonly sheet: string }>();
    const fake = await openCabinet(fakeServices({ createDashboard: () => pending.promise }));
    fireEvent.click(button());
    fireEvent.click(button());
    expect(button().disabled).toBe(true);
    expect(picker().disabled).toBe(true);
    expect(screen.getByText('Creating the dashboard…')).toBeTruthy();
    await act(async () => { pending.resolve({ sheet: 'Dashboard (2)' }); });
    expect(fake.calls.createDashboard).toHaveLength(1);
    expect(button().disabled).toBe(false);
    expect(screen.getByText(/Created sheet Dashboard \(2\)/)).toBeTruthy();
  });

  it('shows a failure as an error MessageBar that can be dismissed', async () => {
    await openCabinet(fakeServices({ createDashboard: async () => { throw new Error('No returns for 2024-25 Q2.'); } }));
    fireEvent.click(button());
    expect(await screen.findByText('Could not create the dashboard')).toBeTruthy();
    expect(screen.getByText(/No returns for 2024-25 Q2\./)).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Dismiss' }).at(-1) as HTMLElement);
    await waitFor(() => expect(screen.queryByText('Could not create the dashboard')).toBeNull());
  });

  it('on the Office services over the fake workbook: the click leaves a Dashboard sheet with its chart', async () => {
    const excel = freshFake();
    const services: ScorecardServices = servicesOn(excel);
    const cat = catalogueOfSize(3);
    await services.insertTemplate(cat, PERIOD);
    render(<FluentProvider theme={webLightTheme}><DashboardPanel services={services} catalogue={cat} period={PERIOD} /></FluentProvider>);
    fireEvent.click(button());
    expect(await screen.findByText(/Created sheet Dashboard:/)).toBeTruthy();
    expect(chartsOf(excel.sheet('Dashboard')).map((c) => c.type)).toEqual(['BarStacked']);
  });
});
