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
      return numberValue(s.value, unit, dp);
    }
  }
}

/** The value as first written: rounded, formatted, its number format. */
export function makeNumberValue(raw: number, unit: Indicator['unit'], dp: number): CabinetValue {
  const value = excelRound(raw, dp);
  return { text: formatValue(value, unit, dp), value, numFmt: displayNumberFormat(unit, dp), suppressed: false };
}

/**
 * One value object per figure, unit and decimals: targets, benchmarks and many actuals repeat across
 * a paper's rows (30,000 rows made ~60,000 objects, kept as long as the paper, and formatted each).
 * -0 is made afresh (a map's key takes it for 0); each map is bounded so odd papers never pile up.
 */
const NUMBER_VALUES = new Map<Indicator['unit'], Map<number, CabinetValue>[]>();
const NUMBER_VALUES_MAX = 20000;

function numberValue(raw: number, unit: Indicator['unit'], dp: number): CabinetValue {
  if (Object.is(raw, -0) || !Number.isInteger(dp) || dp < 0 || dp > 30) return makeNumberValue(raw, unit, dp);
  let byDp = NUMBER_VALUES.get(unit);
  if (!byDp) NUMBER_VALUES.set(unit, (byDp = []));
  let values = byDp[dp];
  if (!values) byDp[dp] = values = new Map();
  let v = values.get(raw);
  if (v === undefined) {
    if (values.size >= NUMBER_VALUES_MAX) values.clear();
    values.set(raw, (v = makeNumberValue(raw, unit, dp)));
  }
  return v;
}
