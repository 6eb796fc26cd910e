import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { chromium } from 'playwright-core';
import { serveStatic } from './serve';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Milliseconds from navigation start to the pane's first rendered content, median of `runs`. */
export async function measurePane(distDir: string, runs = 5): Promise<{ firstRenderMs: number | null; note?: string }> {
  if (!existsSync(CHROMIUM)) return { firstRenderMs: null, note: `no Chromium at ${CHROMIUM} (apt-get install -y chromium)` };
  const server = await serveStatic(distDir);
  const profile = mkdtempSync(path.join(tmpdir(), 'scorecard-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    await context.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      await page.goto(`${server.url}/taskpane.html`);
      await page.waitForFunction(() => document.querySelector('[role="tablist"], h1, [data-pane-ready]') !== null, undefined, { polling: 'raf', timeout: 30000 });
      times.push(await page.evaluate(() => performance.now()));
      await page.close();
    }
    times.sort((a, b) => a - b);
    return { firstRenderMs: Math.round(times[Math.floor(times.length / 2)] ?? 0) };
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
