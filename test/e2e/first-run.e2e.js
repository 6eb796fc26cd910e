/* eslint-disable @typescript-eslint/no-require-imports */
// First run of the browser preview in a task pane's size (350 × 900), as a newcomer sees it: the tabs
// in the first screen, the preview said once, and a validation's result brought into view with the
// focus on its heading. Plain JS (no ts-node); the caller serves dist/ (built by webpack) at baseUrl.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { axeScan } = require('./a11y');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const TIMEOUT = 20000;
const PANE = { width: 350, height: 900 };

function check(ok, message) {
  if (!ok) throw new Error(message);
}

/** Runs the first-run checks; resolves with the number of steps passed, throws naming the failing one. */
async function runFirstRunE2e({ baseUrl, artifacts }) {
  fs.mkdirSync(artifacts, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  let steps = 0;
  const run = async (name, fn) => {
    try {
      await fn();
      steps++;
    } catch (e) {
      await page.screenshot({ path: path.join(artifacts, 'first-run-failed.png'), fullPage: true }).catch(() => undefined);
      throw new Error(`first run: ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const context = await browser.newContext({ viewport: PANE });
  // Office.js from the CDN is what makes this a preview; a test must not depend on the network.
  await context.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  // The frame in which the title, then the ready pane, first showed (as bench/pane.ts records them):
  // frame timestamps, so both in one frame read as equal.
  await context.addInitScript(() => {
    const marks = { title: 'h1', ready: '[data-pane-ready]' };
    window.__firstRun = {};
    new MutationObserver(() => {
      for (const [name, selector] of Object.entries(marks)) {
        if (window.__firstRun[name] === undefined && document.querySelector(selector)) {
          window.__firstRun[name] = null;
          requestAnimationFrame((frame) => { window.__firstRun[name] = frame; });
        }
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  try {
    await run('the pane opens on the preview and loads the catalogue', async () => {
      await page.goto(`${baseUrl}/taskpane.html`);
      await page.waitForSelector('[data-pane-ready]');
    });
    await run('the title is painted before the services are ready (a first render that is not the whole pane)', async () => {
      await page.waitForFunction(() => typeof window.__firstRun.ready === 'number');
      const t = await page.evaluate(() => window.__firstRun);
      check(typeof t.title === 'number' && t.title < t.ready, `title at ${t.title} ms, pane ready at ${t.ready} ms`);
      process.stdout.write(`first run: title painted at ${Math.round(t.title)} ms, pane interactive at ${Math.round(t.ready)} ms (timings are the bench's: npm run bench)\n`);
    });
    await run('the tabs are in the first screen at 350 × 900, with no scrolling', async () => {
      const box = await page.getByRole('tablist', { name: 'Views' }).boundingBox();
      check(box !== null, 'no tablist');
      const scrollY = await page.evaluate(() => window.scrollY);
      check(scrollY === 0, `the page scrolled by ${scrollY} px on its own`);
      check(box.y + box.height <= PANE.height, `the tablist ends at ${Math.round(box.y + box.height)} px, below the ${PANE.height} px pane`);
    });
    await run('the pane says once that it is a preview', async () => {
      const text = await page.evaluate(() => document.body.innerText);
      const times = (text.match(/not running in Excel/gi) || []).length;
      check(times === 1, `"not running in Excel" appears ${times} times`);
      await page.getByText('Not running in Excel: browser preview on a sample workbook', { exact: false }).waitFor();
    });
    await run('axe finds nothing serious or critical on the first screen', async () => {
      const { serious } = await axeScan(page);
      check(serious.length === 0, serious.map((v) => `${v.id} (${v.impact}) at ${v.target}`).join('; '));
    });
    await run('Validate brings the result into view and focuses its heading', async () => {
      await page.getByRole('button', { name: 'Validate', exact: true }).click();
      const heading = page.locator('#result-heading');
      await heading.waitFor();
      await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'result-heading');
      // The scroll may glide (no reduced motion asked for here): wait until it settles in view.
      await page.waitForFunction((h) => {
        const r = document.getElementById('result-heading').getBoundingClientRect();
        return r.top >= 0 && r.bottom <= h;
      }, PANE.height);
      await page.screenshot({ path: path.join(artifacts, 'first-run-validated.png') });
    });
    await run('axe finds nothing serious or critical with the result shown', async () => {
      const { serious } = await axeScan(page);
      check(serious.length === 0, serious.map((v) => `${v.id} (${v.impact}) at ${v.target}`).join('; '));
    });
  } finally {
    await context.close();
    await browser.close();
  }
  return steps;
}

module.exports = { runFirstRunE2e };
