import fc from 'fast-check';
import { UNITS } from '../../src/core/catalogue/constants';
import { displayNumberFormat, formatValue } from '../../src/core/format';
import { excelRound } from '../../src/core/excel-round';
import type { Unit } from '../../src/core/catalogue/schema';

// formatValue as first written, before the short cut for figures under a thousand (issue 19): the
// paper's text and the data fingerprint depend on it, so the short cut must give exactly this.
function obviousFormat(v: number, unit: Unit | undefined, decimals: number): string {
  const r = excelRound(v, decimals);
  const fixed = Math.abs(r).toFixed(decimals);
  const [int = '0', frac] = fixed.split('.');
  const n = `${r < 0 ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
  switch (unit) {
    case 'percent': return `${n}%`;
    case 'days': return `${n} days`;
    case 'currency': return r < 0 ? `-£${n.slice(1)}` : `£${n}`;
    default: return n;
  }
}

const units = fc.constantFrom<Unit | undefined>(undefined, ...UNITS);
const near = fc.oneof(fc.double({ min: -2000, max: 2000, noNaN: true }), fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100),
  fc.constantFrom(999.95, 999.949, -999.96, 0.05, -0.04, 1e21, -1e21, 123456789.125), fc.double({ noNaN: true, noDefaultInfinity: true }));

describe('formatValue', () => {
  it('writes what the obvious formatter writes, across the thousand where the comma starts (property)', () => {
    fc.assert(fc.property(near, units, fc.integer({ min: 0, max: 4 }), (v, unit, d) => formatValue(v, unit, d) === obviousFormat(v, unit, d)), { numRuns: 10000 });
  });

  it('puts the comma in once a figure rounds to a thousand', () => {
    expect(formatValue(999.95, undefined, 1)).toBe('1,000.0');
    expect(formatValue(999.94, 'percent', 1)).toBe('999.9%');
    expect(formatValue(-1234.5, 'currency', 0)).toBe('-£1,235');
  });
});

describe('displayNumberFormat', () => {
  it('gives the same format each time it is asked, for every unit and number of decimals', () => {
    for (const unit of [undefined, ...UNITS]) {
      for (let d = 0; d <= 4; d++) {
        const base = `#,##0${d > 0 ? `.${'0'.repeat(d)}` : ''}`;
        const want = unit === 'percent' ? `${base}"%"` : unit === 'days' ? `${base}" days"` : unit === 'currency' ? `"£"${base}` : base;
        expect(displayNumberFormat(unit, d)).toBe(want);
        expect(displayNumberFormat(unit, d)).toBe(want);
      }
    }
  });
});
