import * as fs from 'node:fs';
import * as path from 'node:path';
import { readWorkbookGrids } from '../../../src/adapters/exceljs/read';
import { readCabinetTable } from '../../../src/core/cabinet/previous';
import { findIndicator } from '../../../src/core/catalogue/parse';
import type { Indicator } from '../../../src/core/catalogue/schema';
import { directionText } from '../../../src/core/cabinet/cells';
import { directionOfTravel } from '../../../src/core/direction';
import type { CellValue, Grid } from '../../../src/core/grid';
import { parseHistoryText } from '../../../src/core/history/parse';
import type { History } from '../../../src/core/history/schema';
import { formatPeriod } from '../../../src/core/period';
import { run, tempDir } from '../helpers';
import { QUARTERS, runCatalogue } from '../../core/history/run';
import { CS01, writeReturns } from './quarters';

const catalogue = runCatalogue();
const dir = tempDir();
const labels = QUARTERS.map(formatPeriod);
const ENV = { SCORECARD_NOW: '2026-05-01T09:00:00Z' };

interface Pack { readonly cabinet: Grid; readonly trends: Grid | undefined; readonly history: History; readonly code: number; readonly out: string }
const packs: Pack[] = [];

const readHistory = (): History => {
  const r = parseHistoryText(fs.readFileSync(path.join(dir, 'master.json'), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.history;
};

beforeAll(async () => {
  fs.writeFileSync(path.join(dir, 'catalogue.json'), JSON.stringify(catalogue));
  for (const [k, period] of QUARTERS.entries()) {
    const files = await writeReturns(dir, catalogue, period, k);
    const out = `cabinet-${k}.xlsx`;
    const r = await run(dir, ['consolidate', ...files, '--catalogue', 'catalogue.json', '--period', labels[k] as string, '--out', out, '--history', 'master.json'], ENV);
    const book = await readWorkbookGrids(new Uint8Array(fs.readFileSync(path.join(dir, out))));
    const cabinet = book.sheets.find((g) => g.sheet.startsWith('Cabinet'));
    if (!cabinet) throw new Error(`no Cabinet sheet in ${out}: ${r.err}`);
    packs.push({ cabinet, trends: book.sheets.find((g) => g.sheet.startsWith('Trends')), history: readHistory(), code: r.code, out: r.out });
  }
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const text = (v: CellValue | undefined): string => (v === null || v === undefined || typeof v === 'object' ? '' : String(v));

/** Each indicator row of the Cabinet sheet, by ref, as header name → cell. */
function cabinetRows(g: Grid): Map<string, Record<string, CellValue | undefined>> {
  const t = readCabinetTable(g);
  if (!t) throw new Error('no table');
  const out = new Map<string, Record<string, CellValue | undefined>>();
  for (const row of t.rows) {
    const rec: Record<string, CellValue | undefined> = {};
    for (const [k, i] of Object.entries(t.columns)) rec[k] = row[i as number];
    out.set(text(rec.ref), rec);
  }
  return out;
}

function trendRow(g: Grid | undefined, ref: string): { header: string[]; cells: CellValue[] } {
  if (!g) throw new Error('no Trends sheet');
  const h = g.values.findIndex((r) => r[0] === 'Ref' && r[1] === 'Indicator');
  const row = g.values.slice(h + 1).find((r) => r[0] === ref);
  return { header: (g.values[h] ?? []).map(text), cells: [...(row ?? [])] };
}

const ind = (ref: string): Indicator => findIndicator(catalogue, ref) as Indicator;
const actualIn = (h: History, ref: string, period: string): number | null => {
  const v = h.periods.find((p) => p.period === period)?.values.find((x) => x.ref === ref)?.actual;
  return typeof v === 'number' ? v : null;
};

describe('three years through the real CLI, quarter by quarter', () => {
  it('closes each quarter into the history (errors in the sample returns are reported, never a crash)', () => {
    expect(packs.map((p) => p.code).every((c) => c === 0 || c === 1)).toBe(true);
    expect(packs.map((p) => p.history.periods.map((x) => x.period))).toEqual(labels.map((_, k) => labels.slice(0, k + 1)));
    expect(packs[0]?.out).toMatch(/Recorded 2023-24 Q1 in master\.json .*new file/);
    expect(packs[1]?.out).toMatch(/previous version kept as master\.json\.bak/);
  });

  it.each(labels.map((l, k) => [l, k] as const))('%s: CS01 direction of travel comes from the history', (_label, k) => {
    const row = cabinetRows(packs[k]?.cabinet as Grid).get('CS01');
    const h = packs[k]?.history as History;
    const year = QUARTERS[k]?.year as string;
    const vsPrev = k === 0 ? '' : directionOfTravel(ind('CS01'), CS01[k] ?? null, actualIn(h, 'CS01', labels[k - 1] as string), year, catalogue.defaults);
    const vsYear = k < 4 ? '' : directionOfTravel(ind('CS01'), CS01[k] ?? null, actualIn(h, 'CS01', labels[k - 4] as string), year, catalogue.defaults);
    // Shown as an arrow and a word: `↑ Improving`.
    expect([text(row?.dirPrevious), text(row?.dirLastYear)]).toEqual([directionText(vsPrev), directionText(vsYear)]);
    if (k > 0) expect(vsPrev).not.toBe('');
  });

  it.each(labels.map((l, k) => [l, k] as const))('%s: the Trends sheet shows CS01 for the last five quarters', (_label, k) => {
    const { header, cells } = trendRow(packs[k]?.trends, 'CS01');
    const five = [-4, -3, -2, -1, 0].map((d) => k + d);
    // Each quarter is a value column and its RAG symbol's column.
    const quarters = <T>(xs: T[]): T[] => xs.slice(2, 12).filter((_, i) => i % 2 === 0);
    expect(header.slice(3, 12).filter((_, i) => i % 2 === 0)).toEqual(['RAG', 'RAG', 'RAG', 'RAG', 'RAG']);
    expect(quarters(header)).toEqual(five.map((i) => (i >= 0 ? labels[i] : formatPeriod({ ...QUARTERS[0], quarter: ((i + 4) + 1) as 1 | 2 | 3 | 4, year: '2022-23', startYear: 2022 }))));
    expect(quarters(cells)).toEqual(five.map((i) => (i >= 0 ? (CS01[i] as number) : null)));
  });

  it('the raised CS01 target applies from its change-log date: 82 in 2024-25 Q2, 84 from Q3', () => {
    expect(['2024-25 Q2', '2024-25 Q3', '2024-25 Q4'].map((l) => text(cabinetRows(packs[labels.indexOf(l)]?.cabinet as Grid).get('CS01')?.target))).toEqual(['82', '84', '84']);
    expect(text(cabinetRows(packs[labels.indexOf('2024-25 Q3')]?.cabinet as Grid).get('CS01')?.rag)).toMatch(/Amber/);
  });

  const changeRows = (k: number): string[] => {
    const g = packs[k]?.cabinet as Grid;
    const at = g.values.findIndex((r) => text(r[0]).startsWith('Catalogue changes since'));
    const out: string[] = [];
    for (const r of g.values.slice(at + 2)) {
      if (r.every((v) => text(v) === '')) break;
      out.push(`${text(r[0])} ${text(r[2])}`);
    }
    return out;
  };

  it('each pack lists the catalogue changes made since the previous quarter, and only those', () => {
    expect(changeRows(labels.indexOf('2024-25 Q3'))).toContain('CS01 target');
    expect(changeRows(labels.indexOf('2024-25 Q4'))).toContain('ENF02 removed');
    expect(changeRows(labels.indexOf('2025-26 Q1'))).not.toContain('ENF02 removed');
  });

  it('an indicator added appears from its quarter with no false missing before; one retired leaves the pack', () => {
    const has = (k: number, ref: string): boolean => cabinetRows(packs[k]?.cabinet as Grid).has(ref);
    expect(labels.map((_, k) => has(k, 'CS05'))).toEqual(labels.map((_, k) => k >= 2));
    expect(labels.map((_, k) => has(k, 'ENF02'))).toEqual(labels.map((_, k) => k < 7));
    expect(packs.some((p) => p.history.periods.some((x) => x.missing?.includes('CS05') && x.period < '2023-24 Q3'))).toBe(false);
  });

  it('an annual measure after its quarter shows its last available result, with its period, stale, never as current', () => {
    for (const l of ['2024-25 Q3', '2024-25 Q4', '2025-26 Q1']) {
      const row = cabinetRows(packs[labels.indexOf(l)]?.cabinet as Grid).get('PKS01');
      expect(text(row?.dataPeriod)).toBe('2024-25 Q2 (earlier)');
      expect(text(row?.rag)).toMatch(/\(last available\)$/);
      expect(row?.actual).toBe(actualIn(packs[11]?.history as History, 'PKS01', '2024-25 Q2'));
    }
  });

  it('no suppressed count appears anywhere: in either sheet of any pack, no number 1-4 beside an indicator that suppresses below 5', () => {
    const suppressing = catalogue.indicators.filter((i) => (i.suppressBelow ?? 0) > 0);
    const small = (v: CellValue | undefined): boolean => typeof v === 'number' && v >= 1 && v < 5;
    let checked = 0;
    for (const p of packs) {
      for (const g of [p.cabinet, p.trends as Grid]) {
        for (const r of g.values) {
          const i = suppressing.find((x) => x.id === r[0]);
          if (!i) continue;
          checked += 1;
          expect([i.id, r.filter(small)]).toEqual([i.id, []]);
        }
      }
    }
    expect(checked).toBeGreaterThan(24);
    const recorded = packs[11]?.history.periods.flatMap((x) => x.values.filter((v) => suppressing.some((s) => s.id === v.ref)));
    expect(recorded?.some((v) => v.actual === '<5' || small(v.actual as number))).toBe(true);
  });
});

describe('reopening a closed quarter', () => {
  const k = labels.indexOf('2024-25 Q2');

  it('refuses a closed quarter without --reopen: exit 1, nothing written', async () => {
    const before = fs.readFileSync(path.join(dir, 'master.json'), 'utf8');
    const files = await writeReturns(dir, catalogue, QUARTERS[k] as (typeof QUARTERS)[number], k, { CS01: { ref: 'CS01', actual: 90 } });
    const r = await run(dir, ['consolidate', ...files, '--catalogue', 'catalogue.json', '--period', '2024-25 Q2', '--out', 'reopened.xlsx', '--history', 'master.json'], ENV);
    expect([r.code, r.out]).toEqual([1, expect.stringMatching(/period-closed[\s\S]*Nothing written/)]);
    expect(fs.existsSync(path.join(dir, 'reopened.xlsx'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'master.json'), 'utf8')).toBe(before);
  });

  it('with --reopen --reason replaces the values, keeps the old ones as a revision and the previous file as .bak', async () => {
    const before = fs.readFileSync(path.join(dir, 'master.json'), 'utf8');
    const files = await writeReturns(dir, catalogue, QUARTERS[k] as (typeof QUARTERS)[number], k, { CS01: { ref: 'CS01', actual: 90 } });
    const r = await run(dir, ['consolidate', ...files, '--catalogue', 'catalogue.json', '--period', '2024-25 Q2', '--out', 'reopened.xlsx', '--history', 'master.json', '--reopen', '--reason', 'Late correction from Customer Services'], ENV);
    expect(r.code).toBeLessThan(2);
    const h = readHistory();
    const q = h.periods.find((p) => p.period === '2024-25 Q2');
    expect(q?.values.find((v) => v.ref === 'CS01')?.actual).toBe(90);
    expect(q?.revisions.map((x) => [x.reason, x.values.find((v) => v.ref === 'CS01')?.actual])).toEqual([['Late correction from Customer Services', 83]]);
    expect(fs.readFileSync(path.join(dir, 'master.json.bak'), 'utf8')).toBe(before);
  });
});
