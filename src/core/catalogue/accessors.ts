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

/**
 * A quantitative indicator rated against a target (polarity other than none) whose targets are
 * still to be set: no target for any year. Valid ("baseline year, target to be set"): it is rated
 * Tracking, and a return holding it gets a `target-to-be-set` warning.
 */
export function targetsToBeSet(ind: Indicator): boolean {
  if (ind.kind !== 'quantitative' || !ind.polarity || ind.polarity === 'none') return false;
  return Object.values(ind.targets ?? {}).every((t) => t === null);
}

/** Whether the indicator expects a value in this period. */
export function isDue(ind: Pick<Indicator, 'dueQuarters'>, p: Period): boolean {
  return ind.dueQuarters.includes(quarterName(p));
}

/** Whether a return's signer must be someone other than its preparer (yes unless the catalogue says `signOff: { separateSigner: false }`). */
export function separateSigner(catalogue: Pick<Catalogue, 'signOff'>): boolean {
  return catalogue.signOff?.separateSigner !== false;
}
