import data from './default-catalogue.json';
import { describeCatalogueError, parseCatalogue } from '../core/catalogue/parse';
import type { Catalogue } from '../core/catalogue/schema';

/** Label for the embedded default, shown wherever the catalogue in use is named (pane, CLI, Cabinet sheet). */
export const DEFAULT_CATALOGUE_NAME = `Harrow Corporate Scorecard 2023-26 (embedded default, version ${data.version})`;

/**
 * The catalogue that ships with the product, validated, as a fresh deep copy each call so a
 * caller that edits it (an import preview, a test) cannot change what the next caller gets.
 * Invalid embedded data is a build fault, not a user's data problem, so it throws.
 */
export function defaultCatalogue(): Catalogue {
  const copy: unknown = JSON.parse(JSON.stringify(data));
  const result = parseCatalogue(copy);
  if (!result.ok) {
    const lines = result.errors.map((e) => `  ${describeCatalogueError(e)}`);
    throw new Error(`The embedded default catalogue is invalid:\n${lines.join('\n')}`);
  }
  return result.catalogue;
}
