import type { Catalogue, Indicator } from '../../../src/core/catalogue/schema';
import type { ConsolidatedRow, Consolidation, ReturnInput } from '../../../src/core/consolidate-types';
import type { CellValue, Grid } from '../../../src/core/grid';
import { formatPeriod, type Period } from '../../../src/core/period';
import type { PlanValue, WorkbookPlan } from '../../../src/core/plan/types';
import { rag } from '../../../src/core/rag';
import { emptyCounts, ragCounts } from '../../../src/core/return/counts';
import type { RowResult, SignOffState, ValidationResult } from '../../../src/core/return/types';

export const Q2: Period = { year: '2023-24', startYear: 2023, quarter: 2 };

export type Entry = Partial<Omit<RowResult, 'ref' | 'status' | 'direction'>> & Pick<RowResult, 'ref'> & Partial<Pick<RowResult, 'status' | 'direction'>>;

export function find(cat: Catalogue, ref: string): Indicator {
  const ind = cat.indicators.find((i) => i.id === ref);
  if (!ind) throw new Error(`no ${ref} in the test catalogue`);
  return ind;
}

/** A row as the validator would conclude it: RAG from the catalogue's rules unless the test says otherwise. */
export function rowResult(cat: Catalogue, period: Period, e: Entry, row = 5): RowResult {
  const ind = find(cat, e.ref);
  const actual = e.actual ?? null;
  const status = e.status ?? rag({
    indicator: ind, period, ...(cat.defaults ? { defaults: cat.defaults } : {}),
    actual: typeof actual === 'number' ? actual : null, status: e.qualitative ?? null,
  }).status;
  return { cell: `Return!D${row}`, row, ...e, actual, status, direction: e.direction ?? '' };
}

export function validation(cat: Catalogue, period: Period | null, entries: Entry[], extra: { signOffState?: SignOffState; sheet?: string; service?: string } = {}): ValidationResult {
  const rows = entries.map((e, i) => rowResult(cat, period ?? Q2, e, 5 + i));
  return {
    sheet: extra.sheet ?? 'Return', period: period ? formatPeriod(period) : null,
    ...(extra.service ? { service: extra.service } : {}),
    rows, issues: [], counts: ragCounts(rows.map((r) => r.status)),
    signOff: { ready: false, cells: {} }, signOffState: extra.signOffState ?? 'signed-off', entriesFingerprint: 'x',
  };
}

export function input(file: string, v: ValidationResult): ReturnInput {
  return { file, validation: v };
}

/** A consolidation straight from rows, for model and plan tests that do not care about files. */
export function consolidationOf(cat: Catalogue, period: Period, entries: Entry[], missing: string[] = []): Consolidation {
  const rows: ConsolidatedRow[] = entries.map((e, i) => ({ ...rowResult(cat, period, e, 5 + i), file: 'a.xlsx', sheet: 'Return' }));
  return { period: formatPeriod(period), rows, conflicts: [], missing, files: [], issues: [], findings: [], counts: emptyCounts() };
}

/** The sheet a renderer would draw from a plan, read back as a Grid (what ExcelJS or Office.js would give). */
export function planToGrid(plan: WorkbookPlan, sheet = 0): Grid {
  const s = plan.sheets[sheet];
  if (!s) throw new Error('no sheet');
  const values: CellValue[][] = [];
  for (const block of s.cells) {
    block.values.forEach((row, dr) => {
      row.forEach((v, dc) => {
        const r = block.row - 1 + dr;
        const c = block.col - 1 + dc;
        while (values.length <= r) values.push([]);
        const line = values[r] as CellValue[];
        while (line.length <= c) line.push(null);
        if (typeof v === 'object' && v !== null) throw new Error('a formula in the plan');
        line[c] = v;
      });
    });
  }
  const width = Math.max(...values.map((r) => r.length));
  return { sheet: s.name, values: values.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]) };
}

/** Every value a plan carries: cells of every sheet, style formats, rules, print texts and properties. */
export function everyPlanValue(plan: WorkbookPlan): PlanValue[] {
  const out: PlanValue[] = [];
  for (const s of plan.sheets) {
    out.push(s.name);
    for (const b of s.cells) for (const row of b.values) out.push(...row);
    for (const hf of [s.print?.footer, s.print?.header]) out.push(...Object.values(hf ?? {}).filter((v): v is string => v !== undefined));
  }
  const p = plan.properties;
  out.push(...[p.title, p.subject, p.keywords, p.company, p.creator].filter((v): v is string => v !== undefined));
  out.push(...Object.values(p.custom));
  return out;
}
