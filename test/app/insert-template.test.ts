import * as fs from 'node:fs';
import * as path from 'node:path';
import { readWorkbookGrids } from '../../src/adapters/exceljs/read';
import { matchService, returnTemplate, servicesOf } from '../../src/app/insert-template';
import { defaultCatalogue } from '../../src/catalogue/index';
import type { CellValue, Grid } from '../../src/core/grid';
import { formatPeriod, makePeriod } from '../../src/core/period';
import type { SheetPlan } from '../../src/core/plan/types';
import { findReturnGrids } from '../../src/core/return/find';
import { readReturn } from '../../src/core/return/read';
import { run, tempDir } from '../cli/helpers';

/** The sheet as a grid of its typed values (formulas left blank), read as a return is read. */
function rowsOf(sheet: SheetPlan): number {
  const values: CellValue[][] = [];
  for (const block of sheet.cells) {
    block.values.forEach((row, dr) => row.forEach((v, dc) => {
      const r = block.row - 1 + dr;
      while (values.length <= r) values.push([]);
      const line = values[r] as CellValue[];
      while (line.length <= block.col - 1 + dc) line.push(null);
      line[block.col - 1 + dc] = typeof v === 'object' && v !== null ? null : (v as CellValue);
    }));
  }
  const grid: Grid = { sheet: sheet.name, values };
  return readReturn(grid).rows.length;
}

const catalogue = defaultCatalogue();
const periods = [2022, 2023, 2024, 2025].flatMap((y) => [1, 2, 3, 4].map((q) => makePeriod(y, q)));

describe('insert a template', () => {
  it('says as many indicators due as the return has rows, for every service and quarter', () => {
    for (const p of periods) {
      for (const service of [undefined, ...servicesOf(catalogue)]) {
        const t = returnTemplate(catalogue, p, service);
        expect({ period: formatPeriod(p), service, due: t.due }).toEqual({ period: formatPeriod(p), service, due: rowsOf(t.sheet) });
      }
    }
  });

  it('matches a service as the catalogue spells it, whatever the case and spaces', () => {
    expect(matchService(catalogue, '  customer SERVICES ')).toBe('Customer Services');
    expect(matchService(catalogue, 'Parks')).toBeUndefined();
  });

  it('scorecard template says the file’s own count (it said 5 due for a file of 4 rows)', async () => {
    const dir = tempDir();
    const r = await run(dir, ['template', '--period', '2022-23 Q3', '--service', 'Customer Services', '--out', 'cs.xlsx']);
    expect(r.code).toBe(0);
    const grids = findReturnGrids((await readWorkbookGrids(new Uint8Array(fs.readFileSync(path.join(dir, 'cs.xlsx'))))).sheets);
    const rows = readReturn(grids[0] as Grid).rows.length;
    expect(rows).toBe(4);
    expect(r.out).toContain(`${rows} indicators due`);
  });
});
