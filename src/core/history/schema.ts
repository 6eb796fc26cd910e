import { z } from 'zod';
import { QUALITATIVE_STATUSES } from '../catalogue/constants';
import { parsePeriod } from '../period';
import { RAG_STATUSES } from '../rag';
import { SUPPRESSED_RE } from './constants';

// The BI master's record of what each closed quarter reported. Field names are a contract like the
// catalogue's: a BI team may keep this file under version control and read it with other tools.
// Objects are loose so fields added by a later build or a script survive a round trip.

const text = z.string().trim().min(1, 'must not be empty');
const periodText = text.refine((s) => parsePeriod(s) !== undefined, 'must be a period written like 2024-25 Q2');
const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/, 'must be a date YYYY-MM-DD or an ISO date-time');

// Kept apart so plainHistoryValue can check it without loading zod.
export { SUPPRESSED_RE };

export const historyValueSchema = z.looseObject({
  ref: text,
  actual: z.union([z.number(), z.string().regex(SUPPRESSED_RE), z.null()], { error: 'must be a number, a suppressed count like "<5", or null' }),
  qualitative: z.enum(QUALITATIVE_STATUSES).optional(),
  status: z.enum(RAG_STATUSES),
  numerator: z.number().nullable().optional(),
  denominator: z.number().nullable().optional(),
  commentary: z.string().optional(),
  action: z.string().optional(),
  file: z.string(),
  sheet: z.string(),
  cell: z.string().optional(),
});
export type HistoryValue = z.infer<typeof historyValueSchema>;

export const revisionSchema = z.looseObject({
  /** When these values stopped being the record (the reopened period's new closedAt). */
  replacedAt: timestamp,
  reason: z.string().optional(),
  /** When the replaced values had been closed, and against which catalogue. */
  closedAt: timestamp.optional(),
  catalogueVersion: z.string().optional(),
  values: z.array(historyValueSchema),
  missing: z.array(text).optional(),
});
export type Revision = z.infer<typeof revisionSchema>;

export const historyPeriodSchema = z.looseObject({
  period: periodText,
  closedAt: timestamp,
  catalogueVersion: text,
  values: z.array(historyValueSchema),
  /** Refs due that quarter that no return gave: known gaps, not "not due". */
  missing: z.array(text).optional(),
  revisions: z.array(revisionSchema),
});
export type HistoryPeriod = z.infer<typeof historyPeriodSchema>;

export const historySchema = z.looseObject({
  schemaVersion: z.literal(1, { error: 'must be 1 (the only history schema version this build reads)' }),
  organisation: text,
  periods: z.array(historyPeriodSchema),
});
export type History = z.infer<typeof historySchema>;
