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
 * Resolves once the pane's tabs are on screen (or after `capMs`). Univer's chunk is megabytes of
 * script: evaluating it before React has committed the pane would hold the pane back by a quarter
 * of a second, so the grid's import waits for this.
 */
function paneShown(root: HTMLElement, capMs = 3000): Promise<void> {
  const shown = (): boolean => root.querySelector('[role="tablist"]') !== null;
  return new Promise((resolve) => {
    if (shown()) { resolve(); return; }
    const done = (): void => { observer.disconnect(); clearTimeout(cap); requestAnimationFrame(() => resolve()); };
    const observer = new MutationObserver(() => { if (shown()) done(); });
    const cap = setTimeout(done, capMs);
    observer.observe(root, { childList: true, subtree: true });
  });
}

/**
 * The preview page (`/`): the real task pane at a real pane width on the right, and the same
 * workbook in a spreadsheet on the left. The pane comes first; Univer (a large, preview-only chunk)
 * loads after it, so the pane is usable while the grid is still on its way. Only `Return` is seeded
 * before the pane renders; the other returns follow in idle slices (workbook.ts).
 */
async function start(): Promise<void> {
  const times: NonNullable<Window['__scorecardTimes']> = {};
  window.__scorecardTimes = times;
  const { fake, services, seeded } = await createPreviewSession();
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  createRoot(root).render(<App services={services} />);
  await paneShown(root);
  times.paneInteractive = performance.now();
  const gridEl = document.getElementById('grid');
  if (!gridEl) return;
  // The grid loads while the other returns are seeded, and shows the workbook once they are all in.
  const [{ mountGrid }] = await Promise.all([import(/* webpackChunkName: "grid" */ './grid/bridge'), seeded]);
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
