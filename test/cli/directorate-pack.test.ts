import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { defaultCatalogue } from '../../src/catalogue';
import { run, tempDir } from './helpers';
import { demoIn } from '../helpers/demo';

/** Issue 13 point 7: `consolidate --directorate D`, a Directorate Management Team pack with the Cabinet sheet's contract. */
describe('consolidate --directorate D', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const returns = (): string[] => fs.readdirSync(path.join(dir, 'demo/returns')).map((f) => `demo/returns/${f}`);
  const ids = (d: string): Set<string> => new Set(defaultCatalogue().indicators.filter((i) => i.directorate === d).map((i) => i.id));
  const consolidate = (out: string, ...more: string[]) => run(dir, ['consolidate', ...returns(), '--period', '2024-25 Q2', '--out', out, ...more], { SCORECARD_NOW: '2024-10-20T09:00:00Z' });

  async function cabinetSheet(file: string): Promise<{ ws: ExcelJS.Worksheet; wb: ExcelJS.Workbook; refs: string[] }> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, file));
    const ws = wb.worksheets.find((w) => w.name.startsWith('Cabinet'));
    if (!ws) throw new Error('no Cabinet sheet');
    const refs: string[] = [];
    ws.getColumn(1).eachCell((c) => { if (typeof c.value === 'string' && /^[A-Z]{2,4}\d\d$/.test(c.value)) refs.push(c.value); });
    return { ws, wb, refs };
  }

  let whole: { missing: string[]; conflicts: { ref: string }[]; files: { file: string }[] };
  beforeAll(async () => {
    await demoIn(dir);
    const r = await consolidate('council.xlsx', '--json');
    whole = JSON.parse(r.out);
  });

  it('Housing (any case): only its indicators, returns and counts, titled as its DMT pack; verify passes; exit 0', async () => {
    const r = await consolidate('dmt-housing.xlsx', '--directorate', 'housing', '--json');
    expect(r.err).not.toContain('scorecard:');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.directorate).toBe('Housing');
    const housing = ids('Housing');
    const files = j.files.map((f: { file: string }) => path.basename(f.file)).sort();
    expect(files).toEqual(['housing-management-and-repairs.xlsx', 'housing-needs.xlsx', 'housing-regeneration.xlsx']);
    // Housing Regeneration's return also gives CS03 (Resources): not this pack's row, conflict or issue.
    expect(j.conflicts).toEqual([]);
    for (const f of j.files) {
      expect(f.rows.every((x: { ref: string }) => housing.has(x.ref))).toBe(true);
      expect(f.issues.every((i: { ref?: string }) => i.ref === undefined || housing.has(i.ref))).toBe(true);
    }
    const total = Object.values(j.counts as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(total).toBe(housing.size);

    const { ws, wb, refs } = await cabinetSheet('dmt-housing.xlsx');
    expect(ws.name).toBe('Cabinet 2024-25 Q2');
    expect(ws.getCell('A1').value).toBe('DMT pack: Housing');
    expect(new Set(refs)).toEqual(housing);
    expect(refs.every((x) => housing.has(x))).toBe(true);
    expect(wb.subject).toBe('Corporate Performance Scorecard for the Housing Directorate Management Team');
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    const verify = await run(dir, ['verify', 'dmt-housing.xlsx']);
    expect(verify.out).toContain('unchanged');
    expect(verify.code).toBe(0);
  });

  it('the same sheet contract as the Cabinet paper: the same column headers in the same order', async () => {
    const header = (ws: ExcelJS.Worksheet): unknown[] => {
      let found: unknown[] = [];
      ws.eachRow((row) => { if (found.length === 0 && row.getCell(1).value === 'Ref') found = (row.values as unknown[]).slice(1); });
      return found;
    };
    expect(header((await cabinetSheet('council.xlsx')).ws)).toContain('RAG');
    // The same headers in the same order, less any column no row of the pack fills (Housing gives no benchmark).
    const council = header((await cabinetSheet('council.xlsx')).ws);
    const pack = header((await cabinetSheet('dmt-housing.xlsx')).ws);
    expect(pack).toEqual(council.filter((h) => pack.includes(h)));
    expect(council.filter((h) => !pack.includes(h)).every((h) => ['Numerator', 'Denominator', 'Benchmark', 'Direction (vs last year)'].includes(String(h)))).toBe(true);
    expect((await cabinetSheet('council.xlsx')).ws.getCell('A1').value).toBe('Corporate Performance Scorecard');
  });

  it('missing returns and conflicts are the directorate\'s only (Place: Highways missing, exit 1)', async () => {
    const r = await consolidate('dmt-place.xlsx', '--directorate', 'PLACE', '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    const place = ids('Place');
    expect(j.missing.length).toBeGreaterThan(0);
    expect(j.missing).toEqual(whole.missing.filter((ref) => place.has(ref)));
    expect(j.missing.every((ref: string) => place.has(ref))).toBe(true);
    const housing = JSON.parse((await consolidate('dmt-housing-2.xlsx', '--directorate', 'Housing', '--json')).out);
    expect(housing.missing).toEqual([]);
    const text = await consolidate('dmt-place-text.xlsx', '--directorate', 'Place');
    expect(text.out).toContain('Directorate Management Team pack for Place');
    expect(text.out).toContain(`Missing (due, no return gave them): ${j.missing.join(', ')}`);
  });

  it('a conflict about its indicator stays in its pack, with the other directorate\'s return that gave it', async () => {
    const r = await consolidate('dmt-resources.xlsx', '--directorate', 'Resources', '--json');
    const j = JSON.parse(r.out);
    expect(j.conflicts.map((k: { ref: string }) => k.ref)).toEqual(whole.conflicts.map((k) => k.ref).filter((ref) => ids('Resources').has(ref)));
    expect(j.conflicts.length).toBeGreaterThan(0);
    expect(j.files.map((f: { file: string }) => path.basename(f.file))).toContain('housing-regeneration.xlsx');
  });

  it('an unknown directorate is a usage error listing the directorates (exit 2), nothing written', async () => {
    const r = await consolidate('dmt-nope.xlsx', '--directorate', 'People');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('no directorate "People"');
    for (const d of ['Resources', 'Place', 'Housing', "People (Children's)", "People (Adults')"]) expect(r.err).toContain(d);
    expect(fs.existsSync(path.join(dir, 'dmt-nope.xlsx'))).toBe(false);
  });

  it('is not recorded in the BI master: --history with --directorate is a usage error', async () => {
    const r = await consolidate('dmt-h.xlsx', '--directorate', 'Housing', '--history', 'demo/bi-master.json');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--history');
  });
});
