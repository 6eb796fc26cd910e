import { POLARITIES, type Polarity } from './constants';
import type { Target, Tolerance } from './schema';

/**
 * The shapes a catalogue change's `from` may put back (effective.ts), checked without zod: checking a
 * return must not load the schema (start-up, issue 19). Each accepts exactly what its schema in
 * schema.ts accepts; test/core/catalogue/shapes.test.ts holds them to it with fast-check.
 */

/** A value or why not: `null` is a valid target, so "no value" cannot be the answer's absence. */
export type Shaped<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

const NO: Shaped<never> = { ok: false };

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** An object (not a list) whose own keys are exactly `keys`, as zod's strictObject wants. */
function exactly(v: unknown, keys: readonly string[]): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const own = Object.keys(v);
  return own.length === keys.length && keys.every((k) => own.includes(k));
}

/** targetSchema: a number, a band `{min, max}`, or null. */
export function targetShape(v: unknown): Shaped<Target> {
  if (v === null || isNumber(v)) return { ok: true, value: v };
  if (exactly(v, ['min', 'max']) && isNumber(v.min) && isNumber(v.max)) return { ok: true, value: { min: v.min, max: v.max } };
  return NO;
}

/** toleranceSchema: `{relative: p}` or `{absolute: a}`, 0 or more. */
export function toleranceShape(v: unknown): Shaped<Tolerance> {
  if (exactly(v, ['relative']) && isNumber(v.relative) && v.relative >= 0) return { ok: true, value: { relative: v.relative } };
  if (exactly(v, ['absolute']) && isNumber(v.absolute) && v.absolute >= 0) return { ok: true, value: { absolute: v.absolute } };
  return NO;
}

/** The polarity enum. */
export function polarityShape(v: unknown): Shaped<Polarity> {
  return typeof v === 'string' && (POLARITIES as readonly string[]).includes(v) ? { ok: true, value: v as Polarity } : NO;
}
