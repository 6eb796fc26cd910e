import fc from 'fast-check';
import { excelRound, sum15, to15 } from '../../src/core/excel-round';

/** Decimal places in a number's shortest form (`1.5e-7` has 8). */
function decimalsIn(x: number): number {
  const [mantissa = '', exp = '0'] = Math.abs(x).toString().split('e');
  const frac = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, frac - Number(exp));
}
const plus0 = (x: number): number => x + 0; // -0 → 0: Excel has no negative zero

describe('excelRound agrees with Excel where binary floats mislead', () => {
  it.each([
    [1.005, 2, 1.01],
    [71.725, 2, 71.73],
    [90.245, 2, 90.25],
    [0.855 * 100, 0, 86],
    [0.145 * 100, 1, 14.5],
    [1.015, 2, 1.02],
    [2.675, 2, 2.68],
    [1.45, 1, 1.5],
    [8.345, 2, 8.35],
    [0.285, 2, 0.29],
    [79.95, 1, 80],
    [79.96, 1, 80],
    [79.94, 1, 79.9],
    [0.1 + 0.2, 1, 0.3],
    [0.1 + 0.2, 15, 0.3],
    [2.5, 0, 3],
    [3.5, 0, 4],
    [0.5, 0, 1],
    [0.49999999999999994, 0, 1], // 15 significant digits first: it is 0.5 to Excel
  ])('ROUND(%p, %i) = %p', (x, d, want) => {
    expect(excelRound(x, d)).toBe(want);
  });

  it.each([
    [-2.5, 0, -3],
    [-1.005, 2, -1.01],
    [-71.725, 2, -71.73],
    [-0.5, 0, -1],
    [-1.45, 1, -1.5],
    [-0.001, 2, 0],
    [-0.4, 0, 0],
  ])('rounds negatives half away from zero: ROUND(%p, %i) = %p', (x, d, want) => {
    expect(excelRound(x, d)).toBe(want);
  });

  it.each([
    [1234.5, -2, 1200],
    [1250, -2, 1300],
    [-1250, -2, -1300],
    [49, -2, 0],
    [50, -2, 100],
    [5, -1, 10],
    [4, -1, 0],
    [123, -5, 0],
    [987654, -3, 988000],
  ])('takes negative digits to tens, hundreds…: ROUND(%p, %i) = %p', (x, d, want) => {
    expect(excelRound(x, d)).toBe(want);
  });

  it.each([
    [123456789012345678, 0, 123456789012346000],
    [12345678901234.5, 0, 12345678901235],
    [1e21, 2, 1e21],
    [1.7976931348623157e308, 0, 1.79769313486232e308],
    [1.5e-10, 2, 0],
    [1.5e-10, 10, 2e-10],
    [1.25e-10, 11, 1.3e-10],
    [-1.25e-10, 11, -1.3e-10],
    [5e-324, 2, 0],
    [123.456, 20, 123.456],
  ])('handles large and tiny numbers: ROUND(%p, %i) = %p', (x, d, want) => {
    expect(excelRound(x, d)).toBe(want);
  });

  it.each([
    [1.55, 1.9, 1.6],
    [1234, -1.5, 1230],
  ])('truncates fractional digits as Excel does: ROUND(%p, %p) = %p', (x, d, want) => {
    expect(excelRound(x, d)).toBe(want);
  });

  it('passes through zero, infinities and NaN', () => {
    expect(excelRound(0, 2)).toBe(0);
    expect(excelRound(Infinity, 2)).toBe(Infinity);
    expect(excelRound(-Infinity, 2)).toBe(-Infinity);
    expect(excelRound(NaN, 2)).toBeNaN();
  });

  it('never gives negative zero for a small negative', () => {
    expect(Object.is(excelRound(-0.001, 2), 0)).toBe(true);
    expect(Object.is(excelRound(-1e-300, 0), 0)).toBe(true);
  });
});

describe('to15', () => {
  it.each([
    [0.145 * 100, 14.5],
    [0.1 + 0.2, 0.3],
    [1 / 3, 0.333333333333333],
    [0, 0],
  ])('to15(%p) = %p', (x, want) => {
    expect(to15(x)).toBe(want);
  });
});

describe('sum15', () => {
  it.each([
    [498.5, -491.2, 7.3],
    [0.1, 0.2, 0.3],
    [80, -4, 76],
    [85, -4.25, 80.75],
    [1e-20, 1e-20, 2e-20],
    [-5, 5, 0],
    [0, 0, 0],
  ])('sum15(%p, %p) = %p', (a, b, want) => {
    expect(sum15(a, b)).toBe(want);
  });

  it('stays within 15 significant digits of the larger operand of the true sum', () => {
    const n = fc.double({ min: -1e12, max: 1e12, noNaN: true });
    fc.assert(fc.property(n, n, (a, b) => {
      const big = Math.max(Math.abs(a), Math.abs(b));
      expect(Math.abs(sum15(a, b) - (a + b))).toBeLessThanOrEqual(big * 1e-14 + 1e-300);
    }), { numRuns: 2000 });
  });
});

describe('excelRound properties', () => {
  const digits = fc.integer({ min: 0, max: 8 });
  const value = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });
  const anyFinite = fc.double({ noNaN: true, noDefaultInfinity: true });

  it('leaves at most d decimals', () => {
    fc.assert(fc.property(anyFinite, digits, (x, d) => {
      expect(decimalsIn(excelRound(x, d))).toBeLessThanOrEqual(d);
    }), { numRuns: 2000 });
  });

  it('moves a value by at most half a unit in the last place kept', () => {
    fc.assert(fc.property(value, digits, (x, d) => {
      const slack = Math.abs(x) * 1e-14 + 1e-300;
      expect(Math.abs(excelRound(x, d) - x)).toBeLessThanOrEqual(0.5 * 10 ** -d + slack);
    }), { numRuns: 2000 });
  });

  it('is idempotent', () => {
    fc.assert(fc.property(anyFinite, fc.integer({ min: -4, max: 8 }), (x, d) => {
      const once = excelRound(x, d);
      expect(excelRound(once, d)).toBe(once);
    }), { numRuns: 2000 });
  });

  it('is odd: ROUND(-x) = -ROUND(x)', () => {
    fc.assert(fc.property(anyFinite, fc.integer({ min: -4, max: 8 }), (x, d) => {
      expect(plus0(excelRound(-x, d))).toBe(plus0(-excelRound(x, d)));
    }), { numRuns: 2000 });
  });

  it('keeps order: x ≤ y gives ROUND(x) ≤ ROUND(y)', () => {
    fc.assert(fc.property(value, value, digits, (x, y, d) => {
      const [lo, hi] = x <= y ? [x, y] : [y, x];
      expect(excelRound(lo, d)).toBeLessThanOrEqual(excelRound(hi, d));
    }), { numRuns: 2000 });
  });

  // Independent oracle: build the decimal k.5 (scaled) as text, round it with BigInt arithmetic.
  it('rounds an exact half away from zero, checked with BigInt on the decimal text', () => {
    const halves = fc.record({
      k: fc.bigInt({ min: 0n, max: 10n ** 13n }),
      d: fc.integer({ min: 0, max: 6 }),
      negative: fc.boolean(),
    }).filter(({ k, d }) => (k * 10n + 5n).toString().length <= 15 && (k * 10n + 5n).toString().length > d);
    fc.assert(fc.property(halves, ({ k, d, negative }) => {
      const digitsText = (k * 10n + 5n).toString().padStart(d + 2, '0');
      const point = digitsText.length - (d + 1);
      const text = `${negative ? '-' : ''}${digitsText.slice(0, point)}.${digitsText.slice(point)}`;
      const expected = Number(`${negative ? '-' : ''}${(k + 1n).toString()}e-${d}`);
      expect(excelRound(Number(text), d)).toBe(expected);
    }), { numRuns: 3000 });
  });

  it('rounds a decimal just under a half down, checked with BigInt on the decimal text', () => {
    const below = fc.record({
      k: fc.bigInt({ min: 0n, max: 10n ** 12n }),
      d: fc.integer({ min: 0, max: 5 }),
    }).filter(({ k }) => (k * 100n + 49n).toString().length <= 15);
    fc.assert(fc.property(below, ({ k, d }) => {
      const digitsText = (k * 100n + 49n).toString().padStart(d + 3, '0');
      const point = digitsText.length - (d + 2);
      const text = `${digitsText.slice(0, point)}.${digitsText.slice(point)}`;
      expect(excelRound(Number(text), d)).toBe(Number(`${k.toString()}e-${d}`));
    }), { numRuns: 2000 });
  });
});

describe('excelRound short cut for figures with no more decimals than asked', () => {
  // The digit walk excelRound used for every figure before it had a short cut (issue 19: it was
  // 0.6 s of a 200-return consolidate); the short cut must give exactly what this gives.
  function digitWalk(x: number, digitsIn: number): number {
    if (!Number.isFinite(x) || x === 0) return x;
    const digits = Math.trunc(digitsIn);
    const sign = x < 0 ? -1 : 1;
    const s = Math.abs(x).toPrecision(15);
    const [mantissa = '0', expText] = s.split('e');
    const exp = expText === undefined ? 0 : Number(expText);
    const [intPart = '0', fracPart = ''] = mantissa.split('.');
    const digitsAll = intPart + fracPart;
    const keep = intPart.length + exp + digits;
    if (keep < 0) return 0;
    if (keep >= digitsAll.length) return sign * Number(s);
    let kept = BigInt(digitsAll.slice(0, keep) || '0');
    if ((digitsAll[keep] ?? '0') >= '5') kept += 1n;
    if (kept === 0n) return 0;
    return sign * Number(`${kept}e${-digits}`);
  }
  const typed = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 })).map(([n, k]) => n / 10 ** k);
  const digits = fc.integer({ min: -3, max: 9 });

  it('agrees with the digit walk on figures as leads type them', () => {
    fc.assert(fc.property(typed, digits, (x, d) => expect(excelRound(x, d)).toBe(digitWalk(x, d))), { numRuns: 5000 });
  });

  it('agrees with the digit walk on whole numbers, either side of 15 digits', () => {
    const whole = fc.oneof(fc.integer(), fc.integer({ min: -(10 ** 16), max: 10 ** 16 }), fc.constantFrom(1e15 - 1, 1e15, 1e15 + 2, -(1e15 - 1), -1e15, 2 ** 53 + 2));
    fc.assert(fc.property(whole, digits, (x, d) => expect(excelRound(x, d)).toBe(digitWalk(x, d))), { numRuns: 5000 });
  });

  it('agrees with the digit walk on any finite number', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), digits, (x, d) => expect(excelRound(x, d)).toBe(digitWalk(x, d))), { numRuns: 5000 });
  });
});
