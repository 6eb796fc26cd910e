import type { z } from 'zod';
import { catalogueSchema, type Catalogue, type Indicator } from './schema';
import { crossCheck } from './cross-check';

/** One problem with a catalogue: where it is (`indicators[1].polarity`), why, and what was there. */
export interface CatalogueError {
  readonly path: string;
  readonly message: string;
  readonly value?: unknown;
}

export type CatalogueResult =
  | { readonly ok: true; readonly catalogue: Catalogue; readonly errors: readonly [] }
  | { readonly ok: false; readonly errors: readonly CatalogueError[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(root)';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = root;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

function fromZod(input: unknown, error: z.ZodError): CatalogueError[] {
  return error.issues.map((issue) => {
    const value = valueAt(input, issue.path);
    const message = issue.code === 'invalid_type' && value === undefined ? 'is required' : issue.message;
    return value === undefined
      ? { path: formatPath(issue.path), message }
      : { path: formatPath(issue.path), message, value };
  });
}

/** Validate a parsed JSON value as a catalogue: the schema first, then the cross-checks zod cannot do. */
export function parseCatalogue(input: unknown): CatalogueResult {
  const parsed = catalogueSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fromZod(input, parsed.error) };
  const errors = crossCheck(parsed.data);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, catalogue: parsed.data, errors: [] };
}

/** Parse catalogue JSON text; a syntax error is one error at the root. */
export function parseCatalogueText(textIn: string): CatalogueResult {
  let json: unknown;
  try {
    json = JSON.parse(textIn.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [{ path: '(root)', message: `is not valid JSON (${(e as Error).message})` }] };
  }
  return parseCatalogue(json);
}

export function describeCatalogueError(e: CatalogueError): string {
  const shown = e.value === undefined ? '' : ` (found ${JSON.stringify(e.value)?.slice(0, 80)})`;
  return `${e.path} ${e.message}${shown}`;
}

export function findIndicator(catalogue: Catalogue, id: string): Indicator | undefined {
  const want = id.trim().toUpperCase();
  return catalogue.indicators.find((i) => i.id.toUpperCase() === want);
}
