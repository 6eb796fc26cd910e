import { addPeriod } from '../../../src/core/history/add';
import { emptyHistory } from '../../../src/core/history/parse';
import { previousValues } from '../../../src/core/history/read';
import { cabinetModel } from '../../../src/core/cabinet/model';
import { fitScale, MARGINS, rowHeightFor } from '../../../src/core/cabinet/print';
import { TRENDS_FONT, trendsKey, trendsLayout, trendsSheetPlan } from '../../../src/core/cabinet/trends';
import type { Catalogue } from '../../../src/core/catalogue/schema';
import { makePeriod, type Period } from '../../../src/core/period';
import type { PlanValue, SheetPlan } from '../../../src/core/plan/types';
import { miniCatalogue } from '../fixtures/mini-catalogue';
import { consolidationOf, type Entry } from './helpers';

/**
 * The Trends sheet as a Cabinet member reads it printed: names whole (wrapped, rows fitted), a key
 * for every symbol and blank, one A4 landscape page wide with body text at 8 pt or more.
 */

const LONG = 'Percentage of households in temporary accommodation who were placed outside the borough for more than six weeks';

function model(cat: Catalogue) {
  const quarters: [Period, Entry[]][] = [
    [makePeriod(2023, 2), [{ ref: 'MC01', actual: 78 }, { ref: 'MC06', actual: 3 }, { ref: 'MC05', qualitative: 'On track' }]],
    [makePeriod(2023, 3), [{ ref: 'MC01', actual: 70 }, { ref: 'MC06', actual: 8 }, { ref: 'MC02', actual: 30 }]],
    [makePeriod(2023, 4), [{ ref: 'MC01', actual: 84 }, { ref: 'MC03', actual: 1200 }, { ref: 'MC04', actual: 61 }]],
    [makePeriod(2024, 1), [{ ref: 'MC01', actual: 81 }, { ref: 'MC06', actual: 7 }, { ref: 'MC07', actual: 95 }]],
  ];
  let history = emptyHistory(cat.organisation);
  const own = (e: Entry[]): Entry[] => e.map((x) => (cat.indicators.some((i) => i.id === x.ref) ? x : { ...x, ref: 'HOUSING-TA-07' }));
  for (const [p, e] of quarters) history = addPeriod(history, consolidationOf(cat, p, own(e)), { closedAt: '2024-07-20', catalogueVersion: cat.version }).history;
  const now = makePeriod(2024, 1);
  return cabinetModel(cat, consolidationOf(cat, now, own(quarters[3]?.[1] ?? [])), { ...previousValues(history, now), history: { history, catalogue: cat }, generatedAt: '2024-07-21T09:00:00Z' });
}

const cat = miniCatalogue();
const long = miniCatalogue();
long.indicators = long.indicators.map((i) => (i.id === 'MC07' ? { ...i, id: 'HOUSING-TA-07', title: LONG } : i));
const plan = trendsSheetPlan(model(cat), { fingerprint: 'f'.repeat(64) });
const longPlan = trendsSheetPlan(model(long), { fingerprint: 'f'.repeat(64) });

function cellsOf(p: SheetPlan): Map<string, PlanValue> {
  const m = new Map<string, PlanValue>();
  for (const b of p.cells) b.values.forEach((line, i) => line.forEach((v, j) => m.set(`${b.row + i},${b.col + j}`, v)));
  return m;
}
const at = (p: SheetPlan, row: number, col: number): PlanValue | undefined => cellsOf(p).get(`${row},${col}`);
const headerRow = (p: SheetPlan): number => p.print?.repeatRows?.first ?? 0;
const rowOf = (p: SheetPlan, ref: string): number => [...cellsOf(p)].find(([k, v]) => v === ref && k.endsWith(',1') && Number(k.split(',')[0]) > headerRow(p))?.[0].split(',').map(Number)[0] ?? 0;
const heightOf = (p: SheetPlan, row: number): number => p.rowHeights?.find((h) => h.row === row)?.height ?? 0;

describe('trendsSheetPlan', () => {
  it('prints A4 landscape, one page wide, the table header on every page, with the paper margins', () => {
    expect(plan.print).toMatchObject({ orientation: 'landscape', paperSize: 'A4', fitToWidth: 1, fitToHeight: 0, margins: MARGINS });
    expect(at(plan, headerRow(plan), 1)).toBe('Ref');
    expect(at(plan, headerRow(plan), 2)).toBe('Indicator');
    expect(plan.print?.printArea).toMatchObject({ left: 1, right: plan.columns.length });
  });

  it('fits the page width at 100 %, so body text prints at its own size (10 pt, at least 8)', () => {
    for (const p of [plan, longPlan]) {
      const widths = p.columns.map((c) => c.width);
      expect(fitScale(widths)).toBe(1);
      expect(TRENDS_FONT * fitScale(widths)).toBeGreaterThanOrEqual(8);
    }
  });

  it('sizes the Ref column from the refs (no wider than the longest needs) and gives the names the rest', () => {
    const [ref = 0, name = 0] = trendsLayout(model(cat)).widths;
    expect(ref).toBeGreaterThanOrEqual(4); // `MC01`
    expect(ref).toBeLessThanOrEqual(8);
    expect(name).toBeGreaterThan(3 * ref);
    const [longRef = 0] = trendsLayout(model(long)).widths;
    expect(longRef).toBeGreaterThanOrEqual('HOUSING-TA-07'.length);
  });

  it('wraps the names and fits each row to its wrapped name: a long name gets a taller row, a short one a single line', () => {
    const widths = longPlan.columns.map((c) => c.width);
    const row = rowOf(longPlan, 'HOUSING-TA-07');
    expect(at(longPlan, row, 2)).toBe(LONG);
    expect(longPlan.styles.some((s) => s.style.wrap && s.range.top <= row && s.range.bottom >= row && s.range.left <= 2 && s.range.right >= 2)).toBe(true);
    expect(heightOf(longPlan, row)).toBeGreaterThanOrEqual(rowHeightFor([null, LONG], widths, TRENDS_FONT));
    const short = rowOf(longPlan, 'MC01');
    expect(heightOf(longPlan, short)).toBe(rowHeightFor(['x'], [10], TRENDS_FONT));
    expect(heightOf(longPlan, row)).toBeGreaterThan(heightOf(longPlan, short));
    // Every row has a height: LibreOffice prints a row at the height the file gives.
    expect(longPlan.rowHeights?.map((h) => h.row)).toEqual(Array.from({ length: longPlan.rowHeights?.length ?? 0 }, (_, i) => i + 1));
  });

  it('has a key for every symbol the quarters show, every small-number text and the blanks', () => {
    const cells = cellsOf(plan);
    const head = headerRow(plan);
    const quarters = plan.columns.length - 2;
    const shown = new Set<string>();
    const texts = new Set<string>();
    let blanks = 0;
    for (let r = head + 1; r <= (plan.print?.printArea?.bottom ?? 0); r++) {
      if (typeof cells.get(`${r},1`) !== 'string' || String(cells.get(`${r},1`)).includes(':')) continue;
      for (let q = 0; q < quarters / 2; q++) {
        const v = cells.get(`${r},${3 + 2 * q}`);
        const s = cells.get(`${r},${4 + 2 * q}`);
        if (typeof s === 'string') shown.add(s);
        if (typeof v === 'string' && v.startsWith('<')) texts.add(v);
        if ((v ?? null) === null && (s ?? null) === null) blanks += 1;
      }
    }
    expect([...shown].sort()).toEqual(expect.arrayContaining(['✔', '✖', '–']));
    expect(texts).toEqual(new Set(['<5']));
    expect(blanks).toBeGreaterThan(0);
    const keyed = trendsKey(model(cat));
    const symbols = new Set(keyed.map((k) => k.symbol));
    for (const s of [...shown, ...texts]) expect({ symbol: s, keyed: symbols.has(s) }).toEqual({ symbol: s, keyed: true });
    expect(keyed.some((k) => k.symbol === '' && /^Blank: /.test(k.meaning))).toBe(true);
    // The key is on the sheet, above the table.
    const above = [...cells].filter(([k]) => Number(k.split(',')[0]) < head).map(([, v]) => v);
    for (const k of keyed) expect(above).toContain(k.meaning);
  });

  it('counts each rating by quarter, none lumped together', () => {
    const cells = [...cellsOf(plan).values()];
    expect(cells).toContain('Green');
    expect(cells).toContain('Red');
    expect(cells).not.toContain('Other');
  });
});
