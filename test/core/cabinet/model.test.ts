import { addPeriod } from '../../../src/core/history/add';
import { emptyHistory } from '../../../src/core/history/parse';
import { previousValues } from '../../../src/core/history/read';
import { cabinetModel } from '../../../src/core/cabinet/model';
import type { PreviousValues } from '../../../src/core/cabinet/previous';
import { COUNTED_STATUSES } from '../../../src/core/rag';
import { miniCatalogue } from '../fixtures/mini-catalogue';
import { consolidationOf, Q2, type Entry } from './helpers';

const cat = miniCatalogue();
const entries: Entry[] = [
  { ref: 'MC01', actual: 81.24, commentary: 'Good quarter' },
  { ref: 'MC02', actual: 25, commentary: 'Backlog after system outage', action: 'Overtime until October' },
  { ref: 'MC03', actual: 12345 },
  { ref: 'MC05', qualitative: 'At risk', commentary: 'Lease delayed', action: 'Escalated to the board' },
  { ref: 'MC06', actual: 3, numerator: 3, denominator: 40 },
  { ref: 'MC07', actual: 92 },
  { ref: 'MC08', actual: 30, commentary: 'Contamination', action: 'Leaflet campaign' },
];
const model = cabinetModel(cat, consolidationOf(cat, Q2, entries, ['MC09']), { generatedAt: '2023-10-20T09:00:00Z' });
const rows = model.sections.flatMap((s) => s.rows);
const row = (ref: string) => rows.find((r) => r.ref === ref);

describe('cabinetModel', () => {
  it('groups every catalogue indicator by priority, in catalogue order', () => {
    expect(model.sections.map((s) => [s.id, s.rows.map((r) => r.ref)])).toEqual([
      ['P1', ['MC01', 'MC02', 'MC03', 'MC04', 'MC05']],
      ['P2', ['MC06', 'MC07', 'MC08', 'MC09']],
    ]);
  });

  it.each([
    ['MC01', '80.0%', '81.2%', '✔ Green'],
    ['MC02', '20.0 days', '25.0 days', '✖ Red'],
    ['MC03', 'No target', '12,345', '– Tracking'],
    ['MC04', '60%', '', '– Not due'],
    ['MC05', '', 'At risk', '▲ Amber'],
    ['MC06', '10', '<5', '✔ Green'],
    ['MC07', '90.0%–95.0%', '92.0%', '✔ Green'],
    ['MC08', '40.0%', '30.0%', '✖ Red'],
    ['MC09', '96.0%', '', '? Missing'],
  ])('%s: target %p, actual %p, RAG %p', (ref, target, actual, ragText) => {
    expect(row(ref)).toMatchObject({ target, rag: ragText });
    expect(row(ref)?.actual.text).toBe(actual);
  });

  it('keeps the rounded number for the sheet and hides small counts', () => {
    expect(row('MC01')?.actual).toMatchObject({ value: 81.2, numFmt: '#,##0.0"%"', suppressed: false });
    expect(row('MC06')?.actual).toEqual({ text: '<5', suppressed: true });
    expect(row('MC06')?.numerator).toEqual({ text: '<5', suppressed: true });
    expect(row('MC06')?.denominator).toMatchObject({ value: 40 });
  });

  it('counts exclude Not due and Tracking', () => {
    const counted = rows.filter((r) => r.status !== 'Withheld' && COUNTED_STATUSES.includes(r.status)).length;
    const o = model.overall;
    expect(o.Blue + o.Green + o.Amber + o.Red + o.Complete + o.Missing + o.Withheld).toBe(counted);
    expect(model.overall).toMatchObject({ Green: 3, Amber: 1, Red: 2, Missing: 1, Tracking: 1, 'Not due': 1 });
    expect(model.sections[0]?.counts).toMatchObject({ Green: 1, Amber: 1, Red: 1, Tracking: 1, 'Not due': 1 });
  });

  it('lists every Red as an exception with its commentary and action', () => {
    expect(model.exceptions.map((r) => [r.ref, r.commentary, r.action])).toEqual([
      ['MC02', 'Backlog after system outage', 'Overtime until October'],
      ['MC08', 'Contamination', 'Leaflet campaign'],
    ]);
    expect(model.exceptions).toEqual(rows.filter((r) => r.status === 'Red'));
  });

  it('lists missing returns, the statutory flag, the benchmark and the data period', () => {
    expect(model.missing).toEqual([{ ref: 'MC09', title: '% of council tax collected', service: 'Adult Social Care' }]);
    expect(row('MC06')?.statutory).toBe(true);
    expect(row('MC01')?.benchmark).toBe('London median: 78.0%');
    expect(row('MC01')).toMatchObject({ dataPeriod: '2023-24 Q2', stale: false, source: { file: 'a.xlsx', sheet: 'Return', cell: 'Return!D5' } });
  });

  it('reports the catalogue changes dated in the quarter, or since the previous paper', () => {
    expect(model.changes.map((c) => [c.date, c.ref, c.from, c.to, c.delegated])).toEqual([['2023-09-30', 'MC01', '78', '80', true]]);
    const q3 = cabinetModel(cat, consolidationOf(cat, { ...Q2, quarter: 3 }, []), {});
    expect(q3.changes).toEqual([]);
    const since = cabinetModel(cat, consolidationOf(cat, { ...Q2, quarter: 3 }, []), { previous: { period: '2023-24 Q1', values: {} } });
    expect(since.changes.map((c) => c.ref)).toEqual(['MC01']);
  });

  it('gives direction of travel against the previous paper and last year, polarity-aware', () => {
    const previous: PreviousValues = { period: '2023-24 Q1', values: {
      MC01: { actual: 79, text: '79' }, MC02: { actual: 22, text: '22' }, MC05: { actual: null, qualitative: 'On track', text: 'On track' },
      MC06: { actual: 12, text: '12' }, MC07: { actual: null, text: '<5' },
      MC04: { actual: 58, text: '58', dataPeriod: '2022-23 Q4' },
    } };
    const lastYear: PreviousValues = { period: '2022-23 Q2', values: { MC01: { actual: 81.2, text: '81.2' } } };
    const m = cabinetModel(cat, consolidationOf(cat, Q2, entries), { previous, lastYear });
    const d = (ref: string) => m.sections.flatMap((s) => s.rows).find((r) => r.ref === ref);
    expect(d('MC01')?.direction).toEqual({ previous: 'Improving', lastYear: 'No change' });
    expect(d('MC02')?.direction.previous).toBe('Worsening');
    expect(d('MC05')?.direction.previous).toBe('Worsening');
    // 3 is hidden as <5, but every value 1..4 is fewer than 12: lower is better, so Improving is safe to show.
    expect(d('MC06')?.direction.previous).toBe('Improving');
    expect(d('MC07')?.direction.previous).toBe('');
    // Not due this quarter: last year's annual result carried forward, flagged as earlier data.
    expect(d('MC04')).toMatchObject({ rag: '– Not due', dataPeriod: '2022-23 Q4', stale: true });
    expect(d('MC04')?.actual.value).toBe(58);
  });

  it('withholds a RAG that would narrow a hidden count down', () => {
    const c = miniCatalogue();
    const ind = c.indicators.find((i) => i.id === 'MC06');
    if (!ind) throw new Error('MC06');
    ind.targets = { '2023-24': 2 };
    ind.tolerance = { absolute: 0 };
    const m = cabinetModel(c, consolidationOf(c, Q2, [{ ref: 'MC06', actual: 1 }]), {});
    const r = m.sections.flatMap((s) => s.rows).find((x) => x.ref === 'MC06');
    expect(r).toMatchObject({ status: 'Withheld', rag: 'Withheld (small numbers)' });
    expect(m.overall.Withheld).toBe(1);
    expect(m.overall.Green).toBe(0);
  });
});

describe('cabinetModel with the BI master (history)', () => {
  const Q4: typeof Q2 = { year: '2023-24', startYear: 2023, quarter: 4 };
  const Q1next: typeof Q2 = { year: '2024-25', startYear: 2024, quarter: 1 };
  const close = (h: ReturnType<typeof emptyHistory>, p: typeof Q2, e: Entry[]) =>
    addPeriod(h, consolidationOf(cat, p, e), { closedAt: '2024-05-01', catalogueVersion: cat.version }).history;
  let history = close(emptyHistory(cat.organisation), Q4, [{ ref: 'MC01', actual: 78 }, { ref: 'MC04', actual: 65 }, { ref: 'MC06', actual: 3 }]);
  const now = consolidationOf(cat, Q1next, [{ ref: 'MC01', actual: 81 }, { ref: 'MC06', actual: 7 }]);
  history = addPeriod(history, now, { closedAt: '2024-07-20', catalogueVersion: cat.version }).history;
  const m = cabinetModel(cat, now, { ...previousValues(history, Q1next), history: { history, catalogue: cat } });
  const r = (ref: string) => m.sections.flatMap((s) => s.rows).find((x) => x.ref === ref);

  it('an annual measure not due shows its last available result with its period, stale, and is not counted as this quarter', () => {
    expect(r('MC04')).toMatchObject({ status: 'Green', rag: '✔ Green (last available)', dataPeriod: '2023-24 Q4', stale: true });
    expect(r('MC04')?.actual.value).toBe(65);
    const counted = m.sections.flatMap((s) => s.rows).filter((x) => !x.stale && x.status === 'Green').length;
    expect(m.overall.Green).toBe(counted);
  });

  it('direction of travel comes from the history', () => {
    expect(r('MC01')?.direction.previous).toBe('Improving');
  });

  it('trends cover the last five quarters, oldest first, and a small count stays hidden in them', () => {
    expect(m.trendPeriods).toEqual(['2023-24 Q1', '2023-24 Q2', '2023-24 Q3', '2023-24 Q4', '2024-25 Q1']);
    const t = r('MC06')?.trend ?? [];
    expect(t.map((p) => p.value.text)).toEqual(['', '', '', '<5', '7']);
    expect(t.some((p) => p.value.value === 3)).toBe(false);
    expect(r('MC01')?.trend?.map((p) => p.value.value ?? null)).toEqual([null, null, null, 78, 81]);
  });
});
