import { cabinetModelFor } from '../../../src/app/cabinet-workbook';
import { dashboardModel } from '../../../src/app/dashboard';
import { cabinetModel } from '../../../src/core/cabinet/model';
import { consolidate } from '../../../src/core/consolidate';
import { addPeriod } from '../../../src/core/history/add';
import { emptyHistory } from '../../../src/core/history/parse';
import type { History } from '../../../src/core/history/schema';
import { parsePeriod, type Period } from '../../../src/core/period';
import { validateGrid } from '../../../src/core/return/find';
import { returnGrid } from '../../core/return/helpers';
import { catalogueOfSize, freshFake, PERIOD, servicesOn } from './helpers';

const cat = catalogueOfSize(4);
const Q1 = parsePeriod('2024-25 Q1') as Period;
const json = (name: string, value: unknown) => ({ name, bytes: new TextEncoder().encode(JSON.stringify(value)) });

/** A BI master holding 2024-25 Q1, where every indicator stood at `actual`. */
function masterAt(actual: number): History {
  const grid = returnGrid({ period: '2024-25 Q1', rows: cat.indicators.map((i) => ({ Ref: i.id, Actual: actual, Commentary: 'c', Action: 'a' })) });
  const c = consolidate(cat, Q1, [{ file: 'q1.xlsx', validation: validateGrid(cat, grid, { period: Q1 }) }]);
  return addPeriod(emptyHistory(cat.organisation), c, { closedAt: '2024-07-30T12:00:00Z', catalogueVersion: cat.version }).history;
}

/** The Cabinet sheet's direction-of-travel cells (vs last quarter), by indicator ref. */
function directions(fake: ReturnType<typeof freshFake>, sheet: string): Map<string, unknown> {
  const values = fake.grid(sheet).values;
  const header = values.findIndex((r) => r[0] === 'Ref');
  const col = values[header]?.indexOf('Direction (vs last quarter)') ?? -1;
  const out = new Map<string, unknown>();
  // The indicator table comes first; a Red row appears again in the exceptions list below it.
  for (const r of values.slice(header + 1)) if (typeof r[0] === 'string' && /^T\d+$/.test(r[0]) && !out.has(r[0])) out.set(r[0], r[col] ?? null);
  return out;
}

describe('the BI master in the pane', () => {
  it('gives the Cabinet sheet direction of travel against the quarter before, and says so in the preview', async () => {
    const fake = freshFake();
    const s = servicesOn(fake);
    await s.insertTemplate(cat, PERIOD);
    const q1 = cat.indicators[0]?.targets?.['2024-25'] as number;
    fake.type('Return!H15', q1 + 5);
    fake.type('Return!H16', q1 - 5);
    const summary = await s.loadMaster(cat, json('master.json', masterAt(q1)));
    expect(summary).toEqual({ file: 'master.json', organisation: cat.organisation, periods: ['2024-25 Q1'] });
    expect((await s.cabinetPreview(cat, PERIOD)).basis).toMatch(/direction of travel from the BI master \(1 closed quarters\)/);
    const { sheet } = await s.createCabinetSheet(cat, PERIOD, {});
    const dir = directions(fake, sheet);
    expect(dir.get('T00001')).toBe('↑ Improving');
    expect(dir.get('T00002')).toBe('↓ Worsening');

    await s.clearMaster();
    expect((await s.cabinetPreview(cat, PERIOD)).basis).toMatch(/no BI master loaded/);
    const again = await s.createCabinetSheet(cat, PERIOD, {});
    expect([...directions(fake, again.sheet).values()].every((v) => v === null || v === '')).toBe(true);
  });

  it('refuses a file that is not a history, or is another council’s, and keeps the one it had', async () => {
    const fake = freshFake();
    const s = servicesOn(fake);
    await s.loadMaster(cat, json('ours.json', masterAt(80)));
    await expect(s.loadMaster(cat, { name: 'notes.json', bytes: new TextEncoder().encode('{ not json') })).rejects.toThrow(/^notes\.json is not a BI master \(history\) file: /);
    await expect(s.loadMaster(cat, json('shape.json', { schemaVersion: 1, organisation: cat.organisation, periods: 'no' }))).rejects.toThrow(/periods/);
    await expect(s.loadMaster(cat, json('theirs.json', { ...masterAt(80), organisation: 'Another Borough' }))).rejects.toThrow(/is the BI master of Another Borough, not of /);
    await s.insertTemplate(cat, PERIOD);
    expect((await s.cabinetPreview(cat, PERIOD)).basis).toMatch(/BI master \(1 closed quarters\)/);
  });

  it('the dashboard trend starts from the master’s quarters, and its counts are the Cabinet sheet’s', () => {
    const history = masterAt(81);
    const grid = returnGrid({ period: PERIOD, rows: cat.indicators.map((i) => ({ Ref: i.id, Actual: 95 })) });
    const p = parsePeriod(PERIOD) as Period;
    const c = consolidate(cat, p, [{ file: 'q2.xlsx', validation: validateGrid(cat, grid, { period: p }) }]);
    const made = cabinetModelFor({ catalogue: cat, consolidation: c, master: history, now: '2024-10-21T09:00:00Z' });
    if (!made.ok) throw new Error('the master refused the quarter');
    const compare = { options: made.options, master: history };
    const model = dashboardModel(cat, c, [], '2024-10-21T09:00:00Z', compare);
    const row = model.sections.flatMap((s) => s.rows).find((r) => r.ref === 'T00001');
    const points = (row?.trend ?? []).filter((t) => t.value.value !== undefined).map((t) => [t.period, t.value.value]);
    expect(points).toEqual([['2024-25 Q1', 81], ['2024-25 Q2', 95]]);
    expect(model.overall).toEqual(cabinetModel(cat, c, compare.options).overall);
    expect(row?.direction.previous).toBe('Improving');
  });
});
