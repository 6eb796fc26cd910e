import fc from 'fast-check';
import { consolidate } from '../../src/core/consolidate';
import type { RowResult, SignOffState, ValidationResult } from '../../src/core/return/types';
import { miniCatalogue } from './fixtures/mini-catalogue';
import { Q2 } from './cabinet/helpers';

// Issue 19: an indicator only one return gave is taken without the filter, choice and conflict
// check the general case makes. The rows, conflicts and issues must be what the general case gave:
// its rule (as first written) is the oracle here.
type Cand = { row: RowResult; file: string; sheet: string; signOffState: SignOffState };
const isBlank = (r: RowResult): boolean => (r.actual === null || r.actual === '') && r.qualitative === undefined;
const same = (a: RowResult, b: RowResult): boolean => a.actual === b.actual && a.qualitative === b.qualitative
  && (a.numerator ?? null) === (b.numerator ?? null) && (a.denominator ?? null) === (b.denominator ?? null);
function general(all: Cand[]): { chosen: Cand; conflict: boolean } {
  const given = all.filter((c) => !isBlank(c.row));
  const pool = given.length > 0 ? given : all;
  const chosen = pool.find((c) => c.signOffState === 'signed-off') ?? (pool[0] as Cand);
  return { chosen, conflict: given.some((c) => !same(c.row, (given[0] as Cand).row)) };
}

const cat = miniCatalogue();
const refs = cat.indicators.map((i) => i.id);
const dueInQ2 = cat.indicators.filter((i) => i.dueQuarters.includes('Q2')).map((i) => i.id);

describe('consolidate: one return per indicator (short cut)', () => {
  it('chooses and flags conflicts as the general rule does, whoever gave what (property)', () => {
    const row = fc.record({
      ref: fc.constantFrom(...refs, ...refs.map((r) => r.toLowerCase())),
      actual: fc.constantFrom(null, '', 5, 81, '<5'),
      numerator: fc.option(fc.constantFrom(1, 2), { nil: undefined }),
      signed: fc.constantFrom<SignOffState>('signed-off', 'ready', 'not-ready'),
    });
    const files = fc.array(fc.array(row, { maxLength: 6 }), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(files, (given) => {
      const inputs = given.map((rows, f) => {
        const validation: ValidationResult = {
          sheet: 'Return', period: '2023-24 Q2', issues: [], counts: { Blue: 0, Green: 0, Amber: 0, Red: 0, Complete: 0, Missing: 0, 'Not due': 0, Tracking: 0 },
          signOff: { ready: true, cells: {} }, signOffState: rows[0]?.signed ?? 'ready', entriesFingerprint: '',
          rows: rows.map((r, i) => ({ ref: r.ref, actual: r.actual, status: 'Green', direction: '', ...(r.numerator !== undefined ? { numerator: r.numerator } : {}), cell: `Return!D${i + 5}`, row: i + 5 })),
        };
        return { file: `f${f}.xlsx`, validation };
      });
      const c = consolidate(cat, Q2, inputs);
      const byRef = new Map<string, Cand[]>();
      for (const input of inputs) for (const r of input.validation.rows) {
        const list = byRef.get(r.ref.toUpperCase()) ?? [];
        list.push({ row: r, file: input.file, sheet: 'Return', signOffState: input.validation.signOffState });
        byRef.set(r.ref.toUpperCase(), list);
      }
      const want = cat.indicators.flatMap((ind) => {
        const all = byRef.get(ind.id.toUpperCase());
        if (!all || !ind.dueQuarters.includes('Q2')) return [];
        const g = general(all);
        return [{ row: { ...g.chosen.row, ref: ind.id, file: g.chosen.file, sheet: 'Return' }, conflict: g.conflict, ref: ind.id }];
      });
      expect(JSON.stringify(c.rows)).toBe(JSON.stringify(want.map((w) => w.row)));
      expect(c.conflicts.map((x) => x.ref)).toEqual(want.filter((w) => w.conflict).map((w) => w.ref));
    }), { numRuns: 1500 });
  });
});

describe('consolidate: a chosen row copied with its file and sheet (short cut: Object.assign, not a spread)', () => {
  it('has the fields the spread gave, in its order, whatever fields the row has (property)', () => {
    const extra = fc.uniqueArray(fc.tuple(fc.constantFrom('file', 'sheet', 'note', '2', '10', 'zeta', 'cell', '__proto__', 'constructor'), fc.constantFrom<unknown>(1, 'x', null, { a: 1 })), { selector: (e) => e[0], maxLength: 5 });
    fc.assert(fc.property(fc.constantFrom(...dueInQ2), extra, fc.boolean(), (ref, fields, before) => {
      const base = { ref: ref.toLowerCase(), actual: 5, status: 'Green', direction: '', row: 5 };
      const ownFields = Object.fromEntries(fields);
      // JSON.parse makes `__proto__` an own field, as a row read from JSON would have it.
      const row = JSON.parse(JSON.stringify(before ? { ...ownFields, ...base } : { ...base, ...ownFields })) as RowResult;
      const validation: ValidationResult = {
        sheet: 'Return', period: '2023-24 Q2', issues: [], counts: { Blue: 0, Green: 0, Amber: 0, Red: 0, Complete: 0, Missing: 0, 'Not due': 0, Tracking: 0 },
        signOff: { ready: true, cells: {} }, signOffState: 'ready', entriesFingerprint: '', rows: [row],
      };
      const [got] = consolidate(cat, Q2, [{ file: 'a.xlsx', validation }]).rows;
      const want = { ...row, ref, file: 'a.xlsx', sheet: 'Return' };
      expect(got).toBeDefined();
      expect(Reflect.ownKeys(got as object)).toEqual(Reflect.ownKeys(want));
      for (const k of Reflect.ownKeys(want)) expect((got as unknown as Record<PropertyKey, unknown>)[k]).toEqual((want as Record<PropertyKey, unknown>)[k]);
      expect(Object.getPrototypeOf(got)).toBe(Object.getPrototypeOf(want));
    }), { numRuns: 2000 });
  });
});
