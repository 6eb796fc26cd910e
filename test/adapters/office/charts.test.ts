import { addCharts } from '../../../src/adapters/office/dashboard-sheet';
import { dashboardWithNotes } from '../../../src/app/dashboard';
import type { Catalogue } from '../../../src/core/catalogue/schema';
import type { Consolidation } from '../../../src/core/consolidate-types';
import { cabinetModel } from '../../../src/core/cabinet/model';
import { cellA1, rectA1 } from '../../../src/core/address';
import type { Grid } from '../../../src/core/grid';
import { RAG_STYLE } from '../../../src/core/plan/palette';
import { chartData, chartsOf, type FakeChartState } from '../../../src/preview/fake-excel/chart-collection';
import { createFakeExcel, type FakeExcel } from './excel-fake';
import { consolidation } from '../../taskpane/fake-services';
import { catalogueOfSize, freshFake, noFiles, PERIOD, servicesOn } from './helpers';

/** A filled-in Return sheet for `period`, read back as the grid a return file would give. */
async function returnGrid(cat: Catalogue, period: string, actuals: Readonly<Record<string, number>>): Promise<Grid> {
  const fake = freshFake();
  await servicesOn(fake).insertTemplate(cat, period);
  const g = fake.grid('Return');
  const origin = g.origin ?? { row: 1, col: 1 };
  const head = g.values.findIndex((r) => r.includes('Ref'));
  const refCol = g.values[head]?.indexOf('Ref') ?? -1;
  const actualCol = g.values[head]?.indexOf('Actual') ?? -1;
  for (const [ref, v] of Object.entries(actuals)) {
    const row = g.values.findIndex((r) => r[refCol] === ref);
    if (row < 0) throw new Error(`${ref} is not on the ${period} template`);
    fake.type(`Return!${cellA1(origin.row + row, origin.col + actualCol)}`, v);
  }
  return fake.grid('Return');
}

/** Services whose "files" are the given grids, so `consolidate` holds one quarter per call. */
function servicesWithReturns(fake: FakeExcel, grids: Map<string, Grid>) {
  return servicesOn(fake, {
    files: { ...noFiles, readWorkbookGrids: async (bytes) => [grids.get(new TextDecoder().decode(bytes)) as Grid] },
  });
}

async function hold(s: ReturnType<typeof servicesOn>, grids: Map<string, Grid>, cat: Catalogue, period: string, actuals: Record<string, number>): Promise<Consolidation> {
  grids.set(period, await returnGrid(cat, period, actuals));
  return s.consolidate(cat, [{ name: `${period}.xlsx`, bytes: new TextEncoder().encode(period) }], period, () => undefined);
}

const byName = (fake: FakeExcel, sheet: string, name: string): FakeChartState | undefined => chartsOf(fake.sheet(sheet)).find((c) => c.name === name);

describe('createDashboard: workbook state', () => {
  it('writes the RAG table and a stacked bar over it, with RAG colours; too little data for a trend is said, not charted', async () => {
    const fake = freshFake();
    const s = servicesOn(fake);
    const cat = catalogueOfSize(4);
    await s.insertTemplate(cat, PERIOD);
    fake.type('Return!H15', 90);
    const { sheet } = await s.createDashboard(cat, PERIOD);
    expect(sheet).toBe('Dashboard');
    expect(fake.cell('Dashboard!A1').value).toBe(`Dashboard ${PERIOD}`);
    expect(['A2', 'B2', 'C2', 'D2'].map((c) => fake.cell(`Dashboard!${c}`).value)).toEqual(['Priority', '✔ Green', '▲ Amber', '✖ Red']);
    const charts = chartsOf(fake.sheet(sheet));
    expect(charts.map((c) => [c.name, c.type])).toEqual([['RagByPriority', 'BarStacked']]);
    const bar = charts[0] as FakeChartState;
    expect(bar).toMatchObject({ sourceSheet: 'Dashboard', seriesBy: 'Columns', title: 'RAG by priority', position: { startCell: 'G2', endCell: 'O18' }, legend: { visible: true, position: 'Bottom' } });
    // The data range is the priority rows, never the Overall row.
    const data = chartData(fake.workbook, bar);
    expect(data.series.map((x) => x.name)).toEqual(['✔ Green', '▲ Amber', '✖ Red']);
    expect(data.categories.some((c) => c === 'Overall')).toBe(false);
    expect([...bar.seriesFormat.values()].map((f) => f.fill)).toEqual([RAG_STYLE.Green.fill, RAG_STYLE.Amber.fill, RAG_STYLE.Red.fill]);
    const text = fake.grid(sheet).values.flat().filter((v): v is string => typeof v === 'string');
    expect(text.some((t) => t.startsWith('Too little data for a trend: only one quarter of T00001'))).toBe(true);
    expect(fake.workbook.activeSheetId).toBe(fake.sheet(sheet).id);
  });

  it('charts the Green, Amber and Red counts the Cabinet preview gives, per priority', async () => {
    const fake = freshFake();
    const s = servicesOn(fake);
    const cat = catalogueOfSize(6);
    await s.insertTemplate(cat, PERIOD);
    [90, 10, 95, 0].forEach((v, i) => fake.type(`Return!H${15 + i}`, v));
    const preview = await s.cabinetPreview(cat, PERIOD);
    const { sheet } = await s.createDashboard(cat, PERIOD);
    const data = chartData(fake.workbook, byName(fake, sheet, 'RagByPriority') as FakeChartState);
    const want = preview.byPriority.map((p) => [p.counts.Green + p.counts.Blue, p.counts.Amber, p.counts.Red]);
    expect(data.categories.map((_, i) => data.series.map((x) => x.values[i]))).toEqual(want);
    expect(want.flat().reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('never draws over a sheet: again gives Dashboard (2), and the first keeps its one chart', async () => {
    const fake = freshFake();
    const s = servicesOn(fake);
    const cat = catalogueOfSize(3);
    await s.insertTemplate(cat, PERIOD);
    const one = await s.createDashboard(cat, PERIOD);
    const two = await s.createDashboard(cat, PERIOD);
    expect([one.sheet, two.sheet]).toEqual(['Dashboard', 'Dashboard (2)']);
    expect(chartsOf(fake.sheet('Dashboard'))).toHaveLength(1);
    expect(chartsOf(fake.sheet('Dashboard (2)'))[0]?.sourceSheet).toBe('Dashboard (2)');
  });

  it('charts the chosen indicator over the quarters the pane consolidated, as a line over its table', async () => {
    const fake = freshFake();
    const grids = new Map<string, Grid>();
    const s = servicesWithReturns(fake, grids);
    const cat = catalogueOfSize(3);
    await hold(s, grids, cat, '2024-25 Q1', { T00002: 61, T00001: 10 });
    await hold(s, grids, cat, PERIOD, { T00002: 72, T00001: 20 });
    const { sheet } = await s.createDashboard(cat, PERIOD, 't00002');
    const line = byName(fake, sheet, 'Trend') as FakeChartState;
    expect(line).toMatchObject({ type: 'Line', seriesBy: 'Columns', title: 'T00002 trend', position: { startCell: 'G20', endCell: 'O36' }, legend: { visible: false } });
    const data = chartData(fake.workbook, line);
    // The last five quarters to this one; those the pane never consolidated are gaps.
    expect(data.categories).toEqual(['2023-24 Q2', '2023-24 Q3', '2023-24 Q4', '2024-25 Q1', PERIOD]);
    expect(data.series.map((x) => x.name)).toEqual([expect.stringMatching(/^T00002: /)]);
    expect(data.series[0]?.values.slice(-2)).toEqual([61, 72]);
    expect(data.series[0]?.values.slice(0, -2).every((v) => v === null)).toBe(true);
    const text = fake.grid(sheet).values.flat().filter((v): v is string => typeof v === 'string');
    expect(text.some((t) => t.startsWith('Too little data'))).toBe(false);
  });

  it('never puts a suppressed small count into chart data', async () => {
    const fake = freshFake();
    const grids = new Map<string, Grid>();
    const s = servicesWithReturns(fake, grids);
    const base = catalogueOfSize(2);
    const cat: Catalogue = { ...base, indicators: base.indicators.map((i) => ({ ...i, unit: 'number', suppressBelow: 5, targets: undefined })) };
    await hold(s, grids, cat, '2024-25 Q1', { T00001: 40 });
    const small = await hold(s, grids, cat, PERIOD, { T00001: 3 });
    expect(small.rows.find((r) => r.ref === 'T00001')?.actual).toBe(3);
    await hold(s, grids, cat, '2024-25 Q3', { T00001: 50 });
    const { sheet } = await s.createDashboard(cat, '2024-25 Q3', 'T00001');
    const line = byName(fake, sheet, 'Trend') as FakeChartState;
    const data = chartData(fake.workbook, line);
    expect(data.categories.slice(-3)).toEqual(['2024-25 Q1', PERIOD, '2024-25 Q3']);
    expect(data.series[0]?.values.slice(-3)).toEqual([40, null, 50]);
    expect(fake.grid(sheet).values.flat()).not.toContain(3);
  });
});

describe('createDashboard: syncs', () => {
  async function syncsOf(n: number, consolidated: boolean): Promise<number> {
    const fake = freshFake();
    const grids = new Map<string, Grid>();
    const s = servicesWithReturns(fake, grids);
    const cat = catalogueOfSize(n);
    if (consolidated) await hold(s, grids, cat, PERIOD, { T00001: 50 });
    else await s.insertTemplate(cat, PERIOD);
    const before = fake.syncCount();
    await s.createDashboard(cat, PERIOD);
    return fake.syncCount() - before;
  }

  it.each([
    ['from the returns in the workbook', false],
    ['from a held consolidation', true],
  ])('are the same at 10 and 1,000 indicators, at most 3 (%s)', async (_, consolidated) => {
    const small = await syncsOf(10, consolidated);
    const big = await syncsOf(1000, consolidated);
    // Reads: the basis (names, then each sheet's top, unless a consolidation is held); then one write.
    expect(small).toBe(consolidated ? 2 : 3);
    // A return longer than the top read adds its columns in blocks of about 5,000 rows, one sync each
    // (within Excel on the web's 5 MB response): never one per row.
    expect(big).toBe(consolidated ? small : small + 1);
  }, 60000);
});

describe('addCharts', () => {
  it('queues every chart and sends them in the one sync the caller makes', async () => {
    const fake = createFakeExcel();
    fake.addSheet('S');
    const plan = dashboardWithNotes(cabinetModel(catalogueOfSize(2), consolidation({ period: PERIOD }), {}), [PERIOD]);
    const before = fake.syncCount();
    await fake.run(async (ctx) => {
      addCharts(ctx.workbook.worksheets.getItem('S'), plan.charts);
      await ctx.sync();
    });
    expect(fake.syncCount() - before).toBe(1);
    expect(chartsOf(fake.sheet('S')).map((c) => c.source)).toEqual(plan.charts.map((c) => rectA1(c.source)));
  });

  it('is refused on a protected sheet, as Excel refuses it', async () => {
    const fake = createFakeExcel();
    fake.addSheet('S').protection = { protected: true, options: {} };
    const plan = dashboardWithNotes(cabinetModel(catalogueOfSize(2), consolidation({ period: PERIOD }), {}), []);
    await expect(fake.run(async (ctx) => { addCharts(ctx.workbook.worksheets.getItem('S'), plan.charts); await ctx.sync(); })).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});
