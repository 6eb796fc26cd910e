import { issueText } from '../../../src/core/messages';
import { readReturn } from '../../../src/core/return/read';
import { validateReturn } from '../../../src/core/return/validate';
import { grid, testCatalogue } from './helpers';

// A return as leads really send them: columns moved, a column added, a label with a colon,
// a percentage typed as a fraction, a date where a number should be, a stray value.
const messy = grid(
  [
    ['Customer Services quarterly return'],
    ['Period:', '2023-24 Q1', null, 'Service', 'Customer Services'],
    ['Prepared by', 'A. Lead', null, 'Ready for sign-off', 'yes'],
    [],
    ['Actual', ' REF ', 'My notes', 'Target', 'Commentary', 'action', 'Status'],
    [0.72, 'CS01', 'from the phone system', 80, null, null, null],
    [45000, 'CS02', null, 10, null, null, null],
    ['<5', 'CS04', null, null, null, null, null],
    [null, 'CS05', null, null, null, null, 'Sort of'],
    [12, null, 'total', null, null, null, null],
    [70, 'CS01', null, null, 'dup', null, null],
  ],
  { formats: [[], [], [], [], [], [], ['dd/mm/yyyy']] },
);

it('pins the issues of a messy return', () => {
  const r = validateReturn(testCatalogue(), readReturn(messy));
  expect({
    period: r.period,
    service: r.service,
    signOffState: r.signOffState,
    rows: r.rows.map((x) => `${x.ref} ${String(x.actual)} ${x.status}`),
  }).toMatchInlineSnapshot(`
   {
     "period": "2023-24 Q1",
     "rows": [
       "CS01 0.72 Red",
       "CS02 null Missing",
       "CS04 null Missing",
       "CS05 null Missing",
     ],
     "service": "Customer Services",
     "signOffState": "ready",
   }
  `);
  // The words as the command line prints them, made from each issue's code and parameters.
  expect(r.issues.map(({ params: _p, ...i }) => ({ ...i, message: issueText({ ...i, params: _p }) }))).toMatchInlineSnapshot(`
   [
     {
       "cell": "Return!A10",
       "code": "unknown-ref",
       "message": "There is a value (Return!A10) in a row with no Ref. Put the indicator's Ref in that row, or delete the value.",
       "severity": "error",
     },
     {
       "cell": "Return!A6",
       "code": "percent-as-fraction",
       "message": "CS01: 0.72 (Return!A6) looks like a fraction, but the target is 80%. Did you mean 72%? Percentages are entered 0-100.",
       "ref": "CS01",
       "severity": "warning",
     },
     {
       "cell": "Return!E6",
       "code": "commentary-required",
       "message": "CS01: the RAG is Red, so a commentary is needed (Return!E6): say why and what the effect is.",
       "ref": "CS01",
       "severity": "error",
     },
     {
       "cell": "Return!F6",
       "code": "action-required",
       "message": "CS01: the RAG is Red, so an action is needed (Return!F6): say what will be done to recover, by whom and when.",
       "ref": "CS01",
       "severity": "error",
     },
     {
       "cell": "Return!A7",
       "code": "date-value",
       "message": "CS02: the cell (Return!A7) holds a date (15 March 2023), not a number. Format the cell as a number and re-enter the value.",
       "ref": "CS02",
       "severity": "error",
     },
     {
       "cell": "Return!A8",
       "code": "suppressed-not-allowed",
       "message": "CS04: "<5" (Return!A8) hides the number, but this indicator is not a count about individuals and is never suppressed. Enter the actual value.",
       "ref": "CS04",
       "severity": "error",
     },
     {
       "cell": "Return!G9",
       "code": "bad-status",
       "message": "CS05: "Sort of" (Return!G9) is not a status. Use On track, At risk, Off track or Complete.",
       "ref": "CS05",
       "severity": "error",
     },
     {
       "cell": "Return!B11",
       "code": "duplicate-ref",
       "message": "CS01: this indicator appears twice (Return!B11); the first row (Return!B6) is used. Delete one of the rows.",
       "ref": "CS01",
       "severity": "error",
     },
     {
       "code": "missing-indicator",
       "message": "CS06: this indicator of Customer Services is due in 2023-24 Q1 but is not in the return. Add its row (the template lists it).",
       "ref": "CS06",
       "severity": "error",
     },
   ]
  `);
});
