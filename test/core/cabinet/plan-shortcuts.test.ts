import fc from 'fast-check';
import { commentaryText, rowCells, sectionCells } from '../../../src/core/cabinet/cells';
import { cabinetModel, type CabinetModel } from '../../../src/core/cabinet/model';
import { cabinetPlan } from '../../../src/core/cabinet/plan';
import type { PlanValue } from '../../../src/core/plan/types';
import type { Indicator } from '../../../src/core/catalogue/schema';
import { toValue } from '../../../src/core/cabinet/value';
import { excelRound } from '../../../src/core/excel-round';
import { displayNumberFormat, formatValue } from '../../../src/core/format';
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

describe('toValue shares one object per figure, unit and decimals (short cut)', () => {
  // The value as first written, made afresh every time.
  const made = (raw: number, unit: Indicator['unit'], dp: number) => {
    const value = excelRound(raw, dp);
    return { text: formatValue(value, unit, dp), value, numFmt: displayNumberFormat(unit, dp), suppressed: false };
  };
  const unit = fc.constantFrom<Indicator['unit']>(undefined, 'percent', 'number', 'days', 'currency', 'rate', 'score');
  const raw = fc.oneof(fc.double({ min: -1e6, max: 1e6 }), fc.integer({ min: -50, max: 50 }), fc.constantFrom(-0, 0, 0.5, 2.675, 1e-9));
  it('gives what a fresh one gives, the first time and after, as a figure or as a part (property)', () => {
    fc.assert(fc.property(raw, unit, fc.integer({ min: 0, max: 4 }), fc.boolean(), (v, u, dp, part) => {
      const partDp = Number.isInteger(v) ? 0 : 2;
      for (let i = 0; i < 2; i++) {
        const got = toValue({ kind: 'number', value: v }, { unit: u }, dp, part);
        expect(got).toEqual(part ? made(v, undefined, partDp) : made(v, u, dp));
        expect(Object.is(got.value, (part ? made(v, undefined, partDp) : made(v, u, dp)).value)).toBe(true);
      }
    }), { numRuns: 5000 });
  });
});
