import type { Catalogue, Indicator } from './schema';
import type { CatalogueError } from './errors';

/** What reading a catalogue or checking a return needs of it, without zod: parse.ts re-exports these. */

export function describeCatalogueError(e: CatalogueError): string {
  const shown = e.value === undefined ? '' : ` (found ${JSON.stringify(e.value)?.slice(0, 80)})`;
  return `${e.path} ${e.message}${shown}`;
}

interface RefIndex {
  readonly list: readonly Indicator[];
  readonly length: number;
  readonly byRef: ReadonlyMap<string, Indicator>;
}
const indexes = new WeakMap<Catalogue, RefIndex>();

/** The indicator with this ref (case and surrounding spaces ignored); one index per catalogue, rebuilt if its list changes. */
export function findIndicator(catalogue: Catalogue, id: string): Indicator | undefined {
  let index = indexes.get(catalogue);
  if (!index || index.list !== catalogue.indicators || index.length !== catalogue.indicators.length) {
    const byRef = new Map<string, Indicator>();
    for (const ind of catalogue.indicators) if (!byRef.has(ind.id.toUpperCase())) byRef.set(ind.id.toUpperCase(), ind);
    index = { list: catalogue.indicators, length: catalogue.indicators.length, byRef };
    indexes.set(catalogue, index);
  }
  return index.byRef.get(id.trim().toUpperCase());
}
