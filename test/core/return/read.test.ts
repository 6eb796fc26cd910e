import fc from 'fast-check';
import type { CellValue } from '../../../src/core/grid';
import { readReturn } from '../../../src/core/return/read';
import { deepFreeze, grid, returnGrid } from './helpers';

describe('readReturn: header and columns', () => {
  it('finds the header by a Ref cell anywhere, columns by name whatever case and spacing', () => {
    const r = readReturn(grid([
      ['Corporate scorecard return'],
      [],
      [null, '  actual ', 'REF', 'Notes', ' commentary'],
      [null, 85, ' CS01 ', 'x', 'fine'],
    ]));
    expect(r.headerRow).toBe(3);
    expect(r.columns).toMatchObject({ actual: 2, ref: 3, notes: 4, commentary: 5 });
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ ref: 'CS01', row: 4, actual: { address: 'Return!B4', value: 85 }, commentary: { value: 'fine' } });
    expect(r.issues).toEqual([]);
  });

  it('gives addresses relative to the origin of the grid', () => {
    const r = readReturn(grid([['Ref', 'Actual'], ['CS01', 1]], { origin: { row: 5, col: 3 }, sheet: 'My return' }));
    expect(r.headerRow).toBe(5);
    expect(r.columns).toEqual({ ref: 3, actual: 4 });
    expect(r.rows[0]?.actual?.address).toBe("'My return'!D6");
    expect(r.rows[0]?.refCell).toMatchObject({ row: 6, col: 3 });
  });

  it('reports no header when no cell says Ref', () => {
    const r = readReturn(grid([['Indicator', 'Actual'], ['x', 1]]));
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([['no-header', 'error']]);
    expect(r.rows).toEqual([]);
  });

  it('reports a missing Actual column', () => {
    const r = readReturn(grid([['Ref', 'Status'], ['CS05', 'On track']]));
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([['missing-column', 'error']]);
  });

  it.each([
    ['Actual', 'error'],
    ['Target', 'warning'],
  ])('reports a second %s column (%s) and reads the first', (name, severity) => {
    const r = readReturn(grid([['Ref', 'Actual', 'Target', name], ['CS01', 1, 2, 3]]));
    expect(r.issues).toEqual([expect.objectContaining({ code: 'duplicate-column', severity, cell: 'Return!D1' })]);
    expect(r.columns[name.toLowerCase()]).toBe(name === 'Actual' ? 2 : 3);
  });

  it('skips blank rows and ignores rows with data but no Ref, unless they hold an actual', () => {
    const r = readReturn(grid([
      ['Ref', 'Actual', 'Commentary'],
      [null, null, null],
      ['', '  ', null],
      [null, null, 'a note under the table'],
      [null, 42, null],
      ['CS01', null, null],
    ]));
    expect(r.rows.map((x) => x.ref)).toEqual(['CS01']);
    expect(r.issues).toEqual([expect.objectContaining({ code: 'unknown-ref', severity: 'error', cell: 'Return!B5' })]);
  });

  it('reads refs typed as numbers, booleans or errors as text', () => {
    const r = readReturn(grid([['Ref', 'Actual'], [101, 1], [true, 2], [{ error: '#N/A' }, 3]]));
    expect(r.rows.map((x) => x.ref)).toEqual(['101', 'TRUE', '#N/A']);
  });
});

describe('readReturn: labels above the header', () => {
  it('takes a label value from the next non-empty cell to the right', () => {
    const r = readReturn(grid([['Period', null, ' 2023-24 Q2 '], ['service:', 'Customer Services'], ['Ref', 'Actual']]));
    expect(r).toMatchObject({ periodText: '2023-24 Q2', periodCell: 'Return!C1', service: 'Customer Services' });
  });

  it('accepts the value in the label cell after a colon', () => {
    const r = readReturn(grid([['Period: 2023-24 Q2'], ['Ref', 'Actual']]));
    expect(r).toMatchObject({ periodText: '2023-24 Q2', periodCell: 'Return!A1' });
  });

  it('ignores labels below the header', () => {
    const r = readReturn(grid([['Ref', 'Actual'], ['Period', '2023-24 Q2']]));
    expect(r.periodText).toBeUndefined();
  });

  it('records where each sign-off value goes, even when it is empty', () => {
    const r = readReturn(grid([
      ['Prepared by', 'A. Lead'],
      ['Ready for sign-off', null],
      ['Signed off by', null, 'Role', null],
      ['Signed off on', null],
      ['Sign-off fingerprint', null],
      ['Ref', 'Actual'],
    ]));
    expect(r.signOff).toEqual({
      preparedBy: 'A. Lead',
      ready: false,
      cells: { preparedBy: { row: 1, col: 2 }, ready: { row: 2, col: 2 }, signedOffBy: { row: 3, col: 2 }, role: { row: 3, col: 4 }, signedOffOn: { row: 4, col: 2 }, fingerprint: { row: 5, col: 2 } },
    });
  });

  it.each<[CellValue, boolean]>([['Yes', true], ['y', true], [true, true], ['TRUE', true], ['Ready', true], ['✓', true], ['No', false], [false, false], [null, false], ['maybe', false]])(
    'reads the ready cell %j as %s',
    (value, ready) => {
      expect(readReturn(grid([['Ready for sign-off', value], ['Ref', 'Actual']])).signOff.ready).toBe(ready);
    },
  );

  it('reads a sign-off date typed as a date', () => {
    const r = readReturn(grid([['Signed off by', 'M. Manager'], ['Signed off on', 45382], ['Ref', 'Actual']]));
    expect(r.signOff).toMatchObject({ signedOffBy: 'M. Manager', signedOffOn: '2024-03-31' });
  });
});

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(null, '', 'Ref', 'Actual', 'Period', 'Status', 'Commentary', 'CS01', '<5', 'Ready for sign-off', 'Period: x'),
  fc.string({ maxLength: 8 }),
  fc.double(),
  fc.boolean(),
  fc.record({ error: fc.constantFrom('#N/A', '#DIV/0!', '#REF!') }),
);

describe('readReturn on anything', () => {
  it('never throws and never changes its input', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { maxLength: 7 }), { maxLength: 12 }), (values) => {
        const g = deepFreeze(grid(values));
        const before = JSON.stringify(g);
        readReturn(g);
        return JSON.stringify(g) === before;
      }),
      { numRuns: 300 },
    );
  });

  it('copes with a huge string and ragged rows', () => {
    const r = readReturn(returnGrid({ period: '2023-24 Q1', rows: [{ Ref: 'CS01', Commentary: 'x'.repeat(1_000_000) }] }));
    expect(r.rows[0]?.commentary?.value).toHaveLength(1_000_000);
  });
});
