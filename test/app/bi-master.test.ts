import * as fs from 'node:fs';
import * as path from 'node:path';
import { readWorkbookGrids } from '../../src/adapters/exceljs/read';
import { renderWorkbook } from '../../src/adapters/exceljs/render';
import { checkCouncil, readMaster } from '../../src/app/bi-master';
import type { FileAdapters } from '../../src/app/ports';
import { defaultCatalogue } from '../../src/catalogue/index';
import { emptyHistory } from '../../src/core/history/parse';
import { freshFake, servicesOn } from '../adapters/office/helpers';
import { run, tempDir } from '../cli/helpers';
import { demoIn, workbooksIn } from '../helpers/demo';

/**
 * The BI-master policy is one rule (src/app/bi-master.ts), and both faces keep it: another council's
 * master is refused, and a quarter the master already holds closed is refused rather than silently
 * compared (the pane did that) or silently replaced; only the CLI reopens, with a reason.
 */

const files: FileAdapters = {
  renderWorkbook: async (plan) => renderWorkbook(plan),
  readWorkbookGrids: async (bytes) => (await readWorkbookGrids(bytes)).sheets,
};
const catalogue = defaultCatalogue();
let dir = '';
beforeAll(async () => {
  dir = tempDir();
  await demoIn(dir);
}, 120_000);
const returnsIn = (sub: string): string[] => workbooksIn(dir, path.join('demo', sub));

describe('reading a master', () => {
  it('refuses text that is not a history, and another council’s history', () => {
    expect(readMaster('{ nope', catalogue)).toMatchObject({ ok: false, reason: expect.stringMatching(/^not a BI master \(history\) file: /) });
    expect(checkCouncil(emptyHistory('Another Borough'), catalogue)).toMatchObject({ ok: false, reason: expect.stringMatching(/Another Borough, not of /) });
    expect(readMaster(JSON.stringify(emptyHistory(` ${catalogue.organisation.toUpperCase()} `)), catalogue).ok).toBe(true);
  });
});

describe('both faces keep the one rule', () => {
  it('the CLI refuses another council’s master with exit 2 naming the file; the pane refuses it too', async () => {
    fs.writeFileSync(path.join(dir, 'theirs.json'), JSON.stringify(emptyHistory('Another Borough')));
    const r = await run(dir, ['consolidate', ...returnsIn('returns'), '--period', '2024-25 Q2', '--history', 'theirs.json', '--out', 'x.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/theirs\.json.*Another Borough/);
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
    const s = servicesOn(freshFake(), { files });
    await expect(s.loadMaster(catalogue, { name: 'theirs.json', bytes: fs.readFileSync(path.join(dir, 'theirs.json')) })).rejects.toThrow(/Another Borough/);
  });

  it('a quarter the master holds closed: the CLI writes nothing without --reopen; the pane says so instead of a paper', async () => {
    // The demo's master closed 2024-25 Q1; consolidate Q1's returns again.
    fs.copyFileSync(path.join(dir, 'demo', 'bi-master.json'), path.join(dir, 'm.json'));
    const q1 = returnsIn(path.join('earlier', '2024-25-q1'));
    const cli = await run(dir, ['consolidate', ...q1, '--period', '2024-25 Q1', '--history', 'm.json', '--out', 'q1.xlsx']);
    expect(cli.code).toBe(1);
    expect(cli.out).toMatch(/Nothing written/);
    expect(fs.existsSync(path.join(dir, 'q1.xlsx'))).toBe(false);

    const s = servicesOn(freshFake(), { files });
    await s.loadMaster(catalogue, { name: 'm.json', bytes: fs.readFileSync(path.join(dir, 'm.json')) });
    const inputs = q1.map((f) => ({ name: path.basename(f), bytes: new Uint8Array(fs.readFileSync(path.join(dir, f))) }));
    await expect(s.consolidate(catalogue, inputs, '2024-25 Q1', () => undefined)).rejects.toThrow(/2024-25 Q1 was closed on .*reopened/);
    await s.clearMaster();
    await s.consolidate(catalogue, inputs, '2024-25 Q1', () => undefined);
    expect((await s.cabinetPreview(catalogue, '2024-25 Q1')).period).toBe('2024-25 Q1');

    const reopened = await run(dir, ['consolidate', ...q1, '--period', '2024-25 Q1', '--history', 'm.json', '--reopen', '--reason', 'late correction', '--out', 'q1.xlsx']);
    expect(reopened.code).not.toBe(2);
    expect(fs.existsSync(path.join(dir, 'q1.xlsx'))).toBe(true);
  });
});
