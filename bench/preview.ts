import { existsSync } from 'fs';
import path from 'path';
import { CHROMIUM, inChromium, median } from './chromium';

export interface PreviewFigures {
  /** Navigation start to the pane's tabs on screen (its controls work from then), median. */
  readonly paneInteractiveMs: number | null;
  /** Navigation start to the grid showing the workbook with its formulas computed, median. */
  readonly gridPaintedMs: number | null;
  readonly note?: string;
}

/** The preview page (`/`, index.html) in headless Chromium, `runs` times in one browser profile (the first load is cold). */
export async function measurePreview(distDir: string, runs = 5): Promise<PreviewFigures> {
  if (!existsSync(CHROMIUM)) return { paneInteractiveMs: null, gridPaintedMs: null, note: `no Chromium at ${CHROMIUM}` };
  if (!existsSync(path.join(distDir, 'index.html'))) return { paneInteractiveMs: null, gridPaintedMs: null, note: 'no index.html in the build' };
  return inChromium(distDir, { width: 1400, height: 900 }, async (context, url) => {
    const pane: number[] = [];
    const grid: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      await page.goto(`${url}/index.html`);
      await page.waitForFunction(() => document.querySelector('#root [role="tablist"]') !== null, undefined, { polling: 'raf', timeout: 30000 });
      pane.push(await page.evaluate(() => performance.now()));
      await page.waitForFunction(() => (window as { __scorecardTimes?: { gridPainted?: number } }).__scorecardTimes?.gridPainted !== undefined, undefined, { timeout: 60000 });
      grid.push(await page.evaluate(() => (window as unknown as { __scorecardTimes: { gridPainted: number } }).__scorecardTimes.gridPainted));
      await page.close();
    }
    return { paneInteractiveMs: median(pane), gridPaintedMs: median(grid) };
  });
}
