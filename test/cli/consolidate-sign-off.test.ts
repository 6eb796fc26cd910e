import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { layout, run, tempDir } from './helpers';
import { demoIn } from '../helpers/demo';

/**
 * `consolidate` says which returns are not signed off (issue 13, point 3): on the demo's own files
 * the text used to be silent about 14 unsigned returns.
 */

let dir = '';
let returns: string[] = [];

interface Json {
  readonly files: { file: string; signOff: string }[];
  readonly signOff: { signedOff: number; received: number; notSignedOff: string[]; editedAfterSignOff: string[] };
}

beforeAll(async () => {
  dir = tempDir();
  await demoIn(dir);
  returns = fs.readdirSync(path.join(dir, 'demo/returns')).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join('demo/returns', f));
}, 120_000);

describe('consolidate reports sign-off', () => {
  it('--json: each file’s sign-off state and a summary that agrees with them', async () => {
    const r = await run(dir, ['consolidate', ...returns, '--period', '2024-25 Q2', '--out', 'c.xlsx', '--json']);
    const doc = JSON.parse(r.out) as Json;
    expect(doc.files).toHaveLength(22);
    const states = doc.files.map((f) => f.signOff);
    expect(states.every((s) => ['not-ready', 'ready', 'signed-off', 'edited-after-signoff'].includes(s))).toBe(true);
    const unsigned = doc.files.filter((f) => f.signOff === 'not-ready' || f.signOff === 'ready').map((f) => f.file);
    expect(unsigned.length).toBeGreaterThan(0);
    expect(doc.signOff).toEqual({
      signedOff: states.filter((s) => s === 'signed-off').length,
      received: 22,
      notSignedOff: unsigned,
      readyForSignOff: doc.files.filter((f) => f.signOff === 'ready').map((f) => f.file),
      editedAfterSignOff: [],
    });
  });

  it('text: the count signed off of received, and every return not signed off by name', async () => {
    const json = JSON.parse((await run(dir, ['consolidate', ...returns, '--period', '2024-25 Q2', '--out', 'j.xlsx', '--json'])).out) as Json;
    const r = await run(dir, ['consolidate', ...returns, '--period', '2024-25 Q2', '--out', 't.xlsx']);
    expect(r.out).toContain(`Sign-off: ${json.signOff.signedOff} of 22 returns signed off.`);
    expect(r.out).toContain(`Not signed off (${json.signOff.notSignedOff.length}):`);
    for (const f of json.signOff.notSignedOff) expect(r.out).toMatch(new RegExp(`^  ${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: (Not marked ready|Ready, not signed off)$`, 'm'));
    expect(r.out).not.toContain('Edited after sign-off');
  });

  it('a signed-off return edited afterwards is listed as edited after sign-off, in text and JSON', async () => {
    const before = JSON.parse((await run(dir, ['consolidate', ...returns, '--period', '2024-25 Q2', '--out', 'b.xlsx', '--json'])).out) as Json;
    const signed = before.files.find((f) => f.signOff === 'signed-off')?.file;
    if (!signed) throw new Error('the demo has no signed-off return');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, signed));
    const ws = wb.getWorksheet('Return');
    if (!ws) throw new Error('no Return sheet');
    const { col, row } = layout(ws);
    const [ref] = Object.keys(row);
    const cell = ws.getCell(row[ref ?? ''] ?? 0, col.commentary ?? 0);
    cell.value = `${String(cell.value ?? '')} (revised)`;
    const edited = signed.replace(/\.xlsx$/, '-edited.xlsx');
    await wb.xlsx.writeFile(path.join(dir, edited));
    const files = returns.map((f) => (f === signed ? edited : f));

    const doc = JSON.parse((await run(dir, ['consolidate', ...files, '--period', '2024-25 Q2', '--out', 'e.xlsx', '--json'])).out) as Json;
    expect(doc.files.find((f) => f.file === edited)?.signOff).toBe('edited-after-signoff');
    expect(doc.signOff.editedAfterSignOff).toEqual([edited]);
    expect(doc.signOff.signedOff).toBe(before.signOff.signedOff - 1);
    expect(doc.signOff.notSignedOff).not.toContain(edited);

    const text = await run(dir, ['consolidate', ...files, '--period', '2024-25 Q2', '--out', 'et.xlsx']);
    expect(text.out).toContain(`Sign-off: ${before.signOff.signedOff - 1} of 22 returns signed off.`);
    expect(text.out).toMatch(new RegExp(`Edited after sign-off, so no longer signed off \\(1\\):\\n  ${edited.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
  });
});
