import { HyperFormula } from 'hyperformula';
import type { CellValue } from 'hyperformula';
import type { PlanValue, SheetPlan } from '../../../src/core/plan/types';

export type Cell = number | string | boolean | null;

/** A plan's cells as a HyperFormula sheet: `{formula}` → `=formula`, overrides placed on top. */
export function planToArray(plan: SheetPlan, overrides: ReadonlyMap<string, Cell> = new Map()): Cell[][] {
  const out: Cell[][] = [];
  const put = (row: number, col: number, v: Cell): void => {
    while (out.length < row) out.push([]);
    const r = out[row - 1]!;
    while (r.length < col) r.push(null);
    r[col - 1] = v;
  };
  for (const block of plan.cells) {
    block.values.forEach((vals, i) =>
      vals.forEach((v: PlanValue, j) => {
        if (v === null) return;
        put(block.row + i, block.col + j, typeof v === 'object' ? `=${v.formula}` : v);
      }),
    );
  }
  for (const [key, v] of overrides) {
    const [row, col] = key.split(',').map(Number) as [number, number];
    put(row, col, v);
  }
  return out;
}

type Getter = (row: number, col: number) => CellValue;

// Building an engine costs ~50 ms whatever the sheet; one per configuration, its sheet replaced per case.
const engines = new Map<boolean, HyperFormula>();

/** Evaluate a sheet; `smartRounding: false` is plain IEEE arithmetic, true is HyperFormula's default. */
export function evaluate(sheet: Cell[][], smartRounding = false): Getter {
  let hf = engines.get(smartRounding);
  if (!hf) {
    hf = HyperFormula.buildFromArray(sheet, { licenseKey: 'gpl-v3', smartRounding });
    engines.set(smartRounding, hf);
  } else {
    hf.setSheetContent(0, sheet);
  }
  const engine = hf;
  return (row, col) => engine.getCellValue({ sheet: 0, row: row - 1, col: col - 1 });
}
