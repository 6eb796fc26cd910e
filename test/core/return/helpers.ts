import { parseCatalogue } from '../../../src/core/catalogue/parse';
import type { Catalogue } from '../../../src/core/catalogue/schema';
import type { CellValue, Grid } from '../../../src/core/grid';

/** A Grid from rows of values (and optional formats in the same shape). */
export function grid(values: CellValue[][], extra: { sheet?: string; formats?: (string | null)[][]; origin?: { row: number; col: number } } = {}): Grid {
  return { sheet: extra.sheet ?? 'Return', values, ...(extra.formats ? { formats: extra.formats } : {}), ...(extra.origin ? { origin: extra.origin } : {}) };
}

export interface ReturnSpec {
  period?: CellValue;
  service?: CellValue;
  labels?: [string, CellValue][];
  header?: string[];
  rows: Record<string, CellValue>[];
  /** Formats by header name, per row index. */
  formats?: Record<number, Record<string, string>>;
}

export const DEFAULT_HEADER = ['Ref', 'Indicator', 'Target', 'Actual', 'Numerator', 'Denominator', 'Status', 'Commentary', 'Action', 'RAG'];

/**
 * A return sheet like the template: labels in A1.., a blank row, the header, then one row per entry.
 * Rows are given by header name so a test reads like the sheet.
 */
export function returnGrid(spec: ReturnSpec): Grid {
  const header = spec.header ?? DEFAULT_HEADER;
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const labels: [string, CellValue][] = [];
  if (spec.period !== undefined) labels.push(['Period', spec.period]);
  if (spec.service !== undefined) labels.push(['Service', spec.service]);
  labels.push(...(spec.labels ?? []));
  for (const [label, value] of labels) {
    values.push([label, value]);
    formats.push([null, null]);
  }
  values.push([]);
  formats.push([]);
  values.push([...header]);
  formats.push(header.map(() => null));
  spec.rows.forEach((row, i) => {
    values.push(header.map((h) => (h in row ? (row[h] ?? null) : null)));
    formats.push(header.map((h) => spec.formats?.[i]?.[h] ?? null));
  });
  return grid(values, { formats });
}

/** The sheet row (1-based) of entry i in a returnGrid with n labels. */
export const entryRow = (labelCount: number, i: number): number => labelCount + 3 + i;

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

const quarterly = ['Q1', 'Q2', 'Q3', 'Q4'];
const base = { priority: 'P1', directorate: 'Resources', service: 'Customer Services', frequency: 'quarterly', dueQuarters: quarterly };

/** A small catalogue with one indicator per kind of rule. */
export function testCatalogue(): Catalogue {
  const result = parseCatalogue({
    schemaVersion: 1,
    organisation: 'Test Borough',
    plan: 'Test Plan',
    version: 't1',
    financialYears: ['2023-24', '2024-25'],
    defaults: { tolerance: { relative: 5 }, decimals: 1 },
    priorities: [{ id: 'P1', title: 'Residents first' }],
    indicators: [
      { ...base, id: 'CS01', title: '% calls answered in 60s', kind: 'quantitative', unit: 'percent', decimals: 1, polarity: 'higher', targets: { '2023-24': 80, '2024-25': 82 }, range: { min: 0, max: 100 } },
      { ...base, id: 'CS02', title: 'Days to process a claim', kind: 'quantitative', unit: 'days', decimals: 1, polarity: 'lower', targets: { '2023-24': 10 }, tolerance: { absolute: 2 }, range: { min: 0 } },
      { ...base, id: 'CS03', title: 'Annual satisfaction', kind: 'quantitative', unit: 'percent', polarity: 'higher', frequency: 'annual', dueQuarters: ['Q4'], targets: { '2023-24': 60 } },
      { ...base, id: 'CS04', title: 'Complaints received', kind: 'quantitative', unit: 'number', decimals: 0, polarity: 'none' },
      { ...base, id: 'CS05', title: 'Digital strategy delivered', kind: 'qualitative' },
      { ...base, id: 'CS06', title: 'Rate per 1,000', kind: 'quantitative', unit: 'rate', decimals: 1, polarity: 'lower', targets: { '2023-24': 5 } },
      { ...base, service: 'Children', directorate: 'People', id: 'CH01', title: 'Care leavers in custody', kind: 'quantitative', unit: 'number', decimals: 0, polarity: 'lower', targets: { '2023-24': 3 }, tolerance: { absolute: 0 }, suppressBelow: 5 },
      { ...base, service: 'Children', directorate: 'People', id: 'CH02', title: 'Adoptions', kind: 'quantitative', unit: 'number', decimals: 0, polarity: 'higher', targets: { '2023-24': 20 }, suppressBelow: 5, suppressZero: true },
    ],
  });
  if (!result.ok) throw new Error(`test catalogue is invalid: ${JSON.stringify(result.errors)}`);
  return result.catalogue;
}
