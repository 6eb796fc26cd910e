import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { defaultCatalogue } from '../../src/catalogue';
import { layout, run, tempDir } from './helpers';
import { demoIn } from '../helpers/demo';

/**
 * Issue 13 point 6: "baseline year, target to be set". A catalogue whose CS02 has no target for
 * any year is valid: checked with a warning, templated with "To be set", validated and consolidated
 * as Tracking with a warning naming it, exit 0 (warnings allowed).
 */
describe('an indicator whose targets are still to be set, from the command line', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    await demoIn(dir);
    // Customer Services' indicators only, so its one return is the whole consolidation.
    const c = defaultCatalogue();
    const ours = c.indicators.filter((i) => i.service === 'Customer Services');
    const ids = new Set(ours.map((i) => i.id));
    const cs02 = ours.find((i) => i.id === 'CS02');
    if (!cs02) throw new Error('no CS02');
    delete (cs02 as { targets?: unknown }).targets;
    const changes = (c.changes ?? []).filter((ch) => ids.has(ch.indicator) && !(ch.indicator === 'CS02' && ch.change === 'target'));
    fs.writeFileSync(path.join(dir, 'cat.json'), JSON.stringify({ ...c, indicators: ours, changes }, null, 2));
  });

  it('catalogue check: valid, with a warning naming it (exit 0)', async () => {
    const r = await run(dir, ['catalogue', 'check', 'cat.json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/cat\.json: valid, with 1 warning\./);
    expect(r.out).toMatch(/warning: indicators\[\d+\]\.targets .*CS02.*to be set/);
  });

  it('survives the BI team\'s catalogue workbook: export then import keeps it, still valid', async () => {
    expect((await run(dir, ['catalogue', 'export', 'cat.json', '--out', 'cat.xlsx', '-q'])).code).toBe(0);
    const r = await run(dir, ['catalogue', 'import', 'cat.xlsx', '--out', 'again.json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const again = JSON.parse(fs.readFileSync(path.join(dir, 'again.json'), 'utf8'));
    expect(Object.values(again.indicators.find((i: { id: string }) => i.id === 'CS02').targets ?? {}).filter((t) => t !== null)).toEqual([]);
  });

  it('template: writes the return with the Target "To be set"', async () => {
    const r = await run(dir, ['template', '--period', '2024-25 Q2', '--service', 'Customer Services', '--catalogue', 'cat.json', '--out', 'cs.xlsx']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'cs.xlsx'));
    const ws = wb.getWorksheet('Return');
    if (!ws) throw new Error('no Return sheet');
    const { col, row } = layout(ws);
    expect(ws.getCell(row.CS02 ?? 0, col.target ?? 0).value).toBe('To be set');
    expect(ws.getCell(row.CS01 ?? 0, col.target ?? 0).value).toBe(82);
  });

  it('validate: Tracking, with a target-to-be-set warning naming it (exit 0)', async () => {
    const r = await run(dir, ['validate', 'demo/returns/customer-services.xlsx', '--catalogue', 'cat.json', '--json']);
    expect(r.code).toBe(0);
    const [file] = JSON.parse(r.out).files;
    expect(file.rows.find((x: { ref: string }) => x.ref === 'CS02').status).toBe('Tracking');
    const found = file.issues.filter((i: { code: string }) => i.code === 'target-to-be-set');
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', ref: 'CS02' })]);
    expect(found[0].message).toMatch(/^CS02: the target is still to be set/);
    const text = await run(dir, ['validate', 'demo/returns/customer-services.xlsx', '--catalogue', 'cat.json']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/CS02: the target is still to be set/);
  });

  it('consolidate: the Cabinet sheet shows "To be set" and Tracking, exit 0', async () => {
    const r = await run(dir, ['consolidate', 'demo/returns/customer-services.xlsx', '--catalogue', 'cat.json', '--out', 'cabinet.xlsx']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'cabinet.xlsx'));
    const ws = wb.worksheets.find((w) => w.name.startsWith('Cabinet'));
    if (!ws) throw new Error('no Cabinet sheet');
    let cells: string[] = [];
    ws.eachRow((r) => {
      const values = (r.values as unknown[]).map((v) => String(v ?? ''));
      if (values.includes('CS02')) cells = values;
    });
    expect(cells).toContain('To be set');
    expect(cells.some((v) => /Tracking/.test(v))).toBe(true);
    expect((await run(dir, ['verify', 'cabinet.xlsx'])).code).toBe(0);
  });
});
