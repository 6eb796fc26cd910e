import { consolidate } from '../../src/core/consolidate';
import { findReturnGrids, validateGrid } from '../../src/core/return/find';
import type { SignOffState } from '../../src/core/return/types';
import type { ConflictReason } from '../../src/core/consolidate-types';
import { miniCatalogue } from './fixtures/mini-catalogue';
import { input, Q2, validation } from './cabinet/helpers';
import { entryRow, returnGrid } from './return/helpers';
import { conflictReasonText, issueText } from '../../src/core/messages';

const text = (i: Parameters<typeof issueText>[0] | undefined): string => (i ? issueText(i) : '');

const cat = miniCatalogue();
const Q1 = { year: '2023-24', startYear: 2023, quarter: 1 as const };

describe('consolidate', () => {
  it('gives one row per due indicator any return gave, in catalogue order, with file, sheet and cell', () => {
    const a = input('asc.xlsx', validation(cat, Q2, [{ ref: 'MC06', actual: 9 }, { ref: 'MC01', actual: 81 }]));
    const b = input('cs.xlsx', validation(cat, Q2, [{ ref: 'MC02', actual: 19 }], { sheet: 'Return (2)' }));
    const c = consolidate(cat, Q2, [a, b]);
    expect(c.period).toBe('2023-24 Q2');
    expect(c.rows.map((r) => r.ref)).toEqual(['MC01', 'MC02', 'MC06']);
    expect(c.rows[1]).toMatchObject({ ref: 'MC02', file: 'cs.xlsx', sheet: 'Return (2)', cell: 'Return!D5', status: 'Green' });
    expect(c.rows[0]).toMatchObject({ file: 'asc.xlsx', cell: 'Return!D6' });
    expect(c.conflicts).toEqual([]);
  });

  it('lists due indicators no return gave as missing, with a missing-return error, and counts them Missing', () => {
    const c = consolidate(cat, Q2, [input('a.xlsx', validation(cat, Q2, [{ ref: 'MC01', actual: 81 }, { ref: 'MC03', actual: 100 }]))]);
    // MC04 is annual (Q4 only): not due in Q2, so not missing.
    expect(c.missing).toEqual(['MC02', 'MC05', 'MC06', 'MC07', 'MC08', 'MC09']);
    const missingIssues = c.issues.filter((i) => i.code === 'missing-return');
    expect(missingIssues.map((i) => i.ref)).toEqual(c.missing);
    expect(missingIssues.every((i) => i.severity === 'error')).toBe(true);
    expect(c.counts).toMatchObject({ Green: 1, Missing: 6, Tracking: 1, 'Not due': 0 });
  });

  it.each([
    ['both unsigned: the first wins', 'ready', 'not-ready', 'a.xlsx', 'first-given', 'no return is signed off and it came first'],
    ['the signed-off one wins even when second', 'ready', 'signed-off', 'b.xlsx', 'signed-off', 'it is the only return signed off'],
    ['both signed off: the first wins', 'signed-off', 'signed-off', 'a.xlsx', 'first-signed-off', 'it came first of the returns signed off'],
  ] as [string, SignOffState, SignOffState, string, ConflictReason, string][])('conflict, %s', (_name, sa, sb, winner, reason, why) => {
    const a = input('a.xlsx', validation(cat, Q2, [{ ref: 'MC01', actual: 81 }], { signOffState: sa }));
    const b = input('b.xlsx', validation(cat, Q2, [{ ref: 'MC01', actual: 70, cell: 'Return!F9' }], { signOffState: sb }));
    const c = consolidate(cat, Q2, [a, b]);
    expect(c.rows).toHaveLength(1);
    expect(c.rows[0]?.file).toBe(winner);
    expect(c.rows[0]?.actual).toBe(winner === 'a.xlsx' ? 81 : 70);
    expect(c.conflicts).toEqual([{ ref: 'MC01', reason, values: [
      { file: 'a.xlsx', cell: 'Return!D5', actual: 81, status: 'Green', signOffState: sa, used: winner === 'a.xlsx' },
      { file: 'b.xlsx', cell: 'Return!F9', actual: 70, status: 'Red', signOffState: sb, used: winner === 'b.xlsx' },
    ] }]);
    expect(conflictReasonText(reason)).toBe(why);
    const issue = c.issues.find((i) => i.code === 'conflict');
    expect(issue).toMatchObject({ severity: 'error', ref: 'MC01', file: winner });
    expect(text(issue)).toContain('a.xlsx Return!D5: 81');
    expect(text(issue)).toContain('b.xlsx Return!F9: 70');
    expect(text(issue)).toContain(`Using ${winner}`);
    expect(text(issue)).toContain(`Using ${winner} because ${why}.`);
  });

  it('is not a conflict when two returns give the same value, or one leaves it blank', () => {
    const a = input('a.xlsx', validation(cat, Q2, [{ ref: 'MC01', actual: 81 }, { ref: 'MC02', actual: null }], { signOffState: 'ready' }));
    const b = input('b.xlsx', validation(cat, Q2, [{ ref: 'MC01', actual: 81 }, { ref: 'MC02', actual: 19 }]));
    const c = consolidate(cat, Q2, [a, b]);
    expect(c.conflicts).toEqual([]);
    expect(c.issues.some((i) => i.code === 'conflict')).toBe(false);
    expect(c.rows.find((r) => r.ref === 'MC02')).toMatchObject({ actual: 19, file: 'b.xlsx' });
    // Same value: the signed-off copy is the provenance.
    expect(c.rows.find((r) => r.ref === 'MC01')?.file).toBe('b.xlsx');
  });

  it('treats qualitative statuses that differ as a conflict', () => {
    const a = input('a.xlsx', validation(cat, Q2, [{ ref: 'MC05', qualitative: 'On track' }]));
    const b = input('b.xlsx', validation(cat, Q2, [{ ref: 'MC05', qualitative: 'At risk' }]));
    expect(consolidate(cat, Q2, [a, b]).conflicts.map((x) => x.values.map((v) => v.actual))).toEqual([['On track', 'At risk']]);
  });

  it.each([
    ['not-ready', 'not-signed-off'],
    ['ready', 'not-signed-off'],
    ['edited-after-signoff', 'edited-after-signoff'],
    ['signed-off', undefined],
  ] as [SignOffState, string | undefined][])('a %s return gives %s', (state, code) => {
    const c = consolidate(cat, Q2, [input('a.xlsx', validation(cat, Q2, [{ ref: 'MC01', actual: 81 }], { signOffState: state }))]);
    const signOff = c.issues.filter((i) => i.code === 'not-signed-off' || i.code === 'edited-after-signoff');
    expect(signOff.map((i) => [i.code, i.severity, i.file])).toEqual(code ? [[code, 'warning', 'a.xlsx']] : []);
    expect(c.files[0]).toMatchObject({ file: 'a.xlsx', signOffState: state, warnings: code ? 1 : 0, rows: 1 });
  });

  it('leaves out a return for another period, with an error naming the file', () => {
    const right = input('q2.xlsx', validation(cat, Q2, [{ ref: 'MC01', actual: 81 }]));
    const wrong = input('q1.xlsx', validation(cat, Q1, [{ ref: 'MC02', actual: 19 }, { ref: 'MC01', actual: 50 }]));
    const c = consolidate(cat, Q2, [right, wrong]);
    expect(c.rows.map((r) => [r.ref, r.file])).toEqual([['MC01', 'q2.xlsx']]);
    expect(c.conflicts).toEqual([]);
    expect(c.missing).toContain('MC02');
    const err = c.issues.find((i) => i.code === 'period-mismatch');
    expect(err).toMatchObject({ severity: 'error', file: 'q1.xlsx' });
    expect(text(err)).toContain('2023-24 Q1');
    expect(c.files[1]).toMatchObject({ period: '2023-24 Q1', errors: 1 });
  });

  it('keeps every file issue with its file set, and counts errors and warnings per file', () => {
    const v = validation(cat, Q2, [{ ref: 'MC01', actual: 81 }]);
    const withIssues = { ...v, issues: [
      { severity: 'error' as const, code: 'not-a-number' as const, ref: 'MC01', cell: 'Return!D5', params: {} },
      { severity: 'warning' as const, code: 'too-many-decimals' as const, ref: 'MC01', params: {} },
    ] };
    const c = consolidate(cat, Q2, [input('a.xlsx', withIssues)]);
    expect(c.issues.filter((i) => i.file === 'a.xlsx').map((i) => i.code)).toEqual(['not-a-number', 'too-many-decimals']);
    expect(c.files[0]).toMatchObject({ errors: 1, warnings: 1 });
  });
});

describe('pipeline', () => {
  it('finds sheets with a Ref header, the one named Return first', () => {
    const ret = returnGrid({ period: '2023-24 Q2', rows: [{ Ref: 'MC01', Actual: 81 }] });
    const grids = [{ sheet: 'Notes', values: [['hello']] }, { ...ret, sheet: 'Copy' }, ret];
    expect(findReturnGrids(grids).map((g) => g.sheet)).toEqual(['Return', 'Copy']);
  });

  it('reads and validates a grid, and consolidates what it gives', () => {
    const g = returnGrid({ period: '2023-24 Q2', rows: [{ Ref: 'MC01', Actual: 81 }, { Ref: 'MC02', Actual: 25, Commentary: 'Staff shortage', Action: 'Recruit' }] });
    const v = validateGrid(cat, g, { period: Q2 });
    expect(v.rows.map((r) => [r.ref, r.status])).toEqual([['MC01', 'Green'], ['MC02', 'Red']]);
    const c = consolidate(cat, Q2, [input('cs.xlsx', v)]);
    expect(c.rows.map((r) => [r.ref, r.actual, r.cell])).toEqual([['MC01', 81, `Return!D${entryRow(1, 0)}`], ['MC02', 25, `Return!D${entryRow(1, 1)}`]]);
  });
});
