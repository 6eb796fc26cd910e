import type { Catalogue } from '../core/catalogue/schema';
import { findIndicator } from '../core/catalogue/lookup';
import { plural } from '../core/words';

/** Up to this many refs are listed on one line, as always; more are grouped by service. */
export const LIST_ALL_UP_TO = 20;
/** Services named, and refs shown for each, when the missing are grouped. */
const SERVICES_SHOWN = 20;
const REFS_SHOWN = 5;

const NO_SERVICE = '(not in the catalogue)';

/**
 * The "Missing" lines of a consolidate report. A handful of refs are listed as they are; thousands
 * (a whole service's return not sent, at a large council) would be a wall of text nobody reads, so
 * they are counted per service — who to chase — with the first refs of each; --json lists every one.
 */
export function missingLines(catalogue: Catalogue, missing: readonly string[]): string[] {
  if (missing.length === 0) return [];
  const head = 'Missing (due, no return gave them)';
  if (missing.length <= LIST_ALL_UP_TO) return [`${head}: ${missing.join(', ')}`];
  const byService = new Map<string, string[]>();
  for (const ref of missing) {
    const service = findIndicator(catalogue, ref)?.service ?? NO_SERVICE;
    const refs = byService.get(service);
    if (refs) refs.push(ref);
    else byService.set(service, [ref]);
  }
  const services = [...byService].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const lines = [`${head}: ${plural(missing.length, 'indicator')} from ${plural(services.length, 'service')} (--json lists every one):`];
  for (const [service, refs] of services.slice(0, SERVICES_SHOWN)) {
    const shown = refs.slice(0, REFS_SHOWN).join(', ');
    lines.push(`  ${service}: ${plural(refs.length, 'indicator')} (${shown}${refs.length > REFS_SHOWN ? ', …' : ''})`);
  }
  const rest = services.slice(SERVICES_SHOWN);
  if (rest.length > 0) {
    const count = rest.reduce((n, [, refs]) => n + refs.length, 0);
    lines.push(`  … and ${plural(rest.length, 'more service')}, ${plural(count, 'indicator')} between them`);
  }
  return lines;
}
