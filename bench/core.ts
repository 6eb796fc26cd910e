import { execFileSync } from 'child_process';
import path from 'path';
import { templatePlan } from '../src/core/plan/template';
import type { CellValue, Grid } from '../src/core/grid';
import type { SheetPlan } from '../src/core/plan/types';
import { validateGrid } from '../src/core/return/find';
import { BENCH_PERIOD, syntheticCatalogue, syntheticEntries } from './synthetic';

/** The grid a reader would hand the core for this plan (values only, as typed). */
export function gridOfPlan(plan: SheetPlan): Grid {
  const rows: CellValue[][] = [];
  for (const block of plan.cells) {
    block.values.forEach((line, r) => {
      const row = (rows[block.row - 1 + r] ??= []);
      line.forEach((v, c) => {
        row[block.col - 1 + c] = v !== null && typeof v === 'object' ? null : v;
      });
    });
  }
  let width = 0;
  for (let i = 0; i < rows.length; i++) width = Math.max(width, rows[i]?.length ?? 0);
  const values = Array.from({ length: rows.length }, (_, i) => Array.from({ length: width }, (_, c) => rows[i]?.[c] ?? null));
  return { sheet: plan.name, values };
}

/** Entries typed straight into the grid by header name (fillReturnPlan copies its block per entry: fine for 150 rows, not 100,000). */
function typeEntries(grid: Grid, catalogue: ReturnType<typeof syntheticCatalogue>): Grid {
  const values = grid.values.map((r) => [...r]);
  const headerAt = values.findIndex((r) => r.some((v) => v === 'Ref'));
  const header = values[headerAt] ?? [];
  const col = (name: string): number => header.findIndex((v) => v === name);
  const [ref, actual, status, commentary, action] = ['Ref', 'Actual', 'Status', 'Commentary', 'Action'].map(col) as [number, number, number, number, number];
  const byRef = new Map(syntheticEntries(catalogue).map((e) => [e.ref, e]));
  for (let r = headerAt + 1; r < values.length; r++) {
    const row = values[r] as CellValue[];
    const e = byRef.get(String(row[ref]));
    if (!e) continue;
    if (e.actual !== undefined) row[actual] = e.actual;
    if (e.status) row[status] = e.status;
    row[commentary] = e.commentary ?? null;
    row[action] = e.action ?? null;
  }
  return { ...grid, values };
}

function timeValidate(rows: number): number {
  const catalogue = syntheticCatalogue(rows);
  const grid = typeEntries(gridOfPlan(templatePlan(catalogue, BENCH_PERIOD, {})), catalogue);
  validateGrid(catalogue, grid, { period: BENCH_PERIOD }); // warm up the JIT on the same shapes
  const start = process.hrtime.bigint();
  const result = validateGrid(catalogue, grid, { period: BENCH_PERIOD });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.rows.length < rows * 0.9) throw new Error(`bench: validation saw ${result.rows.length} of ${rows} rows`);
  return ms;
}

/** Validation speed in ms per 1,000 rows at `rows`, and how it scales from a tenth of that. */
export function measureCore(rows: number): { rows: number; validateMsPerThousandRows: number; linearity: number } {
  const small = timeValidate(Math.max(100, rows / 10));
  const big = timeValidate(rows);
  const perThousandSmall = small / (Math.max(100, rows / 10) / 1000);
  const perThousand = big / (rows / 1000);
  return { rows, validateMsPerThousandRows: round(perThousand), linearity: round(perThousand / perThousandSmall) };
}

/** measureCore in `runs` fresh processes (core-child.ts): the medians of the rate and of the linearity. */
export function measureCoreInChildren(rows: number, runs: number): ReturnType<typeof measureCore> {
  const seen = Array.from({ length: runs }, () => JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'core-child.js'), String(rows)], { encoding: 'utf8' })) as ReturnType<typeof measureCore>);
  const mid = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return { rows, validateMsPerThousandRows: mid(seen.map((s) => s.validateMsPerThousandRows)), linearity: mid(seen.map((s) => s.linearity)) };
}

export const round = (x: number, dp = 2): number => Math.round(x * 10 ** dp) / 10 ** dp;
