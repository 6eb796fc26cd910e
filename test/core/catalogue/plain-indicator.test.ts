import fc from 'fast-check';
import { defaultCatalogue } from '../../../src/catalogue';
import { catalogueSchema, indicatorSchema } from '../../../src/core/catalogue/schema';
import { parseCatalogue } from '../../../src/core/catalogue/parse';
import { plainIndicator } from '../../../src/core/catalogue/plain-indicator';

/**
 * plainIndicator is a short cut past zod for indicators written in the usual forms. It may only say
 * yes where indicatorSchema does, and must give what indicatorSchema gives, key order included (a
 * catalogue written back out shows it). Every field gets values of the right form, of nearly-right
 * forms (untrimmed, out of range, wrong case, extra keys, other key order) and of wrong types.
 */

const wrong = fc.constantFrom<unknown>(undefined, null, '', ' ', 'x', ' x ', 0, -1, 1.5, 7, 101, Infinity, NaN, true, [], {}, { min: 1 }, ['Q1']);
const textish = fc.oneof(fc.constantFrom('Planning', ' Planning', 'Planning ', '', '\t', 'Ünïcode'), fc.string({ maxLength: 6 }), wrong);
const num = fc.oneof(fc.integer({ min: -5, max: 120 }), fc.double({ noNaN: false }), wrong);
const band = fc.oneof(
  fc.record({ min: num, max: num }),
  fc.record({ max: num, min: num }),
  fc.record({ min: num }, { requiredKeys: [] }),
  fc.record({ min: num, max: num, extra: num }),
  wrong,
);
const field = {
  id: fc.oneof(fc.constantFrom('CS01', 'B000001', 'a.b-c_d', '-x', 'x y', ''), fc.string({ maxLength: 5 }), wrong),
  title: textish, priority: textish, directorate: textish, service: textish,
  flagship: fc.oneof(textish, fc.constant(null)),
  kind: fc.oneof(fc.constantFrom('quantitative', 'qualitative', 'Quantitative'), wrong),
  unit: fc.oneof(fc.constantFrom('percent', 'number', 'days', 'currency', 'rate', 'score', 'Percent'), wrong),
  decimals: fc.oneof(fc.integer({ min: -1, max: 7 }), wrong),
  polarity: fc.oneof(fc.constantFrom('higher', 'lower', 'none', 'range', 'up'), wrong),
  frequency: fc.oneof(fc.constantFrom('monthly', 'quarterly', 'annual', 'weekly'), wrong),
  dueQuarters: fc.oneof(fc.array(fc.constantFrom('Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'q1'), { maxLength: 5 }), wrong),
  targets: fc.oneof(fc.dictionary(fc.constantFrom('2023-24', '2024-25', 'x', '__proto__', 'constructor'), fc.oneof(num, band, fc.constant(null))), wrong),
  floor: fc.oneof(fc.dictionary(fc.constantFrom('2023-24', '2024-25'), num), wrong),
  targetProfile: fc.oneof(fc.dictionary(fc.constantFrom('2024-25'), fc.dictionary(fc.constantFrom('Q1', 'Q2', 'Q3', 'Q4'), num)), wrong),
  tolerance: fc.oneof(fc.record({ relative: num }), fc.record({ absolute: num }), fc.record({ relative: num, absolute: num }), wrong),
  blue: fc.oneof(fc.boolean(), wrong),
  range: band,
  suppressBelow: fc.oneof(fc.integer({ min: -1, max: 102 }), fc.constant(null), wrong),
  suppressZero: fc.oneof(fc.boolean(), wrong),
  statutory: fc.oneof(fc.boolean(), wrong),
  aggregation: fc.oneof(fc.constantFrom('snapshot', 'cumulative', 'rolling12', 'sum'), wrong),
  rollingMethod: fc.oneof(fc.constantFrom('mean', 'sum', 'median'), wrong),
  reportedAs: fc.oneof(fc.constantFrom('quarter', 'aggregate', 'year'), wrong),
  benchmark: fc.oneof(fc.record({ label: textish, value: num }), fc.record({ value: num, label: textish }), fc.record({ label: textish, value: num, source: textish }), fc.constant(null), wrong),
  definition: fc.oneof(fc.string({ maxLength: 5 }), wrong),
  source: fc.oneof(fc.string({ maxLength: 5 }), wrong),
  somethingElse: fc.oneof(fc.string({ maxLength: 3 }), wrong),
};

/** Mostly-right indicators: the required fields usually present and well formed, the rest anything. */
const valid = defaultCatalogue().indicators.filter((i) => i.targetProfile === undefined);
const indicator = fc.tuple(
  fc.constantFrom(...valid),
  fc.record(field, { requiredKeys: [] }),
  fc.shuffledSubarray(Object.keys(field)),
  fc.boolean(),
).map(([base, over, keys, shuffle]) => {
  const out: Record<string, unknown> = { ...base };
  for (const k of keys) out[k] = (over as Record<string, unknown>)[k];
  if (!shuffle) return out;
  return Object.fromEntries(Object.entries(out).reverse());
});

describe('plainIndicator, the short cut past zod', () => {
  it('says yes only where the schema does, and gives exactly what the schema gives', () => {
    let taken = 0;
    fc.assert(fc.property(fc.oneof(indicator, fc.constantFrom(...valid)), (x) => {
      const plain = plainIndicator(x);
      if (plain === undefined) return;
      taken += 1;
      const zod = indicatorSchema.safeParse(x);
      expect(zod.success).toBe(true);
      expect(plain).toStrictEqual(zod.data);
      expect(JSON.stringify(plain)).toBe(JSON.stringify(zod.data));
    }), { numRuns: 3000 });
    // The short cut is taken often enough for the test to mean something.
    expect(taken).toBeGreaterThan(300);
  });

  it('takes the usual indicator, as the embedded catalogue and the bench write them', () => {
    for (const i of valid) expect(plainIndicator(i)).toStrictEqual(indicatorSchema.parse(i));
    expect(valid.length).toBeGreaterThan(40);
  });

  it('parseCatalogue gives the catalogue zod gives, key order included, for any mix of indicators', () => {
    const base = defaultCatalogue();
    fc.assert(fc.property(fc.array(fc.oneof(indicator, fc.constantFrom(...valid)), { maxLength: 6 }), fc.boolean(), (indicators, dropPlan) => {
      const input: Record<string, unknown> = { ...base, indicators };
      if (dropPlan) delete input.plan;
      const got = parseCatalogue(input);
      const zod = catalogueSchema.safeParse(input);
      expect(got.ok).toBe(zod.success && got.errors.length === 0);
      if (got.ok && zod.success) expect(JSON.stringify(got.catalogue)).toBe(JSON.stringify(zod.data));
      if (!zod.success) expect(got.ok).toBe(false);
    }), { numRuns: 400 });
  });
});
