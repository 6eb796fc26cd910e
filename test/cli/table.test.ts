import fc from 'fast-check';
import { defaultCatalogue } from '../../src/catalogue';
import { catalogueFromTables, catalogueTables, catalogueWorkbookPlan, tablesToCatalogueJson, type Table } from '../../src/core/catalogue/table';
import { decodeCell, flatten } from '../../src/core/catalogue/table-cells';
import type { Grid } from '../../src/core/grid';
import { miniCatalogue } from '../core/fixtures/mini-catalogue';

/** What a spreadsheet gives back for a table: the same cells as a grid (blank → null). */
function asGrid(t: Table): Grid {
  return { sheet: t.sheet, values: [t.header, ...t.rows] };
}

describe('catalogue table mapping', () => {
  it.each([
    ['embedded default', defaultCatalogue()],
    ['mini catalogue', miniCatalogue()],
  ])('round-trips the %s losslessly through tables', (_name, catalogue) => {
    const back = tablesToCatalogueJson(catalogueTables(catalogue).map(asGrid));
    expect(back.errors).toEqual([]);
    expect(back.json).toEqual(catalogue);
  });

  it('names columns after the fields, nested ones dotted, lists comma-separated', () => {
    const [indicators] = catalogueTables(miniCatalogue());
    expect(indicators?.sheet).toBe('Indicators');
    const header = indicators?.header ?? [];
    expect(header.slice(0, 3)).toEqual(['id', 'title', 'priority']);
    for (const col of ['targets.2023-24', 'tolerance.relative', 'tolerance.absolute', 'range.min', 'benchmark.label', 'targets.2024-25.min', 'dueQuarters']) expect(header).toContain(col);
    const row = indicators?.rows[0] ?? [];
    expect(row[header.indexOf('dueQuarters')]).toBe('Q1,Q2,Q3,Q4');
    expect(row[header.indexOf('suppressBelow')]).toBe('null');
  });

  it('writes the other sheets', () => {
    const plan = catalogueWorkbookPlan(miniCatalogue());
    expect(plan.sheets.map((s) => s.name)).toEqual(['Indicators', 'Catalogue', 'Priorities', 'FlagshipActions', 'Changes']);
    const flat = JSON.stringify(plan);
    expect(flat).not.toContain('"formula"');
  });

  it('reads what people type by hand: numbers as text, TRUE, dates as serials, a one-quarter list', () => {
    expect(decodeCell('targets.2024-25', ' 82 ')).toBe(82);
    expect(decodeCell('statutory', 'TRUE')).toBe(true);
    expect(decodeCell('date', 45199)).toBe('2023-09-30');
    expect(decodeCell('dueQuarters', 'Q4')).toEqual(['Q4']);
    expect(decodeCell('dueQuarters', 'Q1, Q3')).toEqual(['Q1', 'Q3']);
    expect(decodeCell('id', 101)).toBe('101');
    expect(decodeCell('title', '   ')).toBeUndefined();
  });

  it('keeps text that would read back as something else', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.constantFrom('null', ' null ', '', '  ', '[1]', '{"a":1}', '"q"')), (s) => {
      expect(decodeCell('title', flatten({ title: s }).get('title') ?? null)).toBe(s);
    }));
  });

  it.each([
    ['null', null], ['an empty list', []], ['a list of numbers', [1, 2]], ['an empty object', {}], ['a nested band', { min: 1, max: 2 }],
  ])('round-trips %s in an unknown field', (_n, value) => {
    const c = { ...miniCatalogue(), priorities: [{ id: 'P1', title: 'x', extra: value }] };
    const back = tablesToCatalogueJson(catalogueTables(c as never).map(asGrid));
    expect((back.json.priorities as unknown[])[0]).toEqual({ id: 'P1', title: 'x', extra: value });
  });

  it('reports catalogue errors with the JSON path and the sheet row', () => {
    const tables = catalogueTables(miniCatalogue()).map(asGrid);
    const ind = tables[0] as Grid;
    const header = ind.values[0] as string[];
    const rows = ind.values.map((r) => [...r]);
    (rows[2] as unknown[])[header.indexOf('polarity')] = 'upwards';
    const result = catalogueFromTables([{ ...ind, values: rows }, ...tables.slice(1)]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.path).toBe('indicators[1].polarity');
    expect(result.errors[0]?.message).toContain('sheet Indicators, row 3');
  });

  it('says which sheet is missing', () => {
    const result = catalogueFromTables([{ sheet: 'Other', values: [['x']] }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.message).join(' ')).toMatch(/Catalogue/);
  });
});
