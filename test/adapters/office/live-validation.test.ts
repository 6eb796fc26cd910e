/**
 * Live validation against the fake Excel's documented behaviours (issue 14 points 3 and 4): cell-edit
 * mode, change events for format changes, the add-in's own writes and co-authors' edits, the Return
 * sheet followed by id, handlers removed in their own context. Each would have failed on the old
 * onReturnChanged (active sheet, every event) and validate (no delayForCellEdit, no retry).
 */
import { catalogueOfSize, freshFake, PERIOD, servicesOn } from './helpers';

const settle = (ms = 60): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function live(options: Parameters<typeof servicesOn>[1] = {}) {
  const fake = freshFake();
  const s = servicesOn(fake, { cellEditRetryMs: [5, 5, 5], ...options });
  const cat = catalogueOfSize(2);
  await s.insertTemplate(cat, PERIOD);
  let calls = 0;
  const off = await s.onReturnChanged(() => { calls++; });
  return { fake, s, cat, off, calls: () => calls };
}

describe('live validation in real Excel conditions', () => {
  it('a validation started while the lead is editing a cell waits for the edit to end (delayForCellEdit), then runs', async () => {
    const { fake, s, cat } = await live();
    fake.editCell(true);
    let done = false;
    const running = s.validate(cat, { period: PERIOD }).then((r) => { done = true; return r; });
    await settle(30);
    expect(done).toBe(false);
    fake.editCell(false);
    expect((await running).rows.length).toBe(2);
  });

  it('a read refused in cell-edit mode is retried quietly, and succeeds once the edit ends', async () => {
    const { fake, s } = await live({ cellEditRetryMs: [20, 20, 20] });
    fake.editCell(true);
    const going = s.selectCell('Return!A1');
    await settle(10);
    fake.editCell(false);
    await expect(going).resolves.toBeUndefined();
    expect(fake.workbook.selection).toEqual({ sheet: 'Return', address: 'A1' });
  });

  it('after the last retry the cell-edit refusal reaches the caller with its code', async () => {
    const { fake, s } = await live({ cellEditRetryMs: [1, 1] });
    fake.editCell(true);
    await expect(s.selectCell('Return!A1')).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    fake.editCell(false);
  });

  it("validating writes RAG formats without re-triggering itself: no loop, events back on afterwards", async () => {
    const { fake, s, cat, calls } = await live();
    fake.type('Return!H15', 1);
    await settle();
    expect(calls()).toBe(1);
    await s.validate(cat, { period: PERIOD });
    await settle();
    expect(calls()).toBe(1);
    expect(fake.eventsEnabled()).toBe(true);
  });

  it('own writes are ignored even on a host without runtime.enableEvents (triggerSource ThisLocalAddin)', async () => {
    const { fake, s, cat, calls } = await live({ supports: (_set, v) => v !== '1.8' });
    await s.validate(cat, { period: PERIOD });
    await s.markReady(cat, 'A Lead');
    await settle();
    expect(calls()).toBe(0);
    fake.type('Return!H16', 5);
    await settle();
    expect(calls()).toBe(1);
  });

  it("a format-only change and a co-author's edit do not re-validate; the lead's value edit does", async () => {
    const { fake, calls } = await live();
    fake.fill('Return!H15', '#FFFF00');
    fake.remoteType('Return!H16', 7);
    await settle();
    expect(calls()).toBe(0);
    fake.type('Return!H15', 3);
    await settle();
    expect(calls()).toBe(1);
  });

  it('follows the Return sheet, not the sheet active when live validation was switched on', async () => {
    const fake = freshFake();
    const s = servicesOn(fake);
    await s.insertTemplate(catalogueOfSize(2), PERIOD);
    fake.addSheet('Notes');
    fake.workbook.activeSheetId = fake.sheet('Notes').id;
    let calls = 0;
    const off = await s.onReturnChanged(() => { calls++; });
    fake.type('Notes!A1', 'a note');
    await settle();
    expect(calls).toBe(0);
    fake.type('Return!H15', 4);
    await settle();
    expect(calls).toBe(1);
    off();
  });

  it('switching live validation off removes the handler in its own request context: none is left', async () => {
    const { fake, off, calls } = await live();
    expect(fake.handlerCount()).toBe(1);
    off();
    await settle(10);
    expect(fake.handlerCount()).toBe(0);
    fake.type('Return!H15', 3);
    await settle();
    expect(calls()).toBe(0);
  });
});
