import fc from 'fast-check';
import type { CellValue, Grid } from '../../../src/core/grid';
import { makePeriod } from '../../../src/core/period';
import { readReturn } from '../../../src/core/return/read';
import type { ValidationResult } from '../../../src/core/return/types';
import { validateReturn } from '../../../src/core/return/validate';
import { DEFAULT_HEADER, deepFreeze, grid, returnGrid, testCatalogue } from './helpers';
import { issueText } from '../../../src/core/messages';

const catalogue = deepFreeze(testCatalogue());

/** A return with something wrong in most rows, so that column order has much to get wrong. */
const messyRows: Record<string, CellValue>[] = [
  { Ref: 'CS01', Indicator: '% calls', Target: 75, Actual: 70, Numerator: 35, Denominator: 50, Commentary: 'Short-staffed', Notes: 'n1' },
  { Ref: 'CS02', Actual: 'about 9', Owner: 'Sam' },
  { Ref: 'CS05', Status: 'at risk', Action: 'Recover by Q3' },
  { Ref: 'CH01', Actual: '<5', RAG: 'Green' },
  { Ref: 'CH02', Actual: 3, Commentary: 'c', Action: 'a' },
  { Ref: 'CS03', Actual: 40 },
  { Ref: 'cs01', Actual: 1 },
  { Ref: 'ZZ1', Actual: 4 },
];
const HEADER = [...DEFAULT_HEADER, 'Notes', 'Owner'];

/** What must not depend on where the columns are: everything but cell addresses. */
function positionFree(r: ValidationResult) {
  return {
    rows: r.rows.map(({ cell: _c, row: _r, ...rest }) => rest),
    issues: r.issues.map((i) => `${i.severity} ${i.code} ${i.ref ?? ''}`).sort(),
    counts: r.counts,
    fingerprint: r.entriesFingerprint,
  };
}

const validate = (g: Grid) => validateReturn(catalogue, readReturn(g), { service: 'Children' });

describe('validation properties', () => {
  it('gives the same result whatever the order of the columns', () => {
    const expected = positionFree(validate(returnGrid({ period: '2023-24 Q2', header: HEADER, rows: messyRows })));
    expect(expected.issues.length).toBeGreaterThan(8);
    fc.assert(
      fc.property(fc.shuffledSubarray(HEADER, { minLength: HEADER.length, maxLength: HEADER.length }), (header) => {
        const got = positionFree(validate(returnGrid({ period: '2023-24 Q2', header, rows: messyRows })));
        expect(got).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same result with extra columns and blank rows anywhere', () => {
    const expected = positionFree(validate(returnGrid({ period: '2023-24 Q2', header: HEADER, rows: messyRows })));
    fc.assert(
      fc.property(fc.array(fc.nat(messyRows.length), { maxLength: 4 }), fc.array(fc.string({ minLength: 1, maxLength: 6 }).filter((s) => /\S/.test(s) && !['ref', 'actual', 'status', 'numerator', 'denominator', 'commentary', 'action', 'target', 'indicator', 'rag', 'notes', 'owner'].includes(s.trim().toLowerCase())), { maxLength: 3 }), (blanks, extras) => {
        const rows: Record<string, CellValue>[] = messyRows.map((r) => ({ ...r, ...Object.fromEntries(extras.map((e) => [e, 'x'])) }));
        for (const at of blanks) rows.splice(at, 0, {});
        const header = [...HEADER.slice(0, 3), ...extras, ...HEADER.slice(3)];
        expect(positionFree(validate(returnGrid({ period: '2023-24 Q2', header, rows })))).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constantFrom<CellValue>(null, '', 'CS01', 'CS05', 'CH01', 'CS03', '<5', '<0', 'On track', 'complete', '85%', '£1,000', 'Period', '2023-24 Q1'),
    fc.string({ maxLength: 10 }),
    fc.double(),
    fc.integer({ min: -5, max: 200 }),
    fc.boolean(),
    fc.record({ error: fc.constantFrom('#N/A', '#DIV/0!') }),
  );
  const formatArb = fc.constantFrom<string | null>(null, '0%', '0.0%', 'dd/mm/yyyy', 'General', '@', '"%"0');

  it('never throws and never changes its input, on any grid', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(cellArb, formatArb), { minLength: 0, maxLength: 11 }), { maxLength: 10 }),
        fc.shuffledSubarray(HEADER),
        fc.option(fc.tuple(fc.integer({ min: 2022, max: 2025 }), fc.integer({ min: 1, max: 4 }))),
        fc.option(fc.constantFrom('Customer Services', 'Children', 'Nobody')),
        (body, header, p, service) => {
          const g = deepFreeze(grid([header, ...body.map((r) => r.map(([v]) => v))], { formats: [header.map(() => null), ...body.map((r) => r.map(([, f]) => f))] }));
          const before = JSON.stringify(g);
          const read = deepFreeze(readReturn(g));
          const readBefore = JSON.stringify(read);
          const result = validateReturn(catalogue, read, {
            ...(p ? { period: makePeriod(p[0], p[1]) } : {}),
            ...(service ? { service } : {}),
            previous: () => 50,
          });
          expect(JSON.stringify(g)).toBe(before);
          expect(JSON.stringify(read)).toBe(readBefore);
          expect(result.entriesFingerprint).toMatch(/^[0-9a-f]{64}$/);
          for (const i of result.issues) expect(issueText(i).length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never calls a due blank Green', () => {
    fc.assert(
      fc.property(fc.constantFrom(...catalogue.indicators.map((i) => i.id)), fc.integer({ min: 1, max: 4 }), (ref, q) => {
        const r = validateReturn(catalogue, readReturn(returnGrid({ period: `2023-24 Q${q}`, rows: [{ Ref: ref }] })));
        const row = r.rows[0];
        expect(row?.status === 'Not due' || (row?.status === 'Missing' && r.issues.some((i) => i.code === 'missing'))).toBe(true);
      }),
    );
  });
});
