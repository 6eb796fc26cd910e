import type { z } from 'zod';
import { catalogueSchema, type Catalogue, type Indicator } from './schema';
import { plainIndicator } from './plain-indicator';
import { crossCheck } from './cross-check';
import { formatPath, type CatalogueError } from './errors';
import { duplicateKeys, nestingDepth } from '../json-duplicates';

/** The deepest nesting a catalogue's JSON may have: it needs about five levels. */
export const MAX_JSON_DEPTH = 64;

const DUPLICATE_KEY = 'is given twice in the same object; give each field once (JSON would silently keep only the last one)';

export type CatalogueResult =
  | { readonly ok: true; readonly catalogue: Catalogue; readonly errors: readonly [] }
  | { readonly ok: false; readonly errors: readonly CatalogueError[] };

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = root;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list [ … ]',
  object: 'an object { … }', null: 'null', literal: 'a fixed value',
};

/**
 * Plain-English text for zod's generic issues; the schema's own messages take precedence over this
 * map (zod's order), so it only words what the schema left to zod.
 */
function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of: ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${issue.minimum} entr${issue.minimum === 1 ? 'y' : 'ies'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return issue.inclusive === false ? `must be more than ${issue.minimum}` : `must be ${issue.minimum} or more`;
    case 'too_big':
      if (issue.origin === 'array') return `must have at most ${issue.maximum} entries`;
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      return issue.inclusive === false ? `must be less than ${issue.maximum}` : `must be ${issue.maximum} or less`;
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'a field' : 'fields'} it does not allow here: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'is not in any of the allowed forms';
    default:
      return undefined;
  }
}

function fromZod(input: unknown, error: z.ZodError): CatalogueError[] {
  return error.issues.map((issue) => {
    const value = valueAt(input, issue.path);
    // A missing field reports as a wrong type; say what a person means by it.
    const message = issue.code === 'invalid_type' && value === undefined ? 'is required' : issue.message;
    return value === undefined
      ? { path: formatPath(issue.path), message }
      : { path: formatPath(issue.path), message, value };
  });
}

/**
 * The catalogue as zod would give it when every indicator is plain (plainIndicator): zod checks the
 * rest with the list set aside. Undefined otherwise, and then zod checks it all and words the errors.
 */
function plainCatalogue(input: unknown): Catalogue | undefined {
  if (typeof input !== 'object' || input === null || !Array.isArray((input as { indicators?: unknown }).indicators)) return undefined;
  const given = (input as { indicators: unknown[] }).indicators;
  const indicators: Indicator[] = new Array<Indicator>(given.length);
  for (let i = 0; i < given.length; i++) {
    const plain = plainIndicator(given[i]);
    if (!plain) return undefined;
    indicators[i] = plain;
  }
  const rest = catalogueSchema.safeParse({ ...input, indicators: [] }, { error: plainMessage });
  // The list goes back in its own place: key order is what a catalogue written back out shows.
  return rest.success ? { ...rest.data, indicators } : undefined;
}

/** Validate a parsed JSON value as a catalogue: the schema first, then the cross-checks zod cannot do. */
export function parseCatalogue(input: unknown): CatalogueResult {
  let catalogue = plainCatalogue(input);
  if (!catalogue) {
    const parsed = catalogueSchema.safeParse(input, { error: plainMessage });
    if (!parsed.success) return { ok: false, errors: fromZod(input, parsed.error) };
    catalogue = parsed.data;
  }
  const errors = crossCheck(catalogue);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, catalogue, errors: [] };
}

/** Parse catalogue JSON text; a syntax error is one error at the root. */
export function parseCatalogueText(textIn: string): CatalogueResult {
  const text = textIn.replace(/^\uFEFF/, '');
  const depth = nestingDepth(text);
  if (depth > MAX_JSON_DEPTH) {
    return { ok: false, errors: [{ path: '(root)', message: `nests lists and objects ${depth.toLocaleString('en-GB')} levels deep; a catalogue nests a few, so more than ${MAX_JSON_DEPTH} is refused` }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ path: '(root)', message: `is not valid JSON (${(e as Error).message})` }] };
  }
  // JSON.parse keeps the last of two equal keys: `"suppressBelow": 5, "suppressBelow": null` would quietly publish small numbers.
  const twice = duplicateKeys(text);
  if (twice.length > 0) return { ok: false, errors: twice.map((p) => ({ path: formatPath(p), message: DUPLICATE_KEY })) };
  return parseCatalogue(json);
}

// Zod-free helpers, in lookup.ts so that checking a return never loads the schema (start-up, issue 19).
export { describeCatalogueError, findIndicator } from './lookup';
