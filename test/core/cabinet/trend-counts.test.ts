import fc from 'fast-check';
import type { CabinetModel } from '../../../src/core/cabinet/model';
import { trendCounts } from '../../../src/core/cabinet/trends';

// trendCounts as first written, a filter per status and quarter (issue 19 counts in one pass): the
// Trends sheet's counts must be exactly these.
const ORDER = ['Blue', 'Green', 'Amber', 'Red', 'Complete', 'Missing', 'Withheld', 'Tracking', 'Not due'] as const;
function obviousCounts(model: CabinetModel) {
  const rows = model.sections.flatMap((s) => s.rows);
  return ORDER.map((status) => ({ status, counts: model.trendPeriods.map((_, i) => rows.filter((r) => r.trend?.[i]?.status === status).length) }))
    .filter((c) => c.counts.some((n) => n > 0));
}

const status = fc.constantFrom('', ...ORDER);
const row = fc.option(fc.array(status, { maxLength: 6 }), { nil: undefined })
  .map((trend) => (trend ? { trend: trend.map((s) => ({ period: 'p', value: { text: '', suppressed: false }, status: s })) } : {}));
const model = fc.record({ periods: fc.integer({ min: 0, max: 5 }), sections: fc.array(fc.record({ rows: fc.array(row, { maxLength: 8 }) }), { maxLength: 4 }) })
  .map(({ periods, sections }) => ({ trendPeriods: Array.from({ length: periods }, (_, i) => `Q${i}`), sections }) as unknown as CabinetModel);

describe('trendCounts', () => {
  it('counts each status by quarter as a filter per status and quarter does (property)', () => {
    fc.assert(fc.property(model, (m) => { expect(trendCounts(m)).toEqual(obviousCounts(m)); }), { numRuns: 1000 });
  });
});
