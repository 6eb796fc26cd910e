import fc from 'fast-check';
import type { Direction } from '../../../src/core/direction';
import type { RagStatus } from '../../../src/core/rag';
import { countBucket, SECONDARY_TEXT, shownDirection, shownStatus, suppressCount, suppressValues, type Shown } from '../../../src/core/cabinet/suppress';

const count5 = { suppressBelow: 5, unit: 'number' as const };
const pct5 = { suppressBelow: 5, unit: 'percent' as const };
const hidden = (text: string): Shown => ({ kind: 'suppressed', text });

describe('suppressCount', () => {
  it.each([
    [0, { kind: 'number', value: 0 }],
    [1, hidden('<5')],
    [4, hidden('<5')],
    [4.4, hidden('<5')],
    [5, { kind: 'number', value: 5 }],
    [120, { kind: 'number', value: 120 }],
    ['<5', hidden('<5')],
    ['<3', hidden('<5')],
    ['< 10', hidden('<10')],
    ['3 children', hidden('<5')],
    [null, { kind: 'blank' }],
  ] as [number | string | null, Shown][])('%p with suppressBelow 5 shows as %p', (v, want) => {
    expect(suppressCount(v, count5)).toEqual(want);
  });

  it('hides zero only when the indicator says so', () => {
    expect(suppressCount(0, { suppressBelow: 5, suppressZero: true })).toEqual(hidden('<5'));
  });

  it('leaves indicators without suppressBelow alone', () => {
    expect(suppressCount(3, { suppressBelow: null })).toEqual({ kind: 'number', value: 3 });
  });

  it('property: a count shows as a number exactly when it is not 1..N-1 (or 0 with suppressZero)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 20 }), fc.boolean(), fc.integer({ min: 0, max: 40 }), (n, zero, v) => {
      const s = suppressCount(v, { suppressBelow: n, suppressZero: zero });
      const small = (v >= 1 && v < n) || (v === 0 && zero);
      expect(s).toEqual(small ? hidden(`<${n}`) : { kind: 'number', value: v });
    }));
  });
});

describe('suppressValues', () => {
  it.each([
    ['numerator small: the percentage goes too', pct5, { actual: 3, numerator: 3, denominator: 100 },
      { actual: hidden('Suppressed (<5)'), numerator: hidden('<5'), denominator: { kind: 'number', value: 100 } }],
    ['denominator small: the numerator goes too', pct5, { actual: 50, numerator: 2, denominator: 4 },
      { actual: hidden('Suppressed (<5)'), numerator: hidden('<5'), denominator: hidden('<5') }],
    ['denominator small, numerator zero: still hidden', pct5, { actual: 0, numerator: 0, denominator: 3 },
      { actual: hidden('Suppressed (<5)'), numerator: hidden(SECONDARY_TEXT), denominator: hidden('<5') }],
    ['complement small: 98 of 100 would disclose the 2', pct5, { actual: 98, numerator: 98, denominator: 100 },
      { actual: { kind: 'number', value: 98 }, numerator: hidden(SECONDARY_TEXT), denominator: hidden(SECONDARY_TEXT) }],
    ['all large: shown', pct5, { actual: 60, numerator: 60, denominator: 100 },
      { actual: { kind: 'number', value: 60 }, numerator: { kind: 'number', value: 60 }, denominator: { kind: 'number', value: 100 } }],
    ['a percentage typed as <5 stays hidden', pct5, { actual: '<5' },
      { actual: hidden('Suppressed (<5)'), numerator: { kind: 'blank' }, denominator: { kind: 'blank' } }],
    ['a count', count5, { actual: 2 }, { actual: hidden('<5'), numerator: { kind: 'blank' }, denominator: { kind: 'blank' } }],
  ] as const)('%s', (_name, ind, raw, want) => {
    expect(suppressValues(ind, raw)).toMatchObject(want);
  });

  it('lists what a hidden count could be, and what a hidden percentage could be', () => {
    expect(suppressValues(count5, { actual: 2 }).possible).toEqual([1, 2, 3, 4]);
    expect(suppressValues(count5, { actual: '<5' }).possible).toEqual([0, 1, 2, 3, 4]);
    expect(suppressValues(pct5, { actual: 3, numerator: 3, denominator: 100 }).possible).toEqual([0, 1, 2, 3, 4]);
    expect(suppressValues({ suppressBelow: 5, unit: 'rate' }, { actual: 3, numerator: 3, denominator: 1000 }).possible).toBe('unknown');
    expect(suppressValues(count5, { actual: 12 }).possible).toBeUndefined();
  });

  it('property: what is shown depends only on the bucket, never on the hidden number', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 300 }), fc.nat(), (n, a, den, pick) => {
      const ind = { suppressBelow: n, unit: 'percent' as const };
      const num = Math.min(a, den);
      const shown = suppressValues(ind, { actual: (num / den) * 100, numerator: num, denominator: den });
      if (num >= 1 && num < n) {
        const other = 1 + (pick % (n - 1));
        const twin = suppressValues(ind, { actual: (other / den) * 100, numerator: other, denominator: den });
        if (den >= n && den - other >= n && den - num >= n) expect(twin).toEqual(shown);
        expect(shown.actual.kind).toBe('suppressed');
      }
      for (const part of [shown.numerator, shown.denominator, shown.actual]) {
        if (part.kind === 'number' && (part === shown.numerator || part === shown.denominator)) expect(part.value === 0 || part.value >= n).toBe(true);
      }
    }));
  });
});

describe('shownStatus and shownDirection', () => {
  const lowerTarget2 = (v: number): RagStatus => (v <= 2 ? 'Green' : 'Red');
  it('shows a RAG only when every possible hidden value agrees', () => {
    expect(shownStatus('Green', [1, 2, 3, 4], lowerTarget2)).toBe('Withheld');
    expect(shownStatus('Red', [3, 4], lowerTarget2)).toBe('Red');
    expect(shownStatus('Green', undefined, lowerTarget2)).toBe('Green');
    expect(shownStatus('Tracking', [1, 2, 3, 4], lowerTarget2)).toBe('Tracking');
    expect(shownStatus('Red', 'unknown', lowerTarget2)).toBe('Withheld');
  });
  it('shows a direction only when every possible hidden value agrees', () => {
    const vs10 = (v: number): Direction => (v < 10 ? 'Improving' : 'Worsening');
    const vs3 = (v: number): Direction => (v < 3 ? 'Improving' : v > 3 ? 'Worsening' : 'No change');
    expect(shownDirection('Improving', countBucket({ below: 5, zero: false }), vs10)).toBe('Improving');
    expect(shownDirection('Improving', countBucket({ below: 5, zero: false }), vs3)).toBe('');
  });
});
