import * as fs from 'node:fs';
import * as path from 'node:path';
import { readWorkbookGrids } from '../../src/adapters/exceljs/read';
import { renderWorkbook } from '../../src/adapters/exceljs/render';
import type { FileAdapters } from '../../src/app/ports';
import { defaultCatalogue } from '../../src/catalogue/index';
import type { CellValue } from '../../src/core/grid';
import { freshFake, servicesOn } from '../adapters/office/helpers';
import { run, tempDir } from '../cli/helpers';
import { demoIn } from '../helpers/demo';

/**
 * The two faces run one use case: for the same returns, the same BI master and the same moment, the
 * Cabinet workbook the pane downloads and the one `scorecard consolidate` writes are equal sheet by
 * sheet (names, every cell, the fingerprints in the properties). They were not: the pane's had no
 * Trends sheet and used the whole catalogue where the CLI used the quarter's.
 */

const NOW = '2024-10-21T09:00:00.000Z';
const PERIOD = '2024-25 Q2';
const files: FileAdapters = {
  renderWorkbook: async (plan) => renderWorkbook(plan),
  readWorkbookGrids: async (bytes) => (await readWorkbookGrids(bytes)).sheets,
};

let dir = '';
let returns: string[] = [];

beforeAll(async () => {
  dir = tempDir();
  await demoIn(dir);
  returns = fs.readdirSync(path.join(dir, 'demo', 'returns')).filter((f) => f.endsWith('.xlsx')).sort();
}, 120_000);

type Sheets = Record<string, CellValue[][]>;

async function sheetsOf(bytes: Uint8Array): Promise<{ sheets: Sheets; properties: Readonly<Record<string, string>> }> {
  const book = await readWorkbookGrids(bytes);
  const sheets: Sheets = {};
  for (const g of book.sheets) sheets[g.sheet] = g.values.map((row) => [...row]);
  return { sheets, properties: book.properties };
}

async function paneCabinet(master?: string): Promise<Uint8Array> {
  const services = servicesOn(freshFake(), { files, now: () => new Date(NOW) });
  const catalogue = defaultCatalogue();
  if (master) await services.loadMaster(catalogue, { name: 'bi-master.json', bytes: fs.readFileSync(master) });
  const inputs = returns.map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(dir, 'demo', 'returns', name))) }));
  await services.consolidate(catalogue, inputs, PERIOD, () => undefined);
  return (await services.downloadCabinet(catalogue, PERIOD, {})).bytes;
}

async function cliCabinet(out: string, extra: string[] = []): Promise<Uint8Array> {
  // Run in the returns folder, so each file is named as the pane names a picked file.
  const r = await run(path.join(dir, 'demo', 'returns'), ['consolidate', ...returns, '--period', PERIOD, '--out', out, ...extra], { SCORECARD_NOW: NOW });
  expect(r.code).not.toBe(2);
  return new Uint8Array(fs.readFileSync(path.join(dir, 'demo', 'returns', out)));
}

function expectSame(pane: Awaited<ReturnType<typeof sheetsOf>>, cli: Awaited<ReturnType<typeof sheetsOf>>): void {
  expect(Object.keys(pane.sheets)).toEqual(Object.keys(cli.sheets));
  for (const name of Object.keys(cli.sheets)) expect({ sheet: name, cells: pane.sheets[name] }).toEqual({ sheet: name, cells: cli.sheets[name] });
  for (const key of ['ScorecardFingerprint', 'ScorecardSheetFingerprint', 'ScorecardPeriod']) {
    expect(pane.properties[key]).toBeDefined();
    expect(pane.properties[key]).toBe(cli.properties[key]);
  }
}

describe('the pane and the command line make the same Cabinet workbook', () => {
  it('without a BI master', async () => {
    const cli = await sheetsOf(await cliCabinet('cli.xlsx'));
    const pane = await sheetsOf(await paneCabinet());
    expect(Object.keys(cli.sheets)).toEqual(['Cabinet 2024-25 Q2']);
    expectSame(pane, cli);
  }, 60_000);

  it('with the BI master: the Cabinet and Trends sheets, direction of travel and trends from it', async () => {
    const master = path.join(dir, 'demo', 'returns', 'master.json');
    fs.copyFileSync(path.join(dir, 'demo', 'bi-master.json'), master);
    const before = path.join(dir, 'master-before.json');
    fs.copyFileSync(master, before);
    const cli = await sheetsOf(await cliCabinet('cli-history.xlsx', ['--history', 'master.json']));
    const pane = await sheetsOf(await paneCabinet(before));
    expect(Object.keys(cli.sheets)).toEqual(['Cabinet 2024-25 Q2', 'Trends 2024-25 Q2']);
    expectSame(pane, cli);
  }, 60_000);
});
