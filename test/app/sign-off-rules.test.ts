import fc from 'fast-check';
import { markReady, signOff } from '../../src/app/sign-off';
import { validateSheet } from '../../src/app/validate-return';
import type { CellValue } from '../../src/core/grid';
import { personKey, samePerson, signOffSummary } from '../../src/core/return/signoff';
import type { SignOffState } from '../../src/core/return/types';
import { returnGrid, testCatalogue } from '../core/return/helpers';

/** The sign-off rules of the use case (src/app/sign-off.ts), on returns built in memory. */

const clean: Record<string, CellValue>[] = [
  { Ref: 'CS01', Actual: 85 }, { Ref: 'CS02', Actual: 8 }, { Ref: 'CS04', Actual: 12 },
  { Ref: 'CS05', Status: 'On track' }, { Ref: 'CS06', Actual: 4 },
];
const ready = (preparer: string): [string, CellValue][] => [['Prepared by', preparer], ['Ready for sign-off', 'Yes']];
const SIGN_OFF_LABELS = ['Prepared by', 'Ready for sign-off', 'Signed off by', 'Role', 'Signed off on', 'Sign-off fingerprint'];
/** A clean return with every sign-off label, those given filled in. */
const sheet = (labels: [string, CellValue][], rows = clean) => returnGrid({
  period: '2023-24 Q2', service: 'Customer Services', rows,
  labels: SIGN_OFF_LABELS.map((l): [string, CellValue] => [l, labels.find(([k]) => k === l)?.[1] ?? null]),
});
const catalogue = testCatalogue();
const manager = { name: 'B. Manager', role: 'Head of Service' };

/** A name as people retype it: other case, spaces around and between words doubled. */
const retyped = (name: string, upper: boolean[], pad: string) =>
  pad + [...name].map((ch, i) => (upper[i % upper.length] ? ch.toUpperCase() : ch.toLowerCase())).join('').replace(/ /g, '  ') + pad;
const nameArb = fc.array(fc.stringMatching(/^[A-Za-z][a-z.'-]{0,8}$/), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));

describe('the sign-off use case', () => {
  it('the clean return has no errors (the fixture the rules below stand on)', () => {
    expect(validateSheet(catalogue, sheet([])).result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('marks ready only a return without errors, and refuses with exactly its errors', () => {
    fc.assert(fc.property(fc.constantFrom<CellValue>('lots', -5, 250, '12 days', null), fc.integer({ min: 0, max: 4 }), (bad, at) => {
      const rows = clean.map((r, i) => (i === at ? { ...r, ...(r.Ref === 'CS05' ? { Status: bad === null ? null : 'Fine' } : { Actual: bad }) } : r));
      const g = sheet([], rows);
      const errors = validateSheet(catalogue, g).result.issues.filter((i) => i.severity === 'error');
      const r = markReady(catalogue, g, 'A. Lead');
      if (errors.length === 0) expect(r.ok).toBe(true);
      else expect(r).toEqual({ ok: false, reason: 'has-errors', message: expect.any(String), issues: errors });
    }));
  });

  it('the preparer, however they retype their name, cannot sign off; anyone else can; the catalogue can allow it', () => {
    fc.assert(fc.property(nameArb, fc.array(fc.boolean(), { minLength: 1 }), fc.constantFrom('', ' ', '\t'), (name, upper, pad) => {
      const g = sheet(ready(name));
      const again = retyped(name, upper, pad);
      expect(samePerson(name, again)).toBe(true);
      expect(signOff(catalogue, g, { name: again, role: 'Head' }, '2024-10-21')).toMatchObject({ ok: false, reason: 'same-person' });
      expect(signOff({ ...catalogue, signOff: { separateSigner: false } }, g, { name: again, role: 'Head' }, '2024-10-21')).toMatchObject({ ok: true });
      const other = signOff(catalogue, g, { name: `${name} Jr`, role: 'Head' }, '2024-10-21');
      expect(other.ok).toBe(true);
    }));
  });

  it('signs off only a return marked ready, with a name and a role', () => {
    expect(signOff(catalogue, sheet([]), manager, '2024-10-21')).toMatchObject({ ok: false, reason: 'not-ready' });
    expect(signOff(catalogue, sheet([['Ready for sign-off', 'Yes']]), manager, '2024-10-21')).toMatchObject({ ok: false, reason: 'no-preparer' });
    expect(signOff(catalogue, sheet(ready('A. Lead')), { name: ' ', role: 'Head' }, '2024-10-21')).toMatchObject({ ok: false, reason: 'no-name' });
    expect(signOff(catalogue, sheet(ready('A. Lead')), { name: 'B', role: '' }, '2024-10-21')).toMatchObject({ ok: false, reason: 'no-role' });
    expect(signOff(catalogue, sheet(ready('A. Lead'), [{ Ref: 'CS01', Actual: 'lots' }, ...clean.slice(1)]), manager, '2024-10-21')).toMatchObject({ ok: false, reason: 'has-errors' });
    const ok = signOff(catalogue, sheet(ready('A. Lead')), { name: ' B.  Manager ', role: ' Head ' }, '2024-10-21');
    expect(ok).toMatchObject({ ok: true, write: { signedOffBy: 'B.  Manager', role: 'Head', signedOffOn: '2024-10-21' } });
  });

  it('personKey ignores case and runs of spaces, and nothing else', () => {
    expect(personKey('  Ann   O’Neil ')).toBe('ann o’neil');
    expect(samePerson('Ann Lee', 'Anne Lee')).toBe(false);
    expect(samePerson('', '  ')).toBe(false);
  });
});

describe('signOffSummary', () => {
  const STATES: SignOffState[] = ['not-ready', 'ready', 'signed-off', 'edited-after-signoff'];
  it('every return received for the period is in exactly one place; others are not received', () => {
    const file = fc.record({
      file: fc.string({ minLength: 1, maxLength: 6 }), sheet: fc.constantFrom('', 'Return'),
      period: fc.constantFrom(null, '2024-25 Q2', '2024-25 Q1'), signOffState: fc.constantFrom(...STATES),
    });
    fc.assert(fc.property(fc.array(file, { maxLength: 30 }), (files) => {
      const s = signOffSummary(files, '2024-25 Q2');
      const received = files.filter((f) => f.sheet !== '' && f.period !== '2024-25 Q1');
      expect(s.received).toBe(received.length);
      expect(s.signedOff + s.notSignedOff.length + s.editedAfterSignOff.length).toBe(s.received);
      expect(s.readyForSignOff.every((f) => s.notSignedOff.includes(f))).toBe(true);
      expect(s.signedOff).toBe(received.filter((f) => f.signOffState === 'signed-off').length);
    }));
  });
});
