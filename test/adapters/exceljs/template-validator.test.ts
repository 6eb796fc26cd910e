import { renderWorkbook } from '../../../src/adapters/exceljs/render';
import { readGrid } from '../../../src/adapters/exceljs/read';
import { makePeriod } from '../../../src/core/period';
import { TEMPLATE_COLUMN as C, TEMPLATE_HEADER_ROW, templatePlan } from '../../../src/core/plan/template';
import type { CellBlock } from '../../../src/core/plan/types';
import { readReturn } from '../../../src/core/return/read';
import { validateReturn } from '../../../src/core/return/validate';
import { catalogue } from '../../core/plan/fixtures';
import { requireTools } from '../../helpers/tools';
import { recalculatedCsv } from './libreoffice';

const soffice = requireTools('the recalculated-template check', 'soffice');

/** A lead fills the rendered template; the validator reads it back; the live RAG column agrees. */
describe('template → file → validator', () => {
  const cat = catalogue();
  const plan = templatePlan(cat, makePeriod(2023, 2), {});
  const first = TEMPLATE_HEADER_ROW + 1;
  // CS01 78% (Amber), CS02 <5 (0-3 Green, 4 Amber: unknown), HS01 33 days (Amber: band 20-30 ± 5), CS03 On track.
  const entries: CellBlock[] = [
    { row: first, col: C.actual, values: [[78], ['<5'], [33]] },
    { row: first + 3, col: C.status, values: [['On track']] },
    { row: first, col: C.commentary, values: [['Staff shortages', 'Recruit two advisers'], [null, null], ['=Void works backlog', '@contractor review']] },
  ];
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await renderWorkbook({ sheets: [{ ...plan, cells: [...plan.cells, ...entries] }], properties: { custom: {} } });
  });

  it('reads the period, the header and every row, with no sheet-level issues', async () => {
    const read = readReturn((await readGrid(bytes, 'Return'))!);
    expect(read.issues).toEqual([]);
    expect(read.periodText).toBe('2023-24 Q2');
    expect(read.headerRow).toBe(TEMPLATE_HEADER_ROW);
    expect(read.rows.map((r) => r.ref)).toEqual(['CS01', 'CS02', 'HS01', 'CS03']);
  });

  it('validates without errors and gives the statuses the formula is built to give', async () => {
    const result = validateReturn(cat, readReturn((await readGrid(bytes, 'Return'))!));
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.rows.map((r) => [r.ref, r.status])).toEqual([['CS01', 'Amber'], ['CS02', 'Tracking'], ['HS01', 'Amber'], ['CS03', 'Green']]);
    expect(result.issues.map((i) => [i.code, i.ref])).toContainEqual(['suppressed-rag-unknown', 'CS02']);
    expect(result.rows[2]?.commentary).toBe('=Void works backlog');
  });

  (soffice ? it : it.skip)('shows the same RAG in the recalculated sheet as the validator', async () => {
    const result = validateReturn(cat, readReturn((await readGrid(bytes, 'Return'))!));
    const csv = recalculatedCsv(bytes);
    // Where the validator says Tracking and warns that a suppressed count's RAG is unknown, the sheet says Check.
    const unknown = new Set(result.issues.filter((i) => i.code === 'suppressed-rag-unknown').map((i) => i.ref));
    const sheet = result.rows.map((r) => csv[(r.row ?? 0) - 1]?.[C.rag - 1]);
    expect(sheet).toEqual(result.rows.map((r) => (unknown.has(r.ref) ? 'Check' : r.status)));
  }, 120_000);
});
