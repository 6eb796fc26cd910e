import { z } from 'zod';

// Field names are a public contract (PRODUCT.md): BI teams write these files by hand.
// Objects are loose so fields we do not know survive an import/export round trip.

// The closed lists live in constants.ts, free of zod, for code that runs without the schema (start-up, issue 19).
import { AGGREGATIONS, CHANGE_KINDS, FREQUENCIES, KINDS, POLARITIES, QUARTERS, SUPPRESS_BELOW_MAX, UNITS } from './constants';
import { fromBase64 } from '../base64';
export { UNITS, POLARITIES, FREQUENCIES, QUARTERS, KINDS, AGGREGATIONS, SUPPRESS_BELOW_MAX, CHANGE_KINDS, QUALITATIVE_STATUSES } from './constants';
export type { Unit, Polarity, Frequency, QuarterName, Kind, ChangeKind, QualitativeStatus } from './constants';

const text = z.string().trim().min(1, 'must not be empty');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const financialYear = z.string().regex(/^\d{4}-\d{2}$/, 'must be a financial year written like 2023-24');

export const toleranceSchema = z.union(
  [
    z.strictObject({ relative: z.number().nonnegative('must be 0 or more') }),
    z.strictObject({ absolute: z.number().nonnegative('must be 0 or more') }),
  ],
  { error: 'must be { "relative": p } or { "absolute": a } with a number of 0 or more' },
);
export type Tolerance = z.infer<typeof toleranceSchema>;

export const bandSchema = z.strictObject({ min: z.number(), max: z.number() });
export type Band = z.infer<typeof bandSchema>;

/** A target is a number, or a band `{min, max}` for `polarity: "range"`; null means no target that year. */
export const targetSchema = z.union([z.number(), bandSchema, z.null()], {
  error: 'must be a number, a band { "min": a, "max": b }, or null',
});
export type Target = z.infer<typeof targetSchema>;

export const rangeSchema = z.strictObject({ min: z.number().optional(), max: z.number().optional() });

export const indicatorSchema = z.looseObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, dots, dashes or underscores, like CS01'),
  title: text,
  priority: text,
  flagship: text.optional().nullable(),
  directorate: text,
  service: text,
  kind: z.enum(KINDS),
  unit: z.enum(UNITS).optional(),
  decimals: z.number().int('must be a whole number').min(0).max(6).optional(),
  polarity: z.enum(POLARITIES).optional(),
  frequency: z.enum(FREQUENCIES),
  dueQuarters: z.array(z.enum(QUARTERS)).min(1, 'must name at least one quarter'),
  targets: z.record(z.string(), targetSchema).optional(),
  /** Per-year floor used instead of a tolerance: between floor and target is Amber. */
  floor: z.record(z.string(), z.number()).optional(),
  /** Quarterly profile of the annual target, for cumulative measures (issue 8). */
  targetProfile: z.record(z.string(), z.record(z.enum(QUARTERS), z.number())).optional(),
  tolerance: toleranceSchema.optional(),
  /** Blue: better than target by more than the tolerance. Off unless turned on. */
  blue: z.boolean().optional(),
  range: rangeSchema.optional(),
  suppressBelow: z.number().int('must be a whole number').min(1)
    .max(SUPPRESS_BELOW_MAX, `must be ${SUPPRESS_BELOW_MAX} or less: it hides counts below it to protect individuals (the ONS and NHS use 5 or 10), and a larger number would hide ordinary figures, so it is taken for a typing mistake`)
    .nullable().optional(),
  suppressZero: z.boolean().optional(),
  statutory: z.boolean().optional(),
  aggregation: z.enum(AGGREGATIONS).optional(),
  /** rolling12: how four quarters make a year; by default levels are averaged, counts, money and days summed. */
  rollingMethod: z.enum(['mean', 'sum']).optional(),
  /** rolling12: `aggregate` when the lead already reports the 12-month figure, which is then taken as given. */
  reportedAs: z.enum(['quarter', 'aggregate']).optional(),
  benchmark: z.looseObject({ label: text, value: z.number() }).optional().nullable(),
  definition: z.string().optional(),
  source: z.string().optional(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const changeSchema = z.looseObject({
  date: isoDate,
  indicator: text,
  change: z.enum(CHANGE_KINDS),
  year: financialYear.optional(),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
  reason: text,
  authority: text,
});
export type CatalogueChange = z.infer<typeof changeSchema>;

/** An Ed25519 public key as `scorecard keys new` prints it: 32 bytes in base64. */
const publicKeyText = z.string().refine((k) => fromBase64(k.trim())?.length === 32, 'must be an Ed25519 public key: 32 bytes in base64, as scorecard keys new prints it');

export const catalogueSchema = z.looseObject({
  schemaVersion: z.literal(1, { error: 'must be 1 (the only schema version this build reads)' }),
  organisation: text,
  plan: text,
  version: text,
  financialYears: z.array(financialYear).min(1, 'must list at least one financial year'),
  defaults: z
    .looseObject({
      tolerance: toleranceSchema.optional(),
      decimals: z.number().int('must be a whole number').min(0).max(6).optional(),
    })
    .optional(),
  priorities: z.array(z.looseObject({ id: text, title: text })).min(1, 'must list at least one priority'),
  flagshipActions: z.array(z.looseObject({ id: text, priority: text, title: text })).optional(),
  indicators: z.array(indicatorSchema),
  changes: z.array(changeSchema).optional(),
  /** How returns are signed off; by default the signer must be someone other than the preparer. */
  signOff: z.looseObject({ separateSigner: z.boolean().optional() }).optional(),
  /** The BI team's public keys: `verify --catalogue` checks a signed paper against them (issue 18.4). */
  signing: z.strictObject({ publicKeys: z.array(publicKeyText).min(1, 'must list at least one public key') }).optional(),
});
export type Catalogue = z.infer<typeof catalogueSchema>;

