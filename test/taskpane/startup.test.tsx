/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { fakeServices } from './fake-services';

// The composition root is the boundary here: index.tsx is under test, so its one dependency is replaced.
const createServices = jest.fn();
jest.mock('../../src/composition', () => ({ createServices: () => createServices() }));

// index.tsx renders into its own root with a fresh React (isolated modules), outside any act():
// tell that React it is not in a test harness, and let findBy* wait for the renders.
beforeEach(() => { (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false; });

async function boot(): Promise<void> {
  document.body.innerHTML = '<div id="root"></div>';
  jest.isolateModules(() => { require('../../src/taskpane/index'); });
}

describe('task pane startup', () => {
  it('shows why it could not start, in a MessageBar', async () => {
    createServices.mockRejectedValueOnce(new Error('Excel.run is not available.'));
    await boot();
    expect(await screen.findByText('The scorecard could not start')).toBeTruthy();
    expect(screen.getByText(/Excel\.run is not available\./)).toBeTruthy();
  });

  it('renders the pane once the services are ready', async () => {
    createServices.mockResolvedValueOnce(fakeServices().services);
    await boot();
    expect(await screen.findByRole('tab', { name: 'Return' })).toBeTruthy();
    expect(screen.getByText(/Not running in Excel: browser preview/)).toBeTruthy();
  });
});
