import { readWorkbookGrids } from '../../src/adapters/exceljs/read';
import { renderWorkbook } from '../../src/adapters/exceljs/render';
import type { FileAdapters, ScorecardServices } from '../../src/app/ports';
import type { Catalogue } from '../../src/core/catalogue/schema';
import { emptyHistory } from '../../src/core/history/parse';
import { ISSUE_CODES } from '../../src/core/issues';
import { issueText } from '../../src/core/messages';
import { RAG_STATUSES } from '../../src/core/rag';
import { createPreviewServices } from '../../src/preview/workbook';
import { freshFake, servicesOn } from '../adapters/office/helpers';
import { fakeServices } from '../taskpane/fake-services';

/**
 * The services port (src/app/ports.ts) as the pane relies on it, run against every implementation:
 * the Office services over the documented fake of Excel, the browser preview's services, and the
 * pane tests' hand-written double (so the double cannot promise what the real ones do not keep).
 */

const PERIOD = '2024-25 Q2';
const files: FileAdapters = {
  renderWorkbook: async (plan) => renderWorkbook(plan),
  readWorkbookGrids: async (bytes) => (await readWorkbookGrids(bytes)).sheets,
};
const json = (name: string, value: unknown) => ({ name, bytes: new TextEncoder().encode(JSON.stringify(value)) });

const IMPLEMENTATIONS: [string, () => Promise<ScorecardServices>][] = [
  ['Office services over the fake Excel', async () => servicesOn(freshFake(), { files })],
  ['Office services over the fake Excel, with Excel.createWorkbook', async () => {
    const fake = freshFake();
    return servicesOn(fake, { files, createWorkbook: fake.createWorkbook });
  }],
  ['the browser preview', async () => createPreviewServices()],
  ['the pane tests’ double', async () => fakeServices().services],
];

describe.each(IMPLEMENTATIONS)('the services port: %s', (_name, make) => {
  let s: ScorecardServices;
  let catalogue: Catalogue;
  beforeEach(async () => {
    s = await make();
    const load = await s.loadCatalogue({ kind: 'default' });
    if (!load.ok) throw new Error(load.message);
    catalogue = load.catalogue;
  });

  it('says where it runs, in words', () => {
    expect(typeof s.host.inExcel).toBe('boolean');
    expect(s.host.label.trim()).not.toBe('');
    for (const l of s.host.limitations) expect(l.trim()).not.toBe('');
  });

  it('keeps the catalogue address it was given, and forgets it when told', async () => {
    await s.saveCatalogueUrl('https://bi.example.gov.uk/catalogue.json');
    expect(await s.getSavedCatalogueUrl()).toBe('https://bi.example.gov.uk/catalogue.json');
    await s.saveCatalogueUrl(undefined);
    expect(await s.getSavedCatalogueUrl()).toBeUndefined();
  });

  it('inserts a template as a new sheet each time, never over one, and says how many indicators are due', async () => {
    const first = await s.insertTemplate(catalogue, PERIOD);
    const second = await s.insertTemplate(catalogue, PERIOD);
    expect(first.sheet).not.toBe('');
    expect(second.sheet).not.toBe(first.sheet);
    expect(Number.isInteger(first.due) && first.due > 0).toBe(true);
  });

  it('reads the period written in the return the lead is on', async () => {
    await s.insertTemplate(catalogue, '2024-25 Q1');
    expect(await s.returnPeriod()).toBe('2024-25 Q1');
  });

  it('validates to a result whose counts are its rows and whose issues are known codes with words', async () => {
    await s.insertTemplate(catalogue, PERIOD);
    const r = await s.validate(catalogue, { period: PERIOD });
    const total = Object.values(r.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(r.rows.length);
    for (const row of r.rows) expect(RAG_STATUSES).toContain(row.status);
    for (const i of r.issues) {
      expect(ISSUE_CODES).toContain(i.code);
      expect(['error', 'warning']).toContain(i.severity);
      expect(issueText(i, { place: 'beside' }).trim()).not.toBe('');
    }
  });

  it('hands back an unsubscribe for return changes that can be called twice', async () => {
    await s.insertTemplate(catalogue, PERIOD);
    const off = await s.onReturnChanged(() => undefined);
    off();
    expect(() => off()).not.toThrow();
  });

  it('holds a BI master of this council, refuses another council’s, and lets go when cleared', async () => {
    expect(await s.getMaster()).toBeUndefined();
    await expect(s.loadMaster(catalogue, json('theirs.json', emptyHistory('Another Borough')))).rejects.toThrow(/Another Borough/);
    expect(await s.getMaster()).toBeUndefined();
    const held = await s.loadMaster(catalogue, json('ours.json', emptyHistory(catalogue.organisation)));
    expect(held.organisation).toBe(catalogue.organisation);
    expect(await s.getMaster()).toEqual(held);
    await s.clearMaster();
    expect(await s.getMaster()).toBeUndefined();
  });

  it('previews the Cabinet paper of the period asked for, and makes each Cabinet sheet new', async () => {
    await s.insertTemplate(catalogue, PERIOD);
    const p = await s.cabinetPreview(catalogue, PERIOD);
    expect(p.period).toBe(PERIOD);
    for (const n of Object.values(p.overall)) expect(n).toBeGreaterThanOrEqual(0);
    // The Cabinet sheet's data-quality note, line by line, in words.
    expect(p.dataQuality.map((l) => l.label)).toEqual(expect.arrayContaining(['Returns received', 'Signed off', 'Conflicts']));
    for (const l of p.dataQuality) expect(l.text.trim()).not.toBe('');
    const a = await s.createCabinetSheet(catalogue, PERIOD, {});
    const b = await s.createCabinetSheet(catalogue, PERIOD, {});
    expect(b.sheet).not.toBe(a.sheet);
  });

  it('refuses a sign-off step it cannot do with a result in words, not a rejection', async () => {
    await s.insertTemplate(catalogue, PERIOD);
    for (const r of [await s.markReady(catalogue, '  '), await s.signOff(catalogue, { name: 'B. Manager', role: 'Head of Service' })]) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message.trim()).not.toBe('');
    }
  });

  it('downloads the Cabinet workbook as an .xlsx file', async () => {
    await s.insertTemplate(catalogue, PERIOD);
    const f = await s.downloadCabinet(catalogue, PERIOD, {});
    expect(f.name).toMatch(/\.xlsx$/);
    expect([...f.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('opens the Cabinet workbook as a new workbook where the host says it can, and refuses in words where it cannot', async () => {
    await s.insertTemplate(catalogue, PERIOD);
    expect(typeof s.host.openWorkbook).toBe('boolean');
    expect(['browser', 'downloads-folder', 'none']).toContain(s.host.downloads);
    if (s.host.openWorkbook) {
      expect((await s.openCabinetWorkbook(catalogue, PERIOD, {})).name).toMatch(/\.xlsx$/);
    } else {
      await expect(s.openCabinetWorkbook(catalogue, PERIOD, {})).rejects.toThrow(/Download \.xlsx/);
    }
  });
});
