import type { Indicator } from '../catalogue/schema';
import { excelRound } from '../excel-round';
import { displayNumberFormat, formatValue } from '../format';
import type { Shown } from './suppress';

/** A value as the paper shows it: `value` (already rounded) is written as a number, else `text`. */
export interface CabinetValue {
  readonly text: string;
  readonly value?: number;
  readonly numFmt?: string;
  readonly suppressed: boolean;
}

const BLANK_VALUE: CabinetValue = { text: '', suppressed: false };

/** A value through suppression as the paper shows it; a numerator or denominator (`part`) as a plain count or to 2 places. */
export function toValue(s: Shown, ind: Pick<Indicator, 'unit'>, decimals: number, part: boolean): CabinetValue {
  switch (s.kind) {
    case 'blank':
      // One object for every blank: most rows' numerator and denominator, kept as long as the paper (never changed once made).
      return BLANK_VALUE;
    case 'text':
      return { text: s.text, suppressed: false };
    case 'suppressed':
      return { text: s.text, suppressed: true };
    case 'number': {
      const dp = part ? (Number.isInteger(s.value) ? 0 : 2) : decimals;
      const unit = part ? undefined : ind.unit;
      const value = excelRound(s.value, dp);
      return { text: formatValue(value, unit, dp), value, numFmt: displayNumberFormat(unit, dp), suppressed: false };
    }
  }
}
