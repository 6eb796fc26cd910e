import fc from 'fast-check';
import { hexColour } from '../../../src/preview/grid/colour';

describe('hexColour (Univer reports composed fills as rgb())', () => {
  it('reads rgb() and hex, and names the plan Red the same either way', () => {
    expect(hexColour('rgb(177,14,30)')).toBe('#B10E1E');
    expect(hexColour('#b10e1e')).toBe('#B10E1E');
    expect(hexColour(undefined)).toBeUndefined();
    expect(hexColour('not a colour')).toBeUndefined();
  });
  it('property: every rgb() triple round-trips through hex', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), (r, g, b) => {
      const hex = hexColour(`rgb(${r}, ${g}, ${b})`) ?? '';
      expect([1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))).toEqual([r, g, b]);
    }));
  });
});
