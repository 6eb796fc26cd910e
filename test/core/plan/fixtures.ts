import type { Catalogue, Indicator } from '../../../src/core/catalogue/schema';

const base = { priority: 'P1', directorate: 'Resources', service: 'Customer Services', frequency: 'quarterly' as const, dueQuarters: ['Q1', 'Q2', 'Q3', 'Q4'] as Indicator['dueQuarters'] };

export const CALLS: Indicator = {
  ...base, id: 'CS01', title: '% of calls answered within 60 seconds', kind: 'quantitative', unit: 'percent', decimals: 1,
  polarity: 'higher', targets: { '2023-24': 80 }, tolerance: { relative: 5 }, range: { min: 0, max: 100 },
};
export const COMPLAINTS: Indicator = {
  ...base, id: 'CS02', title: 'Complaints escalated to the Ombudsman', kind: 'quantitative', unit: 'number', decimals: 0,
  polarity: 'lower', targets: { '2023-24': 3 }, tolerance: { absolute: 1 }, range: { min: 0 }, suppressBelow: 5,
};
export const STRATEGY: Indicator = {
  ...base, id: 'CS03', title: 'Digital strategy adopted', priority: 'P2', kind: 'qualitative',
};
export const ANNUAL: Indicator = {
  ...base, id: 'CS04', title: 'Resident satisfaction', kind: 'quantitative', unit: 'percent', frequency: 'annual', dueQuarters: ['Q4'],
  polarity: 'higher', targets: { '2023-24': 70 },
};
export const HOUSING: Indicator = {
  ...base, id: 'HS01', title: 'Average days to re-let a council home', service: 'Housing', directorate: 'Place', kind: 'quantitative',
  unit: 'days', decimals: 0, polarity: 'range', targets: { '2023-24': { min: 20, max: 30 } }, tolerance: { absolute: 5 },
};

export function catalogue(indicators: Indicator[] = [CALLS, COMPLAINTS, STRATEGY, ANNUAL, HOUSING]): Catalogue {
  return {
    schemaVersion: 1, organisation: 'London Borough of Testing', plan: 'Corporate Plan 2023-26', version: '2023-06-29',
    financialYears: ['2023-24'], defaults: { tolerance: { relative: 5 }, decimals: 1 },
    priorities: [{ id: 'P1', title: 'A council that puts residents first' }, { id: 'P2', title: 'A place where those in need are supported' }],
    indicators,
  };
}
