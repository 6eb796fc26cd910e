/* eslint-disable @typescript-eslint/no-require-imports */
// The preview page (`/`) driven as a person: keyboard typing into the Univer grid beside the pane,
// the computed RAG read from the grid, validation in the pane, the grid's selection following an
// issue click, and a locked cell refusing an edit. Called by pane.e2e.js with its `run`/`check`.
'use strict';
const fs = require('fs');
const os = require('os');
const { demoReturns } = require('./returns');

/** Rows 15.. of the Return sheet as the grid holds them (Univer facade, 0-based rows). */
function gridRows() {
  const ws = window.__scorecardGrid.api.getActiveWorkbook().getSheetByName('Return');
  const rows = [];
  for (let r = 14; r < 90; r++) {
    const get = (c) => ws.getRange(r, c).getRawValue();
    if (!get(0)) continue;
    rows.push({ row: r + 1, ref: get(0), unit: get(4), polarity: get(5), target: get(6), actual: get(7), rag: get(11) });
  }
  return rows;
}

/** The value beside a label above the Return sheet's header (`Prepared by`, `Signed off by`…), as the grid holds it. */
function labelInGrid(label) {
  const ws = window.__scorecardGrid.api.getActiveWorkbook().getSheetByName('Return');
  for (let r = 0; r < 14; r++) for (let c = 0; c < 6; c++) if (ws.getRange(r, c).getRawValue() === label) return ws.getRange(r, c + 1).getRawValue();
  return undefined;
}

async function gridSteps({ context, baseUrl, run, check, a11y, artifacts, path }) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  let rows;
  const fake = (cell) => page.evaluate((c) => window.__scorecardPreview.getCell(c), cell);
  const grid = (a1) => page.evaluate((a) => window.__scorecardGrid.api.getActiveWorkbook().getActiveSheet().getRange(a).getRawValue(), a1);
  /** Click into the grid (it takes the keyboard), move to `a1`, type `text` and press Enter, as a person does. */
  const typeInto = async (a1, text) => {
    const box = await page.locator('#grid canvas').last().boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.evaluate((a) => window.__scorecardGrid.api.getActiveWorkbook().getActiveSheet().getRange(a).activate(), a1);
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  const settle = () => page.evaluate(() => window.__scorecardGrid.rendered());

  await run('preview page: the grid and the pane over one workbook', async () => {
    await page.goto(`${baseUrl}/`);
    await page.waitForFunction(() => window.__scorecardTimes && window.__scorecardTimes.gridPainted, null, { timeout: 60000 });
    await page.getByTestId('catalogue-organisation').waitFor();
    rows = await page.evaluate(gridRows);
    check(rows.length > 3, `the grid shows ${rows.length} indicator rows on Return`);
    check(rows.every((r) => r.rag === '' || typeof r.rag === 'string'), 'RAG cells are not text');
    check(rows.some((r) => ['Red', 'Amber', 'Green'].includes(r.rag)), `no computed RAG in the grid: ${JSON.stringify(rows.map((r) => r.rag))}`);
  });
  let red;
  await run('type a Red without commentary with the keyboard: the grid computes Red, and the pane reads it', async () => {
    red = rows.find((r) => r.unit === 'percent' && /Higher/.test(r.polarity) && typeof r.target === 'number' && r.target > 0.2 && r.rag !== 'Red');
    check(red, 'no percent, higher-is-better row to make Red');
    await typeInto(`H${red.row}`, '12');
    await page.waitForFunction((row) => window.__scorecardPreview.getCell(`Return!H${row}`) === 12, red.row);
    await page.waitForFunction((row) => window.__scorecardPreview.getCell(`Return!L${row}`) === 'Red', red.row);
    check((await grid(`L${red.row}`)) === 'Red', `the grid's RAG is ${await grid(`L${red.row}`)}`);
  });
  await run('validate in the pane: the Red needs commentary', async () => {
    await page.getByRole('button', { name: 'Validate', exact: true }).click();
    await page.locator('[data-testid=issue][data-code=commentary-required]').filter({ hasText: red.ref }).first().waitFor();
  });
  await run('after validating (which writes the RAG formats), the grid paints the Red in the plan\'s Red fill', async () => {
    // RAG_STYLE.Red.fill in src/core/plan/palette.ts, as Univer's conditional formatting composes it.
    const RED_FILL = '#B10E1E';
    await page.waitForFunction(([row, want]) => window.__scorecardGrid.paintedFill('Return', `L${row}`) === want, [red.row, RED_FILL], { timeout: 10000 }).catch(() => undefined);
    const painted = await page.evaluate((row) => window.__scorecardGrid.paintedFill('Return', `L${row}`), red.row);
    check(painted === RED_FILL, `the grid paints L${red.row} ${painted}, not the Red fill ${RED_FILL}`);
  });
  await run('click the issue: the grid selection moves to its cell', async () => {
    const issue = page.locator('[data-testid=issue][data-code=commentary-required]').filter({ hasText: red.ref }).first();
    const cell = await issue.getAttribute('data-cell');
    await issue.getByRole('button').click();
    await page.waitForFunction((want) => window.__scorecardPreview.selection() === want, cell);
    await settle();
    const shown = await page.evaluate(() => {
      const ws = window.__scorecardGrid.api.getActiveWorkbook().getActiveSheet();
      return `${ws.getSheetName()}!${ws.getSelection().getActiveRange().getA1Notation()}`;
    });
    check(shown === cell, `the grid selects ${shown}, the issue is at ${cell}`);
  });
  const other = () => rows.find((r) => r.unit === 'percent' && r !== red && typeof r.target === 'number' && r.target > 0.2);
  await run('an out-of-range number typed into a "decimal between" cell is refused: the cell keeps its value', async () => {
    const row = other();
    check(row, 'no second percent row');
    // The template's Actual rule for a percent: decimal between 0 and 100, error style Stop (src/core/plan/template.ts).
    const before = await fake(`Return!H${row.row}`);
    await typeInto(`H${row.row}`, '150');
    await settle();
    await page.waitForTimeout(300);
    await settle();
    check(((await fake(`Return!H${row.row}`)) ?? '') === (before ?? ''), `the fake took 150: ${await fake(`Return!H${row.row}`)}`);
    const shown = await page.evaluate((r) => window.__scorecardGrid.api.getActiveWorkbook().getSheetByName('Return').getRange(`H${r}`).getRawValue(), row.row);
    check((shown ?? '') === (before ?? ''), `the grid shows ${shown} after a refused entry, not ${before}`);
  });
  await run('a text value pasted into a number cell (validation stops typing, not a paste): the pane says it is not a number', async () => {
    const row = other();
    await page.evaluate((r) => window.__scorecardPreview.pasteCell(`Return!H${r}`, 'about half'), row.row);
    await page.waitForFunction((r) => window.__scorecardPreview.getCell(`Return!H${r}`) === 'about half', row.row);
    await page.getByRole('button', { name: 'Validate', exact: true }).click();
    await page.locator('[data-testid=issue][data-code=not-a-number]').filter({ hasText: row.ref }).first().waitFor();
  });
  await run('a fraction for a percent: the pane suggests the percentage', async () => {
    const row = other();
    await typeInto(`H${row.row}`, '0.5');
    await page.waitForFunction((r) => window.__scorecardPreview.getCell(`Return!H${r}`) === 0.5, row.row);
    await page.getByRole('button', { name: 'Validate', exact: true }).click();
    await page.locator('[data-testid=issue][data-code=percent-as-fraction]').filter({ hasText: row.ref }).first().waitFor();
  });
  await run('a locked cell on the protected Return sheet refuses an edit', async () => {
    const before = await fake('Return!A15');
    await typeInto('A15', 'XX');
    await settle();
    await page.waitForTimeout(300);
    await settle();
    check((await fake('Return!A15')) === before, `the fake took the edit: ${await fake('Return!A15')}`);
    const shown = await page.evaluate(() => window.__scorecardGrid.api.getActiveWorkbook().getSheetByName('Return').getRange('A15').getRawValue());
    check(shown === before, `the grid shows ${shown} after a refused edit, not ${before}`);
    await page.screenshot({ path: path.join(artifacts, 'preview-return.png') });
  });
  await a11y('preview page (grid and pane)', page);
  await run('answer the Red with commentary in the grid, then mark ready and sign off in the pane: the grid shows the sign-off cells', async () => {
    await typeInto(`M${red.row}`, 'Staff shortage in the quarter');
    await typeInto(`N${red.row}`, 'Recovery plan agreed with the director');
    // The other row's Actual back to what its numerator and denominator give (the fraction step left 0.5).
    const [num, den] = await page.evaluate((r) => [window.__scorecardPreview.getCell(`Return!J${r}`), window.__scorecardPreview.getCell(`Return!K${r}`)], other().row);
    const actual = typeof num === 'number' && typeof den === 'number' && den > 0 ? Math.round((num / den) * 1000) / 10 : 50;
    await typeInto(`H${other().row}`, String(actual));
    await page.waitForFunction(([r, v]) => window.__scorecardPreview.getCell(`Return!H${r}`) === v, [other().row, actual]);
    await page.locator('#root').getByRole('tab', { name: 'Return', exact: true }).click();
    await page.getByRole('button', { name: 'Validate', exact: true }).click();
    await page.getByLabel('Preparer name').fill('A. Lead');
    await page.getByRole('button', { name: 'Mark ready' }).click();
    const refused = page.getByTestId('signoff-refused');
    await Promise.race([
      page.waitForFunction((fn) => new Function(`return (${fn})`)()('Prepared by') === 'A. Lead', labelInGrid.toString(), { timeout: 20000 }),
      refused.waitFor({ timeout: 20000 }).then(async () => { throw new Error(`mark ready refused: ${await refused.textContent()}`); }),
    ]);
    await page.getByLabel('Signed off by (name)').fill('B. Director');
    await page.getByLabel('Role').fill('Director of Services');
    await page.getByRole('button', { name: 'Sign off', exact: true }).click();
    await Promise.race([
      page.waitForFunction((fn) => new Function(`return (${fn})`)()('Signed off by') === 'B. Director', labelInGrid.toString(), { timeout: 20000 }),
      refused.waitFor({ timeout: 20000 }).then(async () => { throw new Error(`sign-off refused: ${await refused.textContent()}`); }),
    ]);
    const role = await page.evaluate((fn) => new Function(`return (${fn})`)()('Role'), labelInGrid.toString());
    check(role === 'Director of Services', `the grid's Role is ${role}`);
    await page.screenshot({ path: path.join(artifacts, 'preview-signed-off.png') });
  });
  await run('create the Cabinet sheet, open its tab, and see a locked cell refuse an edit', async () => {
    await page.getByRole('tab', { name: 'Cabinet' }).click();
    await page.getByRole('button', { name: 'Create locked Cabinet sheet' }).click();
    await page.getByText(/Created sheet Cabinet/).waitFor();
    await settle();
    const name = await page.evaluate(() => window.__scorecardPreview.sheets().find((s) => s.name.startsWith('Cabinet')).name);
    await page.locator('#grid').getByText(name, { exact: true }).first().click();
    await page.waitForFunction((n) => window.__scorecardGrid.api.getActiveWorkbook().getActiveSheet().getSheetName() === n, name);
    const q = `'${name.replace(/'/g, "''")}'!A1`;
    const before = await fake(q);
    await typeInto('A1', 'Not the Cabinet');
    await settle();
    await page.waitForTimeout(300);
    await settle();
    check((await fake(q)) === before, `the Cabinet sheet took an edit: ${await fake(q)}`);
    check((await grid('A1')) === before, `the grid shows ${await grid('A1')} in the Cabinet's A1, not ${before}`);
    await page.screenshot({ path: path.join(artifacts, 'preview-cabinet.png') });
  });
  await run('consolidate the demo returns from the pane: the Scorecard sheet appears as a tab in the grid', async () => {
    const files = demoReturns(fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-e2e-grid-')));
    await page.locator('#root').getByRole('tab', { name: 'Consolidate', exact: true }).click();
    await page.locator('input[type=file][multiple]').setInputFiles(files);
    await page.getByRole('button', { name: new RegExp(`^Consolidate ${files.length} returns for`) }).click();
    await page.getByRole('heading', { name: /^Scorecard for / }).waitFor({ timeout: 60000 });
    const name = await page.evaluate(() => (window.__scorecardPreview.sheets().find((s) => s.name.startsWith('Scorecard')) || {}).name);
    check(name, `no Scorecard sheet in the workbook: ${JSON.stringify(await page.evaluate(() => window.__scorecardPreview.sheets().map((s) => s.name)))}`);
    await settle();
    await page.locator('#grid').getByText(name, { exact: true }).first().waitFor();
    const active = await page.evaluate(() => window.__scorecardGrid.api.getActiveWorkbook().getActiveSheet().getSheetName());
    check(active === name, `the grid shows ${active}, not the new ${name}`);
    await page.screenshot({ path: path.join(artifacts, 'preview-consolidated.png') });
  });
  await run('create the dashboard sheet from the pane: its tab opens in the grid with the RAG counts (charts are Excel-only)', async () => {
    await page.locator('#root').getByRole('tab', { name: 'Cabinet', exact: true }).click();
    await page.getByRole('button', { name: 'Create dashboard sheet' }).click();
    const note = page.getByText(/^Created sheet .*: RAG counts per priority/);
    await note.waitFor({ timeout: 30000 });
    const name = /^Created sheet (.*?): RAG counts/.exec((await note.textContent()) || '')[1];
    await settle();
    await page.locator('#grid').getByText(name, { exact: true }).first().click();
    await page.waitForFunction((n) => window.__scorecardGrid.api.getActiveWorkbook().getActiveSheet().getSheetName() === n, name);
    const shown = await page.evaluate(() => {
      const ws = window.__scorecardGrid.api.getActiveWorkbook().getActiveSheet();
      return ws.getRange(0, 0, 40, 8).getValues().flat().filter((v) => v !== null && v !== '').map(String);
    });
    check(shown.some((v) => /Green/.test(v)) && shown.some((v) => /^\d+$/.test(v)), `the dashboard in the grid shows no RAG counts: ${shown.slice(0, 20).join(' | ')}`);
    await page.screenshot({ path: path.join(artifacts, 'preview-dashboard.png') });
  });
  check(problems.length === 0, `the preview page threw: ${problems.join(' | ')}`);
  await page.close();
}

module.exports = { gridSteps };
