import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { createSha256, sha256Bytes, sha256Hex, utf8Bytes } from '../../src/core/sha256';

const nodeHex = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('matches the FIPS 180-4 example for %j', (text, hex) => {
    expect(sha256Hex(text)).toBe(hex);
  });

  it.each([55, 56, 63, 64, 65, 119, 120, 1000])('handles a %i-byte message across the padding boundary', (n) => {
    const s = 'a'.repeat(n);
    expect(sha256Hex(s)).toBe(nodeHex(s));
  });

  it('agrees with node:crypto on random Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => sha256Hex(s) === nodeHex(s)),
      { numRuns: 300 },
    );
  });

  it('agrees with node:crypto on UTF-16 code units, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }), (s) => sha256Hex(s) === nodeHex(s)));
  });

  it('encodes UTF-8 as Node does', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => Buffer.from(utf8Bytes(s)).equals(Buffer.from(s, 'utf8'))));
  });

  it('hashes a million bytes correctly', () => {
    const bytes = new Uint8Array(1_000_000).fill(0x61);
    expect(Buffer.from(sha256Bytes(bytes)).toString('hex')).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });
});

describe('createSha256 (piece by piece)', () => {
  const units = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 90 });

  it('gives the digest of the pieces concatenated, however the text is cut (surrogate pairs split included)', () => {
    fc.assert(fc.property(fc.array(units, { maxLength: 12 }), (pieces) => {
      const h = createSha256();
      for (const p of pieces) h.update(p);
      return h.hex() === nodeHex(pieces.join(''));
    }), { numRuns: 400 });
  });

  it('joins a surrogate pair cut between two pieces, and a lone high surrogate at the end is U+FFFD', () => {
    expect(createSha256().update('a\ud83d').update('\ude00b').hex()).toBe(nodeHex('a\u{1F600}b'));
    expect(createSha256().update('x\ud83d').hex()).toBe(nodeHex('x\ufffd'));
    expect(createSha256().update('\ud83d').updateBytes(new Uint8Array([0x41])).hex()).toBe(createHash('sha256').update(Buffer.from([0xef, 0xbf, 0xbd, 0x41])).digest('hex'));
  });

  it('hashes text longer than its encoding buffer, in one piece or many, multi-byte characters across every cut', () => {
    // 3 × 16K bytes is the buffer: these run over it several times, so a reused buffer must not leak into the digest.
    const long = 'a\u00e9\u20ac\u{1F600}'.repeat(25_000);
    expect(createSha256().update(long).hex()).toBe(nodeHex(long));
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 1, maxLength: 4 }), (cuts) => {
      const h = createSha256();
      let at = 0;
      for (const n of cuts) { h.update(long.slice(at, at + n)); at += n; }
      return h.hex() === nodeHex(long.slice(0, at));
    }), { numRuns: 20 });
  });

  it('mixes text and bytes in order', () => {
    fc.assert(fc.property(units, fc.uint8Array({ maxLength: 200 }), units, (a, bytes, b) => {
      const ours = createSha256().update(a).updateBytes(bytes).update(b).hex();
      return ours === createHash('sha256').update(a, 'utf8').update(bytes).update(b, 'utf8').digest('hex');
    }), { numRuns: 200 });
  });
});
