/* eslint-disable @typescript-eslint/no-require-imports */
// The task pane's browser preview, driven like a performance lead would: load the default
// catalogue, insert a return, type a Red value, validate, go to an issue, then make the Cabinet
// sheet and download it. Plain JS (no ts-node); run by scripts/e2e.js, which serves dist/.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const ExcelJS = require('exceljs');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const TIMEOUT = 20000;

function check(ok, message) {
  if (!ok) throw new Error(message);
}

/** A quantitative, higher-is-better percent indicator of the service with a target this year: 12 is Red. */
function redCandidate(catalogue, year, quarter, service) {
  return catalogue.indicators.find((i) => i.service === service && i.kind === 'quantitative' && i.unit === 'percent'
    && i.polarity === 'higher' && typeof i.targets?.[year] === 'number' && i.targets[year] > 20 && i.dueQuarters.includes(quarter)
    && !i.suppressBelow);
}

async function runPaneE2e({ baseUrl, artifacts, docs }) {
  check(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: run apt-get update && apt-get install -y chromium`);
  const catalogue = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'catalogue', 'default-catalogue.json'), 'utf8'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ARGS, acceptDownloads: true, viewport: { width: 420, height: 900 },
  });
  const problems = [];
  let step = 0;
  let page;
  const shot = (name) => page.screenshot({ path: path.join(artifacts, name), fullPage: true });
  /** For docs/: the viewport (a task pane's height) with `heading` at the top, plus the full page in test-artifacts/. */
  const docShot = async (name, heading) => {
    await shot(name.replace('.png', '-full.png'));
    await heading.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(artifacts, name) });
  };
  const run = async (name, fn) => {
    step += 1;
    try {
      await fn();
    } catch (e) {
      await shot(`failed-step-${step}.png`).catch(() => undefined);
      throw new Error(`step ${step} (${name}): ${e.message.split('\n')[0]}${problems.length ? `\npage errors: ${problems.join(' | ')}` : ''}`);
    }
  };
  try {
    // Offline: Office.js must fail to load harmlessly, as on a machine without the CDN.
    await context.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
    page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', (e) => problems.push(e.message));
    let period;
    let candidate;
    let actualCell;

    await run('pane starts and says it is outside Excel', async () => {
      await page.goto(`${baseUrl}/taskpane.html`);
      await page.getByText('Not running in Excel: browser preview on a sample workbook', { exact: false }).waitFor();
    });
    await run('default catalogue loaded', async () => {
      const org = page.getByTestId('catalogue-organisation');
      await org.waitFor();
      check((await org.textContent()) === catalogue.organisation, `organisation shown is ${await org.textContent()}`);
      check((await page.getByTestId('catalogue-indicators').textContent()) === String(catalogue.indicators.length), 'indicator count differs');
      period = await page.getByLabel('Period').inputValue();
      check(/^\d{4}-\d{2} Q[1-4]$/.test(period), `period picker holds ${period}`);
    });
    await run('choose a service and insert the template', async () => {
      const [year, quarter] = period.split(' ');
      const services = [...new Set(catalogue.indicators.map((i) => i.service))];
      const service = services.find((s) => redCandidate(catalogue, year, quarter, s));
      check(service, `no percent indicator with a target in ${period} to make Red`);
      candidate = redCandidate(catalogue, year, quarter, service);
      await page.getByLabel('Service').selectOption(service);
      await page.getByRole('button', { name: 'Insert template' }).click();
      await page.getByText(/Inserted sheet .* for /).waitFor();
    });
    await run('validate the empty return: its actual is missing', async () => {
      await page.getByRole('button', { name: 'Validate', exact: true }).click();
      await page.getByRole('list', { name: 'RAG counts' }).waitFor();
      const missing = page.locator(`[data-testid=issue][data-code=missing]`).filter({ hasText: candidate.id });
      await missing.first().waitFor();
      actualCell = await missing.first().getAttribute('data-cell');
      check(actualCell, `the missing-value issue for ${candidate.id} has no cell`);
    });
    await run(`type 12 into ${candidate ? candidate.id : 'the indicator'}'s actual and validate`, async () => {
      await page.evaluate(([cell]) => window.__scorecardPreview.setCell(cell, 12), [actualCell]);
      await page.getByRole('button', { name: 'Validate', exact: true }).click();
      const red = page.getByTestId('count-Red');
      await page.waitForFunction(() => /Red: [1-9]/.test(document.querySelector('[data-testid=count-Red]')?.textContent || ''));
      check(/Red: 1\b/.test(await red.textContent()), `expected one Red, the summary says ${await red.textContent()}`);
      await page.locator('[data-testid=issue][data-code=commentary-required]').filter({ hasText: candidate.id }).first().waitFor();
    });
    await run('click an issue: the selection moves to its cell', async () => {
      const issue = page.locator('[data-testid=issue][data-code=commentary-required]').filter({ hasText: candidate.id }).first();
      const cell = await issue.getAttribute('data-cell');
      await issue.getByRole('button').click();
      await page.waitForFunction((want) => window.__scorecardPreview.selection() === want, cell);
      await docShot('pane-return.png', page.getByRole('tablist', { name: 'Views' }));
    });
    await run('no serious accessibility violations (axe-core) on the Return view', async () => {
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      // Tabster's focus-trap sentinels (Fluent's arrow-key navigation) are aria-hidden and tabbable by
      // design (they pass focus straight on), so they are left out of the check.
      const context = { include: [['body']], exclude: [['[data-tabster-dummy]']] };
      const violations = await page.evaluate(async (c) => (await window.axe.run(c, { resultTypes: ['violations'] })).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0] ? v.nodes[0].target.join(' ') : ''}`), context);
      check(violations.length === 0, `axe: ${violations.join('; ')}`);
    });
    await run('Enter on another issue selects its cell too', async () => {
      const other = page.locator('[data-testid=issue][data-cell]').filter({ hasNotText: 'commentary' }).first();
      const cell = await other.getAttribute('data-cell');
      await other.getByRole('button').focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction((want) => window.__scorecardPreview.selection() === want, cell);
    });
    await run('create the locked Cabinet sheet', async () => {
      await page.getByRole('tab', { name: 'Cabinet' }).click();
      await page.getByText(/^Based on /).waitFor();
      await page.getByRole('button', { name: 'Create locked Cabinet sheet' }).click();
      await page.getByText(/Created sheet Cabinet/).waitFor();
      const sheets = await page.evaluate(() => window.__scorecardPreview.sheets());
      const cabinet = sheets.find((s) => s.name.startsWith('Cabinet'));
      check(cabinet && cabinet.protected, `no protected Cabinet sheet in the workbook: ${JSON.stringify(sheets)}`);
    });
    await run('download the .xlsx and read it back with ExcelJS', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .xlsx' }).click()]);
      check(download.suggestedFilename() === `Cabinet ${period}.xlsx`, `downloaded as ${download.suggestedFilename()}`);
      const saved = path.join(artifacts, download.suggestedFilename());
      await download.saveAs(saved);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(saved));
      const ws = wb.worksheets.find((w) => w.name.startsWith('Cabinet'));
      check(ws, `no Cabinet sheet in the download: ${wb.worksheets.map((w) => w.name).join(', ')}`);
      check(ws.sheetProtection && ws.sheetProtection.sheet, `${ws.name} is not protected`);
      await docShot('pane-cabinet.png', page.getByRole('tablist', { name: 'Views' }));
    });
    check(problems.length === 0, `the page threw: ${problems.join(' | ')}`);
    fs.mkdirSync(docs, { recursive: true });
    for (const name of ['pane-return.png', 'pane-cabinet.png']) fs.copyFileSync(path.join(artifacts, name), path.join(docs, name));
    return step;
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

module.exports = { runPaneE2e };
