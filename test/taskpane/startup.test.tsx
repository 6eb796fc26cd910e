/** @jest-environment jsdom */
import { fireEvent, screen } from '@testing-library/react';
import { fakeServices } from './fake-services';

// The composition root is the boundary here: index.tsx is under test, so its one dependency is replaced.
const createServices = jest.fn();
jest.mock('../../src/composition', () => ({ createServices: () => createServices() }));

// index.tsx renders into its own root with a fresh React (a reset module registry), outside any act():
// tell that React it is not in a test harness, and let findBy* wait for the renders.
beforeEach(() => { (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false; });

async function boot(slowStartMs?: number): Promise<void> {
  document.body.innerHTML = slowStartMs === undefined ? '<div id="root"></div>' : `<div id="root" data-slow-start-ms="${slowStartMs}"></div>`;
  // A fresh registry (not isolateModules, which covers only synchronous requires): index.tsx imports
  // the pane later, and that import must meet the same React as the shell.
  jest.resetModules();
  require('../../src/taskpane/index');
}

describe('task pane startup', () => {
  it('shows why it could not start, in a MessageBar', async () => {
    createServices.mockRejectedValueOnce(new Error('Excel.run is not available.'));
    await boot();
    expect(await screen.findByText('The scorecard could not start')).toBeTruthy();
    expect(screen.getByText(/Excel\.run is not available\./)).toBeTruthy();
  });

  it('shows a visible starting state while Office starts, and no browser preview', async () => {
    createServices.mockReturnValueOnce(new Promise(() => undefined));
    await boot();
    expect(await screen.findByText('Starting Corporate Scorecard…')).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'Return' })).toBeNull();
  });

  it('paints the pane title at once, with nothing to press until the services exist', async () => {
    createServices.mockReturnValueOnce(new Promise(() => undefined));
    await boot();
    expect(await screen.findByRole('heading', { level: 1, name: 'Corporate Scorecard for Excel' })).toBeTruthy();
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');
    expect(document.querySelector('[data-pane-ready]')).toBeNull();
  });

  it('marks the pane ready (the bench\'s "interactive") once the catalogue and period are known', async () => {
    createServices.mockResolvedValueOnce(fakeServices().services);
    await boot();
    await screen.findByRole('tab', { name: 'Return' });
    expect(document.querySelector('[data-pane-ready]')).not.toBeNull();
  });

  it('says so when Office is slow to start, keeps waiting, and offers a retry that starts again', async () => {
    createServices.mockReturnValueOnce(new Promise(() => undefined));
    await boot(50);
    expect(await screen.findByText('Excel is still starting the add-in')).toBeTruthy();
    expect(screen.getByText('Starting Corporate Scorecard…')).toBeTruthy();
    createServices.mockResolvedValueOnce(fakeServices().services);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('tab', { name: 'Return' })).toBeTruthy();
  });

  it('retries after a failure to start', async () => {
    createServices.mockRejectedValueOnce(new Error('Office.js did not load.'));
    await boot();
    const retry = await screen.findByRole('button', { name: 'Try again' });
    createServices.mockResolvedValueOnce(fakeServices().services);
    fireEvent.click(retry);
    expect(await screen.findByRole('tab', { name: 'Return' })).toBeTruthy();
  });

  it('renders the pane once the services are ready', async () => {
    createServices.mockResolvedValueOnce(fakeServices().services);
    await boot();
    expect(await screen.findByRole('tab', { name: 'Return' })).toBeTruthy();
    expect(screen.getByText(/Not running in Excel: browser preview/)).toBeTruthy();
  });
});
