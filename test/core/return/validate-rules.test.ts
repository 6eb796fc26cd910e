import type { CellValue } from '../../../src/core/grid';
import type { Issue, IssueCode } from '../../../src/core/issues';
import { issueText } from '../../../src/core/messages';
import { parsePeriod, type Period } from '../../../src/core/period';
import { readReturn } from '../../../src/core/return/read';
import { validateReturn, type ValidateOptions } from '../../../src/core/return/validate';
import { returnGrid, testCatalogue, type ReturnSpec } from './helpers';

const catalogue = testCatalogue();
const Q2 = parsePeriod('2023-24 Q2') as Period;

function check(rows: Record<string, CellValue>[], extra: Partial<ReturnSpec> = {}, options: ValidateOptions = {}) {
  return validateReturn(catalogue, readReturn(returnGrid({ period: '2023-24 Q2', rows, ...extra })), options);
}
const issue = (r: ReturnType<typeof check>, code: IssueCode) => r.issues.filter((i) => i.code === code);
/** The first issue's words, as the command line prints them. */
const said = (issues: readonly Issue[]): string => (issues[0] ? issueText(issues[0]) : '');
/** A Green CS01 needing nothing more, to pad returns. */
const ok = { Ref: 'CS01', Actual: 85 };

describe('the period', () => {
  it('uses the sheet period', () => {
    expect(check([ok]).period).toBe('2023-24 Q2');
  });

  it('never reads a return as another period than its own: the file’s period wins, and it is an error', () => {
    const r = check([ok], { period: '2023-24 Q1' }, { period: Q2 });
    expect(r.period).toBe('2023-24 Q1');
    expect(issue(r, 'period-mismatch')).toEqual([expect.objectContaining({ severity: 'error', cell: 'Return!B1' })]);
    expect(said(issue(r, 'period-mismatch'))).toMatch(/for 2023-24 Q1.*not 2023-24 Q2/);
  });

  it('takes the caller’s period, with a warning, when the sheet’s Period cell is not a period at all', () => {
    const r = check([ok], { period: 'last quarter' }, { period: Q2 });
    expect(r.period).toBe('2023-24 Q2');
    expect(issue(r, 'bad-period')).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(said(issue(r, 'bad-period'))).toContain('read as 2023-24 Q2');
  });

  it('is an error when unreadable', () => {
    const r = check([ok], { period: 'Q2 2023' });
    expect(issue(r, 'bad-period')).toEqual([expect.objectContaining({ severity: 'error', cell: 'Return!B1' })]);
    expect(r.period).toBeNull();
  });

  it('is an error when absent, and then no row is given a RAG', () => {
    const r = validateReturn(catalogue, readReturn(returnGrid({ rows: [ok, { Ref: 'CS05', Status: 'Complete' }] })));
    expect(issue(r, 'no-period')).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(r.rows.map((x) => x.status)).toEqual(['Missing', 'Missing']);
    expect(r.rows[0]?.actual).toBe(85);
  });
});

describe('refs', () => {
  it('reports an unknown ref with data as an error and one without as a warning', () => {
    const r = check([ok, { Ref: 'XX99', Actual: 5 }, { Ref: 'Notes' }]);
    expect(issue(r, 'unknown-ref').map((i) => [i.severity, i.ref, i.cell])).toEqual([['error', 'XX99', 'Return!A5'], ['warning', 'Notes', 'Return!A6']]);
    expect(r.rows.map((x) => x.ref)).toEqual(['CS01']);
  });

  it('reports a duplicate ref on the second row and uses the first', () => {
    const r = check([ok, { Ref: 'cs01', Actual: 10 }]);
    expect(issue(r, 'duplicate-ref')).toEqual([expect.objectContaining({ severity: 'error', ref: 'CS01', cell: 'Return!A5' })]);
    expect(r.rows).toEqual([expect.objectContaining({ ref: 'CS01', actual: 85, status: 'Green' })]);
  });
});

describe('actuals', () => {
  it.each<[CellValue, string | undefined, IssueCode, string]>([
    ['n/a', undefined, 'not-a-number', 'n/a'],
    [true, undefined, 'not-a-number', 'TRUE'],
    [{ error: '#DIV/0!' }, undefined, 'error-value', '#DIV/0!'],
    [45000, 'dd/mm/yyyy', 'date-value', '15 March 2023'],
  ])('%j is an error naming the cell and what it held, and the row is Missing', (Actual, format, code, shown) => {
    const r = check([{ Ref: 'CS01', Actual }], format ? { formats: { 0: { Actual: format } } } : {});
    expect(issue(r, code)).toEqual([expect.objectContaining({ severity: 'error', ref: 'CS01', cell: 'Return!D4' })]);
    expect(said(issue(r, code))).toContain(shown);
    expect(r.rows[0]).toMatchObject({ status: 'Missing', actual: null });
    expect(issue(r, 'missing')).toEqual([]);
  });

  it('says what was expected instead of text', () => {
    expect(said(issue(check([{ Ref: 'CS01', Actual: 'about 80' }]), 'not-a-number'))).toContain('percentage from 0 to 100');
    expect(said(issue(check([{ Ref: 'CS02', Actual: 'soon' }]), 'not-a-number'))).toContain('days');
  });

  it('reports a due blank as missing, never Green', () => {
    const r = check([{ Ref: 'CS01' }]);
    expect(issue(r, 'missing')).toEqual([expect.objectContaining({ severity: 'error', cell: 'Return!D4' })]);
    expect(r.rows[0]?.status).toBe('Missing');
  });

  it('reports a value outside the valid range', () => {
    expect(issue(check([{ Ref: 'CS01', Actual: 120, Commentary: 'c', Action: 'a' }]), 'out-of-range')).toEqual([expect.objectContaining({ severity: 'error', cell: 'Return!D4' })]);
    expect(issue(check([{ Ref: 'CS02', Actual: -1 }]), 'out-of-range')).toHaveLength(1);
    expect(issue(check([{ Ref: 'CS01', Actual: 100 }]), 'out-of-range')).toEqual([]);
  });

  it('asks "did you mean 85%?" for a fraction typed into a plain cell', () => {
    const r = check([{ Ref: 'CS01', Actual: 0.85, Commentary: 'c', Action: 'a' }]);
    expect(issue(r, 'percent-as-fraction')).toEqual([expect.objectContaining({ severity: 'warning', cell: 'Return!D4' })]);
    expect(said(issue(r, 'percent-as-fraction'))).toContain('85%');
    expect(issue(check([{ Ref: 'CS01', Actual: 0.85 }], { formats: { 0: { Actual: '0%' } } }), 'percent-as-fraction')).toEqual([]);
  });

  it.each<[CellValue, boolean]>([[1, true], [0.001, true], [0, false], [1.5, false], ['0.85', true]])('plain %j in a percentage with target 80 warns: %s', (Actual, warns) => {
    expect(issue(check([{ Ref: 'CS01', Actual, Commentary: 'c', Action: 'a' }]), 'percent-as-fraction')).toHaveLength(warns ? 1 : 0);
  });

  it('reads a percentage-formatted cell as shown, and warns when it shows over 100%', () => {
    expect(check([{ Ref: 'CS01', Actual: 0.855 }], { formats: { 0: { Actual: '0.0%' } } }).rows[0]).toMatchObject({ actual: 85.5, status: 'Green' });
    const r = check([{ Ref: 'CS01', Actual: 85, Commentary: 'c', Action: 'a' }], { formats: { 0: { Actual: '0%' } } });
    expect(issue(r, 'fraction-as-percent')).toEqual([expect.objectContaining({ severity: 'warning', cell: 'Return!D4' })]);
    expect(said(issue(r, 'fraction-as-percent'))).toContain('85%');
  });

  it('warns about a status typed against a quantitative indicator', () => {
    expect(issue(check([{ ...ok, Status: 'On track' }]), 'status-for-quantitative')).toEqual([expect.objectContaining({ severity: 'warning', cell: 'Return!G4' })]);
  });

  it('warns about a value given when the indicator is not due', () => {
    const r = check([ok, { Ref: 'CS03', Actual: 50 }]);
    expect(issue(r, 'not-due-value')).toEqual([expect.objectContaining({ severity: 'warning', ref: 'CS03', cell: 'Return!D5' })]);
    expect(r.rows[1]?.status).toBe('Not due');
    expect(issue(check([ok, { Ref: 'CS03' }]), 'not-due-value')).toEqual([]);
  });
});

describe('small numbers', () => {
  it('refuses <5 for an indicator that is never suppressed', () => {
    const r = check([{ Ref: 'CS01', Actual: '<5' }]);
    expect(issue(r, 'suppressed-not-allowed')).toEqual([expect.objectContaining({ severity: 'error', cell: 'Return!D4' })]);
    expect(r.rows[0]?.status).toBe('Missing');
  });

  it.each<[string, CellValue, boolean]>([
    ['CH01', 3, true], ['CH01', 1, true], ['CH01', 0, false], ['CH01', 5, false], ['CH02', 0, true], ['CH02', 25, false],
  ])('%s = %j is a small count: %s', (Ref, Actual, expected) => {
    const r = check([{ Ref, Actual, Commentary: 'c', Action: 'a' }]);
    expect(issue(r, 'small-count')).toHaveLength(expected ? 1 : 0);
    if (expected) expect(issue(r, 'small-count')[0]).toMatchObject({ severity: 'warning', cell: 'Return!D4' });
    if (expected) expect(said(issue(r, 'small-count'))).toContain('<5');
  });

  it('gives <5 the RAG every count below 5 agrees on', () => {
    const r = check([{ Ref: 'CH02', Actual: '<5', Commentary: 'c', Action: 'a' }]);
    expect(r.rows[0]).toMatchObject({ actual: '<5', status: 'Red' });
    expect(issue(r, 'suppressed-rag-unknown')).toEqual([]);
  });

  it('shows <5 as Tracking with a warning when the RAG depends on the exact count', () => {
    const r = check([{ Ref: 'CH01', Actual: '<5' }]);
    expect(r.rows[0]).toMatchObject({ actual: '<5', status: 'Tracking', direction: '' });
    expect(issue(r, 'suppressed-rag-unknown')).toEqual([expect.objectContaining({ severity: 'warning', cell: 'Return!D4' })]);
  });
});

describe('numerator and denominator', () => {
  it.each<[CellValue, number, number, boolean]>([[80, 40, 50, false], [33.3, 1, 3, false], [50, 40, 50, true], [80.1, 40, 50, true]])(
    'actual %j against %d / %d: mismatch %s',
    (Actual, Numerator, Denominator, mismatch) => {
      const r = check([{ Ref: 'CS01', Actual, Numerator, Denominator, Commentary: 'c', Action: 'a' }]);
      expect(issue(r, 'numerator-denominator-mismatch').map((i) => i.severity)).toEqual(mismatch ? ['error'] : []);
    },
  );

  it('works out a blank actual from them, with a warning', () => {
    const r = check([{ Ref: 'CS01', Numerator: 41, Denominator: 50 }]);
    expect(r.rows[0]).toMatchObject({ actual: 82, status: 'Green', numerator: 41, denominator: 50 });
    expect(issue(r, 'numerator-denominator-mismatch')).toEqual([expect.objectContaining({ severity: 'warning', cell: 'Return!D4' })]);
    expect(issue(r, 'missing')).toEqual([]);
  });

  it('accepts a rate per 1,000', () => {
    expect(issue(check([{ Ref: 'CS06', Actual: 3, Numerator: 3, Denominator: 1000 }]), 'numerator-denominator-mismatch')).toEqual([]);
  });

  it('reports a zero denominator', () => {
    expect(issue(check([{ Ref: 'CS01', Actual: 85, Numerator: 0, Denominator: 0 }]), 'denominator-zero')).toEqual([expect.objectContaining({ severity: 'error', cell: 'Return!F4' })]);
  });

  it('reports a numerator above the denominator for a percentage', () => {
    const r = check([{ Ref: 'CS01', Actual: 100, Numerator: 60, Denominator: 50 }]);
    expect(issue(r, 'numerator-exceeds-denominator')).toEqual([expect.objectContaining({ severity: 'error', cell: 'Return!E4' })]);
  });
});

describe('qualitative', () => {
  it.each<[CellValue, string]>([['On track', 'Green'], [' at RISK ', 'Amber'], ['off-track', 'Red'], ['complete', 'Complete']])('reads %j as %s', (Status, rag) => {
    const r = check([{ Ref: 'CS05', Status, Commentary: 'c', Action: 'a' }]);
    expect(r.rows[0]?.status).toBe(rag);
    expect(r.issues).toEqual([]);
  });

  it('rejects any other status', () => {
    const r = check([{ Ref: 'CS05', Status: 'Nearly there' }]);
    expect(issue(r, 'bad-status')).toEqual([expect.objectContaining({ severity: 'error', cell: 'Return!G4' })]);
    expect(r.rows[0]?.status).toBe('Missing');
  });

  it('takes a status typed into Actual when there is none in Status', () => {
    expect(check([{ Ref: 'CS05', Actual: 'Complete' }]).rows[0]).toMatchObject({ status: 'Complete', qualitative: 'Complete', actual: null });
  });

  it('reports a due blank status as missing', () => {
    expect(issue(check([{ Ref: 'CS05' }]), 'missing')).toEqual([expect.objectContaining({ severity: 'error', cell: 'Return!G4' })]);
  });
});

describe('commentary and action', () => {
  it.each<[string, CellValue, string]>([['CS01', 70, 'Red'], ['CS01', 77, 'Amber'], ['CS05', 'At risk', 'Amber'], ['CS02', 13, 'Red']])(
    '%s at %j is %s and needs both, whatever the sheet’s RAG column says',
    (Ref, value, rag) => {
      const r = check([Ref === 'CS05' ? { Ref, Status: value, RAG: 'Green' } : { Ref, Actual: value, RAG: 'Green' }]);
      expect(r.rows[0]?.status).toBe(rag);
      expect(issue(r, 'commentary-required')).toEqual([expect.objectContaining({ severity: 'error', cell: 'Return!H4' })]);
      expect(issue(r, 'action-required')).toEqual([expect.objectContaining({ severity: 'error', cell: 'Return!I4' })]);
    },
  );

  it('needs neither for Green, and is satisfied when both are given', () => {
    expect(check([{ Ref: 'CS01', Actual: 85, RAG: 'Red' }]).issues).toEqual([]);
    expect(check([{ Ref: 'CS01', Actual: 70, Commentary: 'Staff shortage', Action: 'Recruiting; HoS; by Q3' }]).issues).toEqual([]);
  });

  it('warns about text over 2,000 characters', () => {
    const r = check([{ Ref: 'CS01', Actual: 85, Commentary: 'x'.repeat(2001), Action: 'y'.repeat(2000) }]);
    expect(issue(r, 'text-too-long')).toEqual([expect.objectContaining({ severity: 'warning', cell: 'Return!H4' })]);
  });
});

describe('target edited in the sheet', () => {
  it.each<[CellValue, string | undefined, boolean]>([[75, undefined, true], [80, undefined, false], [0.8, undefined, false], [0.8, '0%', false], [0.75, '0%', true], ['80%', undefined, false], [null, undefined, false]])(
    'Target %j (format %j) warns: %s',
    (Target, format, warns) => {
      const r = check([{ ...ok, Target }], format ? { formats: { 0: { Target: format } } } : {});
      expect(issue(r, 'target-edited')).toHaveLength(warns ? 1 : 0);
      if (warns) expect(issue(r, 'target-edited')[0]).toMatchObject({ severity: 'warning', cell: 'Return!C4' });
    },
  );

  it('uses the catalogue target, not the sheet’s', () => {
    expect(check([{ Ref: 'CS01', Actual: 78, Target: 75, Commentary: 'c', Action: 'a' }]).rows[0]?.status).toBe('Amber');
  });
});

describe('a service’s return', () => {
  it('reports every due indicator of the service that is absent', () => {
    const r = check([ok, { Ref: 'CS05', Status: 'On track' }], { service: 'customer services' });
    expect(issue(r, 'missing-indicator').map((i) => [i.ref, i.severity, i.cell])).toEqual([['CS02', 'error', undefined], ['CS04', 'error', undefined], ['CS06', 'error', undefined]]);
    expect(r.service).toBe('customer services');
  });

  it('takes the service from the options too', () => {
    expect(issue(check([{ Ref: 'CH01', Actual: 2 }], {}, { service: 'Children' }), 'missing-indicator').map((i) => i.ref)).toEqual(['CH02']);
  });

  it('says nothing without a service', () => {
    expect(issue(check([ok]), 'missing-indicator')).toEqual([]);
  });
});

describe('direction of travel and counts', () => {
  const previous = (ref: string, p: Period) => (p.quarter !== 1 ? undefined : ({ CS01: 75, CS02: 8, CS05: 'At risk' } as const)[ref as 'CS01']);

  it('compares with the previous period, polarity-aware', () => {
    const r = check([ok, { Ref: 'CS02', Actual: 9 }, { Ref: 'CS05', Status: 'On track' }, { Ref: 'CS04', Actual: 12 }], {}, { previous });
    expect(r.rows.map((x) => [x.ref, x.direction])).toEqual([['CS01', 'Improving'], ['CS02', 'Worsening'], ['CS05', 'Improving'], ['CS04', '']]);
  });

  it('counts statuses', () => {
    const r = check([ok, { Ref: 'CS02', Actual: 11, Commentary: 'c', Action: 'a' }, { Ref: 'CS03' }, { Ref: 'CS04', Actual: 12 }, { Ref: 'CS05' }]);
    expect(r.counts).toEqual({ Blue: 0, Green: 1, Amber: 1, Red: 0, Complete: 0, Missing: 1, Tracking: 1, 'Not due': 1 });
  });
});

describe('a row result', () => {
  // `validate --json` and `consolidate --json` print results as they are: the fields keep one order
  // (issue 19 built the result by assignment instead of spreads, which must not reorder it).
  it('lists its fields in one order: ref, actual, qualitative, status, direction, numerator, denominator, commentary, action, cell, row', () => {
    const r = check([
      { Ref: 'CS01', Actual: 70, Numerator: 70, Denominator: 100, Commentary: 'Short of staff', Action: 'Recruiting' },
      { Ref: 'CS05', Status: 'At risk', Commentary: 'Late', Action: 'Escalated' },
      { Ref: 'CS04' },
    ]);
    expect(r.rows.map((row) => Object.keys(row))).toEqual([
      ['ref', 'actual', 'status', 'direction', 'numerator', 'denominator', 'commentary', 'action', 'cell', 'row'],
      ['ref', 'actual', 'qualitative', 'status', 'direction', 'commentary', 'action', 'cell', 'row'],
      ['ref', 'actual', 'status', 'direction', 'numerator', 'denominator', 'cell', 'row'],
    ]);
  });
});
