import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { App } from '../taskpane/App';
import { chooseTheme, readThemeHints } from '../taskpane/theme';
import { createPreviewSession } from './workbook';

declare global {
  interface Window { __scorecardGrid?: import('./grid/bridge').GridHandle; __scorecardTimes?: { paneInteractive?: number; gridPainted?: number } }
}

/**
 * The preview page (`/`): the real task pane at a real pane width on the right, and the same
 * workbook in a spreadsheet on the left. The pane comes first; Univer (a large, preview-only chunk)
 * loads after it, so the pane is usable while the grid is still on its way.
 */
async function start(): Promise<void> {
  const times: NonNullable<Window['__scorecardTimes']> = {};
  window.__scorecardTimes = times;
  const { fake, services } = await createPreviewSession();
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  createRoot(root).render(<App services={services} />);
  requestAnimationFrame(() => { times.paneInteractive = performance.now(); });
  const gridEl = document.getElementById('grid');
  if (!gridEl) return;
  const { mountGrid } = await import(/* webpackChunkName: "grid" */ './grid/bridge');
  document.getElementById('grid-loading')?.remove();
  const grid = mountGrid(gridEl, fake);
  window.__scorecardGrid = grid;
  await grid.rendered();
  times.gridPainted = performance.now();
}

void start().catch((e: unknown) => {
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<FluentProvider theme={chooseTheme(readThemeHints())}><p role="alert">The preview could not start: {String(e)}</p></FluentProvider>);
});
