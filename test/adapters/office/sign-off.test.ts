import type { SignOffResult } from '../../../src/app/ports';
import type { SignOff } from '../../../src/core/return/types';
import { catalogueOfSize, freshFake, PERIOD, servicesOn } from './helpers';

/**
 * Sign-off means something (issue 13, point 3), from the lead's and the manager's seat: the real
 * Office services over the fake Excel, a template inserted and typed into as a person would.
 */

function done(r: SignOffResult): SignOff {
  if (!r.ok) throw new Error(`refused: ${r.reason}: ${r.message}`);
  return r.signOff;
}

describe('sign-off in the pane’s services', () => {
  it('refuses to mark a return with errors ready, shows why; then separates preparer and signer; an edit voids the sign-off', async () => {
    const fake = freshFake();
    const s = servicesOn(fake);
    const cat = catalogueOfSize(2);
    await s.insertTemplate(cat, PERIOD);
    fake.type('Return!H15', 95);
    fake.paste('Return!H16', 'lots'); // pasted: Excel's validation stops typed text only

    const refused = await s.markReady(cat, 'A. Lead');
    expect(refused).toMatchObject({ ok: false, reason: 'has-errors' });
    if (refused.ok) throw new Error('unreachable');
    expect(refused.message).toMatch(/^The return has \d+ errors?: put (it|them) right, then mark it ready\.$/);
    expect(refused.issues.some((i) => i.code === 'not-a-number' && i.cell === 'Return!H16')).toBe(true);
    expect(refused.issues.every((i) => i.severity === 'error')).toBe(true);
    expect((await s.validate(cat, { period: PERIOD })).signOff.ready).toBe(false); // nothing written

    // Signing off a return that is not ready (and has errors) is refused too.
    expect(await s.signOff(cat, { name: 'B. Manager', role: 'Head of Service' })).toMatchObject({ ok: false, reason: 'has-errors' });

    fake.type('Return!H16', 94);
    expect(await s.signOff(cat, { name: 'B. Manager', role: 'Head of Service' })).toMatchObject({ ok: false, reason: 'not-ready' });
    expect(done(await s.markReady(cat, 'A. Lead'))).toMatchObject({ ready: true, preparedBy: 'A. Lead' });

    const same = await s.signOff(cat, { name: '  a.   lead ', role: 'Head of Service' });
    expect(same).toMatchObject({ ok: false, reason: 'same-person' });
    if (!same.ok) expect(same.message).toMatch(/prepared this return, so someone else signs it off/);
    expect(await s.signOff(cat, { name: 'B. Manager', role: '  ' })).toMatchObject({ ok: false, reason: 'no-role' });

    const signed = done(await s.signOff(cat, { name: 'B. Manager', role: 'Head of Service' }));
    const v = await s.validate(cat, { period: PERIOD });
    expect(v.signOffState).toBe('signed-off');
    expect(signed.fingerprint).toBe(v.entriesFingerprint);
    expect(v.signOff).toMatchObject({ preparedBy: 'A. Lead', signedOffBy: 'B. Manager', role: 'Head of Service', signedOffOn: '2024-10-21' });

    // Marking ready a return signed off and unchanged would void the sign-off for nothing.
    expect(await s.markReady(cat, 'A. Lead')).toMatchObject({ ok: false, reason: 'already-signed-off' });

    fake.type('Return!H15', 96);
    const edited = await s.validate(cat, { period: PERIOD });
    expect(edited.signOffState).toBe('edited-after-signoff');

    // Signed again: the new fingerprint replaces the old one.
    const again = done(await s.signOff(cat, { name: 'B. Manager', role: 'Head of Service' }));
    const after = await s.validate(cat, { period: PERIOD });
    expect(after.signOffState).toBe('signed-off');
    expect(again.fingerprint).toBe(after.entriesFingerprint);
    expect(again.fingerprint).not.toBe(signed.fingerprint);
  });

  it('marking ready again after an edit clears the void sign-off: the return waits for a new one', async () => {
    const fake = freshFake();
    const s = servicesOn(fake);
    const cat = catalogueOfSize(2);
    await s.insertTemplate(cat, PERIOD);
    fake.type('Return!H15', 95);
    fake.type('Return!H16', 94);
    done(await s.markReady(cat, 'A. Lead'));
    done(await s.signOff(cat, { name: 'B. Manager', role: 'Head of Service' }));
    fake.type('Return!H16', 97);
    const ready = done(await s.markReady(cat, 'C. Deputy'));
    expect(ready).toMatchObject({ ready: true, preparedBy: 'C. Deputy' });
    expect(ready.signedOffBy).toBeUndefined();
    expect(ready.fingerprint).toBeUndefined();
    const v = await s.validate(cat, { period: PERIOD });
    expect(v.signOffState).toBe('ready');
    expect(v.signOff.signedOffBy).toBeUndefined();
  });

  it('a catalogue with signOff.separateSigner false lets the preparer sign off', async () => {
    const fake = freshFake();
    const s = servicesOn(fake);
    const cat = { ...catalogueOfSize(2), signOff: { separateSigner: false } };
    await s.insertTemplate(cat, PERIOD);
    fake.type('Return!H15', 95);
    fake.type('Return!H16', 94);
    done(await s.markReady(cat, 'A. Lead'));
    expect(done(await s.signOff(cat, { name: 'a. lead', role: 'Head of Service' }))).toMatchObject({ signedOffBy: 'a. lead' });
    expect((await s.validate(cat, { period: PERIOD })).signOffState).toBe('signed-off');
  });

  it('a workbook with no return: refused with the reason, not an exception', async () => {
    const fake = freshFake();
    await fake.run(async (ctx) => { ctx.workbook.worksheets.add('Notes').activate(); await ctx.sync(); });
    fake.type('Notes!A1', 'Things to do');
    const s = servicesOn(fake);
    const r = await s.markReady(catalogueOfSize(2), 'A. Lead');
    expect(r).toMatchObject({ ok: false, reason: 'no-return' });
    if (!r.ok) expect(r.issues.map((i) => i.code)).toEqual(['no-return-sheet']);
  });
});
