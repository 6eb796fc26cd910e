/**
 * The BI team's catalogue as an Excel table, and back. Sheet `Indicators` has one row per
 * indicator with columns named after the fields (nested ones dotted: `targets.2023-24`,
 * `tolerance.relative`); `Catalogue` holds the top-level fields as Field | Value rows;
 * `Priorities`, `FlagshipActions` and `Changes` are tables like `Indicators`.
 * Invariant: tablesToCatalogueJson(catalogueTables(c)) deep-equals c for any catalogue whose keys
 * hold no dots.
 */
import type { CellValue, Grid } from '../grid';
import { cellA1, rect } from '../address';
import type { CellBlock, SheetPlan, WorkbookPlan } from '../plan/types';
import type { Catalogue } from './schema';
import { parseCatalogue, type CatalogueResult } from './parse';
import { decodeCell, flatten, setPath, type Json, type Scalar } from './table-cells';
import type { CatalogueError } from './errors';

export const TABLE_SHEETS = {
  indicators: 'Indicators',
  catalogue: 'Catalogue',
  priorities: 'Priorities',
  flagshipActions: 'FlagshipActions',
  changes: 'Changes',
} as const;

type ListKey = 'indicators' | 'priorities' | 'flagshipActions' | 'changes';
const LIST_KEYS: readonly ListKey[] = ['indicators', 'priorities', 'flagshipActions', 'changes'];

/** Columns people expect first, in this order; any other field follows in order of appearance. */
const PREFERRED: Readonly<Record<ListKey, readonly string[]>> = {
  indicators: ['id', 'title', 'priority', 'flagship', 'directorate', 'service', 'kind', 'unit', 'decimals', 'polarity', 'frequency', 'dueQuarters'],
  priorities: ['id', 'title'],
  flagshipActions: ['id', 'priority', 'title'],
  changes: ['date', 'indicator', 'change', 'year', 'from', 'to', 'reason', 'authority'],
};

export interface Table {
  readonly sheet: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (Scalar | null)[])[];
}

function rank(preferred: readonly string[], column: string): number {
  const head = column.split('.')[0] ?? column;
  const i = preferred.indexOf(head);
  return i === -1 ? preferred.length : i;
}

function objectTable(sheet: string, items: readonly Record<string, Json>[], preferred: readonly string[]): Table {
  const flat = items.map((item) => flatten(item));
  const seen: string[] = [];
  for (const f of flat) for (const k of f.keys()) if (!seen.includes(k)) seen.push(k);
  // Stable sort keeps first-appearance order inside a group (targets.2023-24 before 2024-25).
  const header = seen.map((c, i) => ({ c, i })).sort((a, b) => rank(preferred, a.c) - rank(preferred, b.c) || a.i - b.i).map((x) => x.c);
  return { sheet, header, rows: flat.map((f) => header.map((h) => f.get(h) ?? null)) };
}

/** The catalogue as tables: what the workbook will hold. */
export function catalogueTables(catalogue: Catalogue): Table[] {
  const json = catalogue as unknown as Record<string, Json>;
  const top: Record<string, Json> = {};
  for (const [k, v] of Object.entries(json)) if (!(LIST_KEYS as readonly string[]).includes(k) && v !== undefined) top[k] = v;
  const tables: Table[] = [objectTable(TABLE_SHEETS.indicators, json.indicators as Record<string, Json>[], PREFERRED.indicators)];
  tables.push({ sheet: TABLE_SHEETS.catalogue, header: ['Field', 'Value'], rows: [...flatten(top)].map(([k, v]) => [k, v]) });
  for (const key of ['priorities', 'flagshipActions', 'changes'] as const) {
    const list = json[key];
    if (Array.isArray(list)) tables.push(objectTable(TABLE_SHEETS[key], list as Record<string, Json>[], PREFERRED[key]));
  }
  return tables;
}

function tableSheet(t: Table): SheetPlan {
  const width = Math.max(1, t.header.length);
  const cells: CellBlock[] = [{ row: 1, col: 1, values: [t.header, ...t.rows] }];
  const wide = /title|definition|source|reason|authority|Value/;
  return {
    name: t.sheet,
    cells,
    styles: [{ range: rect(1, 1, 1, width), style: { bold: true, fill: '#DDEBF7', border: true } }],
    columns: t.header.map((h, i) => ({ col: i + 1, width: wide.test(h) ? 40 : Math.min(30, Math.max(10, h.length + 2)) })),
    validations: [],
    conditionalFormats: [],
    freeze: { rows: 1, cols: t.sheet === TABLE_SHEETS.indicators ? 1 : 0 },
    marker: 'catalogue',
  };
}

/** A workbook plan for the catalogue table; render it with any adapter. */
export function catalogueWorkbookPlan(catalogue: Catalogue): WorkbookPlan {
  return {
    sheets: catalogueTables(catalogue).map(tableSheet),
    properties: { title: `${catalogue.organisation} indicator catalogue`, subject: catalogue.plan, keywords: `catalogue ${catalogue.version}`, custom: { ScorecardCatalogueVersion: catalogue.version } },
  };
}

function findSheet(grids: readonly Grid[], name: string): Grid | undefined {
  return grids.find((g) => g.sheet.trim().toLowerCase() === name.toLowerCase());
}

function nonEmpty(row: readonly CellValue[]): boolean {
  return row.some((v) => v !== null && v !== '' && !(typeof v === 'string' && v.trim() === ''));
}

interface Located {
  readonly json: Record<string, Json>;
  readonly where: string;
}

function readObjects(grid: Grid, errors: CatalogueError[]): Located[] {
  const o = grid.origin ?? { row: 1, col: 1 };
  const headerAt = grid.values.findIndex(nonEmpty);
  if (headerAt === -1) return [];
  const header = (grid.values[headerAt] ?? []).map((v) => (typeof v === 'string' ? v.trim() : v === null ? '' : String(v)));
  const out: Located[] = [];
  grid.values.forEach((row, r) => {
    if (r <= headerAt || !nonEmpty(row)) return;
    const json: Record<string, Json> = {};
    header.forEach((field, c) => {
      if (field === '') return;
      const value = decodeCell(field, row[c]);
      if (value !== undefined && !setPath(json, field, value)) {
        errors.push({ path: `${grid.sheet}!${cellA1(o.row + r, o.col + c)}`, message: `conflicts with another column for the same field (${field})`, value });
      }
    });
    out.push({ json, where: `sheet ${grid.sheet}, row ${o.row + r}` });
  });
  return out;
}

export interface TableRead {
  /** The catalogue as JSON, before validation. */
  readonly json: Record<string, Json>;
  /** Problems with the table itself (not the catalogue's content). */
  readonly errors: readonly CatalogueError[];
  /** `indicators[3]` → `sheet Indicators, row 5`, to point people at the row. */
  readonly rowOf: Readonly<Record<string, string>>;
}

/** Read the tables back into catalogue JSON (not yet validated). */
export function tablesToCatalogueJson(grids: readonly Grid[]): TableRead {
  const errors: CatalogueError[] = [];
  const rowOf: Record<string, string> = {};
  const json: Record<string, Json> = {};
  const top = findSheet(grids, TABLE_SHEETS.catalogue);
  if (!top) errors.push({ path: '(root)', message: `needs a sheet named ${TABLE_SHEETS.catalogue} with the Field | Value rows` });
  else {
    top.values.forEach((row, r) => {
      const field = typeof row[0] === 'string' ? row[0].trim() : '';
      if (field === '' || (r === 0 && field === 'Field')) return;
      const value = decodeCell(field, row[1]);
      if (value !== undefined) setPath(json, field, value);
    });
  }
  const indicators = findSheet(grids, TABLE_SHEETS.indicators);
  if (!indicators) errors.push({ path: 'indicators', message: `needs a sheet named ${TABLE_SHEETS.indicators}, one row per indicator` });
  for (const key of LIST_KEYS) {
    const grid = findSheet(grids, TABLE_SHEETS[key]);
    if (!grid) continue;
    const items = readObjects(grid, errors);
    items.forEach((item, i) => (rowOf[`${key}[${i}]`] = item.where));
    json[key] = items.map((x) => x.json);
  }
  return { json, errors, rowOf };
}

/** Read and validate a catalogue workbook; errors keep their JSON paths and name the row. */
export function catalogueFromTables(grids: readonly Grid[]): CatalogueResult {
  const read = tablesToCatalogueJson(grids);
  if (read.errors.length > 0) return { ok: false, errors: read.errors };
  const result = parseCatalogue(read.json);
  if (result.ok) return result;
  return {
    ok: false,
    errors: result.errors.map((e) => {
      const m = /^(\w+\[\d+\])/.exec(e.path);
      const where = m ? read.rowOf[m[1] ?? ''] : undefined;
      return where ? { ...e, message: `${e.message} (${where})` } : e;
    }),
  };
}
