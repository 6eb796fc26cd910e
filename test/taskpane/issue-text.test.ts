import fc from 'fast-check';
import { ISSUE_CODES, type Issue, type IssueCode } from '../../src/core/issues';
import { MESSAGES, type MessageParams } from '../../src/core/messages';
import { errorsFirst, paneMessage, severityCounts } from '../../src/taskpane/issue-text';

const params = (ref: string, cell: string): MessageParams => ({
  ref, cell, sheet: 'Return', period: '2024-25 Q2', status: 'Red', shown: 'abc', value: 150, min: 0, max: 100,
  target: 80, suggestion: 45, numerator: 3, denominator: 4, derived: 75, below: 5, column: 'Commentary', length: 2100, limit: 2000,
  decimals: 1, first: 'Return!A9',
});

function issue(code: IssueCode, p: MessageParams): Issue {
  return { severity: 'error', code, ref: p.ref, cell: p.cell, message: MESSAGES[code](p) };
}

describe('paneMessage', () => {
  it.each([
    ['commentary-required', 'The RAG is Red, so a commentary is needed: say why and what the effect is.'],
    ['missing', 'No value given, and one is due for 2024-25 Q2. Enter the actual, or explain in the commentary and ask the BI team.'],
    ['out-of-range', '150 is outside the valid range from 0 to 100. Check the value and its units.'],
    // Another cell (the first copy) is news, so it stays.
    ['duplicate-ref', 'This indicator appears twice; the first row (Return!A9) is used. Delete one of the rows.'],
    // The ref is the subject here, quoted, not a lead-in: nothing to strip but the cell.
    ['unknown-ref', '"CS01" is not an indicator in the catalogue. Check the Ref against the template; values in this row are ignored.'],
  ] as const)('%s reads without its ref and cell', (code, want) => {
    expect(paneMessage(issue(code, params('CS01', "'Return (2)'!M15")))).toBe(want);
  });

  it('leaves a message alone when the issue has no ref or cell', () => {
    expect(paneMessage({ message: 'CS01: stays (Return!A1) as written.' })).toBe('CS01: stays (Return!A1) as written.');
  });

  it('never strips a different ref or cell', () => {
    expect(paneMessage({ ref: 'CS02', cell: 'Return!B2', message: 'CS01: the value (Return!A1) is odd.' }))
      .toBe('CS01: the value (Return!A1) is odd.');
  });

  const ref = fc.stringMatching(/^[A-Z]{2,3}[0-9]{2}$/);
  const cell = fc.tuple(fc.constantFrom('Return', "'Return (2)'", "'Adults'' return'"), fc.stringMatching(/^[A-Z]{1,2}[1-9][0-9]{0,3}$/))
    .map(([s, a]) => `${s}!${a}`);

  it('for every issue code, the shown message repeats neither the leading ref nor the bracketed cell, and keeps the rest', () => {
    fc.assert(fc.property(ref, cell, fc.constantFrom(...ISSUE_CODES), (r, c, code) => {
      const i = issue(code, params(r, c));
      const shown = paneMessage(i);
      expect(shown.startsWith(`${r}: `)).toBe(false);
      expect(shown).not.toContain(`(${c})`);
      expect(shown.length).toBeGreaterThan(0);
      // Nothing but the repeats goes: the words of the original are all still there.
      const words = (t: string): string[] => t.replace(`${r}: `, '').split(` (${c})`).join('').toLowerCase().split(/\s+/);
      expect(shown.toLowerCase().split(/\s+/)).toEqual(words(i.message));
    }));
  });
});

describe('errorsFirst and severityCounts', () => {
  const list: Issue[] = [
    { severity: 'warning', code: 'target-edited', message: 'w1' },
    { severity: 'error', code: 'missing', message: 'e1' },
    { severity: 'warning', code: 'small-count', message: 'w2' },
    { severity: 'error', code: 'not-a-number', message: 'e2' },
  ];

  it('puts errors before warnings and keeps sheet order inside each group', () => {
    expect(errorsFirst(list).map((i) => i.message)).toEqual(['e1', 'e2', 'w1', 'w2']);
  });

  it('is a stable partition for any list', () => {
    fc.assert(fc.property(fc.array(fc.record({ severity: fc.constantFrom('error', 'warning' as const), n: fc.nat() })), (xs) => {
      const out = errorsFirst(xs);
      expect(out).toHaveLength(xs.length);
      expect(out).toEqual([...xs.filter((x) => x.severity === 'error'), ...xs.filter((x) => x.severity === 'warning')]);
    }));
  });

  it.each([
    [[], '0 errors, 0 warnings'],
    [list.slice(1, 2), '1 error, 0 warnings'],
    [list, '2 errors, 2 warnings'],
    [list.slice(0, 1), '0 errors, 1 warning'],
  ])('%j → %s', (issues, want) => {
    expect(severityCounts(issues)).toBe(want);
  });
});
