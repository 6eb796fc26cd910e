import * as fs from 'node:fs';
import * as path from 'node:path';
import { readWorkbookGrids } from '../../src/adapters/exceljs/read';
import type { CellValue, Grid } from '../../src/core/grid';
import { run, tempDir } from './helpers';
import { demoIn, workbooksIn } from '../helpers/demo';

/**
 * Seen on the demo: the command line said "Conflicts (two returns gave different values; the Cabinet
 * sheet says which was used)", and the Cabinet sheet said nothing of it, nor how many returns came
 * in or were signed off. Read back from the written workbook, as a member's copy would be.
 */

let dir = '';
const listed = (sub: string): string[] => workbooksIn(dir, sub);

beforeAll(async () => {
  dir = tempDir();
  await demoIn(dir);
}, 120_000);

async function cabinetSheet(file: string): Promise<Grid> {
  const book = await readWorkbookGrids(new Uint8Array(fs.readFileSync(path.join(dir, file))));
  const sheet = book.sheets.find((g) => g.sheet.startsWith('Cabinet'));
  if (!sheet) throw new Error(`no Cabinet sheet in ${file}`);
  return sheet;
}

const texts = (row: readonly CellValue[] | undefined): string[] => (row ?? []).filter((v) => v !== null && v !== '').map(String);
const rowAt = (g: Grid, test: (row: readonly CellValue[]) => boolean): number => g.values.findIndex(test);

interface Json {
  readonly conflicts: { ref: string; reason: string; values: { file: string; cell?: string; actual: number | string | null; used: boolean; signOffState: string }[] }[];
}

describe('the demo’s Cabinet sheet shows its conflict and its data quality', () => {
  it('the conflicting indicator says Conflict in its row, and the Conflicts section gives every value, which was used and why', async () => {
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'demo', 'consolidation.json'), 'utf8')) as Json;
    expect(doc.conflicts).toHaveLength(1);
    const conflict = doc.conflicts[0];
    if (!conflict) throw new Error('no conflict planted');
    const used = conflict.values.find((v) => v.used);
    expect(conflict.values.filter((v) => v.used)).toHaveLength(1);

    const g = await cabinetSheet('demo/cabinet-2024-25-q2.xlsx');
    const header = rowAt(g, (r) => r[0] === 'Ref' && r[1] === 'Indicator');
    const commentary = g.values[header]?.indexOf('Commentary / action') ?? -1;
    const row = g.values.find((r, i) => i > header && r[0] === conflict.ref);
    expect(String(row?.[commentary])).toMatch(/^Conflict: 2 returns gave different values; see Conflicts\./);
    // The other indicators carry no such note.
    expect(g.values.filter((r) => typeof r[commentary] === 'string' && (r[commentary] as string).startsWith('Conflict:'))).toHaveLength(1);

    const at = rowAt(g, (r) => typeof r[0] === 'string' && r[0].startsWith('Conflicts:'));
    expect(at).toBeGreaterThan(header);
    const head = g.values[at + 1] ?? [];
    const col = (name: string): number => head.indexOf(name);
    expect(g.values[at + 2]?.[0]).toBe(conflict.ref);
    expect(g.values[at + 2]?.[col('How it was settled')]).toBe(`Used ${used?.actual}% from ${used?.file} because it came first of the returns signed off.`);
    const given = g.values.slice(at + 3, at + 3 + conflict.values.length).map((r) => [r[col('Indicator / return and cell')], r[col('Value')], r[col('Used')], r[col('Return’s sign-off')]]);
    expect(given).toEqual(conflict.values.map((v) => [`${v.file}, ${v.cell}`, v.actual, v.used ? 'Used' : 'Not used', 'Signed off']));
  });

  it('the data-quality note: 22 of 23 returns received, 8 signed off, Highways not received, the conflict settled', async () => {
    const g = await cabinetSheet('demo/cabinet-2024-25-q2.xlsx');
    // On page 1 with the summary, before the indicator table.
    const header = rowAt(g, (r) => r[0] === 'Ref' && r[1] === 'Indicator');
    const at = rowAt(g, (r) => r[0] === 'Data quality: the returns behind these figures, 2024-25 Q2');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(header);
    const note = new Map<string, string>();
    for (const r of g.values.slice(at + 1)) {
      const [label, text] = texts(r);
      if (label === undefined) break;
      note.set(label, text ?? '');
    }
    expect(note.get('Returns received')).toBe('22 of 23 returns received: one is expected from each service with indicators due in 2024-25 Q2.');
    expect(note.get('Not received')).toBe('Highways (2 indicators due) sent no return; those indicators are shown as Missing.');
    expect(note.get('Signed off')).toMatch(/^8 of 22 returns signed off; 14 not yet/);
    expect(note.get('Edited after sign-off')).toBe('None.');
    expect(note.get('Conflict CS03')).toMatch(/^Used 93\.5% from demo\/returns\/customer-services\.xlsx because it came first of the returns signed off\.$/);
    expect(note.get('Other periods')).toBe('None left out: every return received is for this period.');
  });

  it('a return for another quarter given with the others is named in the note as left out, and its service as not received', async () => {
    const q2 = listed('demo/returns');
    const q1 = listed('demo/earlier/2024-25-q1').filter((f) => /highways/i.test(f));
    expect(q1).toHaveLength(1);
    const r = await run(dir, ['consolidate', ...q2, ...q1, '--period', '2024-25 Q2', '--out', 'mixed.xlsx']);
    expect(r.code).toBe(1);
    const g = await cabinetSheet('mixed.xlsx');
    const all = g.values.map((row) => texts(row).join(' '));
    expect(all).toContain(`Other periods 1 return left out for holding another period: ${q1[0]} (2024-25 Q1).`);
    expect(all).toContain('Not received Highways (2 indicators due) sent no return; those indicators are shown as Missing.');
    expect(all.findIndex((t) => t.startsWith('Other periods'))).toBeLessThan(all.findIndex((t) => t.startsWith('Ref Indicator')));
  });

  it('consolidate’s text says which value was used and why, in the sheet’s words', async () => {
    const r = await run(dir, ['consolidate', ...listed('demo/returns'), '--out', 'again.xlsx']);
    expect(r.out).toMatch(/^ {2}CS03: demo\/returns\/customer-services\.xlsx Return!H\d+ says 93\.5 \(Green\); .* says 90\.7 \(Amber\)\. Used demo\/returns\/customer-services\.xlsx because it came first of the returns signed off\.$/m);
  });

  it('the paper still verifies: the notes are outside the fingerprinted columns', async () => {
    const r = await run(dir, ['verify', 'demo/cabinet-2024-25-q2.xlsx']);
    expect(r.code).toBe(0);
  });
});
