import { QUALITATIVE_STATUSES, type QualitativeStatus } from '../catalogue/constants';
import type { CellValue, Grid } from '../grid';
import { normaliseHeader } from '../return/layout';
import { COLUMNS, TITLE_LABEL, type ColumnKey } from './layout';

/** What an earlier Cabinet paper showed for one indicator. */
export interface PreviousValue {
  /** The number shown; null when it was suppressed, text or blank (unknown, never guessed). */
  readonly actual: number | null;
  readonly qualitative?: QualitativeStatus;
  /** The Actual cell as shown (`<5`, `81.2`), for carrying a value forward. */
  readonly text: string;
  readonly rag?: string;
  readonly dataPeriod?: string;
}

export interface PreviousValues {
  /** The paper's period, `2023-24 Q1`, from its Period label. */
  readonly period?: string;
  readonly values: Readonly<Record<string, PreviousValue>>;
}

const text = (v: CellValue | undefined): string =>
  v === null || v === undefined || typeof v === 'object' ? '' : typeof v === 'number' ? String(v) : String(v).trim();

export interface CabinetTable {
  readonly period?: string;
  readonly headerRow: number;
  readonly columns: Readonly<Partial<Record<ColumnKey, number>>>;
  /**
   * Indicator rows: those with a Ref and a RAG, until the first blank row (a repeated header row is
   * skipped). A column the paper leaves out (no row gave a numerator, say) is absent from `columns`.
   */
  readonly rows: readonly (readonly CellValue[])[];
}

/** Find the indicator table of a Cabinet sheet by header names; undefined when there is none. */
export function readCabinetTable(grid: Grid): CabinetTable | undefined {
  const want = new Map(COLUMNS.map((c) => [normaliseHeader(c.header), c.key] as const));
  const ref = normaliseHeader('Ref');
  const actual = normaliseHeader('Actual');
  const headerIndex = grid.values.findIndex((row) => {
    const names = row.map((v) => (typeof v === 'string' ? normaliseHeader(v) : ''));
    return names.includes(ref) && names.includes(actual);
  });
  if (headerIndex < 0) return undefined;
  const columns: Partial<Record<ColumnKey, number>> = {};
  (grid.values[headerIndex] ?? []).forEach((v, i) => {
    const key = typeof v === 'string' ? want.get(normaliseHeader(v)) : undefined;
    if (key && columns[key] === undefined) columns[key] = i;
  });
  let period: string | undefined;
  const label = normaliseHeader(TITLE_LABEL.period);
  for (const row of grid.values.slice(0, headerIndex)) {
    const at = row.findIndex((v) => typeof v === 'string' && normaliseHeader(v) === label);
    if (at < 0) continue;
    period = row.slice(at + 1).map(text).find((t) => t !== '');
    break;
  }
  const rows: (readonly CellValue[])[] = [];
  for (const row of grid.values.slice(headerIndex + 1)) {
    if (row.every((v) => text(v) === '')) break;
    const cell = (k: ColumnKey): string => (columns[k] === undefined ? '' : text(row[columns[k] as number]));
    // The header row is written again at the top of each page the table runs onto: not an indicator.
    if (normaliseHeader(cell('ref')) === ref && normaliseHeader(cell('actual')) === actual) continue;
    if (cell('ref') !== '' && cell('rag') !== '') rows.push(row);
  }
  return { ...(period ? { period } : {}), headerRow: headerIndex, columns, rows };
}

const STATUSES: readonly string[] = QUALITATIVE_STATUSES;

/** Read an earlier Cabinet sheet so `--previous` can give direction of travel. Suppressed values read as unknown. */
export function previousValuesFromGrid(grid: Grid): PreviousValues {
  const table = readCabinetTable(grid);
  if (!table) return { values: {} };
  const values: Record<string, PreviousValue> = {};
  const at = (row: readonly CellValue[], k: ColumnKey): CellValue | undefined =>
    table.columns[k] === undefined ? undefined : row[table.columns[k] as number];
  for (const row of table.rows) {
    const ref = text(at(row, 'ref'));
    if (values[ref.toUpperCase()]) continue;
    const raw = at(row, 'actual');
    const shown = text(raw);
    const qualitative = STATUSES.includes(shown) ? (shown as QualitativeStatus) : undefined;
    const rag = text(at(row, 'rag'));
    const dataPeriod = text(at(row, 'dataPeriod')).replace(/\s*\(.*\)\s*$/, '');
    values[ref.toUpperCase()] = {
      actual: typeof raw === 'number' && Number.isFinite(raw) ? raw : null,
      ...(qualitative ? { qualitative } : {}),
      text: shown,
      ...(rag ? { rag } : {}),
      ...(dataPeriod ? { dataPeriod } : {}),
    };
  }
  return { ...(table.period ? { period: table.period } : {}), values };
}
