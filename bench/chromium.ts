import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { chromium, type BrowserContext } from 'playwright-core';
import { serveStatic } from './serve';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const median = (xs: number[]): number => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0);

/**
 * `distDir` served on localhost and one headless Chromium profile at `viewport`, for `measure`;
 * all three are gone afterwards, whatever it throws. One profile for every run, so the first load
 * is cold and the rest warm, as a person reopening the pane sees it.
 */
export async function inChromium<T>(distDir: string, viewport: { width: number; height: number }, measure: (context: BrowserContext, url: string) => Promise<T>): Promise<T> {
  const server = await serveStatic(distDir);
  const profile = mkdtempSync(path.join(tmpdir(), 'scorecard-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport });
  try {
    return await measure(context, server.url);
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
