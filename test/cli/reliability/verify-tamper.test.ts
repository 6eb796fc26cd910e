import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { fillReturn, tempDir } from '../helpers';
import { bounded, PERIOD, writeTemplate } from './corpus';

/**
 * verify recomputes the fingerprint of the Cabinet sheet's data. Its documented scope is the data
 * as shown (ref, data period, target, actual, numerator, denominator, RAG, directions): any edit
 * there is caught; words around the data (commentary, titles) are not numbers and are not.
 * Edits are made in the sheet XML, as Excel saves them, so the stored property survives.
 */
let dir = '';
let sheetPart = '';
const cells: Record<string, string> = {};

beforeAll(async () => {
  dir = tempDir();
  await writeTemplate(dir);
  await fillReturn(dir, 'template.xlsx', 'filled.xlsx', {
    CS01: { Actual: 84.2, Numerator: 842, Denominator: 1000 }, CS02: { Actual: 4.1 },
    CS03: { Actual: 10, Commentary: 'Two advisers off sick', Action: 'Agency cover' }, CS04: { Status: 'On track' },
  }, { 'Ready for sign-off': 'Yes' });
  const r = await bounded(dir, ['consolidate', 'filled.xlsx', '--period', PERIOD, '--out', 'cabinet.xlsx']);
  expect(r.code).not.toBe(2);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, 'cabinet.xlsx'));
  const ws = wb.worksheets.find((w) => w.name.startsWith('Cabinet')) as ExcelJS.Worksheet;
  sheetPart = `xl/worksheets/sheet${wb.worksheets.indexOf(ws) + 1}.xml`;
  let header: Record<string, number> | undefined;
  ws.eachRow((row) => {
    const first = row.getCell(1).value;
    if (first === 'Ref' && !header) {
      header = {};
      row.eachCell((c, n) => { if (typeof c.value === 'string') header![c.value] = n; });
    } else if (header && (first === 'CS01' || first === 'CS03')) {
      // The first row for a ref is its indicator row; the exceptions list repeats Reds further down.
      const seen = cells[`${first} Ref`] !== undefined;
      for (const [name, col] of Object.entries(header)) {
        if (!seen) cells[`${first} ${name}`] = row.getCell(col).address;
        else cells[`${first} exception ${name}`] ??= row.getCell(col).address;
      }
    }
  });
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The Cabinet workbook with one cell replaced by `value`, written as tampered-N.xlsx. */
async function tamper(key: string, value: string | number): Promise<string> {
  const address = cells[key];
  if (!address) throw new Error(`no cell for ${key}: ${Object.keys(cells).join(', ')}`);
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'cabinet.xlsx')));
  const xml = (await zip.file(sheetPart)?.async('string')) ?? '';
  const re = new RegExp(`<c r="${address}"((?: [a-z]+="[^"]*")*)(?:/>|>[\\s\\S]*?</c>)`);
  const cell = (_: string, attrs: string): string => {
    const kept = attrs.replace(/ t="[^"]*"/, '');
    return typeof value === 'number' ? `<c r="${address}"${kept}><v>${value}</v></c>` : `<c r="${address}"${kept} t="inlineStr"><is><t>${value}</t></is></c>`;
  };
  const changed = xml.replace(re, cell);
  expect(changed).not.toBe(xml);
  zip.file(sheetPart, changed);
  const file = `tampered-${key.replace(/\W+/g, '-')}.xlsx`;
  fs.writeFileSync(path.join(dir, file), await zip.generateAsync({ type: 'nodebuffer' }));
  return file;
}

describe('verify', () => {
  it('says unchanged for the file as exported', async () => {
    const r = await bounded(dir, ['verify', 'cabinet.xlsx']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/unchanged/);
  });

  it.each([
    ['an actual', 'CS01 Actual', 79.9],
    ['an actual replaced by text', 'CS01 Actual', 'n/a'],
    ['a RAG text', 'CS03 RAG', 'Green'],
    ['a numerator', 'CS01 Numerator', 900],
    ['a denominator', 'CS01 Denominator', 999],
    ['a target', 'CS01 Target', 10],
    ['a ref', 'CS01 Ref', 'CS99'],
    ['a direction', 'CS01 Direction (vs last quarter)', 'Improving'],
    ["a Red's RAG in the exceptions list", 'CS03 exception RAG', 'Green'],
    ["a Red's actual in the exceptions list", 'CS03 exception Actual', 95],
  ])('catches %s changed after export (exit 1)', async (_what, key, value) => {
    const r = await bounded(dir, ['verify', await tamper(key, value)]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/CHANGED/);
  });

  it.each([
    ['commentary', 'CS03 Commentary / action', 'Rewritten by someone else'],
    ['the indicator title', 'CS01 Indicator', 'Renamed'],
  ])('does not count an edit to %s as a number change (exit 0, per the fingerprint scope)', async (_what, key, value) => {
    const r = await bounded(dir, ['verify', await tamper(key, value)]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/unchanged/);
  });

  it('catches an exception changed with the sheet fingerprint property removed (issue 18: exit 1, names the property)', async () => {
    const file = await tamper('CS03 exception RAG', 'Green');
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, file)));
    const custom = (await zip.file('docProps/custom.xml')?.async('string')) ?? '';
    const stripped = custom.replace(/<property [^>]*name="ScorecardSheetFingerprint"[^>]*>[\s\S]*?<\/property>/, '');
    expect(stripped).not.toBe(custom);
    zip.file('docProps/custom.xml', stripped);
    fs.writeFileSync(path.join(dir, 'no-sheet-fp.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await bounded(dir, ['verify', 'no-sheet-fp.xlsx']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/CHANGED.*ScorecardSheetFingerprint property was removed/);
  });

  it('catches a look-alike Cabinet sheet named with an en dash (issue 18: exit 1, names both sheets)', async () => {
    // The golden paper has a second sheet (Trends) to turn into the look-alike.
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(__dirname, '..', '..', 'golden', 'cabinet.xlsx')));
    const xml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    const changed = xml.replace(/name="Trends ([^"]*)"/, 'name="Cabinet \u2013 $1"');
    expect(changed).not.toBe(xml);
    zip.file('xl/workbook.xml', changed);
    fs.writeFileSync(path.join(dir, 'look-alike.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await bounded(dir, ['verify', 'look-alike.xlsx']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/CHANGED.*2 sheets named like a Cabinet sheet.*Cabinet \u2013/);
  });

  it('catches a visible sheet scorecard did not write, next to the paper (issue 18.4: exit 1, names it)', async () => {
    // Trends without its marker stands for any sheet added after export: a reader could take it for the paper.
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(__dirname, '..', '..', 'golden', 'cabinet.xlsx')));
    const xml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    const changed = xml.replace(/name="_ScorecardSheet_trends(_\d+)?"/, 'name="Notes"');
    expect(changed).not.toBe(xml);
    zip.file('xl/workbook.xml', changed);
    fs.writeFileSync(path.join(dir, 'added-sheet.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await bounded(dir, ['verify', 'added-sheet.xlsx']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/CHANGED.*visible sheet scorecard did not write.*"Trends /);
  });

  it('catches an actual replaced by a formula keeping the old cached value (issue 18: exit 1, names the cell)', async () => {
    const address = cells['CS01 Actual'] as string;
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'cabinet.xlsx')));
    const xml = (await zip.file(sheetPart)?.async('string')) ?? '';
    const changed = xml.replace(new RegExp(`(<c r="${address}"[^>]*>)<v>`), '$1<f>70+0</f><v>');
    expect(changed).not.toBe(xml);
    zip.file(sheetPart, changed);
    fs.writeFileSync(path.join(dir, 'formula.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await bounded(dir, ['verify', 'formula.xlsx']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`CHANGED.*formulas \\(${address}\\)`));
  });

  /** cabinet.xlsx with `part` passed through `edit`, written as `to`. */
  async function editPart(part: string, to: string, edit: (xml: string) => string): Promise<string> {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'cabinet.xlsx')));
    const xml = (await zip.file(part)?.async('string')) ?? '';
    const changed = edit(xml);
    expect(changed).not.toBe(xml);
    zip.file(part, changed);
    fs.writeFileSync(path.join(dir, to), await zip.generateAsync({ type: 'nodebuffer' }));
    return to;
  }

  describe('what a reader sees beyond the values (issue 18.4, fingerprint v3)', () => {
    it('catches an actual whose number format changed, value kept (0.0 shown as a percentage; exit 1)', async () => {
      const address = cells['CS01 Actual'] as string;
      const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'cabinet.xlsx')));
      const styles = (await zip.file('xl/styles.xml')?.async('string')) ?? '';
      const count = Number(/<cellXfs count="(\d+)"/.exec(styles)?.[1]);
      // A new style with built-in format 10 (0.00%), given to the one cell: Excel shows 8420.00%.
      zip.file('xl/styles.xml', styles.replace(/<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/, (_m, body: string) => `<cellXfs count="${count + 1}">${body}<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`));
      const xml = (await zip.file(sheetPart)?.async('string')) ?? '';
      const changed = xml.replace(new RegExp(`<c r="${address}"([^>]*?) s="\\d+"`), `<c r="${address}"$1 s="${count}"`);
      expect(changed).not.toBe(xml);
      zip.file(sheetPart, changed);
      fs.writeFileSync(path.join(dir, 'format.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
      const r = await bounded(dir, ['verify', 'format.xlsx']);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/CHANGED.*number format/);
    });

    it('catches the summary\'s Red count set to 0, with or without the sheet fingerprint property (exit 1)', async () => {
      const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'cabinet.xlsx')));
      const xml = (await zip.file(sheetPart)?.async('string')) ?? '';
      // The summary's Overall column for Red (F8: rows Green, Amber, Red under the header in row 5).
      const changed = xml.replace(/<c r="F8"((?: [a-z]+="[^"]*")*)>(?:<v>[1-9]\d*<\/v>)<\/c>/, '<c r="F8"$1><v>0</v></c>');
      expect(changed).not.toBe(xml);
      zip.file(sheetPart, changed);
      fs.writeFileSync(path.join(dir, 'no-reds.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
      const custom = (await zip.file('docProps/custom.xml')?.async('string')) ?? '';
      zip.file('docProps/custom.xml', custom.replace(/<property [^>]*name="ScorecardSheetFingerprint"[^>]*>[\s\S]*?<\/property>/, ''));
      fs.writeFileSync(path.join(dir, 'no-reds-no-prop.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
      for (const file of ['no-reds.xlsx', 'no-reds-no-prop.xlsx']) {
        const r = await bounded(dir, ['verify', file]);
        expect(r.code).toBe(1);
        expect(r.out).toMatch(/CHANGED/);
      }
    });

    it('catches the Red row hidden (exit 1)', async () => {
      const row = (cells['CS03 Ref'] as string).replace(/^[A-Z]+/, '');
      const file = await editPart(sheetPart, 'hidden-row.xlsx', (xml) => xml.replace(new RegExp(`<row r="${row}"`), `<row r="${row}" hidden="1"`));
      const r = await bounded(dir, ['verify', file]);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/CHANGED.*hidden row/);
    });

    it('catches the Actual column hidden (exit 1)', async () => {
      const col = Number(/^([A-Z]+)/.exec(cells['CS01 Actual'] as string)?.[1]?.charCodeAt(0)) - 64;
      const file = await editPart(sheetPart, 'hidden-col.xlsx', (xml) => xml.replace(/<cols>/, `<cols><col min="${col}" max="${col}" width="1" hidden="1" customWidth="1"/>`));
      const r = await bounded(dir, ['verify', file]);
      expect(r.code).toBe(1);
    });

    it('catches the Cabinet sheet hidden (exit 1)', async () => {
      const file = await editPart('xl/workbook.xml', 'hidden-sheet.xlsx', (xml) => xml.replace(/(<sheet [^>]*?)state="visible"/, '$1state="hidden"'));
      const r = await bounded(dir, ['verify', file]);
      expect(r.code).toBe(1);
    });

    it('catches the workbook opening on another sheet than the Cabinet sheet (exit 1)', async () => {
      const file = await editPart('xl/workbook.xml', 'other-first.xlsx', (xml) => xml.replace(/<sheets>/, '<bookViews><workbookView activeTab="1"/></bookViews><sheets>'));
      const r = await bounded(dir, ['verify', file]);
      expect(r.code).toBe(1);
    });
  });

  it('exits 2 with one line when the fingerprint property was removed', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'cabinet.xlsx')));
    zip.remove('docProps/custom.xml');
    fs.writeFileSync(path.join(dir, 'stripped.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await bounded(dir, ['verify', 'stripped.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/stripped\.xlsx.*ScorecardFingerprint|stripped\.xlsx.*fingerprint/i);
  });
});
