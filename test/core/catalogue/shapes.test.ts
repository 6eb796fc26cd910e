import fc from 'fast-check';
import { polarityShape, targetShape, toleranceShape } from '../../../src/core/catalogue/shapes';
import { POLARITIES } from '../../../src/core/catalogue/constants';
import { targetSchema, toleranceSchema } from '../../../src/core/catalogue/schema';
import { z } from 'zod';

// effective.ts puts back a change's `from` through these zod-free checks (start-up, issue 19): each
// must accept exactly what its schema accepts, and give back what the schema gives.
const polaritySchema = z.enum(POLARITIES);

const num = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -0, -1, 1.5, Number.NaN, Infinity, -Infinity));
const near = fc.oneof(
  num,
  fc.constant(null),
  fc.record({ min: num, max: num }),
  fc.record({ min: fc.anything(), max: num }),
  fc.record({ min: num, max: num, extra: fc.anything() }),
  fc.record({ min: num }),
  fc.record({ relative: num }),
  fc.record({ absolute: num }),
  fc.record({ relative: num, absolute: num }),
  fc.record({ relative: fc.anything() }),
  fc.constantFrom(...POLARITIES, 'Higher', 'up', '', [1], [], {}),
  fc.anything(),
);

function agrees<T>(shape: (v: unknown) => { ok: boolean; value?: T }, schema: z.ZodType<T>): void {
  fc.assert(fc.property(near, (v) => {
    const ours = shape(v);
    const theirs = schema.safeParse(v);
    expect(ours.ok).toBe(theirs.success);
    if (ours.ok && theirs.success) expect(ours.value).toStrictEqual(theirs.data);
  }), { numRuns: 3000 });
}

describe('the zod-free shapes a catalogue change puts back', () => {
  it('targetShape accepts exactly what targetSchema accepts', () => agrees(targetShape, targetSchema));
  it('toleranceShape accepts exactly what toleranceSchema accepts', () => agrees(toleranceShape, toleranceSchema));
  it('polarityShape accepts exactly what the polarity enum accepts', () => agrees(polarityShape, polaritySchema));
});
