import { checkChangeLog } from '../../../src/core/catalogue/diff';
import { defaultCatalogue } from '../../../src/catalogue';
import { effectiveCatalogue } from '../../../src/core/catalogue/effective';
import { findIndicator } from '../../../src/core/catalogue/parse';
import type { Indicator } from '../../../src/core/catalogue/schema';
import { cabinetModel } from '../../../src/core/cabinet/model';
import { directionOfTravel } from '../../../src/core/direction';
import { addPeriod } from '../../../src/core/history/add';
import { aggregate } from '../../../src/core/history/aggregate';
import { parseHistory } from '../../../src/core/history/parse';
import { lastAvailable, lastAvailableRag, previousLookup, previousValues, series, valueAt } from '../../../src/core/history/read';
import { parsePeriod, type Period } from '../../../src/core/period';
import { validateGrid } from '../../../src/core/return/find';
import { rag } from '../../../src/core/rag';
import { returnGrid } from '../return/helpers';
import { QUARTERS, returnFor, runCatalogue, simulate } from './run';
import { targetFor } from '../../../src/core/catalogue/accessors';

const P = (s: string): Period => {
  const p = parsePeriod(s);
  if (!p) throw new Error(s);
  return p;
};
const run = simulate();
const { history, catalogue } = run;
const ind = (ref: string): Indicator => findIndicator(catalogue, ref) as Indicator;

describe('three-year run on the embedded default catalogue', () => {
  it('records twelve quarters in order, each with the catalogue version it was closed against', () => {
    expect(history.periods.map((p) => p.period)).toEqual(QUARTERS.map((q) => `${q.year} Q${q.quarter}`));
    expect(history.periods.every((p) => p.catalogueVersion === catalogue.version && p.revisions.length === 0)).toBe(true);
    expect(run.issues).toEqual([]);
  });

  it('survives a JSON round trip through parseHistory unchanged', () => {
    const back = parseHistory(JSON.parse(JSON.stringify(history)));
    expect(back.ok && back.history).toEqual(history);
  });

  it('logs its own changes: the run catalogue passes the change-log check against the default, and fails without the entries', () => {
    const base = defaultCatalogue();
    expect(checkChangeLog(base, catalogue)).toEqual([]);
    const unlogged = { ...catalogue, changes: base.changes };
    expect(checkChangeLog(base, unlogged).map((i) => [i.code, i.ref, i.year])).toEqual([['change-not-logged', 'CS01', '2024-25']]);
  });

  describe('a target raised mid-year applies from its change-log date', () => {
    it.each([
      ['2024-25 Q2', 82, 'Green'],
      ['2024-25 Q3', 84, 'Amber'],
      ['2024-25 Q4', 84, 'Amber'],
    ])('CS01 at 83 in %s: target %d, %s', (period, target, status) => {
      expect(targetFor(findIndicator(effectiveCatalogue(catalogue, P(period)), 'CS01') as Indicator, '2024-25')).toBe(target);
      expect(valueAt(history, 'CS01', period)?.status).toBe(status);
    });

    it('re-rating an earlier quarter later keeps the target of the day', () => {
      const early = findIndicator(effectiveCatalogue(catalogue, P('2024-25 Q2')), 'CS01') as Indicator;
      expect(rag({ indicator: early, period: P('2024-25 Q2'), actual: 83, defaults: catalogue.defaults }).status).toBe('Green');
      expect(rag({ indicator: ind('CS01'), period: P('2024-25 Q2'), actual: 83, defaults: catalogue.defaults }).status).toBe('Amber');
    });

    it('the delegated tolerance change of 5 October 2023 is undone for the quarters before it', () => {
      expect(findIndicator(effectiveCatalogue(catalogue, P('2023-24 Q2')), 'CS02')?.tolerance).toEqual({ relative: 5 });
      expect(findIndicator(effectiveCatalogue(catalogue, P('2023-24 Q3')), 'CS02')?.tolerance).toEqual({ absolute: 1 });
    });
  });

  describe('an indicator added and one retired', () => {
    const periodsWith = (ref: string): string[] => history.periods.filter((p) => p.values.some((v) => v.ref === ref)).map((p) => p.period);
    const periodsMissing = (ref: string): string[] => history.periods.filter((p) => p.missing?.includes(ref)).map((p) => p.period);

    it('CS05 (added 2023-24 Q3, due Q3 and Q4) is recorded from its first quarter and never counted missing before it', () => {
      expect(periodsWith('CS05')).toEqual(['2023-24 Q3', '2023-24 Q4', '2024-25 Q3', '2024-25 Q4', '2025-26 Q3', '2025-26 Q4']);
      expect(periodsMissing('CS05')).toEqual([]);
    });

    it('ENF02 (retired 10 February 2025) stops at 2024-25 Q3, is not missing after, and its past stays readable', () => {
      expect(periodsWith('ENF02').at(-1)).toBe('2024-25 Q3');
      expect(periodsWith('ENF02')).toHaveLength(7);
      expect(periodsMissing('ENF02')).toEqual([]);
      const trend = series(history, 'ENF02', P('2025-26 Q1'), 4);
      expect(trend.map((s) => [s.period, s.value !== undefined])).toEqual([
        ['2024-25 Q2', true], ['2024-25 Q3', true], ['2024-25 Q4', false], ['2025-26 Q1', false],
      ]);
    });
  });

  describe('a reopened quarter', () => {
    const corrected = returnFor(catalogue, P('2024-25 Q2'), 5, { 'CS01@2024-25 Q2': 79 });

    it('is refused without reopen, and the history handed back is the one given', () => {
      const r = addPeriod(history, corrected, { closedAt: '2025-05-01', catalogueVersion: catalogue.version });
      expect(r.history).toBe(history);
      expect(r.issues.map((i) => [i.severity, i.code, i.period])).toEqual([['error', 'period-closed', '2024-25 Q2']]);
    });

    it('with reopen, replaces the values and keeps the old ones as a revision with the reason', () => {
      const r = addPeriod(history, corrected, { closedAt: '2025-05-01', catalogueVersion: catalogue.version, reopen: true, reason: 'Call data re-extracted' });
      expect(r.issues).toEqual([]);
      const rec = r.history.periods.find((p) => p.period === '2024-25 Q2');
      expect(rec?.revisions).toHaveLength(1);
      expect(rec?.revisions[0]).toMatchObject({ replacedAt: '2025-05-01', reason: 'Call data re-extracted', closedAt: '2024-09-30T17:00:00Z' });
      expect(rec?.revisions[0]?.values.find((v) => v.ref === 'CS01')?.actual).toBe(83);
      expect(valueAt(r.history, 'CS01', '2024-25 Q2')).toMatchObject({ actual: 79, status: 'Amber' });
      expect(valueAt(history, 'CS01', '2024-25 Q2')?.actual).toBe(83);
      expect(r.history.periods.map((p) => p.period)).toEqual(history.periods.map((p) => p.period));
      expect(parseHistory(JSON.parse(JSON.stringify(r.history))).ok).toBe(true);
    });
  });

  describe('direction of travel from the history', () => {
    const now = P('2025-26 Q3');
    const { previous, lastYear } = previousValues(history, now);

    it('compares CS01 with the quarter before (86) and the same quarter last year (83)', () => {
      expect(previous.period).toBe('2025-26 Q2');
      expect(previous.values.CS01).toMatchObject({ actual: 86, dataPeriod: '2025-26 Q2' });
      expect(lastYear.values.CS01).toMatchObject({ actual: 83, dataPeriod: '2024-25 Q3' });
      expect(directionOfTravel(ind('CS01'), 85, previous.values.CS01?.actual, now.year)).toBe('Worsening');
      expect(directionOfTravel(ind('CS01'), 85, lastYear.values.CS01?.actual, now.year)).toBe('Improving');
    });

    it('gives an annual measure its previous result, a year back; a blank quarter before gives no direction', () => {
      const { previous: prev } = previousValues(history, P('2025-26 Q2'));
      expect(prev.values.PKS01).toMatchObject({ actual: 6, dataPeriod: '2024-25 Q2' });
      expect(prev.values.ENV03).toMatchObject({ actual: null, rag: 'Missing', dataPeriod: '2025-26 Q1' });
      expect(directionOfTravel(ind('ENV03'), 0.8, prev.values.ENV03?.actual, '2025-26')).toBe('');
    });

    it('feeds the Cabinet model: previous and last-year directions for CS01', () => {
      const consolidation = returnFor(catalogue, now, 99, { 'CS01@2025-26 Q3': 85 });
      const model = cabinetModel(effectiveCatalogue(catalogue, now), consolidation, previousValues(history, now));
      const row = model.sections.flatMap((s) => s.rows).find((r) => r.ref === 'CS01');
      expect(row?.direction).toEqual({ previous: 'Worsening', lastYear: 'Improving' });
    });

    it('feeds validateReturn: previousLookup gives the direction against the quarter before', () => {
      const grid = returnGrid({ period: '2025-26 Q3', rows: [{ Ref: 'CS01', Actual: 85 }] });
      const v = validateGrid(effectiveCatalogue(catalogue, now), grid, { previous: previousLookup(history) });
      expect(v.rows[0]?.direction).toBe('Worsening');
    });
  });

  describe('cumulative and rolling measures', () => {
    it('REV01 year to date 30.0 in 2024-25 Q1 is Green against the Q1 profile 29.6, not Red against the annual 96.8', () => {
      expect(valueAt(history, 'REV01', '2024-25 Q1')).toMatchObject({ actual: 30, status: 'Green' });
      const a = aggregate(ind('REV01'), history, P('2024-25 Q1'), 30);
      expect(a).toMatchObject({ kind: 'cumulative', value: 30, target: 29.6 });
      expect(rag({ indicator: ind('REV01'), period: P('2024-25 Q1'), actual: 30, defaults: catalogue.defaults }).status).toBe('Red');
    });

    it('HR01 is reported as the 12 months to the quarter end, so its figure is taken as given against the annual target', () => {
      const a = aggregate(ind('HR01'), history, P('2024-25 Q4'), 7.9);
      expect(a).toMatchObject({ kind: 'rolling12', value: 7.9, target: 8, periods: ['2024-25 Q4'], missingPeriods: [] });
    });

    it('read as quarterly figures, HR01 in the second quarter of the history has no 12-month figure yet', () => {
      const a = aggregate({ ...ind('HR01'), reportedAs: 'quarter' }, history, P('2023-24 Q2'), 2);
      expect(a.value).toBeNull();
      expect(a.missingPeriods).toEqual(['2022-23 Q3', '2022-23 Q4']);
    });
  });

  describe('annual measures: last available result, flagged stale', () => {
    it.each([
      ['2024-25 Q2', false],
      ['2024-25 Q4', true],
      ['2025-26 Q1', true],
    ])('PKS01 in %s rests on 2024-25 Q2 (stale %s) and is rated against that year\'s target', (period, stale) => {
      const r = lastAvailableRag(catalogue, history, 'PKS01', P(period));
      expect(r).toMatchObject({ status: 'Green', dataPeriod: '2024-25 Q2', stale });
    });

    it('a suppressed annual count is rated by every value it could be, and stays suppressed', () => {
      const r = lastAvailableRag(catalogue, history, 'RSF01', P('2024-25 Q1'));
      expect(r).toMatchObject({ status: 'Green', dataPeriod: '2023-24 Q4', stale: true });
      expect(r?.value.actual).toBe('<5');
      expect(r?.rounded).toBeUndefined();
    });

    it('a blank is not a result: ENV03 in 2025-26 Q1 falls back to 2024-25 Q4', () => {
      expect(valueAt(history, 'ENV03', '2025-26 Q1')).toMatchObject({ actual: null, status: 'Missing' });
      expect(lastAvailable(history, 'ENV03', P('2025-26 Q1'))).toMatchObject({ period: '2024-25 Q4', stale: true });
    });
  });
});
