import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../../src/cli/main';
import { fillReturn, run, type Run } from '../helpers';

/**
 * The bad-input corpus, generated into a temp folder by the tests (no binaries committed). Each
 * file is something a real BI inbox receives: wrong format, damaged, locked, or a workbook that
 * opens but holds the wrong thing.
 */
export const PERIOD = '2024-25 Q2';
export const SERVICE = 'Customer Services';

/** A deterministic byte stream (xorshift), so a failure reproduces. */
function pseudoRandomBytes(n: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    out[i] = x & 0xff;
  }
  if (out[0] === 0x50) out[0] = 0x51;
  return out;
}

const utf16 = (text: string): number[] => Array.from(text).flatMap((ch) => [ch.charCodeAt(0), 0]);

/**
 * A minimal OLE compound file as Excel writes an encrypted .xlsx: the CFB header, then a directory
 * sector whose entries are the streams EncryptionInfo and EncryptedPackage.
 */
export function encryptedWorkbook(): Uint8Array {
  const bytes = new Uint8Array(512 * 3);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  const view = new DataView(bytes.buffer);
  view.setUint16(0x18, 0x003e, true); // minor version
  view.setUint16(0x1a, 0x0003, true); // major version 3: 512-byte sectors
  view.setUint16(0x1c, 0xfffe, true); // byte order mark
  view.setUint16(0x1e, 9, true); // sector shift
  view.setUint16(0x20, 6, true); // mini sector shift
  view.setUint32(0x30, 0, true); // first directory sector
  const entry = (i: number, name: string, type: number): void => {
    const at = 512 + i * 128;
    const n = utf16(`${name}\0`);
    bytes.set(n, at);
    view.setUint16(at + 64, n.length, true);
    bytes[at + 66] = type;
  };
  entry(0, 'Root Entry', 5);
  entry(1, 'EncryptionInfo', 2);
  entry(2, 'EncryptedPackage', 2);
  return bytes;
}

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array' });
}

async function workbookWith(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Files no command can read: each must stop the run with exit 2 and one line naming it. */
export interface Unreadable { readonly file: string; readonly reason: RegExp }

export async function writeUnreadable(dir: string, good: Uint8Array): Promise<Unreadable[]> {
  const cases: [string, Uint8Array | string, RegExp][] = [
    ['empty.xlsx', new Uint8Array(), /empty/],
    ['random-bytes.xlsx', pseudoRandomBytes(4096), /not an \.xlsx workbook/],
    ['truncated.xlsx', good.slice(0, Math.floor(good.length / 2)), /corrupt or truncated zip/],
    ['csv-renamed.xlsx', 'Ref,Actual\r\nCS01,84.2\r\n', /not an \.xlsx workbook/],
    ['not-a-workbook.xlsx', await zipOf({ 'hello.txt': 'hi', 'docs/readme.md': '# nothing here' }), /no xl\/workbook\.xml/],
    ['opendocument.xlsx', await zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }), /OpenDocument/],
    ['encrypted.xlsx', encryptedWorkbook(), /password-protected \(encrypted\)/],
    ['broken-part.xlsx', await breakPart(good), /unreadable workbook|corrupt/],
  ];
  for (const [file, data] of cases) fs.writeFileSync(path.join(dir, file), data);
  return cases.map(([file, , reason]) => ({ file, reason }));
}

/** A workbook whose sheet XML is cut off mid-cell. */
async function breakPart(good: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(good);
  zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>');
  zip.file('xl/sharedStrings.xml', '<sst><si><t>unterminated');
  return zip.generateAsync({ type: 'uint8array' });
}

/** Workbooks that open but are not returns. */
export async function writeNotReturns(dir: string): Promise<string[]> {
  const noReturn = await workbookWith((wb) => { wb.addWorksheet('Notes').getCell('A1').value = 'minutes of the DMT'; });
  const noRef = await workbookWith((wb) => {
    const ws = wb.addWorksheet('Return');
    ws.getCell('A1').value = 'Period'; ws.getCell('B1').value = PERIOD;
    ws.getRow(3).values = ['Reference', 'Indicator', 'Actual'];
    ws.getRow(4).values = ['CS01', 'Calls', 84];
  });
  fs.writeFileSync(path.join(dir, 'no-return-sheet.xlsx'), noReturn);
  fs.writeFileSync(path.join(dir, 'no-ref-header.xlsx'), noRef);
  return ['no-return-sheet.xlsx', 'no-ref-header.xlsx'];
}

/** A blank Customer Services template and a good filled return, through the real CLI. */
export async function writeTemplate(dir: string): Promise<void> {
  const r = await run(dir, ['template', '--period', PERIOD, '--service', SERVICE, '--out', 'template.xlsx', '--quiet']);
  if (r.code !== 0) throw new Error(`template failed: ${r.err}`);
  await fillReturn(dir, 'template.xlsx', 'good.xlsx', {
    CS01: { Actual: 84.2 }, CS02: { Actual: 4.1 }, CS03: { Actual: 80, Commentary: 'Two advisers off sick', Action: 'Agency cover' }, CS04: { Status: 'On track' },
  }, { 'Ready for sign-off': 'Yes' });
}

/** Runs main() but fails the test instead of hanging: every corpus case is bounded. */
export async function bounded(dir: string, argv: string[], ms = 30_000): Promise<Run> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`scorecard ${argv.join(' ')} still running after ${ms} ms`)), ms); });
  try {
    return await Promise.race([run(dir, argv), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** What the contract asks of a "could not do it": exit 2, one stderr line naming the file and why, no stack. */
export function expectCouldNotDo(r: Run, file: string, reason: RegExp): void {
  expect(r.code).toBe(2);
  const lines = r.err.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(reason);
  expect(r.err).not.toMatch(/\n\s+at |internal error|TypeError|ReferenceError/);
}

/** Files in a folder, with hidden temp files: nothing half-written may be left behind. */
export function listing(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

export { main };
