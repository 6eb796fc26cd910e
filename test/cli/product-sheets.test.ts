import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { run, tempDir } from './helpers';
import { demoIn } from '../helpers/demo';

/**
 * Only returns are read as returns. Seen on the demo's own files: the Cabinet workbook consolidate
 * writes, given back to validate or among the returns, was read as a return (its sheet has a Ref
 * column): false errors, "23 returns" for 22, and the missing-returns list emptied by the paper's rows.
 */

let dir = '';
let returns: string[] = [];

interface Json {
  readonly files: { file: string; sheet: string }[];
  readonly missing: string[];
  readonly skipped: { file: string; sheet: string; kind: string; message: string }[];
  readonly summary: { returns: number };
}

beforeAll(async () => {
  dir = tempDir();
  await demoIn(dir);
  returns = fs.readdirSync(path.join(dir, 'demo/returns')).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join('demo/returns', f));
  const made = await run(dir, ['consolidate', ...returns, '--out', 'cabinet.xlsx']);
  expect([0, 1]).toContain(made.code);
}, 180_000);

describe('a Cabinet workbook is not a return', () => {
  it('validate cabinet.xlsx cannot do it (exit 2) and says why', async () => {
    const r = await run(dir, ['validate', 'cabinet.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cabinet\.xlsx: holds no return: its sheets are a Cabinet paper written by scorecard/);
    expect(r.out).not.toMatch(/error/i);
  });

  it('a return with a Cabinet sheet copied in validates only the Return, with a note for the Cabinet sheet', async () => {
    const cabinet = new ExcelJS.Workbook();
    await cabinet.xlsx.readFile(path.join(dir, 'cabinet.xlsx'));
    const paper = cabinet.worksheets.find((w) => w.name.startsWith('Cabinet'));
    if (!paper) throw new Error('no Cabinet sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, returns[0] ?? ''));
    // What Excel's Move or Copy brings along: the values, and the defined names that point into the sheet.
    const copy = book.addWorksheet(paper.name);
    paper.eachRow((row, r) => row.eachCell((cell, c) => { copy.getCell(r, c).value = cell.value; }));
    const marker = (cabinet.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model.find((n) => n.name.startsWith('_ScorecardSheet_cabinet'));
    expect(marker?.ranges[0]).toMatch(/Cabinet 2024-25 Q2'!\$A\$1$/);
    book.definedNames.add(marker?.ranges[0] ?? '', marker?.name ?? '');
    await book.xlsx.writeFile(path.join(dir, 'with-cabinet.xlsx'));

    const r = await run(dir, ['validate', 'with-cabinet.xlsx', '--json']);
    const doc = JSON.parse(r.out) as Json;
    expect(doc.files.map((f) => f.sheet)).toEqual(['Return']);
    expect(doc.skipped).toEqual([expect.objectContaining({ file: 'with-cabinet.xlsx', sheet: paper.name, kind: 'cabinet', message: expect.stringMatching(/skipped Cabinet 2024-25 Q2: a Cabinet sheet this tool wrote, not a return/) })]);
    const text = await run(dir, ['validate', 'with-cabinet.xlsx']);
    expect(text.out).toMatch(/1 return checked/);
    expect(text.out).toContain('with-cabinet.xlsx: skipped Cabinet 2024-25 Q2');
  });
});

describe('consolidate with the Cabinet workbook among the returns', () => {
  it('counts the 22 returns only, keeps the missing list, and notes the skipped sheet', async () => {
    const alone = JSON.parse((await run(dir, ['consolidate', ...returns, '--out', 'alone.xlsx', '--json'])).out) as Json;
    const r = await run(dir, ['consolidate', ...returns, 'cabinet.xlsx', '--out', 'again.xlsx', '--json']);
    const doc = JSON.parse(r.out) as Json;
    expect(returns).toHaveLength(22);
    expect(doc.summary.returns).toBe(22);
    expect(doc.files).toHaveLength(22);
    expect(doc.files.map((f) => f.file)).not.toContain('cabinet.xlsx');
    expect(alone.missing.length).toBeGreaterThan(0);
    expect(doc.missing).toEqual(alone.missing);
    expect(doc.skipped).toEqual([expect.objectContaining({ file: 'cabinet.xlsx', kind: 'cabinet' })]);
    const text = await run(dir, ['consolidate', ...returns, 'cabinet.xlsx', '--out', 'again2.xlsx']);
    expect(text.out).toMatch(/Consolidated 22 returns/);
    expect(text.out).toMatch(/cabinet\.xlsx: skipped Cabinet 2024-25 Q2: a Cabinet sheet this tool wrote, not a return/);
    expect(text.out).toMatch(/Missing \(due, no return gave them\)/);
  }, 120_000);
});
