import { renderSheetPlan } from '../../../src/adapters/office/render';
import { issueText } from '../../../src/core/messages';
import type { SheetPlan } from '../../../src/core/plan/types';
import { catalogueOfSize, freshFake, PERIOD, servicesOn } from './helpers';

// Sync counts against the number of rows: sync-counts.test.ts (jest project `slow`).

describe('workbook state after the services run', () => {
  it('insertTemplate never overwrites: a second template is Return (2) and the first is untouched', async () => {
    const fake = freshFake();
    const s = servicesOn(fake);
    const cat = catalogueOfSize(5);
    await s.insertTemplate(cat, PERIOD);
    fake.type('Return!H15', 81);
    const before = JSON.stringify(fake.grid('Return'));
    const second = await s.insertTemplate(cat, PERIOD);
    expect(second.sheet).toBe('Return (2)');
    expect(JSON.stringify(fake.grid('Return'))).toBe(before);
    expect(fake.cell('Return!H15').value).toBe(81);
  });

  it('validate never changes a typed value and does not pile up conditional formats', async () => {
    const fake = freshFake();
    const s = servicesOn(fake);
    const cat = catalogueOfSize(5);
    await s.insertTemplate(cat, PERIOD);
    fake.type('Return!H15', 81);
    fake.paste('Return!H16', 'n/a'); // pasted: Excel's validation stops typed text only
    const before = JSON.stringify(fake.grid('Return'));
    const first = await s.validate(cat, { period: PERIOD });
    const rulesAfterOne = fake.sheet('Return').conditionalFormats.length;
    await s.validate(cat, { period: PERIOD });
    await s.validate(cat, { period: PERIOD });
    expect(fake.sheet('Return').conditionalFormats.length).toBe(rulesAfterOne);
    expect(JSON.stringify(fake.grid('Return'))).toBe(before);
    expect(first.issues.some((i) => i.code === 'not-a-number' && i.cell === 'Return!H16')).toBe(true);
  });

  it('validate on a Return protected with a password still reports, and says the colours were not updated', async () => {
    const fake = freshFake();
    const s = servicesOn(fake);
    const cat = catalogueOfSize(5);
    await s.insertTemplate(cat, PERIOD);
    fake.paste('Return!H16', 'n/a'); // pasted: Excel's validation stops typed text only
    const open = await s.validate(cat, { period: PERIOD });
    expect(open.issues.map((i) => i.code)).not.toContain('colours-not-updated');
    const sheet = fake.sheet('Return');
    sheet.protection = { protected: true, options: { ...sheet.protection.options }, password: 'lead-only' };
    // Formats in place: nothing to refresh, so nothing to warn about.
    expect((await s.validate(cat, { period: PERIOD })).issues.map((i) => i.code)).not.toContain('colours-not-updated');
    sheet.conditionalFormats = []; // the lead cleared the rules: validate would put them back
    const rules = sheet.conditionalFormats.length;
    const before = JSON.stringify(fake.grid('Return'));
    const locked = await s.validate(cat, { period: PERIOD });
    expect(locked.issues.some((i) => i.code === 'not-a-number' && i.cell === 'Return!H16')).toBe(true);
    const warning = locked.issues.find((i) => i.code === 'colours-not-updated');
    expect(warning).toMatchObject({ severity: 'warning' });
    // Said from the cause Excel gave: BadPassword (the sheet has a password the pane was not given).
    expect(warning ? issueText(warning) : '').toMatch(/protected with a password .*unprotect it on the Review tab/);
    expect(JSON.stringify(fake.grid('Return'))).toBe(before);
    expect(sheet.conditionalFormats.length).toBe(rules);
    expect(sheet.protection).toMatchObject({ protected: true, password: 'lead-only' });
  });

  it('the template leaves entry cells unlocked and the catalogue columns locked', async () => {
    const fake = freshFake();
    await servicesOn(fake).insertTemplate(catalogueOfSize(3), PERIOD);
    expect(fake.cell('Return!H15').locked).toBe(false);
    expect(fake.cell('Return!A15').locked).not.toBe(false);
    expect(fake.sheet('Return').validations.length).toBeGreaterThan(0);
  });

  it('a Cabinet sheet is protected, every used cell locked, values not formulas; again gives (2) without throwing', async () => {
    const fake = freshFake();
    const s = servicesOn(fake);
    const cat = catalogueOfSize(4);
    await s.insertTemplate(cat, PERIOD);
    const one = await s.createCabinetSheet(cat, PERIOD, { password: 'pw' });
    const two = await s.createCabinetSheet(cat, PERIOD, {});
    expect(two.sheet).toBe(`${one.sheet} (2)`);
    const sheet = fake.sheet(one.sheet);
    expect(sheet.protection).toMatchObject({ protected: true, password: 'pw' });
    const cells = [...sheet.cells.values()];
    expect(cells.filter((c) => c.value !== null).every((c) => c.locked !== false)).toBe(true);
    expect(cells.some((c) => c.formula !== undefined)).toBe(false);
    expect(fake.sheet(two.sheet).protection.protected).toBe(true);
  });

  it('commentary "=1+1" stays text', async () => {
    const fake = freshFake();
    const plan: SheetPlan = { name: 'T', cells: [{ row: 1, col: 1, values: [['=1+1', '-abc', '+44 20', '@home', '2024-10-21', 'Plain']] }], styles: [], columns: [], validations: [], conditionalFormats: [] };
    await fake.run((ctx) => renderSheetPlan(ctx, plan, { mode: 'new', pageLayout: true, documentProperties: true }));
    const row = ['A1', 'B1', 'C1', 'D1', 'E1', 'F1'].map((a) => fake.cell(`T!${a}`));
    expect(row.map((c) => c.value)).toEqual(['=1+1', '-abc', '+44 20', '@home', '2024-10-21', 'Plain']);
    expect(row.some((c) => c.formula !== undefined)).toBe(false);
  });

  it('selectCell activates the sheet and selects the cell', async () => {
    const fake = freshFake();
    const s = servicesOn(fake);
    await s.insertTemplate(catalogueOfSize(2), PERIOD);
    await s.insertTemplate(catalogueOfSize(2), PERIOD);
    await s.selectCell("'Return'!H16");
    expect(fake.workbook.selection).toEqual({ sheet: 'Return', address: 'H16' });
    expect(fake.workbook.activeSheetId).toBe(fake.sheet('Return').id);
  });

  it('signOff writes name, role, date and the entries fingerprint into the labelled cells', async () => {
    const fake = freshFake();
    const s = servicesOn(fake);
    const cat = catalogueOfSize(2);
    await s.insertTemplate(cat, PERIOD);
    fake.type('Return!H15', 95);
    fake.type('Return!H16', 94);
    expect(await s.markReady(cat, 'Priya Shah')).toMatchObject({ ok: true });
    const signed = await s.signOff(cat, { name: 'Tom Okafor', role: 'Head of Service' });
    const v = await s.validate(cat, { period: PERIOD });
    expect(signed.ok && signed.signOff.fingerprint).toBe(v.entriesFingerprint);
    expect(v.signOffState).toBe('signed-off');
    expect(v.signOff).toMatchObject({ preparedBy: 'Priya Shah', signedOffBy: 'Tom Okafor', role: 'Head of Service', signedOffOn: '2024-10-21' });
    fake.type('Return!H15', 96);
    expect((await s.validate(cat, { period: PERIOD })).signOffState).toBe('edited-after-signoff');
  });

  it('onReturnChanged calls back once for a burst of edits, and not after unsubscribe', async () => {
    const fake = freshFake();
    const s = servicesOn(fake);
    await s.insertTemplate(catalogueOfSize(2), PERIOD);
    let calls = 0;
    const off = await s.onReturnChanged(() => { calls++; });
    fake.type('Return!H15', 1);
    fake.type('Return!H15', 2);
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toBe(1);
    off();
    await new Promise((r) => setTimeout(r, 10));
    fake.type('Return!H15', 3);
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toBe(1);
  });

  it('saves the catalogue URL in document settings', async () => {
    const fake = freshFake();
    const s = servicesOn(fake);
    await s.saveCatalogueUrl('https://example.org/c.json');
    expect(fake.settings.saved).toEqual({ 'scorecard.catalogueUrl': 'https://example.org/c.json' });
    expect(await s.getSavedCatalogueUrl()).toBe('https://example.org/c.json');
  });

  it('says what is missing when ExcelApi 1.9 is not supported, and still makes the Cabinet sheet', async () => {
    const fake = freshFake();
    const s = servicesOn(fake, { supports: (_set, v) => v !== '1.9' });
    expect(s.host.limitations.join(' ')).toMatch(/1\.9/);
    const cat = catalogueOfSize(2);
    await s.insertTemplate(cat, PERIOD);
    const { sheet } = await s.createCabinetSheet(cat, PERIOD, {});
    expect(fake.sheet(sheet).page.orientation).toBeUndefined();
  });
});
