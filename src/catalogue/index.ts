import data from './default-catalogue.json';
import type { Catalogue } from '../core/catalogue/schema';

/** Label for the embedded default, shown wherever the catalogue in use is named (pane, CLI, Cabinet sheet). */
export const DEFAULT_CATALOGUE_NAME = `Harrow Corporate Scorecard 2023-26 (embedded default, version ${data.version})`;

/**
 * The catalogue that ships with the product, as a fresh deep copy each call so a caller that edits
 * it (an import preview, a test) cannot change what the next caller gets.
 *
 * It is not run through the schema here: that is a build-time fact, not a user's data problem, and
 * zod (its load, the schema's construction and the parse) was a third of `scorecard validate`'s
 * start-up (issue 19). test/catalogue/default-catalogue.test.ts holds it: the embedded JSON passes
 * the schema and every cross-check, and the schema's output is this JSON unchanged, so a catalogue
 * read from a file and this one are the same kind of value.
 */
export function defaultCatalogue(): Catalogue {
  return JSON.parse(JSON.stringify(data)) as Catalogue;
}
