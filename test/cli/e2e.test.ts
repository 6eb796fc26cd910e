import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { columnLetters } from '../../src/core/address';
import { fillReturn, layout, run, tempDir } from './helpers';

/**
 * The BI team's quarter, end to end through main(): template → a lead fills it in → validate →
 * consolidate → the Cabinet workbook read back → verify → tampering caught.
 */
const P = '2024-25 Q2';
let dir = '';
let actualCol = '';
let cs01Row = 0;

beforeAll(async () => {
  dir = tempDir();
  expect((await run(dir, ['template', '--period', P, '--service', 'Customer Services', '--out', 'cs.xlsx'])).code).toBe(0);
  expect((await run(dir, ['template', '--period', P, '--service', "Children's Social Care", '--out', 'csc.xlsx', '--quiet'])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, 'cs.xlsx'));
  const l = layout(wb.getWorksheet('Return') as ExcelJS.Worksheet);
  actualCol = columnLetters(l.col.actual ?? 0);
  cs01Row = l.row.CS01 ?? 0;
  const good = {
    CS01: { Actual: 84.2 },
    CS02: { Actual: 4.1 },
    CS03: { Actual: 80, Commentary: '-12 points: two advisers on long-term sick leave', Action: 'Agency cover from October' },
    CS04: { Status: 'On track' },
  };
  await fillReturn(dir, 'cs.xlsx', 'good.xlsx', good, { 'Prepared by': 'Priya Shah', 'Ready for sign-off': 'Yes' });
  await fillReturn(dir, 'cs.xlsx', 'bad.xlsx', { ...good, CS01: { Actual: null }, CS03: { Actual: 80, Commentary: null, Action: 'Agency cover' } });
  await fillReturn(dir, 'csc.xlsx', 'children.xlsx', {
    CSC01: { Actual: 42 }, CSC02: { Actual: 70 }, CSC03: { Actual: 16 }, CSC04: { Actual: 93 },
    CSC06: { Actual: 3 }, CSC07: { Actual: 73 },
  });
}, 60000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('validate', () => {
  it('exits 0 for a clean return and prints its RAG counts', async () => {
    const r = await run(dir, ['validate', 'good.xlsx']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/good\.xlsx/);
    expect(r.out).toMatch(/Green \d+ · Amber \d+ · Red 1/);
  });

  it('exits 1 with each error by cell, and --json gives exactly one document of the contract shape', async () => {
    const text = await run(dir, ['validate', 'bad.xlsx']);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(new RegExp(`error\\s+CS01\\s+Return!${actualCol}${cs01Row}\\s`));
    const r = await run(dir, ['validate', 'bad.xlsx', '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { files: { file: string; period: string; rows: Record<string, unknown>[]; issues: Record<string, unknown>[] }[] };
    expect(doc.files).toHaveLength(1);
    const [f] = doc.files;
    expect(f?.file).toBe('bad.xlsx');
    expect(f?.period).toBe(P);
    const cs01 = f?.rows.find((x) => x.ref === 'CS01');
    expect(cs01).toMatchObject({ ref: 'CS01', actual: null, status: 'Missing' });
    expect(Object.keys(cs01 ?? {})).toEqual(expect.arrayContaining(['ref', 'actual', 'status', 'direction']));
    expect(f?.rows.find((x) => x.ref === 'CS03')).toMatchObject({ actual: 80, status: 'Red' });
    expect(f?.rows.find((x) => x.ref === 'CS04')).toMatchObject({ status: 'Green' });
    const missing = f?.issues.find((i) => i.ref === 'CS01' && i.severity === 'error');
    expect(missing).toMatchObject({ severity: 'error', code: 'missing', ref: 'CS01', cell: `Return!${actualCol}${cs01Row}` });
    expect(typeof missing?.message).toBe('string');
    expect(f?.issues).toContainEqual(expect.objectContaining({ severity: 'error', code: 'commentary-required', ref: 'CS03' }));
    for (const i of f?.issues ?? []) expect(Object.keys(i)).toEqual(expect.arrayContaining(['severity', 'code', 'ref', 'cell', 'message']));
  });

  it('reports a file without a period as an error, and takes --period instead', async () => {
    await fillReturn(dir, 'good.xlsx', 'noperiod.xlsx', {}, { Period: '' });
    const without = await run(dir, ['validate', 'noperiod.xlsx', '--json']);
    expect(without.code).toBe(1);
    expect(JSON.parse(without.out).files[0].issues).toContainEqual(expect.objectContaining({ code: 'no-period', severity: 'error' }));
    expect((await run(dir, ['validate', 'noperiod.xlsx', '--period', P])).code).toBe(0);
  });
});

describe('consolidate, the Cabinet workbook and verify', () => {
  let json: Record<string, unknown> = {};
  beforeAll(async () => {
    const r = await run(dir, ['consolidate', 'good.xlsx', 'children.xlsx', '--out', 'cabinet.xlsx', '--json']);
    expect(r.err).toBe('');
    json = JSON.parse(r.out) as Record<string, unknown>;
  });

  it('writes the Cabinet workbook and reports conflicts, missing returns and the output', () => {
    expect(fs.existsSync(path.join(dir, 'cabinet.xlsx'))).toBe(true);
    expect(json.output).toBe('cabinet.xlsx');
    expect(Array.isArray(json.conflicts)).toBe(true);
    expect(json.missing).toEqual(expect.arrayContaining(['PLN01', 'ASC01']));
    expect((json.files as unknown[]).length).toBe(2);
  });

  it('is locked, holds values not formulas, suppresses the small count and keeps commentary as text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'cabinet.xlsx'));
    const ws = wb.worksheets.find((w) => w.name.startsWith('Cabinet'));
    expect(ws).toBeDefined();
    if (!ws) return;
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    let formulas = 0;
    let csc06: unknown[] = [];
    let commentary: unknown;
    ws.eachRow((row) => {
      row.eachCell((c) => {
        if (c.type === ExcelJS.ValueType.Formula) formulas += 1;
        if (typeof c.value === 'string' && c.value.startsWith('-12 points')) commentary = c.value;
      });
      if (row.getCell(1).value === 'CSC06') csc06 = (row.values as unknown[]).slice(1);
    });
    expect(formulas).toBe(0);
    expect(csc06).toContain('<5');
    expect(csc06).not.toContain(3);
    expect(commentary).toMatch(/^-12 points: two advisers on long-term sick leave/);
  });

  it('verify says unchanged (0), then catches a changed number (1)', async () => {
    const ok = await run(dir, ['verify', 'cabinet.xlsx']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/unchanged/);
    // Edit one number in the sheet XML, as Excel would save it: the properties survive, the data does not match.
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'cabinet.xlsx')));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'cabinet.xlsx'));
    const ws = wb.worksheets.find((w) => w.name.startsWith('Cabinet')) as ExcelJS.Worksheet;
    const index = wb.worksheets.indexOf(ws) + 1;
    let address = '';
    ws.eachRow((row) => {
      if (row.getCell(1).value === 'CS01') row.eachCell((c) => { if (c.value === 84.2) address = c.address; });
    });
    expect(address).not.toBe('');
    const name = `xl/worksheets/sheet${index}.xml`;
    const xml = await zip.file(name)?.async('string') ?? '';
    const changed = xml.replace(new RegExp(`(<c r="${address}"[^>]*>(?:<f>[^<]*</f>)?<v>)84\\.2(</v>)`), '$179.9$2');
    expect(changed).not.toBe(xml);
    zip.file(name, changed);
    fs.writeFileSync(path.join(dir, 'tampered.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const bad = await run(dir, ['verify', 'tampered.xlsx']);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/CHANGED/);
  });

  it('verify exits 2 for a workbook that is not a Cabinet workbook', async () => {
    const r = await run(dir, ['verify', 'good.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^scorecard: good\.xlsx: not a Cabinet workbook/);
  });
});

describe('could not do it: exit 2, one line, nothing written', () => {
  it.each([
    [['validate'], /give at least one return/],
    [['template', '--period', 'autumn', '--out', 'x.xlsx'], /--period "autumn" is not a period/],
    [['template', '--period', P], /--out is required/],
    [['frobnicate'], /unknown command frobnicate/],
    [['validate', 'good.xlsx', '--colour'], /unknown option --colour/],
    [['validate', 'nope.xlsx'], /^scorecard: nope\.xlsx: no such file/],
    [['template', '--period', P, '--service', 'Nowhere', '--out', 'x.xlsx'], /no indicators for service "Nowhere"/],
  ])('%j', async (argv, message) => {
    const r = await run(dir, argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });

  it('an unreadable input stops consolidate before anything is written', async () => {
    fs.writeFileSync(path.join(dir, 'notes.xlsx'), 'Ref,Actual\nCS01,80\n');
    const r = await run(dir, ['consolidate', 'good.xlsx', 'notes.xlsx', '--out', 'never.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('scorecard: notes.xlsx: not an .xlsx workbook (zip signature missing)\n');
    expect(fs.existsSync(path.join(dir, 'never.xlsx'))).toBe(false);
  });

  it('a zip that is not a workbook is one line too', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    fs.writeFileSync(path.join(dir, 'fake.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await run(dir, ['validate', 'fake.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^scorecard: fake\.xlsx: .+\n$/);
  });

  it('never overwrites --out without --force, nor an input even with it', async () => {
    const before = fs.readFileSync(path.join(dir, 'good.xlsx'));
    const exists = await run(dir, ['template', '--period', P, '--out', 'good.xlsx']);
    expect(exists.code).toBe(2);
    expect(exists.err).toMatch(/good\.xlsx: already exists; use --force/);
    const input = await run(dir, ['consolidate', 'good.xlsx', '--out', 'good.xlsx', '--force']);
    expect(input.code).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'good.xlsx'))).toEqual(before);
    expect((await run(dir, ['template', '--period', P, '--out', 'cs.xlsx', '--force', '-q'])).code).toBe(0);
  });

  it('a bad --catalogue names the file and the JSON path', async () => {
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ schemaVersion: 1, organisation: 'X', plan: 'Y', version: 'v', financialYears: ['2024-25'], priorities: [{ id: 'P1', title: 'T' }], indicators: [{ id: 'A1', title: 't', priority: 'P9', directorate: 'd', service: 's', kind: 'qualitative', frequency: 'quarterly', dueQuarters: ['Q2'] }] }));
    const r = await run(dir, ['validate', 'good.xlsx', '--catalogue', 'bad.json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^scorecard: bad\.json: not a valid catalogue: indicators\[0\]\.priority/);
    const check = await run(dir, ['catalogue', 'check', 'bad.json']);
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/indicators\[0\]\.priority does not match any priority id/);
  });

  it('an internal fault is one line, with the stack only under SCORECARD_DEBUG=1', async () => {
    const { main } = await import('../../src/cli/main');
    let err = '';
    const boom = { stdout: () => { throw new Error('disk on fire'); }, stderr: (t: string) => (err += t), cwd: dir };
    expect(await main(['catalogue', 'check'], { ...boom, env: {} })).toBe(2);
    expect(err).toBe('scorecard: internal error: disk on fire (set SCORECARD_DEBUG=1 for details)\n');
    err = '';
    await main(['catalogue', 'check'], { ...boom, env: { SCORECARD_DEBUG: '1' } });
    expect(err.split('\n').length).toBeGreaterThan(2);
  });
});

describe('help', () => {
  it.each(['template', 'validate', 'consolidate', 'catalogue', 'verify', 'demo'])('%s --help prints its usage and exits 0', async (command) => {
    const r = await run(dir, [command, '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`Usage: scorecard ${command}`));
    expect(r.err).toBe('');
  });

  it('no command: the overview on stdout, one line on stderr, exit 2', async () => {
    const r = await run(dir, []);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/Commands:/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
