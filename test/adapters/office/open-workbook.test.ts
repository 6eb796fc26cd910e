/**
 * Open as a new workbook (issue 14 point 5): the Office services hand the Cabinet paper to
 * Excel.createWorkbook, modelled by the fake after excel-add-ins-workbooks#create-a-new-workbook.
 */
import { readWorkbookGrids } from '../../../src/adapters/exceljs/read';
import { renderWorkbook } from '../../../src/adapters/exceljs/render';
import { OFFICE_ERROR_TEXT } from '../../../src/app/office-errors';
import type { FileAdapters, ScorecardServices } from '../../../src/app/ports';
import { defaultCatalogue } from '../../../src/catalogue/index';
import { createServices } from '../../../src/composition';
import { seedDemoWorkbook } from '../../helpers/seed-fake';
import { FakeOfficeError, type FakeExcel } from './excel-fake';
import { PERIOD, servicesOn } from './helpers';

const files: FileAdapters = {
  renderWorkbook: async (plan) => renderWorkbook(plan),
  readWorkbookGrids: async (bytes) => (await readWorkbookGrids(bytes)).sheets,
};
const catalogue = defaultCatalogue();

async function setUp(extra: Partial<Parameters<typeof servicesOn>[1]> = {}): Promise<{ fake: FakeExcel; s: ScorecardServices }> {
  const fake = seedDemoWorkbook(PERIOD, { maxSheets: 4 });
  return { fake, s: servicesOn(fake, { files, createWorkbook: fake.createWorkbook, ...extra }) };
}

describe('Open as a new workbook (Excel.createWorkbook, ExcelApi 1.8)', () => {
  it('opens the very workbook a download saves, and leaves this workbook as it was', async () => {
    const { fake, s } = await setUp();
    expect(s.host.openWorkbook).toBe(true);
    const sheets = fake.workbook.sheets.map((x) => x.name);
    const writes = fake.writes();
    const options = { password: 'pw', directorate: 'Housing' };
    const opened = await s.openCabinetWorkbook(catalogue, PERIOD, options);
    const download = await s.downloadCabinet(catalogue, PERIOD, options);
    expect(opened.name).toBe(download.name);
    const [only, ...more] = fake.openedWorkbooks();
    expect(more).toEqual([]);
    const bytes = new Uint8Array(Buffer.from(only?.base64 ?? '', 'base64'));
    expect(await files.readWorkbookGrids(bytes)).toEqual(await files.readWorkbookGrids(download.bytes));
    expect(fake.workbook.sheets.map((x) => x.name)).toEqual(sheets);
    expect(fake.writes()).toBe(writes);
  });

  it('is not offered without ExcelApi 1.8, or without Excel.createWorkbook (the browser preview), and refuses in words', async () => {
    for (const extra of [{ supports: (_set: string, v: string) => v < '1.8' }, { createWorkbook: undefined }]) {
      const { fake, s } = await setUp(extra);
      expect(s.host.openWorkbook).toBe(false);
      await expect(s.openCabinetWorkbook(catalogue, PERIOD, {})).rejects.toThrow('This version of Excel cannot open a new workbook from an add-in (it needs ExcelApi 1.8): use Download .xlsx, or Create locked Cabinet sheet.');
      expect(fake.openedWorkbooks()).toEqual([]);
    }
  });

  it('a createWorkbook error becomes the plain sentence for its code (office-errors), never Office’s message', async () => {
    const { s } = await setUp({ createWorkbook: async () => { throw new FakeOfficeError('GeneralException', 'RichApi internal failure 0x80004005'); } });
    const e: unknown = await s.openCabinetWorkbook(catalogue, PERIOD, {}).then(() => undefined, (x: unknown) => x);
    expect((e as Error).message).toBe(OFFICE_ERROR_TEXT.GeneralException);
  });

  it('an error without a code (the extension-hardening policy) says what to do instead', async () => {
    const { s } = await setUp({ createWorkbook: async () => { throw new Error('This operation is not allowed due to the extension hardening policy.'); } });
    await expect(s.openCabinetWorkbook(catalogue, PERIOD, {})).rejects.toThrow('Excel did not open Cabinet 2024-25 Q2.xlsx as a new workbook. Use Download .xlsx instead, or ask IT whether add-ins may open workbooks.');
  });
});

describe('composition root: Excel.createWorkbook and where downloads go', () => {
  const office = (platform: string) => ({
    onReady: async () => ({ host: 'Excel', platform }),
    context: { platform, document: { settings: {} }, requirements: { isSetSupported: () => true } },
  });

  it('passes Excel.createWorkbook in, bound to Excel; Excel for Mac drops downloads, Excel on the web keeps them in the browser', async () => {
    const fake = seedDemoWorkbook(PERIOD, { maxSheets: 2 });
    const calls: [unknown, string][] = [];
    const Excel = { run: fake.run, createWorkbook(this: unknown, b: string) { calls.push([this, b]); return Promise.resolve(); } };
    const mac = await createServices({ globals: { Office: office('Mac'), Excel } });
    expect(mac.host).toMatchObject({ label: 'Excel for Mac', downloads: 'none', openWorkbook: true });
    await mac.openCabinetWorkbook(catalogue, PERIOD, {});
    expect(calls).toHaveLength(1);
    expect(calls[0]?.[0]).toBe(Excel);
    expect(calls[0]?.[1]).toMatch(/^UEsDB/); // "PK\x03\x04": an .xlsx package
    expect((await createServices({ globals: { Office: office('OfficeOnline'), Excel } })).host.downloads).toBe('browser');
    expect((await createServices({ globals: { Office: office('PC'), Excel } })).host.downloads).toBe('downloads-folder');
    const old = await createServices({ globals: { Office: office('PC'), Excel: { run: Excel.run } } });
    expect(old.host.openWorkbook).toBe(false);
  });

  it('the browser preview does not offer it (nothing would open)', async () => {
    const preview = await createServices({ globals: {} });
    expect(preview.host).toMatchObject({ openWorkbook: false, downloads: 'browser' });
  });
});
