import fc from 'fast-check';
import { formatPeriod, parsePeriod, periodEndDate } from '../../src/core/period';
import { catalogueServices, defaultPeriod, localToday, periodLabels } from '../../src/taskpane/periods';
import { miniCatalogue } from '../core/fixtures/mini-catalogue';

const years = { financialYears: ['2023-24', '2024-25', '2025-26'] };

describe('periodLabels', () => {
  it('lists every quarter of every catalogue year, oldest first', () => {
    const labels = periodLabels(years);
    expect(labels).toHaveLength(12);
    expect(labels.slice(0, 5)).toEqual(['2023-24 Q1', '2023-24 Q2', '2023-24 Q3', '2023-24 Q4', '2024-25 Q1']);
    expect(labels[11]).toBe('2025-26 Q4');
  });

  it('sorts years the catalogue lists out of order', () => {
    expect(periodLabels({ financialYears: ['2025-26', '2023-24'] })[0]).toBe('2023-24 Q1');
  });
});

describe('defaultPeriod: the latest quarter that has ended', () => {
  it.each([
    ['2024-10-15', '2024-25 Q2', 'mid-October: Q2 (Jul-Sep) has ended, Q3 is running'],
    ['2024-09-30', '2024-25 Q2', 'on the last day of the quarter'],
    ['2024-09-29', '2024-25 Q1', 'the day before Q2 ends'],
    ['2025-04-10', '2024-25 Q4', 'early April: the year just closed'],
    ['2025-01-05', '2024-25 Q3', 'January: Q3 (Oct-Dec)'],
    ['2023-05-01', '2023-24 Q1', 'before any quarter has ended: the first'],
    ['2030-01-01', '2025-26 Q4', 'after the catalogue ends: its last quarter'],
  ])('%s → %s (%s)', (today, want) => {
    expect(defaultPeriod(years, today)).toBe(want);
  });

  it('is undefined for a catalogue with no years', () => {
    expect(defaultPeriod({ financialYears: [] }, '2024-10-01')).toBeUndefined();
  });

  it('never picks a quarter still running when one has ended, and none later has ended', () => {
    const day = fc.date({ min: new Date('2023-06-30T00:00:00Z'), max: new Date('2026-03-30T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, (today) => {
      const picked = defaultPeriod(years, today);
      const p = picked ? parsePeriod(picked) : undefined;
      if (!p) return false;
      const laterEnded = periodLabels(years).filter((l) => l > formatPeriod(p))
        .some((l) => { const q = parsePeriod(l); return q !== undefined && periodEndDate(q) <= today; });
      return periodEndDate(p) <= today && !laterEnded;
    }));
  });
});

describe('catalogueServices', () => {
  it('lists each service once, sorted', () => {
    const services = catalogueServices(miniCatalogue());
    expect(services).toEqual([...new Set(services)].sort((a, b) => a.localeCompare(b)));
    expect(services).toContain('Customer Services');
  });
});

describe('localToday', () => {
  it('writes the local date as YYYY-MM-DD', () => {
    expect(localToday(new Date(2024, 0, 5, 23, 30))).toBe('2024-01-05');
  });
});
