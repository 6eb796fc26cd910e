import { ragLabel } from '../plan/palette';
import type { ShownStatus } from './suppress';

export const WITHHELD_LABEL = 'Withheld (small numbers)';

/** `✖ Red`, or the withheld label: a shown status as the paper writes it, colour never the only signal. */
export function statusLabel(s: ShownStatus): string {
  return s === 'Withheld' ? WITHHELD_LABEL : ragLabel(s);
}
