import type { Catalogue, Indicator, Target } from './schema';
import type { CatalogueError } from './errors';
import { targetsToBeSet } from './accessors';

function push(out: CatalogueError[], path: string, message: string, value?: unknown): void {
  out.push(value === undefined ? { path, message } : { path, message, value });
}

function checkFinancialYears(c: Catalogue, out: CatalogueError[]): void {
  const seen = new Set<string>();
  c.financialYears.forEach((fy, i) => {
    const start = Number(fy.slice(0, 4));
    const end = Number(fy.slice(5, 7));
    if ((start + 1) % 100 !== end) push(out, `financialYears[${i}]`, `is not a financial year: ${start}-${String((start + 1) % 100).padStart(2, '0')} follows ${start}`, fy);
    if (seen.has(fy)) push(out, `financialYears[${i}]`, 'is listed twice', fy);
    seen.add(fy);
  });
}

function duplicates<T extends { id: string }>(items: readonly T[], base: string, out: CatalogueError[]): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    const key = item.id.toUpperCase();
    if (ids.has(key)) push(out, `${base}[${i}].id`, 'is used by an earlier entry; ids must be unique', item.id);
    ids.add(key);
  });
  return ids;
}

function targetValues(t: Target): number[] {
  if (t === null) return [];
  return typeof t === 'number' ? [t] : [t.min, t.max];
}

function checkQuantitative(ind: Indicator, c: Catalogue, at: string, out: CatalogueError[]): void {
  if (!ind.unit) push(out, `${at}.unit`, 'is required for a quantitative indicator');
  if (!ind.polarity) push(out, `${at}.polarity`, 'is required for a quantitative indicator (higher, lower, range or none)');
  const years = new Set(c.financialYears);
  const targets = ind.targets ?? {};
  for (const [fy, t] of Object.entries(targets)) {
    const p = `${at}.targets["${fy}"]`;
    if (!years.has(fy)) push(out, p, `is for a year not in financialYears (${c.financialYears.join(', ')})`, fy);
    if (t === null) continue;
    if (ind.polarity === 'range' && typeof t === 'number') push(out, p, 'must be a band { "min": a, "max": b } because polarity is "range"', t);
    if (ind.polarity !== 'range' && typeof t !== 'number') push(out, p, 'must be a number (a band is only for polarity "range")', t);
    if (typeof t !== 'number' && t.min > t.max) push(out, p, 'has min above max', t);
    const r = ind.range;
    for (const v of targetValues(t)) {
      if (r?.min !== undefined && v < r.min) push(out, p, `is below the valid range minimum ${r.min}`, v);
      if (r?.max !== undefined && v > r.max) push(out, p, `is above the valid range maximum ${r.max}`, v);
    }
  }
  for (const [fy, floor] of Object.entries(ind.floor ?? {})) {
    const p = `${at}.floor["${fy}"]`;
    const t = targets[fy];
    if (!years.has(fy)) push(out, p, 'is for a year not in financialYears', fy);
    if (typeof t !== 'number') continue;
    if (ind.polarity === 'higher' && floor > t) push(out, p, `is above that year's target ${t}; for "higher" the floor must be at or below the target`, floor);
    if (ind.polarity === 'lower' && floor < t) push(out, p, `is below that year's target ${t}; for "lower" the floor (a ceiling) must be at or above the target`, floor);
  }
  if (ind.floor && (ind.polarity === 'range' || ind.polarity === 'none')) push(out, `${at}.floor`, `does not apply to polarity "${ind.polarity}"`);
}

function checkIndicator(ind: Indicator, i: number, c: Catalogue, refs: { priorities: Set<string>; flagships: Map<string, string> }, out: CatalogueError[]): void {
  const at = `indicators[${i}]`;
  if (!refs.priorities.has(ind.priority.toUpperCase())) push(out, `${at}.priority`, 'does not match any priority id', ind.priority);
  if (ind.flagship) {
    const owner = refs.flagships.get(ind.flagship.toUpperCase());
    if (owner === undefined) push(out, `${at}.flagship`, 'does not match any flagship action id', ind.flagship);
    else if (owner !== ind.priority.toUpperCase()) push(out, `${at}.flagship`, `belongs to priority ${owner}, not ${ind.priority}`, ind.flagship);
  }
  const r = ind.range;
  if (r?.min !== undefined && r.max !== undefined && r.min > r.max) push(out, `${at}.range`, 'has min above max', r);
  if (ind.frequency === 'annual' && ind.dueQuarters.length !== 1) push(out, `${at}.dueQuarters`, 'must name exactly one quarter for an annual measure', ind.dueQuarters);
  if (new Set(ind.dueQuarters).size !== ind.dueQuarters.length) push(out, `${at}.dueQuarters`, 'lists a quarter twice', ind.dueQuarters);
  if (ind.kind === 'quantitative') checkQuantitative(ind, c, at, out);
}

/** The checks zod cannot do alone: uniqueness, references, and sense between fields. */
export function crossCheck(c: Catalogue): CatalogueError[] {
  const out: CatalogueError[] = [];
  checkFinancialYears(c, out);
  const priorities = duplicates(c.priorities, 'priorities', out);
  const flagshipList = c.flagshipActions ?? [];
  duplicates(flagshipList, 'flagshipActions', out);
  const flagships = new Map<string, string>();
  flagshipList.forEach((fa, i) => {
    if (!priorities.has(fa.priority.toUpperCase())) push(out, `flagshipActions[${i}].priority`, 'does not match any priority id', fa.priority);
    flagships.set(fa.id.toUpperCase(), fa.priority.toUpperCase());
  });
  const indicatorIds = duplicates(c.indicators, 'indicators', out);
  c.indicators.forEach((ind, i) => checkIndicator(ind, i, c, { priorities, flagships }, out));
  (c.changes ?? []).forEach((ch, i) => {
    // A removed indicator may be gone from the list; its removal entry still stands.
    if (ch.change !== 'removed' && !indicatorIds.has(ch.indicator.toUpperCase())) push(out, `changes[${i}].indicator`, 'does not match any indicator id', ch.indicator);
    if (ch.year !== undefined && !c.financialYears.includes(ch.year)) push(out, `changes[${i}].year`, 'is not in financialYears', ch.year);
  });
  return out;
}

/**
 * What is valid but worth saying when the catalogue is checked: indicators whose targets are still
 * to be set (rated Tracking until the BI team sets one). Same shape as an error; never refuses.
 */
export function catalogueWarnings(c: Catalogue): CatalogueError[] {
  const out: CatalogueError[] = [];
  c.indicators.forEach((ind, i) => {
    if (targetsToBeSet(ind)) push(out, `indicators[${i}].targets`, `has no target for any year: the targets of ${ind.id} are still to be set, so it is rated Tracking until one is set`);
  });
  return out;
}
