import { existsSync } from 'fs';
import { CHROMIUM, inChromium, median } from './chromium';

export interface PaneTimes {
  /** Median ms from navigation start to the first frame showing the pane's title (its shell). */
  readonly firstRenderMs: number | null;
  /** Median ms from navigation start to the first frame where the catalogue is loaded and every action works. */
  readonly interactiveMs: number | null;
  readonly note?: string;
}

/**
 * Runs in the page before its scripts: notes, for each selector, the frame in which it first
 * matched. Reading performance.now() from the bench after waitForFunction (as this bench once did)
 * measured when the page's main thread was next free, not when the pane was drawn: the preview
 * workbook is built on the main thread right after the shell is painted, so the shell's time read
 * as the workbook's. The requestAnimationFrame timestamp is the start of the frame that paints it
 * (the same for both marks when they show in one frame).
 */
const RECORDER = `(() => {
  const marks = { first: '[role="tablist"], h1, [data-pane-ready]', ready: '[data-pane-ready]' };
  const seen = {};
  window.__paneTimes = {};
  const look = () => {
    for (const [name, selector] of Object.entries(marks)) {
      if (seen[name] || !document.querySelector(selector)) continue;
      seen[name] = true;
      requestAnimationFrame((frame) => { window.__paneTimes[name] = frame; });
    }
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/** The pane's first render and time to interactive (catalogue loaded) in headless Chromium, medians of `runs`. */
export async function measurePane(distDir: string, runs = 5): Promise<PaneTimes> {
  if (!existsSync(CHROMIUM)) return { firstRenderMs: null, interactiveMs: null, note: `no Chromium at ${CHROMIUM} (apt-get install -y chromium)` };
  // A task pane's size (350 × 900), as Excel opens it.
  return inChromium(distDir, { width: 350, height: 900 }, async (context, url) => {
    await context.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
    await context.addInitScript(RECORDER);
    const first: number[] = [];
    const ready: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      await page.goto(`${url}/taskpane.html`);
      await page.waitForFunction(() => {
        const t = (window as { __paneTimes?: { first?: number; ready?: number } }).__paneTimes;
        return t?.first !== undefined && t.ready !== undefined;
      }, undefined, { timeout: 30000 });
      const t = await page.evaluate(() => (window as unknown as { __paneTimes: { first: number; ready: number } }).__paneTimes);
      first.push(t.first);
      ready.push(t.ready);
      await page.close();
    }
    return { firstRenderMs: median(first), interactiveMs: median(ready) };
  });
}
