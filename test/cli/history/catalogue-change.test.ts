import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { defaultCatalogue } from '../../../src/catalogue';
import { run, tempDir } from '../helpers';
import { runCatalogue } from '../../core/history/run';

const dir = tempDir();
const write = (name: string, v: unknown): void => fs.writeFileSync(path.join(dir, name), JSON.stringify(v));
const now = runCatalogue();
write('old.json', defaultCatalogue());
write('new.json', now);
// The same edits with the two new log entries dropped: the change to CS01's target is unlogged.
write('unlogged.json', { ...now, changes: (now.changes ?? []).filter((c) => c.date < '2024-11-01') });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('catalogue change control through the CLI', () => {
  it('diff lists each difference in the change log\'s terms, and --json gives the entries', async () => {
    const r = await run(dir, ['catalogue', 'diff', 'old.json', 'new.json']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/CS01 +target 2024-25: 82 → 84/);
    // ENF02 is retired by its change-log entry and stays in the file for its history: not a difference.
    expect(r.out).toMatch(/^1 difference\./m);
    const j = await run(dir, ['catalogue', 'diff', 'old.json', 'new.json', '--json']);
    expect(JSON.parse(j.out).changes).toContainEqual(expect.objectContaining({ indicator: 'CS01', change: 'target', year: '2024-25', from: 82, to: 84 }));
  });

  it.each([
    ['new.json', 0, /is in the change log/],
    ['unlogged.json', 1, /change-not-logged.*CS01/],
  ])('check %s --against old.json exits %d', async (file, code, text) => {
    const r = await run(dir, ['catalogue', 'check', file, '--against', 'old.json']);
    expect([r.code, r.out]).toEqual([code, expect.stringMatching(text)]);
  });

  it('diff with one file is a usage error (exit 2)', async () => {
    expect((await run(dir, ['catalogue', 'diff', 'old.json'])).code).toBe(2);
  });
});

describe('the Trends sheet in the written file', () => {
  it('carries its key and the height of every row (LibreOffice prints a row at the height the file gives)', async () => {
    fs.mkdirSync(path.join(dir, 'h'));
    const { writeReturns } = await import('./quarters');
    const { QUARTERS } = await import('../../core/history/run');
    write('h/cat.json', now);
    for (const k of [0, 1]) {
      const files = await writeReturns(path.join(dir, 'h'), now, QUARTERS[k] as (typeof QUARTERS)[number], k);
      const r = await run(path.join(dir, 'h'), ['consolidate', ...files, '--catalogue', 'cat.json', '--out', `c${k}.xlsx`, '--history', 'm.json', '--period', k === 0 ? '2023-24 Q1' : '2023-24 Q2']);
      expect(r.code).toBeLessThan(2);
    }
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'h', 'c1.xlsx')));
    const trends = await zip.file('xl/worksheets/sheet2.xml')?.async('string');
    const strings = await zip.file('xl/sharedStrings.xml')?.async('string');
    expect(`${strings ?? ''}${trends ?? ''}`).toContain('Green: on or better than target');
    const rows = [...(trends ?? '').matchAll(/<row [^>]*>/g)].map((m) => m[0]);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r) => /customHeight="1"/.test(r))).toBe(true);
  });
});
