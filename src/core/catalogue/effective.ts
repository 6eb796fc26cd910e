import { profiledTarget } from './target-profile';
import { comparePeriods, formatPeriod, parsePeriod, periodEndDate, periodOfDate, type Period } from '../period';
import type { Catalogue, CatalogueChange, Indicator } from './schema';
import { polarityShape, targetShape, toleranceShape } from './shapes';

/** Optional indicator fields (loose schema): the period an indicator starts or stops being reported. */
interface LifeFields {
  readonly addedIn?: unknown;
  readonly removedIn?: unknown;
}

export type IndicatorState = 'active' | 'not-yet-added' | 'removed';

const same = (a: string, b: string): boolean => a.trim().toUpperCase() === b.trim().toUpperCase();

/** The financial year a change is for: its own `year`, else the year its date falls in. */
export function changeYear(c: CatalogueChange): string | undefined {
  return c.year ?? periodOfDate(c.date)?.year;
}

/**
 * Whether an indicator is reported in a period. A change takes effect in the quarter containing its
 * date (the quarter reported after it was made): added on or before the period's end makes it due,
 * removed on or before the period's end makes it not due. The latest such change wins, so an
 * indicator retired and brought back is due again. `addedIn` / `removedIn` periods say the same.
 */
export function indicatorState(catalogue: Catalogue, ind: Indicator, period: Period): IndicatorState {
  const end = periodEndDate(period);
  const life = (catalogue.changes ?? [])
    .filter((c) => same(c.indicator, ind.id) && (c.change === 'added' || c.change === 'removed'))
    .sort((a, b) => a.date.localeCompare(b.date));
  const done = life.filter((c) => c.date <= end);
  const latest = done.at(-1);
  if (latest?.change === 'removed') return 'removed';
  if (!latest && life[0]?.change === 'added') return 'not-yet-added';
  const fields = ind as LifeFields;
  const addedIn = typeof fields.addedIn === 'string' ? parsePeriod(fields.addedIn) : undefined;
  const removedIn = typeof fields.removedIn === 'string' ? parsePeriod(fields.removedIn) : undefined;
  if (removedIn && comparePeriods(period, removedIn) >= 0) return 'removed';
  if (addedIn && comparePeriods(period, addedIn) < 0) return 'not-yet-added';
  return 'active';
}

/** Undo one change on an indicator: put back its `from`, when `from` is a value of the right shape. */
function undo(ind: Indicator, c: CatalogueChange): Indicator {
  const year = changeYear(c);
  switch (c.change) {
    case 'target': {
      const from = targetShape(c.from);
      return from.ok && year ? { ...ind, targets: { ...ind.targets, [year]: from.value } } : ind;
    }
    case 'floor': {
      if (!year) return ind;
      const { [year]: _dropped, ...rest } = ind.floor ?? {};
      if (c.from === null || c.from === undefined) return { ...ind, floor: rest };
      return typeof c.from === 'number' ? { ...ind, floor: { ...rest, [year]: c.from } } : ind;
    }
    case 'tolerance': {
      const from = toleranceShape(c.from);
      return from.ok ? { ...ind, tolerance: from.value } : ind;
    }
    case 'polarity': {
      const from = polarityShape(c.from);
      return from.ok ? { ...ind, polarity: from.value } : ind;
    }
    case 'definition':
      return typeof c.from === 'string' ? { ...ind, definition: c.from } : ind;
    case 'title':
      return typeof c.from === 'string' && c.from.trim() !== '' ? { ...ind, title: c.from } : ind;
    default:
      return ind;
  }
}

/** A cumulative measure's quarter target from its profile; a floor scales with it. */
function withProfile(ind: Indicator, period: Period): Indicator {
  const annual = ind.targets?.[period.year];
  const step = profiledTarget(ind, period);
  if (typeof annual !== 'number' || typeof step !== 'number' || step === annual) return ind;
  const floor = ind.floor?.[period.year];
  const scaled = floor !== undefined && annual !== 0 ? { floor: { ...ind.floor, [period.year]: (floor * step) / annual } } : {};
  return { ...ind, targets: { ...ind.targets, [period.year]: step }, ...scaled };
}

export interface EffectiveOptions {
  /** Put each cumulative measure's quarterly profile step in place of the annual target (default true). */
  readonly profiledTargets?: boolean;
}

/**
 * The catalogue as it applied to a period, so RAG for an earlier quarter keeps the target of the day:
 * changes dated after the period's end are undone (newest first, using their `from`), indicators not yet
 * added or already removed are left out, and the change log keeps only changes made by the period's end.
 * With profiledTargets, `targets[year]` of a cumulative measure is that quarter's profile step, so rag()
 * and the Cabinet's Target column use it unchanged. Pure: the input is not changed.
 */
export function effectiveCatalogue(catalogue: Catalogue, period: Period, options: EffectiveOptions = {}): Catalogue {
  // Every core entry point (validate, template, consolidate, the Cabinet model) calls this, so it is
  // worked out once per catalogue and period; the answer is its own effective catalogue (idempotent),
  // and the per-catalogue indexes (findIndicator, services) stay warm across 200 returns.
  const key = `${formatPeriod(period)}|${options.profiledTargets === false ? 'annual' : 'profiled'}`;
  const known = memo.get(catalogue)?.get(key);
  if (known) return known;
  const out = computeEffective(catalogue, period, options);
  remember(catalogue, key, out);
  remember(out, key, out);
  return out;
}

const memo = new WeakMap<Catalogue, Map<string, Catalogue>>();

function remember(from: Catalogue, key: string, to: Catalogue): void {
  let byKey = memo.get(from);
  if (!byKey) memo.set(from, (byKey = new Map()));
  byKey.set(key, to);
}

function computeEffective(catalogue: Catalogue, period: Period, options: EffectiveOptions): Catalogue {
  const end = periodEndDate(period);
  const later = (catalogue.changes ?? []).filter((c) => c.date > end).sort((a, b) => b.date.localeCompare(a.date));
  const indicators = catalogue.indicators
    .filter((ind) => indicatorState(catalogue, ind, period) === 'active')
    .map((ind) => {
      const undone = later.filter((c) => same(c.indicator, ind.id)).reduce(undo, ind);
      return options.profiledTargets === false ? undone : withProfile(undone, period);
    });
  const changes = (catalogue.changes ?? []).filter((c) => c.date <= end);
  return { ...catalogue, indicators, ...(catalogue.changes ? { changes } : {}) };
}
