import fc from 'fast-check';
import type { Indicator, QualitativeStatus } from '../../src/core/catalogue/schema';
import { directionOfTravel, type Comparable, type Direction } from '../../src/core/direction';
import { parsePeriod } from '../../src/core/period';
import { rag, type RagStatus } from '../../src/core/rag';
import { miniCatalogue } from './fixtures/mini-catalogue';

const defaults = miniCatalogue().defaults;
function byId(id: string, change: Partial<Indicator> = {}): Indicator {
  const found = miniCatalogue().indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no ${id} in the fixture`);
  return { ...found, ...change };
}
const dir = (id: string, now: Comparable, before: Comparable, year = '2023-24'): Direction =>
  directionOfTravel(byId(id), now, before, year, defaults);

describe('direction of travel', () => {
  it.each<[string, string, Comparable, Comparable, Direction]>([
    ['higher is better: up', 'MC01', 80, 75, 'Improving'],
    ['higher is better: down', 'MC01', 75, 80, 'Worsening'],
    ['higher, a change too small to show at 1 dp', 'MC01', 80.04, 80, 'No change'],
    ['higher, a change that shows at 1 dp', 'MC01', 80.05, 80, 'Improving'],
    ['higher, binary noise only', 'MC01', 0.1 + 0.2, 0.3, 'No change'],
    ['lower is better: down', 'MC02', 18, 20, 'Improving'],
    ['lower is better: up', 'MC02', 22.5, 20, 'Worsening'],
    ['lower, too small to show', 'MC02', 20.01, 20.04, 'No change'],
    ['tracking only: up', 'MC03', 120, 100, 'Up'],
    ['tracking only: down', 'MC03', 100, 120, 'Down'],
    ['tracking only, 0 dp hides 0.4', 'MC03', 100.4, 100, 'No change'],
    ['count, 0 dp: 12.5 shows as 13', 'MC06', 12.5, 12.4, 'Worsening'],
    ['no previous value', 'MC01', 80, null, ''],
    ['no current value', 'MC01', undefined, 80, ''],
    ['neither', 'MC01', null, undefined, ''],
    ['a number against a status', 'MC01', 80, 'On track', ''],
    ['not a number', 'MC01', NaN, 80, ''],
    ['an infinity', 'MC01', 80, Infinity, ''],
  ])('%s (%s: %p from %p) → %j', (_name, id, now, before, want) => {
    expect(dir(id, now, before)).toBe(want);
  });

  it.each<[QualitativeStatus, QualitativeStatus, Direction]>([
    ['On track', 'At risk', 'Improving'],
    ['At risk', 'Off track', 'Improving'],
    ['Complete', 'On track', 'Improving'],
    ['Off track', 'On track', 'Worsening'],
    ['At risk', 'Complete', 'Worsening'],
    ['At risk', 'At risk', 'No change'],
  ])('qualitative: %s from %s → %s', (now, before, want) => {
    expect(dir('MC05', now, before)).toBe(want);
  });

  it('an unknown status compares with nothing', () => {
    expect(dir('MC05', 'Done' as QualitativeStatus, 'On track')).toBe('');
  });

  it.each<[string, number, number, Direction]>([
    ['both inside the band', 92, 94, 'No change'],
    ['from below, closer', 88, 85, 'Improving'],
    ['from above, closer', 96, 99, 'Improving'],
    ['into the band', 91, 99, 'Improving'],
    ['out of the band', 97, 92, 'Worsening'],
    ['from one side to the same distance on the other', 89.7, 95.3, 'No change'],
    ['across, further away', 89, 95.3, 'Worsening'],
  ])('range band 90-95: %s (%p from %p) → %s', (_name, now, before, want) => {
    expect(dir('MC07', now, before)).toBe(want);
  });

  it('the same distance either side of a band is No change, without binary crumbs (0.1 − 0 vs 0.3 − 0.2)', () => {
    const narrow = byId('MC07', { targets: { '2023-24': { min: 0.1, max: 0.2 } }, range: {} });
    expect(directionOfTravel(narrow, 0, 0.3, '2023-24')).toBe('No change');
    expect(directionOfTravel(narrow, 0.8, -0.5, '2023-24')).toBe('No change');
  });

  it('a range indicator in a year with no band goes Up or Down', () => {
    expect([dir('MC07', 96, 92, '2025-26'), dir('MC07', 92, 96, '2025-26'), dir('MC07', 92, 92, '2025-26')]).toEqual(['Up', 'Down', 'No change']);
  });
});

describe('direction properties', () => {
  const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  const ids = fc.constantFrom('MC01', 'MC02', 'MC03', 'MC06', 'MC07');
  const opposite: Record<Direction, Direction> = { Improving: 'Worsening', Worsening: 'Improving', Up: 'Down', Down: 'Up', 'No change': 'No change', '': '' };

  it('swapping the two values gives the opposite direction, and a value against itself is No change', () => {
    fc.assert(fc.property(ids, value, value, (id, a, b) => {
      expect(dir(id, b, a)).toBe(opposite[dir(id, a, b)]);
      expect(dir(id, a, a)).toBe('No change');
    }), { numRuns: 2000 });
  });

  it('higher and lower read the same change in opposite ways', () => {
    fc.assert(fc.property(value, value, (a, b) => {
      const higher = directionOfTravel(byId('MC01', { polarity: 'higher' }), a, b, '2023-24');
      const lower = directionOfTravel(byId('MC01', { polarity: 'lower' }), a, b, '2023-24');
      expect(lower).toBe(opposite[higher]);
    }), { numRuns: 2000 });
  });

  it('a better RAG than before is never shown as Worsening (or No change)', () => {
    const rank: Partial<Record<RagStatus, number>> = { Red: 0, Amber: 1, Green: 2, Blue: 3 };
    const period = parsePeriod('2023-24 Q2');
    if (!period) throw new Error('period');
    const actual = fc.double({ min: 0, max: 120, noNaN: true });
    fc.assert(fc.property(fc.constantFrom('MC01', 'MC02', 'MC08', 'MC09'), actual, actual, (id, a, b) => {
      const indicator = byId(id);
      const ra = rank[rag({ indicator, period, defaults, actual: a }).status] ?? -1;
      const rb = rank[rag({ indicator, period, defaults, actual: b }).status] ?? -1;
      if (ra > rb) expect(dir(id, a, b)).toBe('Improving');
    }), { numRuns: 3000 });
  });
});
