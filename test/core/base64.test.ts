import fc from 'fast-check';
import { fromBase64, toBase64 } from '../../src/core/base64';

describe('Base64 without Buffer (for Excel.createWorkbook)', () => {
  it('encodes the RFC 4648 test vectors', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy']];
    for (const [plain, encoded] of vectors) expect(toBase64(new TextEncoder().encode(plain))).toBe(encoded);
  });

  it('agrees with Node’s Buffer for any bytes, including past a chunk boundary', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 7000 }), (bytes) => {
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }), { numRuns: 200 });
  });

  it('decodes what it encodes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    }));
  });

  it('refuses text that is not Base64', () => {
    for (const bad of ['Zg=a', 'Z', 'Zm9v!', 'Zg===', 'data:xyz']) expect(fromBase64(bad)).toBeUndefined();
  });
});
