import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { fillReturn, tempDir } from '../helpers';
import { bounded, PERIOD, writeTemplate } from './corpus';

/**
 * Returns that open fine but hold what breaks naive code: huge sheets, long and right-to-left
 * text, emoji, error values everywhere, dates for numbers, text that looks like a formula.
 * The CLI must finish, report by cell, and never change or execute what a lead typed.
 */
const FORMULA_LIKE = ['=1+2', '+SUM(A1:A3)', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1,2)'];
const ARABIC = 'تحسن الأداء بسبب توظيف موظفين جدد \u200F';
const HEBREW = 'שיפור בביצועים לאחר גיוס עובדים';
const EMOJI = 'On track 👍🏽 — team of 👩🏽‍⚕️👨‍👩‍👧 ✔︎';
const LONG = Array.from({ length: 5000 }, (_, i) => 'abcdefghij klmnopqrstuvwxyz.'.charAt(i % 28)).join('');

let dir = '';
interface Doc { files: { file: string; rows: { ref: string; commentary?: string; action?: string }[]; issues: { code: string; cell: string | null; ref: string | null }[] }[] }

beforeAll(async () => {
  dir = tempDir();
  await writeTemplate(dir);
  await fillReturn(dir, 'template.xlsx', 'formula-text.xlsx', {
    CS01: { Actual: 10, Commentary: FORMULA_LIKE[0], Action: FORMULA_LIKE[1] },
    CS03: { Actual: 10, Commentary: FORMULA_LIKE[2], Action: FORMULA_LIKE[3] },
  });
  await fillReturn(dir, 'template.xlsx', 'unicode.xlsx', {
    CS01: { Actual: 10, Commentary: ARABIC, Action: HEBREW }, CS03: { Actual: 10, Commentary: EMOJI, Action: LONG },
  });
  const err = (e: string): ExcelJS.CellErrorValue => ({ error: e as ExcelJS.CellErrorValue['error'] });
  await fillReturn(dir, 'template.xlsx', 'errors.xlsx', {
    CS01: { Ref: err('#REF!'), Actual: err('#N/A'), Numerator: err('#DIV/0!'), Denominator: err('#VALUE!'), Commentary: err('#NAME?'), Action: err('#NULL!') },
    CS02: { Actual: err('#NUM!'), Status: err('#N/A'), Commentary: err('#N/A'), Action: err('#N/A') },
    CS04: { Status: err('#N/A') },
  });
  await fillReturn(dir, 'template.xlsx', 'dates.xlsx', {
    CS01: { Actual: new Date(Date.UTC(2024, 8, 30)) }, CS02: { Actual: new Date(Date.UTC(2024, 0, 1)) }, CS04: { Status: new Date(Date.UTC(2024, 6, 1)) },
  });
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const json = (out: string): Doc => JSON.parse(out) as Doc;

describe('text a lead typed comes back exactly, and never as a formula', () => {
  it('validate --json returns the commentary and action unchanged', async () => {
    const r = await bounded(dir, ['validate', 'formula-text.xlsx', 'unicode.xlsx', '--json']);
    expect(r.err).toBe('');
    const [formula, unicode] = json(r.out).files;
    const text = (f: Doc['files'][number] | undefined, ref: string) => f?.rows.find((x) => x.ref === ref);
    expect([text(formula, 'CS01')?.commentary, text(formula, 'CS01')?.action, text(formula, 'CS03')?.commentary, text(formula, 'CS03')?.action]).toEqual(FORMULA_LIKE);
    expect([text(unicode, 'CS01')?.commentary, text(unicode, 'CS01')?.action, text(unicode, 'CS03')?.commentary, text(unicode, 'CS03')?.action]).toEqual([ARABIC, HEBREW, EMOJI, LONG]);
  });

  it('the Cabinet workbook holds them as text cells, with no formula anywhere near them', async () => {
    const r = await bounded(dir, ['consolidate', 'formula-text.xlsx', '--period', PERIOD, '--out', 'cabinet.xlsx']);
    expect(r.code).not.toBe(2);
    const bytes = fs.readFileSync(path.join(dir, 'cabinet.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const found = new Map<string, ExcelJS.Cell>();
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
      for (const t of FORMULA_LIKE) if (cell.text.includes(t)) found.set(t, cell);
    })));
    expect([...found.keys()].sort()).toEqual([...FORMULA_LIKE].sort());
    for (const cell of found.values()) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    const zip = await JSZip.loadAsync(bytes);
    const sheets = Object.keys(zip.files).filter((f) => f.startsWith('xl/worksheets/sheet'));
    for (const f of sheets) expect(await zip.file(f)?.async('string')).not.toMatch(/<f>[^<]*(SUM\(1|cmd\|)/);
  });

  it('Unicode, right-to-left text and 5,000 characters survive into the Cabinet workbook', async () => {
    const r = await bounded(dir, ['consolidate', 'unicode.xlsx', '--period', PERIOD, '--out', 'cabinet-unicode.xlsx']);
    expect(r.code).not.toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'cabinet-unicode.xlsx'));
    const texts: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void texts.push(cell.text))));
    for (const t of [ARABIC, HEBREW, EMOJI, LONG]) expect(texts.some((x) => x.includes(t))).toBe(true);
  });

  it('validate --csv prefixes formula-like text with an apostrophe and keeps the rest as typed', async () => {
    const r = await bounded(dir, ['validate', 'formula-text.xlsx', 'unicode.xlsx', '--csv', 'rows.csv']);
    expect(r.code).not.toBe(2);
    const csv = fs.readFileSync(path.join(dir, 'rows.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFfile,ref,actual,status,direction,commentary,action,cell\r\n')).toBe(true);
    for (const t of FORMULA_LIKE) expect(csv).toContain(`'${t}`);
    // No field starts with a formula character once the quotes are taken off.
    const fields = csv.slice(1).split('\r\n').flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)/g) ?? []);
    for (const f of fields) expect(f.replace(/^"|"$/g, '')).not.toMatch(/^[=+@]|^-[^\d]/);
    for (const t of [ARABIC, HEBREW, EMOJI, LONG]) expect(csv).toContain(t);
  });
});

describe('values in the wrong shape are reported by cell, never a crash', () => {
  it.each([
    ['errors.xlsx', ['CS02', 'CS04']],
    ['dates.xlsx', ['CS01', 'CS02', 'CS04']],
  ])('%s: exit 1 with an issue at each bad cell', async (file, refs) => {
    const r = await bounded(dir, ['validate', file, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const issues = json(r.out).files[0]?.issues ?? [];
    for (const ref of refs) expect(issues.some((i) => i.ref === ref && i.cell !== null && i.cell.startsWith('Return!'))).toBe(true);
  });

  it('consolidates them without a crash: exit 1, errors found', async () => {
    const r = await bounded(dir, ['consolidate', 'errors.xlsx', 'dates.xlsx', '--period', PERIOD, '--out', 'cabinet-bad.xlsx', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
  });
});

describe('a return of 100,000 rows', () => {
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Return');
    ws.getCell('A1').value = 'Period';
    ws.getCell('B1').value = PERIOD;
    ws.getRow(3).values = ['Ref', 'Actual', 'Commentary'];
    for (let i = 0; i < 100_000; i++) ws.getRow(4 + i).values = [`ZZ${i}`, i % 97, i % 1000 === 0 ? `note ${i}` : null];
    await wb.xlsx.writeFile(path.join(dir, 'huge.xlsx'));
  }, 120_000);

  it('is validated in bounded time, every unknown ref reported with its cell', async () => {
    const r = await bounded(dir, ['validate', 'huge.xlsx', '--json'], 120_000);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const issues = json(r.out).files[0]?.issues ?? [];
    expect(issues.filter((i) => i.code === 'unknown-ref')).toHaveLength(100_000);
    expect(issues.find((i) => i.ref === 'ZZ99999')?.cell).toBe('Return!A100003');
  }, 150_000);
});
