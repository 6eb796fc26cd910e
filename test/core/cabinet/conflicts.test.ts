import { rowCells } from '../../../src/core/cabinet/cells';
import { cabinetFingerprint } from '../../../src/core/cabinet/fingerprint';
import { cabinetModel, type CabinetModel } from '../../../src/core/cabinet/model';
import { cabinetPlan } from '../../../src/core/cabinet/plan';
import { consolidate } from '../../../src/core/consolidate';
import { miniCatalogue } from '../fixtures/mini-catalogue';
import { input, planToGrid, Q2, validation } from './helpers';

/**
 * Conflicts and data quality on the Cabinet paper. Before: the command line said "the Cabinet sheet
 * says which was used" and the sheet said nothing; the paper had no word on how many returns came
 * in, how many were signed off, or which were left out for another period.
 */

const Q1 = { year: '2023-24', startYear: 2023, quarter: 1 as const };
const cat = miniCatalogue();
// A third service, so one can be missing: Revenues owns MC09 and sends nothing for Q2.
const mc09 = cat.indicators.find((i) => i.id === 'MC09');
if (!mc09) throw new Error('MC09');
mc09.service = 'Revenues';

const customer = input('customer.xlsx', validation(cat, Q2, [{ ref: 'MC01', actual: 81 }, { ref: 'MC06', actual: 7 }], { signOffState: 'ready', service: 'Customer Services' }));
const asc = input('asc.xlsx', validation(cat, Q2, [
  { ref: 'MC01', actual: 70, cell: 'Return!F9' }, { ref: 'MC06', actual: 3, cell: 'Return!F10' }, { ref: 'MC07', actual: 92 },
], { signOffState: 'signed-off', service: 'Adult Social Care' }));
const edited = input('asc-edited.xlsx', validation(cat, Q2, [{ ref: 'MC08', actual: 41 }], { signOffState: 'edited-after-signoff', service: 'Adult Social Care' }));
const oldRevenues = input('revenues-q1.xlsx', validation(cat, Q1, [{ ref: 'MC09', actual: 97 }], { service: 'Revenues' }));
const c = consolidate(cat, Q2, [customer, asc, edited, oldRevenues]);
const model = cabinetModel(cat, c, { generatedAt: '2023-10-20T09:00:00Z' });
const row = (m: CabinetModel, ref: string) => m.sections.flatMap((s) => s.rows).find((r) => r.ref === ref);

describe('conflicts on the Cabinet paper', () => {
  it('marks the conflicting indicator in its row, in the commentary column, and leaves the others alone', () => {
    expect(row(model, 'MC01')).toMatchObject({ conflict: 'Conflict: 2 returns gave different values; see Conflicts.', rag: '✖ Red' });
    expect(rowCells(row(model, 'MC01') as never).commentary).toMatch(/^Conflict: 2 returns gave different values; see Conflicts\./);
    expect(row(model, 'MC07')?.conflict).toBeUndefined();
  });

  it('lists every value given (file, cell, value, RAG, sign-off), which was used and why', () => {
    const mc01 = model.conflicts.find((k) => k.ref === 'MC01');
    expect(mc01).toMatchObject({ title: '% of calls answered within 60 seconds', reason: 'signed-off' });
    expect(mc01?.values.map((v) => [v.file, v.cell, v.actual.text, v.rag, v.signOff, v.used])).toEqual([
      ['customer.xlsx', 'Return!D5', '81.0%', '✔ Green', 'Ready, not signed off', false],
      ['asc.xlsx', 'Return!F9', '70.0%', '✖ Red', 'Signed off', true],
    ]);
    expect(mc01?.settled).toBe('Used 70.0% from asc.xlsx because it is the only return signed off.');
  });

  it('shows a conflicting small count as <5, as everywhere on the paper', () => {
    const mc06 = model.conflicts.find((k) => k.ref === 'MC06');
    expect(mc06?.values.map((v) => [v.actual.text, v.actual.value, v.used])).toEqual([['7', 7, false], ['<5', undefined, true]]);
    expect(mc06?.settled).toBe('Used <5 from asc.xlsx because it is the only return signed off.');
    const grid = planToGrid(cabinetPlan(model));
    const at = grid.values.findIndex((r) => typeof r[0] === 'string' && r[0].startsWith('Conflicts:'));
    const section = grid.values.slice(at, grid.values.findIndex((r, i) => i > at && r.every((v) => v === null)));
    expect(section.flat()).not.toContain(3);
    expect(section.flat()).toContain('<5');
  });

  it('the Cabinet sheet has a Conflicts section with both values and which was used, and shades the row’s note', () => {
    const plan = cabinetPlan(model);
    const grid = planToGrid(plan);
    const header = grid.values.findIndex((r) => r[0] === 'Ref' && r[1] === 'Indicator / return and cell');
    expect(header).toBeGreaterThan(0);
    const head = grid.values[header] ?? [];
    const col = (name: string): number => head.indexOf(name);
    const lines = grid.values.slice(header + 1, header + 4);
    expect(lines[0]?.[0]).toBe('MC01');
    expect(lines[0]?.[col('How it was settled')]).toBe('Used 70.0% from asc.xlsx because it is the only return signed off.');
    expect(lines.slice(1).map((r) => [r[col('Indicator / return and cell')], r[col('Value')], r[col('RAG')], r[col('Used')], r[col('Return’s sign-off')]])).toEqual([
      ['customer.xlsx, Return!D5', 81, '✔ Green', 'Not used', 'Ready, not signed off'],
      ['asc.xlsx, Return!F9', 70, '✖ Red', 'Used', 'Signed off'],
    ]);
    const mc01Row = grid.values.findIndex((r, i) => i < header && r[0] === 'MC01') + 1;
    expect(plan.sheets[0]?.styles.some((s) => s.range.top === mc01Row && s.range.left === head.indexOf('How it was settled') + 1 && s.style.fill === '#FFF2CC')).toBe(true);
  });

  it('leaves the data fingerprint alone: the note is in the commentary, not in the fingerprinted columns', () => {
    const plain: CabinetModel = { ...model, sections: model.sections.map((s) => ({ ...s, rows: s.rows.map(({ conflict: _drop, ...r }) => r) })) };
    expect(cabinetFingerprint(model)).toBe(cabinetFingerprint(plain));
  });

  it('says there were none when returns agree', () => {
    const calm = cabinetModel(cat, consolidate(cat, Q2, [asc]));
    expect(calm.conflicts).toEqual([]);
    const grid = planToGrid(cabinetPlan(calm));
    const at = grid.values.findIndex((r) => typeof r[0] === 'string' && r[0].startsWith('Conflicts:'));
    expect(grid.values[at + 1]?.[0]).toBe('None: no two returns gave different values for the same indicator.');
  });
});

describe('the data-quality note', () => {
  const dq = model.dataQuality;

  it('counts returns received of expected (one per service with indicators due), and names the services that sent none', () => {
    expect(dq.expected).toEqual(['Customer Services', 'Adult Social Care', 'Revenues']);
    expect(dq.received).toBe(2);
    expect(dq.missingServices).toEqual([{ service: 'Revenues', due: 1 }]);
  });

  it('counts sign-off over the returns for the period, names returns edited after sign-off and those for another period', () => {
    expect(dq.signOff).toMatchObject({ received: 3, signedOff: 1, readyForSignOff: ['customer.xlsx'], editedAfterSignOff: ['asc-edited.xlsx'] });
    expect(dq.otherPeriod).toEqual([{ file: 'revenues-q1.xlsx', period: '2023-24 Q1' }]);
    expect(dq.conflicts).toBe(2);
  });

  it('says it in words, one line each, with how each conflict was settled', () => {
    expect(dq.lines).toEqual([
      { label: 'Returns received', text: '2 of 3 returns received: one is expected from each service with indicators due in 2023-24 Q2.' },
      { label: 'Not received', text: 'Revenues (1 indicator due) sent no return; its indicator is shown as Missing.' },
      { label: 'Signed off', text: '1 of 3 returns signed off; 1 not yet (1 marked ready, 0 not marked ready).' },
      { label: 'Edited after sign-off', text: '1 return changed after sign-off, so it is not counted as signed off: asc-edited.xlsx.' },
      { label: 'Conflicts', text: '2 indicators given differently by two or more returns (every value is in the Conflicts section).' },
      { label: 'Conflict MC01', text: 'Used 70.0% from asc.xlsx because it is the only return signed off.' },
      { label: 'Conflict MC06', text: 'Used <5 from asc.xlsx because it is the only return signed off.' },
      { label: 'Other periods', text: '1 return left out for holding another period: revenues-q1.xlsx (2023-24 Q1).' },
    ]);
    expect(dq.headline).toBe('Data quality: 2 of 3 returns received · 1 of 3 signed off · 1 edited after sign-off · 1 service missing · 2 conflicts · 1 return for another period left out. Details after the table.');
  });

  it('is on the sheet: the note on page 1 with the summary, before the indicator table', () => {
    const grid = planToGrid(cabinetPlan(model));
    const at = grid.values.findIndex((r) => r[0] === 'Data quality: the returns behind these figures, 2023-24 Q2');
    const table = grid.values.findIndex((r) => r[0] === 'Ref');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(table);
    expect(grid.values.slice(at + 1, at + 1 + dq.lines.length).map((r) => [r[0], r[2]])).toEqual(dq.lines.map((l) => [l.label, l.text]));
  });

  it('all good: every return in, signed off, no conflicts, nothing left out', () => {
    const whole = miniCatalogue();
    const one = cabinetModel(whole, consolidate(whole, Q2, [input('all.xlsx', validation(whole, Q2, [
      { ref: 'MC01', actual: 81 }, { ref: 'MC06', actual: 7 }, { ref: 'MC07', actual: 92 },
    ]))]));
    expect(one.dataQuality.headline).toBe('Data quality: 2 of 2 returns received · 1 of 1 signed off · 0 conflicts. Details after the table.');
    expect(one.dataQuality.lines.map((l) => l.text)).toEqual([
      '2 of 2 returns received: one is expected from each service with indicators due in 2023-24 Q2.',
      'None: every service with indicators due sent a return.',
      '1 of 1 return signed off.',
      'None.',
      'None: no two returns gave different values for the same indicator.',
      'None left out: every return received is for this period.',
    ]);
  });
});
