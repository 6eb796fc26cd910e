import fc from 'fast-check';
import { duplicateKeys, nestingDepth } from '../../src/core/json-duplicates';

describe('duplicateKeys', () => {
  it('finds a key given twice, with its path', () => {
    expect(duplicateKeys('{"a": 1, "a": 2}')).toEqual([['a']]);
    expect(duplicateKeys('{"indicators": [{"id": "X"}, {"id": "Y", "suppressBelow": 5, "suppressBelow": null}]}')).toEqual([['indicators', 1, 'suppressBelow']]);
  });

  it('compares keys after their escapes, as JSON.parse does', () => {
    expect(duplicateKeys('{"a": 1, "\\u0061": 2}')).toEqual([['a']]);
    expect(duplicateKeys('{"a\\"b": 1, "a\\u0022b": 2}')).toEqual([['a"b']]);
  });

  it('is not fooled by braces, commas, colons and quotes inside strings', () => {
    expect(duplicateKeys('{"a": "}, \\"a\\": {", "b": "[,:]"}')).toEqual([]);
    expect(duplicateKeys('{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]}')).toEqual([]);
  });

  it('keeps nested objects and array items apart, and reports each repeat', () => {
    expect(duplicateKeys('[{"x": 1}, {"x": 2, "y": {"z": 1, "z": 2}}, {"x": 3, "x": 4, "x": 5}]')).toEqual([[1, 'y', 'z'], [2, 'x'], [2, 'x']]);
    expect(duplicateKeys('{"": 1, "": 2}')).toEqual([['']]);
    expect(duplicateKeys('{"__proto__": 1, "__proto__": 2}')).toEqual([['__proto__']]);
  });

  it('property: JSON written by JSON.stringify has no duplicates', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      expect(duplicateKeys(JSON.stringify(v))).toEqual([]);
      expect(duplicateKeys(JSON.stringify(v, null, 2))).toEqual([]);
    }));
  });

  it('property: a key repeated anywhere is found at its path', () => {
    const key = fc.string({ unit: 'grapheme', maxLength: 6 });
    fc.assert(fc.property(fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { minKeys: 1 }), fc.array(fc.nat(3), { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 }), (obj, wrap, extra) => {
      const [first] = Object.keys(obj);
      if (first === undefined) return;
      // Repeat the first key at the end of the object, then bury the object in arrays at random positions.
      let text = `${JSON.stringify(obj).slice(0, -1)},${JSON.stringify(first)}:${JSON.stringify(extra)}}`;
      const path: (string | number)[] = [first];
      for (const at of wrap) {
        const before = Array.from({ length: at }, () => 'null');
        text = `[${[...before, text].join(',')}]`;
        path.unshift(at);
      }
      expect(() => JSON.parse(text) as unknown).not.toThrow();
      expect(duplicateKeys(text)).toEqual([path]);
    }));
  });

  it('property: a key is the same key however much of it is written as escapes (keys without one are read as they stand)', () => {
    const escaped = (k: string, mask: readonly boolean[]): string => `"${[...k].map((ch, i) => (mask[i % Math.max(1, mask.length)]
      ? [...ch].map((u) => `\\u${(u.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`).join('') : JSON.stringify(ch).slice(1, -1))).join('')}"`;
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 6 }), fc.array(fc.boolean(), { maxLength: 4 }), fc.array(fc.boolean(), { maxLength: 4 }), (k, a, b) => {
      const text = `{${escaped(k, a)}: 1, "\u00f6 (not ASCII, so never k)": 2, ${escaped(k, b)}: 3}`;
      expect(Object.keys(JSON.parse(text) as object)).toHaveLength(2);
      expect(duplicateKeys(text)).toEqual([[k]]);
    }), { numRuns: 1000 });
  });
});

describe('duplicateKeys in objects of any size', () => {
  it('finds a repeat among a few keys or many (a short list first, a set past two dozen) (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 60 }), fc.nat(), fc.nat(), (n, a, b) => {
      const keys = Array.from({ length: n }, (_, i) => `k${i}`);
      const first = keys[a % n] as string;
      const again = keys[b % n] as string;
      const text = `{${keys.map((k) => `"${k}": 1`).join(', ')}, "${again}": 2, "x": {"${first}": 1, "${first}": 2}}`;
      expect(duplicateKeys(text)).toEqual([[again], ['x', first]]);
      expect(duplicateKeys(`{${keys.map((k) => `"${k}": 1`).join(', ')}}`)).toEqual([]);
    }), { numRuns: 300 });
  });
});

describe('nestingDepth', () => {
  it.each([
    ['{}', 1], ['[[1],[2,[3]]]', 3], ['{"a":"[[[[","b":[{}]}', 3], ['"\\"[["', 0], ['[]'.repeat(5), 1],
  ])('%s nests %i deep', (text, depth) => expect(nestingDepth(text)).toBe(depth));

  it('counts 200,000 levels without recursion', () => {
    expect(nestingDepth('['.repeat(200_000) + ']'.repeat(200_000))).toBe(200_000);
  });
});

describe('strings skipped by their closing quote', () => {
  // The scanners' string skip as first written, one character at a time (issue 19 made it jump to
  // each quote): both scanners must read any text, JSON or not, as they did.
  function obviousDepth(text: string): number {
    const end = (start: number): number => {
      let i = start + 1;
      while (i < text.length) {
        const ch = text.charCodeAt(i);
        if (ch === 0x5c) i += 2;
        else if (ch === 0x22) return i + 1;
        else i += 1;
      }
      return text.length;
    };
    let depth = 0;
    let deepest = 0;
    for (let i = 0; i < text.length;) {
      const ch = text.charCodeAt(i);
      if (ch === 0x22) { i = end(i); continue; }
      if (ch === 0x5b || ch === 0x7b) { depth += 1; if (depth > deepest) deepest = depth; }
      else if (ch === 0x5d || ch === 0x7d) depth -= 1;
      i += 1;
    }
    return deepest;
  }

  it('nests as the character-by-character skip says, on any text of quotes, backslashes and brackets (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('"', '\\', '[', ']', '{', 'a', ','), maxLength: 60 });
    fc.assert(fc.property(text, (t) => nestingDepth(t) === obviousDepth(t)), { numRuns: 20000 });
  });

  it('ends a string at a quote after an even run of backslashes, not an odd one', () => {
    expect(nestingDepth('"\\\\"[')).toBe(1);
    expect(nestingDepth('"\\\\\\"["')).toBe(0);
    expect(duplicateKeys('{"a\\\\": 1, "a\\\\": 2}')).toEqual([['a\\']]);
  });
});
