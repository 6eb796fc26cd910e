import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describeWith } from '../../helpers/tools';
import { withSaxes, withScanner } from './xml-events';

/**
 * The reader's XML scanner against saxes on every XML part real writers produce: ExcelJS (what the
 * product writes), LibreOffice Calc and openpyxl (what a BI inbox receives besides Excel). Each
 * part must give the same events, so nothing another writer does differently reads differently.
 */

async function partsOf(bytes: Uint8Array): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: [string, string][] = [];
  for (const f of Object.values(zip.files)) {
    if (!f.dir && /\.(xml|rels)$/i.test(f.name)) out.push([f.name, await f.async('string')]);
  }
  return out;
}

function expectSameEvents(parts: [string, string][]): void {
  expect(parts.length).toBeGreaterThan(4);
  for (const [name, xml] of parts) expect([name, withScanner(xml)]).toEqual([name, withSaxes(xml)]);
}

async function exceljsBook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'R&D <team>';
  const ws = wb.addWorksheet('Return & "notes"');
  ws.getRow(1).values = ['Ref', 'Actual', 'Status', 'Commentary'];
  ws.getRow(2).values = ['CS01', 84.2, 'On track', 'Done & dusted <ok> é😀\r\nline two'];
  ws.getCell('B3').value = { formula: 'IF(B2>80,"met","not met")' };
  ws.getCell('C3').value = { richText: [{ text: 'rich ' }, { font: { bold: true }, text: '& bold' }] };
  ws.getCell('D3').value = new Date(Date.UTC(2024, 8, 30));
  ws.getCell('D3').numFmt = 'dd/mm/yyyy';
  ws.mergeCells('A5:C6');
  ws.getCell('A5').note = 'a comment with "quotes"';
  wb.definedNames.add("'Return & \"notes\"'!$B$2", 'Actual_CS01');
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('xml scanner on ExcelJS parts', () => {
  it('every XML part of an ExcelJS workbook (formulas, rich text, dates, merges, notes, defined names) gives the same events as saxes', async () => {
    expectSameEvents(await partsOf(await exceljsBook()));
  });
});

describeWith(['soffice'], 'the scanner against saxes on LibreOffice parts')('xml scanner on LibreOffice Calc parts', () => {
  it('every XML part of the same workbook saved again by LibreOffice gives the same events as saxes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorecard-scan-lo-'));
    try {
      mkdirSync(join(dir, 'in'));
      writeFileSync(join(dir, 'in', 'book.xlsx'), await exceljsBook());
      execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'out'), join(dir, 'in', 'book.xlsx')], { timeout: 120_000, stdio: 'pipe' });
      expectSameEvents(await partsOf(new Uint8Array(readFileSync(join(dir, 'out', 'book.xlsx')))));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

/** The Python that has Debian's python3-openpyxl (as test/helpers/tools.ts finds it). */
const python = ['/usr/bin/python3', 'python3'].find((py) => spawnSync(py, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0) ?? 'python3';

describeWith(['openpyxl'], 'the scanner against saxes on openpyxl parts')('xml scanner on openpyxl parts', () => {
  it('every XML part of a workbook openpyxl writes (inline strings, formulas, dates, merges, comments, defined names) gives the same events as saxes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorecard-scan-py-'));
    try {
      const file = join(dir, 'book.xlsx');
      // The few lines an analyst would write (openpyxl 3 docs: Workbook, cell values, merge_cells, Comment, DefinedName; 3.0 lists defined names, 3.1 maps them).
      execFileSync(python, ['-c', `
import datetime, sys
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName
wb = Workbook()
ws = wb.active
ws.title = 'Return & "notes"'
ws.append(['Ref', 'Actual', 'Status', 'Commentary'])
ws.append(['CS01', 84.2, 'On track', 'Done & dusted <ok> \\u00e9\\U0001F600\\r\\nline two'])
ws['B3'] = '=IF(B2>80,"met","not met")'
ws['D3'] = datetime.date(2024, 9, 30)
ws.merge_cells('A5:C6')
ws['A5'].comment = Comment('a comment with "quotes" & <angles>', 'BI')
dn = DefinedName('Actual_CS01', attr_text="'Return & \\"notes\\"'!$B$2")
if hasattr(wb.defined_names, 'append'):
    wb.defined_names.append(dn)
else:
    wb.defined_names['Actual_CS01'] = dn
wb.save(sys.argv[1])
`, file], { timeout: 60_000, stdio: 'pipe' });
      expectSameEvents(await partsOf(new Uint8Array(readFileSync(file))));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
