/**
 * Secondary suppression (ONS/NHS small-number guidance): a count hidden on the paper must not be
 * recoverable by arithmetic from what else the paper shows. Within one row the rules live in
 * suppress.ts (a percentage with its parts, a complement); this is the rule across cells: whenever
 * figures are tied by a sum (a rolling 12-month total and its four quarters on the Trends sheet;
 * a 12-month mean is the sum over four), no such sum may have exactly one hidden small count (or cell hidden to guard one), for that
 * figure would be the total less the rest. Enough further cells are hidden so that each has none
 * or at least two; the smallest shown part first (least information lost), the total only when no
 * part is left. Pure: a function of the cells and the sums, never of who reads them.
 */

export interface DisclosureCell {
  readonly id: string;
  /** Whether the cell shows its number (false: hidden already, as `<5` or blank). */
  readonly shown: boolean;
  /** The true value, to choose which shown cell costs least to hide. */
  readonly value: number;
  /** Hidden as a small count: it must not be derivable. */
  readonly sensitive: boolean;
  /** Shown in another export this function does not control (the quarter's own value in `--json`): never chosen to hide. */
  readonly fixed?: boolean;
}

/** `scale × total = sum of parts` (scale 1 for a sum, the number of parts for a mean). */
export interface SumRelation {
  readonly total: string;
  readonly parts: readonly string[];
}

/** The ids of the shown cells to hide as well, so no sum has exactly one hidden figure. */
export function secondarySuppression(cells: readonly DisclosureCell[], relations: readonly SumRelation[]): string[] {
  const byId = new Map(cells.map((c) => [c.id, c]));
  const hidden = new Set(cells.filter((c) => !c.shown).map((c) => c.id));
  const extra: string[] = [];
  const hide = (id: string): void => {
    hidden.add(id);
    extra.push(id);
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of relations) {
      const members = [r.total, ...r.parts].filter((id) => byId.has(id));
      if (members.length !== r.parts.length + 1) continue; // a figure not on the paper: the sum cannot be formed
      const unknown = members.filter((id) => hidden.has(id));
      // One unknown is derivable: harmless only when it is neither a small count nor hidden to guard one.
      if (unknown.length !== 1 || !(byId.get(unknown[0] as string)?.sensitive || extra.includes(unknown[0] as string))) continue;
      const parts = r.parts.filter((id) => !hidden.has(id) && byId.get(id)?.fixed !== true).sort((a, b) => (byId.get(a) as DisclosureCell).value - (byId.get(b) as DisclosureCell).value);
      hide(parts[0] ?? r.total);
      changed = true;
    }
  }
  return extra;
}
