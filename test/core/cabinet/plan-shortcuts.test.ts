import fc from 'fast-check';
import { commentaryText, rowCells, sectionCells } from '../../../src/core/cabinet/cells';
import { cabinetModel, type CabinetModel } from '../../../src/core/cabinet/model';
import { cabinetPlan } from '../../../src/core/cabinet/plan';
import type { PlanValue } from '../../../src/core/plan/types';
import { miniCatalogue } from '../fixtures/mini-catalogue';
import { consolidationOf, Q2, type Entry } from './helpers';

// Issue 19: the plan reads each indicator row's cells by position from one list per model
// (sectionCells) and puts an exception's full commentary straight into its line. Held here to the
// straightforward reading: each row's own cells (rowCells of a fresh copy of the row, so nothing
// cached is reused), and the exception row as those cells with the commentary in full.
const cat = miniCatalogue();
const refs = cat.indicators.map((i) => i.id);
const entry: fc.Arbitrary<Entry> = fc.record({
  ref: fc.constantFrom(...refs),
  actual: fc.constantFrom(null, 0, 3, 50, 81, 99.5, 250, '<5'),
  commentary: fc.constantFrom(undefined, '', 'Short.', 'A long note that runs well past the sixty characters kept for a row that is neither Red nor Amber.'),
  action: fc.constantFrom(undefined, '', 'Plan agreed.'),
}, { requiredKeys: ['ref'] }).map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) as Entry);
const entries = fc.uniqueArray(entry, { selector: (e) => e.ref, maxLength: refs.length });

const fresh = (model: CabinetModel): CabinetModel => structuredClone(model);

describe('the Cabinet plan reads each row\'s cells once per model (short cut)', () => {
  it('gives every row the cells its own reading gives, and the same plan (property)', () => {
    fc.assert(fc.property(entries, (given) => {
      const model = cabinetModel(cat, consolidationOf(cat, Q2, given), { generatedAt: '2024-01-01' });
      const want = fresh(model).sections.map((s) => s.rows.map((r) => rowCells(r)));
      expect(sectionCells(model)).toEqual(want);
      // The plan of a model whose rows were never read gives the same cells as one whose were.
      expect(JSON.stringify(cabinetPlan(fresh(model)))).toBe(JSON.stringify(cabinetPlan(model)));
    }), { numRuns: 300 });
  });

  it('writes each exception as its row\'s cells with the commentary and action in full (property)', () => {
    fc.assert(fc.property(entries, (given) => {
      const model = cabinetModel(cat, consolidationOf(cat, Q2, given), { generatedAt: '2024-01-01' });
      const sheet = cabinetPlan(model).sheets[0];
      if (!sheet) throw new Error('no sheet');
      const lines = sheet.cells.map((b) => b.values[0] ?? []);
      const header = lines.find((l) => l[0] === 'Ref') ?? [];
      const keyAt = (name: string): number => header.indexOf(name);
      for (const row of fresh(model).exceptions) {
        const cells = rowCells(row);
        const expected: PlanValue[] = header.map((h) => {
          if (h === 'Commentary / action') return commentaryText(row) || 'No commentary or action given';
          const key = ({ Ref: 'ref', Indicator: 'indicator', Target: 'target', Actual: 'actual', Numerator: 'numerator', Denominator: 'denominator', RAG: 'rag',
            'Direction (vs last quarter)': 'dirPrevious', 'Direction (vs last year)': 'dirLastYear', 'Data period': 'dataPeriod', Benchmark: 'benchmark' } as const)[h as 'Ref'];
          return cells[key] ?? null;
        });
        // Its line between the Exceptions heading and the Conflicts one.
        const from = lines.findIndex((l) => String(l[0]).startsWith('Exceptions:'));
        const to = lines.findIndex((l) => String(l[0]).startsWith('Conflicts:'));
        const written = lines.slice(from, to).find((l) => l[keyAt('Ref')] === row.ref);
        expect(written).toEqual(expected);
      }
    }), { numRuns: 300 });
  });
});
