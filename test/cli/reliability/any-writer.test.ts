import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { fillReturn, tempDir } from '../helpers';
import { readWorkbookGrids } from '../../../src/adapters/exceljs/read';
import { rewrite, REWRITES, type Rewrite } from '../../helpers/ooxml-rewrite';
import { bounded, expectCouldNotDo, PERIOD, writeTemplate } from './corpus';

/**
 * Returns as other programs write them, and hostile ones, through the real CLI. A file written by
 * any conformant writer validates exactly as the original does; a file past a limit stops the run
 * with exit 2 and one line naming the file and the limit, in seconds and without exhausting memory.
 */
let dir = '';
let good = new Uint8Array();

beforeAll(async () => {
  dir = tempDir();
  await writeTemplate(dir);
  good = new Uint8Array(fs.readFileSync(path.join(dir, 'good.xlsx')));
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function report(file: string): Promise<unknown> {
  const r = await bounded(dir, ['validate', file, '--period', PERIOD, '--json']);
  expect(r.err).toBe('');
  const doc = JSON.parse(r.out) as { files: Record<string, unknown>[] };
  return doc.files.map((f) => ({ ...f, file: undefined }));
}

async function sheetXml(bytes: Uint8Array, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const name = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
  zip.file(name, edit(await zip.file(name)!.async('string')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('a return written by another program validates as the original does', () => {
  const cases: [string, Rewrite[]][] = [
    ['Open XML SDK prefixes (x:worksheet, x:sheetData, x:row, x:c)', ['prefixes']],
    ['rows and cells without r', ['dropRefs']],
    ['only the first cell of each row numbered', ['firstRefOnly']],
    ['text in CDATA', ['cdata']],
    ['inline strings with _xHHHH_ escapes', ['inlineStrings', 'xEscapes']],
    ['UTF-16 parts, part names in another case, stored not deflated', ['utf16', 'partCase', 'stored']],
    ['every rewrite at once', [...REWRITES]],
  ];
  it.each(cases)('%s', async (what, rewrites) => {
    const file = `${what.replace(/\W+/g, '-').slice(0, 40)}.xlsx`;
    fs.writeFileSync(path.join(dir, file), await rewrite(good, rewrites));
    expect(await report(file)).toEqual(await report('good.xlsx'));
  });

  it('commentary and action stay in their columns when only the first cell of a row has r', async () => {
    fs.writeFileSync(path.join(dir, 'first-ref.xlsx'), await rewrite(good, ['firstRefOnly']));
    const r = await bounded(dir, ['validate', 'first-ref.xlsx', '--period', PERIOD, '--json']);
    const rows = (JSON.parse(r.out) as { files: { rows: { ref: string; commentary?: string; action?: string; status: string }[] }[] }).files[0]!.rows;
    expect(rows.find((x) => x.ref === 'CS03')).toMatchObject({ commentary: 'Two advisers off sick', action: 'Agency cover' });
  });
});

interface RawEntry { readonly name: string; readonly data: Buffer; readonly method: 0 | 8; readonly size: number }

/** A zip of ready-made entries (declared sizes as given, CRC left 0: readers check it only when asked). */
function zipOf(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18); local.writeUInt32LE(e.size, 22); local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20); central.writeUInt32LE(e.size, 24); central.writeUInt16LE(name.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(Math.min(entries.length, 0xffff), 8); end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** Raw deflate of head + block × times + tail, streamed: the inflated text is never held. */
async function deflated(head: string, block: string, times: number, tail: string): Promise<Buffer> {
  const z = zlib.createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => z.on('end', resolve));
  const write = (b: Buffer): Promise<void> => new Promise((resolve) => { if (z.write(b)) resolve(); else z.once('drain', () => resolve()); });
  await write(Buffer.from(head));
  const chunk = Buffer.from(block);
  for (let i = 0; i < times; i++) await write(chunk);
  await write(Buffer.from(tail));
  z.end();
  await done;
  return Buffer.concat(out);
}

/** The good return with its sheet part replaced by `sheet` (deflated, declaring `size` bytes). */
async function withSheet(sheet: Buffer, size: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(good);
  const entries: RawEntry[] = [];
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    if (f.name === 'xl/worksheets/sheet1.xml') { entries.push({ name: f.name, data: sheet, method: 8, size }); continue; }
    const data = Buffer.from(await f.async('uint8array'));
    entries.push({ name: f.name, data: zlib.deflateRawSync(data), method: 8, size: data.length });
  }
  return zipOf(entries);
}

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** A run that must end within `seconds`, exit 2, one line naming the file and matching `limit`. */
async function refused(file: string, limit: RegExp, seconds = 20): Promise<void> {
  const start = Date.now();
  expectCouldNotDo(await bounded(dir, ['validate', file, '--period', PERIOD], seconds * 1000), file, limit);
  expect(Date.now() - start).toBeLessThan(seconds * 1000);
}

describe('bounded resources: exit 2 naming the file and the limit, in seconds', () => {
  it('a sheet that declares it inflates to 450 MB is refused before inflating', async () => {
    const zip = await JSZip.loadAsync(good);
    const real = Buffer.from(await zip.file('xl/worksheets/sheet1.xml')!.async('uint8array'));
    fs.writeFileSync(path.join(dir, 'declared-bomb.xlsx'), await withSheet(zlib.deflateRawSync(real), 450 * 1024 * 1024));
    await refused('declared-bomb.xlsx', /sheet1\.xml inflates to more than 64 MB/, 5);
  });

  it('a sheet that inflates to 80 MB while declaring a few bytes is stopped while inflating', async () => {
    const block = `<!--${'A'.repeat(1024 * 1024)}-->`;
    const bomb = await deflated(`<?xml version="1.0"?><worksheet ${MAIN}><sheetData/>`, block, 80, '</worksheet>');
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    fs.writeFileSync(path.join(dir, 'lying-bomb.xlsx'), await withSheet(bomb, 1000));
    const before = process.memoryUsage().rss;
    await refused('lying-bomb.xlsx', /sheet1\.xml inflates to more than 64 MB/);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  });

  it('one stray value in XFD1048576 of a valid return', async () => {
    fs.writeFileSync(path.join(dir, 'stray.xlsx'), await sheetXml(good, (xml) => xml.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')));
    await refused('stray.xlsx', /sheet "Return" has values as far as row 1,048,576 and column XFD.*at most 2,000,000 cells/, 10);
  });

  it('a sheet of more cells than any return has', async () => {
    const many = await deflated(`<worksheet ${MAIN}><sheetData>`, '<row><c><v>1</v></c></row>'.repeat(1000), 301, '</sheetData></worksheet>');
    fs.writeFileSync(path.join(dir, 'many-cells.xlsx'), await withSheet(many, 1));
    await refused('many-cells.xlsx', /more than 300,000 cells/);
  });

  it('/dev/zero, and a file larger than any return, are refused without reading them', async () => {
    if (fs.existsSync('/dev/zero')) await refused('/dev/zero', /not a regular file/, 5);
    const big = path.join(dir, 'huge.xlsx');
    fs.writeFileSync(big, good);
    fs.truncateSync(big, 65 * 1024 * 1024);
    await refused('huge.xlsx', /65 MB, more than the 64 MB/, 5);
  });

  it('a zip of more entries than any workbook has', async () => {
    const entries: RawEntry[] = Array.from({ length: 20_001 }, (_, i) => ({ name: `x/${i}`, data: Buffer.alloc(0), method: 0, size: 0 }));
    fs.writeFileSync(path.join(dir, 'entries.xlsx'), zipOf(entries));
    await refused('entries.xlsx', /20,001 entries, more than the 20,000/, 5);
  });

  it('a catalogue nested 200,000 levels deep: validate, consolidate and catalogue check', async () => {
    fs.writeFileSync(path.join(dir, 'deep.json'), `{"version":"1","x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    const why = /deep\.json: .*nests lists and objects 200,001 levels deep.*more than 64 is refused/;
    expectCouldNotDo(await bounded(dir, ['validate', 'good.xlsx', '--catalogue', 'deep.json'], 10_000), 'deep.json', why);
    expectCouldNotDo(await bounded(dir, ['consolidate', 'good.xlsx', '--catalogue', 'deep.json', '--period', PERIOD, '--out', 'c.xlsx'], 10_000), 'deep.json', why);
    const check = await bounded(dir, ['catalogue', 'check', 'deep.json'], 10_000);
    expect(check.code).not.toBe(0);
    expect(check.out + check.err).toMatch(/200,001 levels deep/);
    expect(check.err).not.toMatch(/internal error/);
  });
});

/** Every XML part of a package parses as well-formed XML; each cell's text is returned for checks. */
async function wellFormedTexts(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const texts: string[] = [];
  for (const f of Object.values(zip.files)) {
    if (f.dir || !/\.(xml|rels)$/.test(f.name)) continue;
    const parser = new SaxesParser({ xmlns: true });
    parser.on('error', (e) => { throw new Error(`${f.name}: ${e.message}`); });
    let inT = false;
    parser.on('opentag', (t) => { inT = t.local === 't' || t.local === 'v'; if (inT) texts.push(''); });
    parser.on('closetag', () => { inT = false; });
    parser.on('text', (t) => { if (inT) texts[texts.length - 1] += t; });
    parser.write(await f.async('string')).close();
  }
  return texts;
}

describe('outputs Excel opens', () => {
  it('control characters and 32,767-character commentary and action: a well-formed Cabinet, every cell within 32,767, a warning naming the indicator', async () => {
    const hostile = `Sick_x0007_ness ESC_x001B_ NUL_x0000_ lone_xD800_ nonchar_xFFFE_ ${'w'.repeat(32_767)}`.slice(0, 32_767);
    await fillReturn(dir, 'template.xlsx', 'hostile.xlsx', {
      CS01: { Actual: 84.2 }, CS02: { Actual: 4.1 }, CS03: { Actual: 80, Commentary: hostile, Action: 'a'.repeat(32_767) }, CS04: { Status: 'On track' },
    }, { 'Ready for sign-off': 'Yes' });
    for (const extra of [[], ['--json']]) {
      const r = await bounded(dir, ['consolidate', 'hostile.xlsx', '--period', PERIOD, '--out', 'hostile-cabinet.xlsx', '--force', ...extra], 60_000);
      expect(r.code).not.toBe(2);
      expect(r.out + r.err).toMatch(/CS03: the commentary and action together are 65,5\d\d characters, more than the 32,767 an Excel cell holds/s);
    }
    const texts = await wellFormedTexts(new Uint8Array(fs.readFileSync(path.join(dir, 'hostile-cabinet.xlsx'))));
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(32_767);
    const shown = texts.filter((t) => t.includes('Sick'));
    expect(shown.map((t) => [t.slice(0, 30), t.slice(-26)])).toContainEqual(['Sickness ESC NUL lone nonchar ', '…(continued in the return)']);
  }, 120_000);
});

/** The Return sheet as Excel's Save As CSV UTF-8 writes it: values as shown (percentages with %), RFC 4180 quoting. */
async function returnAsCsv(bytes: Uint8Array): Promise<string> {
  const grid = (await readWorkbookGrids(bytes)).sheets.find((g) => g.sheet === 'Return')!;
  const shown = (v: unknown, f: string | null | undefined): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return f?.replace(/"[^"]*"/g, '').includes('%') ? `${Math.round(v * 1000) / 10}%` : String(v);
    const t = String(v);
    return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return `\uFEFF${grid.values.map((row, r) => row.map((v, c) => shown(v, grid.formats?.[r]?.[c])).join(',')).join('\r\n')}\r\n`;
}

describe('what a BI team\'s tooling sends', () => {
  it('a .csv in the Return layout validates and consolidates as the workbook does', async () => {
    fs.writeFileSync(path.join(dir, 'good.csv'), await returnAsCsv(good));
    const rows = async (file: string): Promise<unknown> => {
      const r = await bounded(dir, ['validate', file, '--period', PERIOD, '--json']);
      expect(r.err).toBe('');
      const doc = JSON.parse(r.out) as { files: { rows: unknown[]; issues: { code: string }[] }[] };
      return { rows: doc.files[0]!.rows, codes: doc.files[0]!.issues.map((i) => i.code).filter((c) => !/sign/.test(c)) };
    };
    expect(await rows('good.csv')).toEqual(await rows('good.xlsx'));
    const c = await bounded(dir, ['consolidate', 'good.csv', '--period', PERIOD, '--out', 'from-csv.xlsx', '--json']);
    expect(c.code).not.toBe(2);
    expect(fs.existsSync(path.join(dir, 'from-csv.xlsx'))).toBe(true);
  });

  it('text in a .csv stays text: a ref 007 and a commentary that looks like a formula', async () => {
    const csv = (await returnAsCsv(good)).replace('Two advisers off sick', '=HYPERLINK("x")');
    fs.writeFileSync(path.join(dir, 'formula.csv'), csv);
    const r = await bounded(dir, ['validate', 'formula.csv', '--period', PERIOD, '--json']);
    const row = (JSON.parse(r.out) as { files: { rows: { ref: string; commentary?: string }[] }[] }).files[0]!.rows.find((x) => x.ref === 'CS03');
    expect(row?.commentary).toBe('=HYPERLINK("x")');
  });

  it('an .ods says how to save it as .xlsx', async () => {
    const ods = new JSZip();
    ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
    ods.file('content.xml', '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>');
    fs.writeFileSync(path.join(dir, 'return.ods'), await ods.generateAsync({ type: 'uint8array' }));
    expectCouldNotDo(await bounded(dir, ['validate', 'return.ods']), 'return.ods', /OpenDocument spreadsheet \(\.ods\).*Save As > Excel Workbook \(\.xlsx\)/);
  });
});
