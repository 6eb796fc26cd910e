import fc from 'fast-check';
import { ISSUE_CODES, errorsFirst, type Issue, type IssueCode, type MessageParams } from '../../src/core/issues';
import { HISTORY_MESSAGES, historyIssueText, issueText } from '../../src/core/messages';

/** Every parameter a message may use, so each code has something to say. */
const FULL: MessageParams = {
  sheet: 'Return', file: 'adults.xlsx', column: 'Commentary', first: 'Return!A9', shown: 'abc', period: '2024-25 Q2',
  expected: 'a percentage from 0 to 100, like 85', value: 150, suggestion: 45, min: 0, max: 100, below: 5, target: 80,
  numerator: 3, denominator: 4, derived: 75, status: 'Red', length: 2100, limit: 2000, service: 'Adult Social Care',
  decimals: 1, count: 2,
};

const at = (code: IssueCode, params: MessageParams, where: Partial<Pick<Issue, 'ref' | 'cell'>> = { ref: 'CS01', cell: 'Return!F12' }): Issue =>
  ({ severity: 'error', code, ...where, params });

describe('issueText: golden sentences in both places', () => {
  it.each<[IssueCode, MessageParams, Partial<Pick<Issue, 'ref' | 'cell'>>, string, string]>([
    ['commentary-required', { status: 'Red' }, { ref: 'CS01', cell: 'Return!K12' },
      'CS01: the RAG is Red, so a commentary is needed (Return!K12): say why and what the effect is.',
      'The RAG is Red, so a commentary is needed: say why and what the effect is.'],
    ['missing', { period: '2024-25 Q2' }, { ref: 'CS01', cell: 'Return!F12' },
      'CS01: no value given (Return!F12), and one is due for 2024-25 Q2. Enter the actual, or explain in the commentary and ask the BI team.',
      'No value given, and one is due for 2024-25 Q2. Enter the actual, or explain in the commentary and ask the BI team.'],
    ['out-of-range', { value: 150, min: 0, max: 100 }, { ref: 'CS01', cell: 'Return!F12' },
      'CS01: 150 (Return!F12) is outside the valid range from 0 to 100. Check the value and its units.',
      '150 is outside the valid range from 0 to 100. Check the value and its units.'],
    // Another cell (the first copy) is news, so it stays beside too.
    ['duplicate-ref', { first: 'Return!A9' }, { ref: 'CS01', cell: 'Return!A12' },
      'CS01: this indicator appears twice (Return!A12); the first row (Return!A9) is used. Delete one of the rows.',
      'This indicator appears twice; the first row (Return!A9) is used. Delete one of the rows.'],
    // The ref is the subject here, quoted, not a lead-in: it stays; only the cell goes.
    ['unknown-ref', {}, { ref: 'XX99', cell: "'Return (2)'!A7" },
      `"XX99" ('Return (2)'!A7) is not an indicator in the catalogue. Check the Ref against the template; values in this row are ignored.`,
      '"XX99" is not an indicator in the catalogue. Check the Ref against the template; values in this row are ignored.'],
    ['unknown-ref', { blankRef: true }, { cell: 'Return!F20' },
      'There is a value (Return!F20) in a row with no Ref. Put the indicator\'s Ref in that row, or delete the value.',
      'There is a value in a row with no Ref. Put the indicator\'s Ref in that row, or delete the value.'],
    ['date-value', { shown: '2023-03-15' }, { ref: 'CS02', cell: 'Return!F13' },
      'CS02: the cell (Return!F13) holds a date (15 March 2023), not a number. Format the cell as a number and re-enter the value.',
      'The cell holds a date (15 March 2023), not a number. Format the cell as a number and re-enter the value.'],
    ['conflict', { given: [{ file: 'a.xlsx', where: 'Return!D5', shown: '81' }, { file: 'b.xlsx', where: 'Return!F9', shown: '70' }], chosen: 'a.xlsx', reason: 'signed-off' },
      { ref: 'MC01', cell: 'Return!D5' },
      'MC01: returns give different values for this indicator. The BI team must choose one. Given: a.xlsx Return!D5: 81; b.xlsx Return!F9: 70. Using a.xlsx because it is the only return signed off.',
      'Returns give different values for this indicator. The BI team must choose one. Given: a.xlsx Return!D5: 81; b.xlsx Return!F9: 70. Using a.xlsx because it is the only return signed off.'],
    ['missing-return', { service: 'Housing', period: '2024-25 Q2' }, { ref: 'HS01' },
      'HS01: No return received from Housing for 2024-25 Q2. This indicator is due and no return gave it.',
      'No return received from Housing for 2024-25 Q2. This indicator is due and no return gave it.'],
    ['period-mismatch', { consolidating: true, file: 'q1.xlsx', shown: '2024-25 Q1', period: '2024-25 Q2' }, {},
      'q1.xlsx is a return for 2024-25 Q1, not 2024-25 Q2; its values are left out of this consolidation.',
      'Q1.xlsx is a return for 2024-25 Q1, not 2024-25 Q2; its values are left out of this consolidation.'],
    ['not-signed-off', { file: 'adults.xlsx' }, {},
      'adults.xlsx has not been signed off by a manager.',
      'Adults.xlsx has not been signed off by a manager.'],
  ])('%s', (code, params, where, full, beside) => {
    const issue = at(code, params, where);
    expect(issueText(issue, { place: 'full' })).toBe(full);
    expect(issueText(issue, { place: 'beside' })).toBe(beside);
  });

  it('is the full sentence when no place is given (the CLI line and the JSON message)', () => {
    const issue = at('missing', { period: '2024-25 Q2' });
    expect(issueText(issue)).toBe(issueText(issue, { place: 'full' }));
  });
});

describe('every issue code has words in both places', () => {
  const noise = /undefined|null|NaN|\[object/;
  it.each(ISSUE_CODES.map((c) => [c]))('%s, with no parameters and with all of them', (code) => {
    for (const place of ['full', 'beside'] as const) {
      for (const issue of [at(code, {}, {}), at(code, FULL)]) {
        const text = issueText(issue, { place });
        expect(text.trim().length).toBeGreaterThan(10);
        expect(text).not.toMatch(noise);
        expect(text).toMatch(/[.?]$/);
      }
    }
  });

  const ref = fc.stringMatching(/^[A-Z]{2,3}[0-9]{2}$/);
  const cell = fc.tuple(fc.constantFrom('Return', "'Return (2)'", "'Adults'' return'"), fc.stringMatching(/^[A-Z]{1,2}[1-9][0-9]{0,3}$/))
    .map(([s, a]) => `${s}!${a}`);

  it('beside never repeats the leading ref or the bracketed cell, and full names both when it uses them', () => {
    fc.assert(fc.property(ref, cell, fc.constantFrom(...ISSUE_CODES), (r, c, code) => {
      const issue = at(code, FULL, { ref: r, cell: c });
      const beside = issueText(issue, { place: 'beside' });
      expect(beside.startsWith(`${r}: `)).toBe(false);
      expect(beside).not.toContain(`(${c})`);
      expect(beside.charAt(0)).toBe(beside.charAt(0).toUpperCase());
      // Beside is full without its ref lead-in and bracketed cell: nothing else is lost.
      const full = issueText(issue, { place: 'full' });
      const words = (t: string): string => t.replace(`${r}: `, '').split(` (${c})`).join('').toLowerCase();
      expect(beside.toLowerCase()).toBe(words(full));
    }));
  });
});

describe('history issues', () => {
  it.each(Object.keys(HISTORY_MESSAGES).map((c) => [c]))('%s has a sentence', (code) => {
    const text = historyIssueText({ code: code as keyof typeof HISTORY_MESSAGES, params: {} });
    expect(text).toMatch(/[.]$/);
    expect(text).not.toMatch(/undefined|null|NaN/);
  });

  it('says a closing date as people write it', () => {
    expect(historyIssueText({ code: 'period-closed', period: '2024-25 Q1', params: { date: '2024-07-20T09:30:00.000Z' } }))
      .toBe('2024-25 Q1 was closed on 20 July 2024; it is not rewritten unless it is reopened (with a reason).');
    expect(historyIssueText({ code: 'closed-with-errors', period: '2024-25 Q1', params: { count: 1 } }))
      .toBe('2024-25 Q1 is recorded with 1 error still in its returns.');
  });
});

describe('errorsFirst', () => {
  it('is a stable partition, errors then warnings, for any list', () => {
    fc.assert(fc.property(fc.array(fc.record({ severity: fc.constantFrom('error', 'warning' as const), n: fc.nat() })), (xs) => {
      expect(errorsFirst(xs)).toEqual([...xs.filter((x) => x.severity === 'error'), ...xs.filter((x) => x.severity === 'warning')]);
    }));
  });
});
