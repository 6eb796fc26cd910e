import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { defaultCatalogue } from '../../src/catalogue';
import { run, tempDir } from './helpers';

/** Issue 13 point 7: the BI team's quarterly chore, one return per service in one command. */
describe('template --all-services --out-dir DIR', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const args = (out: string, ...more: string[]): string[] => ['template', '--all-services', '--period', '2024-25 Q2', '--out-dir', out, ...more];
  const list = (d: string): string[] => fs.readdirSync(path.join(dir, d)).sort();

  it('writes one return per service with indicators due, named after the service and period, creating DIR', async () => {
    const r = await run(dir, args('q2/returns'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const files = list('q2/returns');
    expect(files).toContain('customer-services-2024-25-q2.xlsx');
    expect(files).toContain('childrens-social-care-2024-25-q2.xlsx');
    expect(files).toContain('housing-management-and-repairs-2024-25-q2.xlsx');
    expect(files.every((f) => /^[a-z0-9-]+-2024-25-q2\.xlsx$/.test(f))).toBe(true);
    // Every service of the catalogue either has its file or is listed as skipped, with the reason.
    const services = [...new Set(defaultCatalogue().indicators.map((i) => i.service))];
    expect(files).toHaveLength(services.length - 2);
    expect(r.out).toMatch(/Skipped 2 services:\n {2}Transport and Road Safety: no indicators due in 2024-25 Q2\n {2}Early Years: no indicators due in 2024-25 Q2|Skipped 2 services:\n {2}Early Years: no indicators due in 2024-25 Q2\n {2}Transport and Road Safety: no indicators due in 2024-25 Q2/);
    expect(files.some((f) => f.startsWith('early-years') || f.startsWith('transport-and-road-safety'))).toBe(false);
    expect(r.out).toContain(`Wrote ${files.length} returns for 2024-25 Q2 in q2/returns:`);
    expect(r.out).toMatch(/customer-services-2024-25-q2\.xlsx: Customer Services, 4 indicators due/);
  });

  it('each file is that service\'s return, and validates as one (blank: Missing errors, not unreadable)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'q2/returns/customer-services-2024-25-q2.xlsx'));
    const refs: string[] = [];
    wb.getWorksheet('Return')?.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'string' && /^CS\d\d$/.test(c.value)) refs.push(c.value); }));
    expect(refs.sort()).toEqual(['CS01', 'CS02', 'CS03', 'CS04']);
    const v = await run(dir, ['validate', 'q2/returns/customer-services-2024-25-q2.xlsx', '--json']);
    expect(v.code).toBe(1);
    const [file] = JSON.parse(v.out).files;
    expect(file.period).toBe('2024-25 Q2');
    expect(file.rows.map((x: { ref: string }) => x.ref).sort()).toEqual(['CS01', 'CS02', 'CS03', 'CS04']);
  });

  it('never overwrites: one file already there refuses the lot (exit 2, naming it), nothing written', async () => {
    fs.mkdirSync(path.join(dir, 'again'));
    fs.writeFileSync(path.join(dir, 'again/finance-2024-25-q2.xlsx'), 'a lead\'s work');
    const r = await run(dir, args('again'));
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('again/finance-2024-25-q2.xlsx');
    expect(r.err).toContain('--force');
    expect(list('again')).toEqual(['finance-2024-25-q2.xlsx']);
    expect(fs.readFileSync(path.join(dir, 'again/finance-2024-25-q2.xlsx'), 'utf8')).toBe('a lead\'s work');
  });

  it('names every file in the way when several are', async () => {
    const r = await run(dir, args('q2/returns'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^scorecard: q2\/returns\/customer-services-2024-25-q2\.xlsx: already exists \(and 22 other files there: information-governance-2024-25-q2\.xlsx, [a-z-]+-2024-25-q2\.xlsx, [a-z-]+-2024-25-q2\.xlsx …\); nothing was written/);
  });

  it('overwrites with --force', async () => {
    const r = await run(dir, args('again', '--force', '-q'));
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'again/finance-2024-25-q2.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('follows the catalogue given: its services, with a slug safe for any name', async () => {
    const c = defaultCatalogue();
    c.indicators = c.indicators.filter((i) => i.service === 'Customer Services').map((i) => ({ ...i, service: 'Children’s & Families: "Front door"/Triage' }));
    c.changes = (c.changes ?? []).filter((ch) => c.indicators.some((i) => i.id === ch.indicator));
    fs.writeFileSync(path.join(dir, 'cat.json'), JSON.stringify(c));
    const r = await run(dir, args('odd', '--catalogue', 'cat.json'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(list('odd')).toEqual(['childrens-and-families-front-door-triage-2024-25-q2.xlsx']);
  });

  it.each([
    [['--service', 'Finance'], /leave out --service/],
    [['--out', 'x.xlsx'], /--out-dir/],
  ])('refuses %j with --all-services (exit 2)', async (extra, message) => {
    const r = await run(dir, args('nope', ...extra));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(fs.existsSync(path.join(dir, 'nope'))).toBe(false);
  });

  it('refuses --out-dir without --all-services, and --all-services without --out-dir (exit 2)', async () => {
    expect((await run(dir, ['template', '--period', '2024-25 Q2', '--out-dir', 'x'])).code).toBe(2);
    const r = await run(dir, ['template', '--all-services', '--period', '2024-25 Q2']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out-dir');
  });
});
