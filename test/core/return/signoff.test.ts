import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { CellValue } from '../../../src/core/grid';
import { ISSUE_CODES } from '../../../src/core/issues';
import { issueText, message } from '../../../src/core/messages';
import { RAG_STATUSES, type RagStatus } from '../../../src/core/rag';
import { ragCounts } from '../../../src/core/return/counts';
import { readReturn } from '../../../src/core/return/read';
import { canonicalEntries, entriesFingerprint, signOffState } from '../../../src/core/return/signoff';
import { validateReturn } from '../../../src/core/return/validate';
import { grid, returnGrid, testCatalogue } from './helpers';

const rows: Record<string, CellValue>[] = [
  { Ref: 'CS02', Actual: 9, Commentary: 'ok' },
  { Ref: 'CS01', Indicator: '% calls', Target: 80, Actual: 85, RAG: 'Green' },
];
const fp = (r: Record<string, CellValue>[], header?: string[], labels?: [string, CellValue][]) =>
  entriesFingerprint(readReturn(returnGrid({ period: '2023-24 Q2', rows: r, ...(header ? { header } : {}), ...(labels ? { labels } : {}) })));

describe('entriesFingerprint', () => {
  const base = fp(rows);

  it('is the SHA-256 of the canonical entries, sorted by ref', () => {
    const read = readReturn(returnGrid({ period: '2023-24 Q2', rows }));
    const canonical = canonicalEntries(read);
    expect(base).toBe(createHash('sha256').update(canonical).digest('hex'));
    expect(JSON.parse(canonical).entries.map((e: { ref: string }) => e.ref)).toEqual(['CS01', 'CS02']);
  });

  it('ignores row order, column order, blank rows and the people’s columns', () => {
    expect(fp([...rows].reverse())).toBe(base);
    expect(fp(rows, ['Action', 'Commentary', 'Actual', 'Ref', 'Status', 'Target', 'Indicator'])).toBe(base);
    expect(fp([{}, rows[0] ?? {}, {}, {}, rows[1] ?? {}])).toBe(base);
    expect(fp(rows.map((r) => ({ ...r, Target: 1, Indicator: 'renamed', RAG: 'Red' })))).toBe(base);
    expect(fp(rows, undefined, [['Signed off by', 'M. Manager'], ['Sign-off fingerprint', base]])).toBe(base);
  });

  it.each<[string, Record<string, CellValue>]>([
    ['an actual', { Actual: 86 }],
    ['an actual typed as text', { Actual: '85' }],
    ['a commentary', { Commentary: 'new' }],
    ['an action', { Action: 'x' }],
    ['a status', { Status: 'On track' }],
    ['a numerator', { Numerator: 1 }],
    ['a denominator', { Denominator: 2 }],
    ['the ref', { Ref: 'CS04' }],
  ])('changes when %s changes', (_what, change) => {
    expect(fp([rows[0] ?? {}, { ...rows[1], ...change }])).not.toBe(base);
  });

  it('changes with any change to any actual', () => {
    fc.assert(fc.property(fc.oneof(fc.double({ noNaN: true }), fc.string()).filter((v) => v !== 85), (v) => fp([rows[0] ?? {}, { ...rows[1], Actual: v }]) !== base));
  });
});

describe('signOffState', () => {
  const state = (labels: [string, CellValue][], fingerprintOf?: (current: string) => string) => {
    const current = fp(rows);
    const all: [string, CellValue][] = fingerprintOf ? [...labels, ['Sign-off fingerprint', fingerprintOf(current)]] : labels;
    const read = readReturn(returnGrid({ period: '2023-24 Q2', rows, labels: all }));
    return signOffState(read, entriesFingerprint(read));
  };

  it.each<[string, [string, CellValue][], ((c: string) => string) | undefined, string]>([
    ['nothing typed', [], undefined, 'not-ready'],
    ['ready: No', [['Ready for sign-off', 'No']], undefined, 'not-ready'],
    ['ready: Yes', [['Ready for sign-off', 'Yes']], undefined, 'ready'],
    ['ready: ✓', [['Ready for sign-off', '✓']], undefined, 'ready'],
    ['signed with the current fingerprint', [['Ready for sign-off', true], ['Signed off by', 'M. Manager']], (c) => c, 'signed-off'],
    ['signed with it in capitals', [['Signed off by', 'M. Manager']], (c) => c.toUpperCase(), 'signed-off'],
    ['signed, no fingerprint (typed by hand)', [['Signed off by', 'M. Manager']], undefined, 'signed-off'],
    ['signed with another fingerprint', [['Signed off by', 'M. Manager']], () => 'ab'.repeat(32), 'edited-after-signoff'],
    ['a stale fingerprint and no name', [['Ready for sign-off', 'y']], () => '00', 'edited-after-signoff'],
  ])('%s → %s', (_what, labels, fingerprintOf, expected) => {
    expect(state(labels, fingerprintOf)).toBe(expected);
  });

  it('is filled in by validation, edits after sign-off included', () => {
    const signed = (actual: CellValue) =>
      validateReturn(testCatalogue(), readReturn(returnGrid({ period: '2023-24 Q2', rows: [{ Ref: 'CS01', Actual: actual }], labels: [['Signed off by', 'M'], ['Sign-off fingerprint', fp([{ Ref: 'CS01', Actual: 85 }])]] })));
    expect(signed(85)).toMatchObject({ signOffState: 'signed-off', signOff: { signedOffBy: 'M' } });
    expect(signed(84).signOffState).toBe('edited-after-signoff');
    expect(signed(85).entriesFingerprint).toBe(fp([{ Ref: 'CS01', Actual: 85 }]));
  });
});

describe('ragCounts', () => {
  it('counts every status once', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom<RagStatus>(...RAG_STATUSES)), (statuses) => {
      const counts = ragCounts(statuses);
      for (const s of RAG_STATUSES) expect(counts[s]).toBe(statuses.filter((x) => x === s).length);
    }));
  });
});

describe('messages', () => {
  it.each(ISSUE_CODES.map((c) => [c]))('%s has an English sentence even with no details', (code) => {
    for (const place of ['full', 'beside'] as const) {
      const text = message(code, {}, place);
      expect(text).toMatch(/[.?]$/);
      expect(text).not.toMatch(/undefined|null|NaN/);
    }
  });

  it('never shows a long paste back whole', () => {
    const r = validateReturn(testCatalogue(), readReturn(grid([['Period', '2023-24 Q2'], ['Ref', 'Actual'], ['CS01', 'y'.repeat(10000)]])));
    expect(issueText(r.issues[0]!).length).toBeLessThan(300);
  });
});
