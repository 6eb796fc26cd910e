import fc from 'fast-check';
import type { Indicator, QualitativeStatus } from '../../../src/core/catalogue/schema';
import { to15 } from '../../../src/core/excel-round';
import { QUALITATIVE_RAG, rag, ragRule } from '../../../src/core/rag';
import { ragFormula, ragRuleCells } from '../../../src/core/plan/rag-formula';
import { TEMPLATE_COLUMN, TEMPLATE_FORMULA_COLUMNS, TEMPLATE_HEADER_ROW, templatePlan } from '../../../src/core/plan/template';
import { evaluate, planToArray, type Cell } from './hf-helpers';
import { catalogueOf, entryCell, expected, period, rowCases, YEAR } from './rag-cases';

/** Build the template for these indicators, type the entries, and read the RAG column. */
function sheetRags(indicators: Indicator[], entries: Cell[], entryCol: number, smartRounding = false): unknown[] {
  const plan = templatePlan(catalogueOf(indicators), period, {});
  const first = TEMPLATE_HEADER_ROW + 1;
  const overrides = new Map<string, Cell>(entries.map((v, i) => [`${first + i},${entryCol}`, v]));
  const get = evaluate(planToArray(plan, overrides), smartRounding);
  return indicators.map((_, i) => get(first + i, TEMPLATE_COLUMN.rag));
}

const cases = rowCases(1, 60);

describe('live RAG formula against rag()', () => {
  const seen = new Set<string>();
  it.each([false, true])('agrees on thousands of quantitative rows (HyperFormula smartRounding %p)', (smart) => {
    fc.assert(
      fc.property(cases, (rows) => {
        const got = sheetRags(rows.map(([ind]) => ind), rows.map(([, e]) => entryCell(e)), TEMPLATE_COLUMN.actual, smart);
        if (!smart) rows.forEach(([ind, e]) => seen.add(expected(ind, e)));
        rows.forEach(([ind, e], i) => expect({ rule: ragRule(ind, YEAR), e, got: got[i] }).toEqual({ rule: ragRule(ind, YEAR), e, got: expected(ind, e) }));
      }),
      { numRuns: smart ? 25 : 100 },
    );
    // The cases reach every answer the formula can give, so agreement means something.
    if (!smart) expect([...seen].sort()).toEqual(['Amber', 'Blue', 'Check', 'Error', 'Green', 'Missing', 'Red', 'Tracking']);
  });

  it('known limit: a 16-digit actual next to a half-way point may round the other way in the sheet; the validator decides', () => {
    // 3743.225 - 5e-12 is the double 3743.22499999999490…: Excel holds 3743.22499999999 (15 digits),
    // which ROUNDs to 3743.22, Amber against 3743.225. The sheet's formula scales by 10^11 in double
    // arithmetic and lands on …999.5, so it says Green. Only a value no one can type (Excel keeps
    // 15 digits of what is typed) gets here; the validator, the Cabinet and the pane use rag().
    const ind: Indicator = { id: 'X', title: 'X', priority: 'P1', directorate: 'D', service: 'S', kind: 'quantitative', unit: 'number',
      decimals: 2, polarity: 'higher', frequency: 'quarterly', dueQuarters: ['Q1', 'Q2', 'Q3', 'Q4'], targets: { [YEAR]: 3743.225 }, floor: { [YEAR]: 3735.225 } };
    const v = 3743.225 - 5e-12;
    expect(rag({ indicator: ind, period, actual: v }).status).toBe('Amber');
    expect(sheetRags([ind], [v], TEMPLATE_COLUMN.actual)).toEqual(['Green']);
    expect(sheetRags([ind], [to15(v)], TEMPLATE_COLUMN.actual)).toEqual(['Amber']);
  });

  it('agrees on qualitative statuses, blanks and unknown text', () => {
    const statuses = ['On track', 'At risk', 'Off track', 'Complete', ' At risk ', null, '  ', 'Unknown'] as const;
    const ind: Indicator = { id: 'Q', title: 'Q', priority: 'P1', directorate: 'D', service: 'S', kind: 'qualitative',
      frequency: 'quarterly', dueQuarters: ['Q2'] };
    const got = sheetRags(statuses.map(() => ind), [...statuses], TEMPLATE_COLUMN.status);
    const want = statuses.map((s) => {
      const t = s?.trim();
      if (!t) return rag({ indicator: ind, period, status: null }).status;
      return t in QUALITATIVE_RAG ? rag({ indicator: ind, period, status: t as QualitativeStatus }).status : 'Error';
    });
    expect(got).toEqual(want);
    expect(want).toEqual(['Green', 'Amber', 'Red', 'Complete', 'Amber', 'Missing', 'Missing', 'Error']);
  });

  it('shows Not due before anything else, as rag() does', () => {
    const ind: Indicator = { id: 'A', title: 'Annual', priority: 'P1', directorate: 'D', service: 'S', kind: 'quantitative',
      unit: 'number', decimals: 0, polarity: 'higher', frequency: 'annual', dueQuarters: ['Q4'], targets: { [YEAR]: 10 } };
    const c = ragRuleCells(ind, period);
    const cols = TEMPLATE_FORMULA_COLUMNS;
    const line: Cell[] = [];
    const set = (col: number, v: Cell): void => { while (line.length < col) line.push(null); line[col - 1] = v; };
    set(cols.kind, c.kind); set(cols.due, c.due); set(cols.target, c.target);
    set(cols.actual, 12); set(TEMPLATE_COLUMN.rag, `=${ragFormula(1, cols)}`);
    expect(evaluate([line])(1, TEMPLATE_COLUMN.rag)).toBe(rag({ indicator: ind, period, actual: 12 }).status);
    expect(rag({ indicator: ind, period, actual: 12 }).status).toBe('Not due');
  });
});
