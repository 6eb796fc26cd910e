import type { Catalogue, Indicator, Target, Tolerance } from './schema';
import { quarterName, type Period } from '../period';

/** What the catalogue says about one indicator, with the catalogue's defaults applied. */

type Defaults = Catalogue['defaults'];

export function decimalsOf(ind: Indicator, defaults?: Defaults): number {
  return ind.decimals ?? defaults?.decimals ?? (ind.unit === 'number' ? 0 : 1);
}

export function toleranceOf(ind: Indicator, defaults?: Defaults): Tolerance {
  return ind.tolerance ?? defaults?.tolerance ?? { absolute: 0 };
}

/** The annual target for a financial year (`2023-24`); null when the catalogue sets none. */
export function targetFor(ind: Indicator, year: string): Target {
  return ind.targets?.[year] ?? null;
}

/** Whether the indicator expects a value in this period. */
export function isDue(ind: Pick<Indicator, 'dueQuarters'>, p: Period): boolean {
  return ind.dueQuarters.includes(quarterName(p));
}
