/* eslint-disable @typescript-eslint/no-require-imports */
// The preview page (`/`) driven as a person: keyboard typing into the Univer grid beside the pane,
// the computed RAG read from the grid, validation in the pane, the grid's selection following an
// issue click, and a locked cell refusing an edit. Called by pane.e2e.js with its `run`/`check`.
'use strict';

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
  await run('a text value in a number cell: the pane says it is not a number', async () => {
    const row = other();
    check(row, 'no second percent row');
    await typeInto(`H${row.row}`, 'about half');
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
  check(problems.length === 0, `the preview page threw: ${problems.join(' | ')}`);
  await page.close();
}

module.exports = { gridSteps };
