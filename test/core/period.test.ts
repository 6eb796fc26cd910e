import fc from 'fast-check';
import {
  comparePeriods, formatPeriod, fyLabel, makePeriod, nextPeriod, parsePeriod, periodEndDate, periodMonths,
  periodOfDate, previousPeriod, quarterName, samePeriodLastYear, type Period,
} from '../../src/core/period';
import type { QuarterName } from '../../src/core/catalogue/schema';
import { isDue } from '../../src/core/catalogue/accessors';

const p = (text: string): Period => {
  const found = parsePeriod(text);
  if (!found) throw new Error(`not a period: ${text}`);
  return found;
};
const arbPeriod = fc.record({ y: fc.integer({ min: 1990, max: 2200 }), q: fc.integer({ min: 1, max: 4 }) }).map(({ y, q }) => makePeriod(y, q));

describe('parsePeriod', () => {
  it.each([
    ['2023-24 Q2', '2023-24', 2023, 2],
    ['2023-24 Q1', '2023-24', 2023, 1],
    ['2025-26 Q4', '2025-26', 2025, 4],
    ['1999-00 Q3', '1999-00', 1999, 3],
    ['  2023-24   q2 ', '2023-24', 2023, 2],
    ['2023/24 Q2', '2023-24', 2023, 2],
  ])('%j is %s Q%s', (text, year, startYear, quarter) => {
    expect(parsePeriod(text)).toEqual({ year, startYear, quarter });
  });

  it.each([
    '2023-25 Q1', '2023-23 Q1', '2023-24 Q5', '2023-24 Q0', '2023-24', 'Q2', '2023-24 Q2 extra', '23-24 Q2',
    '2023-2024 Q2', 'Q2 2023-24', '', 'junk', '2023-24 Quarter 2', '２０２３-24 Q2',
  ])('rejects %j', (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });

  it('formats back to what it read, for every period', () => {
    fc.assert(fc.property(arbPeriod, (per) => {
      expect(parsePeriod(formatPeriod(per))).toEqual(per);
    }));
  });
});

describe('neighbouring periods', () => {
  it.each([
    ['2023-24 Q2', '2023-24 Q1'],
    ['2023-24 Q1', '2022-23 Q4'],
    ['2000-01 Q1', '1999-00 Q4'],
    ['2023-24 Q4', '2023-24 Q3'],
  ])('the period before %s is %s', (now, before) => {
    expect(formatPeriod(previousPeriod(p(now)))).toBe(before);
  });

  it.each([
    ['2023-24 Q2', '2022-23 Q2'],
    ['2024-25 Q4', '2023-24 Q4'],
    ['2000-01 Q1', '1999-00 Q1'],
  ])('the same period last year as %s is %s', (now, lastYear) => {
    expect(formatPeriod(samePeriodLastYear(p(now)))).toBe(lastYear);
  });

  it('next undoes previous, and four steps back is the same period last year', () => {
    fc.assert(fc.property(arbPeriod, (per) => {
      expect(nextPeriod(previousPeriod(per))).toEqual(per);
      expect(previousPeriod(previousPeriod(previousPeriod(previousPeriod(per))))).toEqual(samePeriodLastYear(per));
      expect(comparePeriods(previousPeriod(per), per)).toBeLessThan(0);
      expect(comparePeriods(per, per)).toBe(0);
    }));
  });

  it('fyLabel keeps two digits across a century', () => {
    expect([fyLabel(1999), fyLabel(2009), fyLabel(2023)]).toEqual(['1999-00', '2009-10', '2023-24']);
  });
});

describe('calendar dates', () => {
  it.each([
    ['2023-24 Q1', 2023, 4, 2023, 6, '2023-06-30'],
    ['2023-24 Q2', 2023, 7, 2023, 9, '2023-09-30'],
    ['2023-24 Q3', 2023, 10, 2023, 12, '2023-12-31'],
    ['2023-24 Q4', 2024, 1, 2024, 3, '2024-03-31'],
  ])('%s runs %i-%i to %i-%i and ends %s', (text, fy, fm, ty, tm, end) => {
    expect(periodMonths(p(text))).toEqual({ from: { year: fy, month: fm }, to: { year: ty, month: tm } });
    expect(periodEndDate(p(text))).toBe(end);
  });

  it.each([
    ['2023-04-01', '2023-24 Q1'],
    ['2023-06-30', '2023-24 Q1'],
    ['2023-07-01', '2023-24 Q2'],
    ['2023-12-31', '2023-24 Q3'],
    ['2024-01-01', '2023-24 Q4'],
    ['2024-02-29', '2023-24 Q4'],
    ['2024-03-31', '2023-24 Q4'],
    ['2024-04-01', '2024-25 Q1'],
    ['2023-09-30T23:00:00Z', '2023-24 Q2'],
  ])('%s falls in %s', (date, text) => {
    expect(periodOfDate(date)).toEqual(p(text));
  });

  it.each(['2023-13-01', '2023-00-10', '2023-02-30', '2023-02-29', '2023-04-31', '2023-05-00', '30/09/2023', 'soon', ''])(
    '%j is not a date', (date) => {
      expect(periodOfDate(date)).toBeUndefined();
    },
  );

  it('the end date of a period falls in that period, and the next day does not', () => {
    fc.assert(fc.property(arbPeriod, (per) => {
      const end = periodEndDate(per);
      expect(periodOfDate(end)).toEqual(per);
      const next = new Date(`${end}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      expect(periodOfDate(next.toISOString().slice(0, 10))).toEqual(nextPeriod(per));
    }));
  });
});

describe('isDue', () => {
  const quarters: QuarterName[] = ['Q1', 'Q2', 'Q3', 'Q4'];
  it.each([
    [['Q4'], '2023-24 Q1', false],
    [['Q4'], '2023-24 Q3', false],
    [['Q4'], '2023-24 Q4', true],
    [['Q2', 'Q4'], '2024-25 Q2', true],
    [['Q2', 'Q4'], '2024-25 Q3', false],
    [quarters, '2025-26 Q1', true],
  ] as const)('due %j in %s: %s', (dueQuarters, text, due) => {
    expect(isDue({ dueQuarters: [...dueQuarters] }, p(text))).toBe(due);
  });

  it('is due exactly in the quarters listed', () => {
    fc.assert(fc.property(arbPeriod, fc.subarray(quarters, { minLength: 1 }), (per, due) => {
      expect(isDue({ dueQuarters: due }, per)).toBe(due.includes(quarterName(per)));
    }));
  });
});
