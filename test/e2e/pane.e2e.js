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
const { axeScan, overflow, tabWalk } = require('./a11y');
const { demoReturns, resent } = require('./returns');
const { gridSteps } = require('./grid.steps');

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

/** Tab from the top: `want` appear in that order, and every stop is named and shows its focus. */
async function checkTabWalk(page, want) {
  const stops = await tabWalk(page, 60);
  const names = stops.map((st) => st.name);
  let at = -1;
  for (const w of want) {
    const next = names.findIndex((n, i) => i > at && n.startsWith(w));
    check(next > at, `Tab order: ${w} missing after ${names[at] ?? 'the start'}; stops were ${names.join(' → ')}`);
    at = next;
  }
  const hidden = stops.filter((st) => !st.focusVisible || !st.onScreen);
  check(hidden.length === 0, `no visible focus on: ${hidden.map((st) => `${st.role} ${st.name}`).join(', ')}`);
  const unnamed = stops.filter((st) => !st.name);
  check(unnamed.length === 0, `controls with no name: ${unnamed.map((st) => st.role).join(', ')}`);
  if (process.env.SCORECARD_E2E_STOPS) process.stdout.write(`tab stops: ${names.join(' → ')}\n`);
}

async function runPaneE2e({ baseUrl, artifacts, docs }) {
  check(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: run apt-get update && apt-get install -y chromium`);
  const catalogue = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'catalogue', 'default-catalogue.json'), 'utf8'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ARGS, acceptDownloads: true, viewport: { width: 360, height: 900 },
  });
  const problems = [];
  const axeResults = {};
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-e2e-files-'));
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
  /** axe-core on the view as it is now: zero serious or critical; and nothing sticks out of a narrow pane. */
  const a11y = (view, on = page) => run(`axe and layout: ${view}`, async () => {
    const r = await axeScan(on);
    axeResults[view] = { serious: r.serious.length, other: r.other.map((v) => `${v.id} (${v.impact})`) };
    check(r.serious.length === 0, `axe on ${view}: ${r.serious.map((v) => `${v.id} ${v.impact} (${v.nodes}): ${v.target}`).join('; ')}`);
    // The pane's width is checked on the pane's own page; the preview page is a whole window.
    const o = on === page ? await overflow(page) : { scrolls: false, wide: [] };
    check(!o.scrolls && o.wide.length === 0, `${view} is wider than the pane: ${o.wide.join(', ')}`);
  });
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
    await a11y('Return, after validate with issues listed');
    await run('keyboard: Tab reaches every control in order, each with a visible focus', () => checkTabWalk(page, ['Embedded default', 'Period', 'Service', 'Return', 'Insert template', 'Validate', 'Re-validate when the sheet changes', candidate.id]));
    await run('Space on an issue selects its cell', async () => {
      const issue = page.locator('[data-testid=issue][data-cell]').last();
      const cell = await issue.getAttribute('data-cell');
      await issue.getByRole('button').focus();
      await page.keyboard.press('Space');
      await page.waitForFunction((want) => window.__scorecardPreview.selection() === want, cell);
    });
    await run('Enter on another issue selects its cell too', async () => {
      const other = page.locator('[data-testid=issue][data-cell]').filter({ hasNotText: 'commentary' }).first();
      const cell = await other.getAttribute('data-cell');
      await other.getByRole('button').focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction((want) => window.__scorecardPreview.selection() === want, cell);
    });
    await run('Cabinet preview', async () => {
      await page.getByRole('tab', { name: 'Cabinet' }).click();
      await page.getByText(/^Based on /).waitFor();
    });
    await a11y('Cabinet, after the preview');
    await run('create the locked Cabinet sheet', async () => {
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
    await run('keyboard on the Cabinet view: every control in order, each with a visible focus', () => checkTabWalk(page, ['Period', 'Cabinet', 'Refresh preview', 'Sheet password', 'Create locked Cabinet sheet', 'Download .xlsx', 'Save Cabinet', 'Indicator for the trend chart', 'Create dashboard sheet']));
    await run('consolidate the demo returns and one sent twice', async () => {
      const files = demoReturns(path.join(work, 'demo'));
      const again = await resent(files[0], path.join(work, `${path.basename(files[0], '.xlsx')} (resent).xlsx`));
      await page.getByLabel('Period').selectOption('2024-25 Q2');
      await page.getByRole('tab', { name: 'Consolidate' }).click();
      await page.locator('input[type=file][multiple]').setInputFiles([...files, again.file]);
      await page.getByRole('button', { name: `Consolidate ${files.length + 1} returns for 2024-25 Q2` }).click();
      await page.getByRole('heading', { name: 'Scorecard for 2024-25 Q2' }).waitFor({ timeout: 60000 });
      const rows = await page.getByRole('table', { name: 'Returns consolidated' }).getByRole('row').count();
      check(rows === files.length + 2, `files table has ${rows - 1} rows for ${files.length + 1} files`);
      const conflicts = page.getByRole('list', { name: /^Conflicts \(\d+\)$/ });
      check(await conflicts.count() === 1, 'no conflicts listed');
      check((await conflicts.textContent()).includes(again.ref), `the changed indicator ${again.ref} is not among the conflicts`);
      await docShot('pane-consolidate.png', page.getByRole('heading', { name: 'Scorecard for 2024-25 Q2' }));
    });
    await run("load the demo's BI master: the pane says which quarters it holds, and the Cabinet uses it", async () => {
      await page.getByLabel('BI master (.json, optional)').setInputFiles(path.join(work, 'demo', 'bi-master.json'));
      const summary = await page.getByTestId('master-summary').textContent();
      check(/4 closed quarters, 2023-24 Q2 to 2024-25 Q1/.test(summary), `master summary: ${summary}`);
      await page.getByRole('tab', { name: 'Cabinet' }).click();
      await page.getByText(/direction of travel from the BI master \(4 closed quarters\)/).waitFor();
      await page.getByRole('tab', { name: 'Consolidate' }).click();
      // The view came back with its master, its files and its result.
      await page.getByTestId('master-summary').waitFor();
      check(await page.getByRole('heading', { name: 'Scorecard for 2024-25 Q2' }).isVisible(), 'the consolidation was lost on a tab switch');
    });
    await a11y('Consolidate, with files and conflicts');
    await run('keyboard on the Consolidate view: every control in order, each with a visible focus', () => checkTabWalk(page, ['Period', 'Consolidate', 'Return workbooks (.xlsx)', 'BI master (.json, optional)', 'Forget the BI master', 'Consolidate ']));
    await run('a catalogue file that is not valid: the errors are listed and the old catalogue stays', async () => {
      await page.getByRole('radio', { name: 'File' }).check();
      await page.locator('input[type=file][accept*=xlsx][accept*=json]').setInputFiles({
        name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ schemaVersion: 1, organisation: 42, indicators: [{}] })),
      });
      await page.getByText('Catalogue not loaded', { exact: true }).waitFor();
      check(await page.getByRole('list', { name: 'Catalogue errors' }).getByRole('listitem').count() > 0, 'no catalogue errors listed');
      check((await page.getByTestId('catalogue-organisation').textContent()) === catalogue.organisation, 'the loaded catalogue changed');
      await shot('pane-catalogue-error.png');
    });
    await a11y('catalogue error state');
    for (const [name, media, wantTheme] of [
      ['pane-dark.png', { colorScheme: 'dark', forcedColors: 'none' }, 'dark'],
      ['pane-high-contrast.png', { colorScheme: 'dark', forcedColors: 'active' }, 'high contrast'],
    ]) {
      await run(`${wantTheme} theme: the Return view with issues`, async () => {
        await page.emulateMedia(media);
        await page.reload();
        await page.getByTestId('catalogue-organisation').waitFor();
        await page.getByLabel('Service').selectOption(candidate.service);
        await page.getByRole('button', { name: 'Insert template' }).click();
        await page.getByText(/Inserted sheet .* for /).waitFor();
        await page.evaluate(([cell]) => window.__scorecardPreview.setCell(cell, 12), [actualCell]);
        await page.getByRole('button', { name: 'Validate', exact: true }).click();
        await page.locator('[data-testid=issue][data-code=commentary-required]').first().waitFor();
        const background = await page.locator('main').evaluate((el) => getComputedStyle(el).backgroundColor);
        const [r, g, b] = (background.match(/\d+/g) || []).map(Number);
        check(0.2126 * r + 0.7152 * g + 0.0722 * b < 80, `the pane's background is ${background}, not dark`);
        await docShot(name, page.getByRole('tablist', { name: 'Views' }));
      });
      await a11y(`Return in the ${wantTheme} theme`);
    }
    await gridSteps({ context, baseUrl, run, check, a11y, artifacts, path });
    check(problems.length === 0, `the page threw: ${problems.join(' | ')}`);
    fs.writeFileSync(path.join(artifacts, 'axe-results.json'), `${JSON.stringify(axeResults, null, 2)}\n`);
    for (const [view, r] of Object.entries(axeResults)) process.stdout.write(`axe ${view}: ${r.serious} serious or critical${r.other.length ? `; minor: ${r.other.join(', ')}` : ''}\n`);
    // README screenshots change only when asked: a test run leaves the working tree as it found it.
    if (docs) {
      fs.mkdirSync(docs, { recursive: true });
      for (const name of ['pane-return.png', 'pane-consolidate.png', 'pane-cabinet.png', 'pane-dark.png', 'pane-high-contrast.png', 'preview-return.png', 'preview-cabinet.png']) fs.copyFileSync(path.join(artifacts, name), path.join(docs, name));
    }
    return step;
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  }
}

module.exports = { runPaneE2e };
