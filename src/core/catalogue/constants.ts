/** The catalogue's closed lists (a public contract, PRODUCT.md), without zod: schema.ts builds on them. */

export const UNITS = ['percent', 'number', 'days', 'currency', 'rate', 'score'] as const;
export const POLARITIES = ['higher', 'lower', 'none', 'range'] as const;
export const FREQUENCIES = ['monthly', 'quarterly', 'annual'] as const;
export const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
export const KINDS = ['quantitative', 'qualitative'] as const;
export const AGGREGATIONS = ['snapshot', 'cumulative', 'rolling12'] as const;
/** The largest `suppressBelow` a catalogue may give: small-number rules use 5 or 10; 1e9 once crashed the process. */
export const SUPPRESS_BELOW_MAX = 100;
export const CHANGE_KINDS = [
  'added', 'removed', 'target', 'tolerance', 'polarity', 'definition', 'title', 'floor', 'other',
] as const;

export type Unit = (typeof UNITS)[number];
export type Polarity = (typeof POLARITIES)[number];
export type Frequency = (typeof FREQUENCIES)[number];
export type QuarterName = (typeof QUARTERS)[number];
export type Kind = (typeof KINDS)[number];
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const QUALITATIVE_STATUSES = ['On track', 'At risk', 'Off track', 'Complete'] as const;
export type QualitativeStatus = (typeof QUALITATIVE_STATUSES)[number];
