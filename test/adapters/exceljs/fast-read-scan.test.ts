import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fc from 'fast-check';
import { cellRef, decimal, openFastWorkbook } from '../../../src/adapters/exceljs/fast-read';
import type { Grid } from '../../../src/core/grid';

// The reader over the scanner (xml-scan.ts): what changed when saxes left the hot path.

async function sheetWith(edit: (xml: string) => string): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Return').getCell('A1').value = 'x';
  const zip = await JSZip.loadAsync(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  zip.file('xl/worksheets/sheet1.xml', edit(await zip.file('xl/worksheets/sheet1.xml')!.async('string')));
  const book = await openFastWorkbook(await JSZip.loadAsync(await zip.generateAsync({ type: 'uint8array' })));
  return (await book.grid(0))!;
}

describe('fast reader: a formula is known by being there, not by its text', () => {
  it('an 8,000-character formula full of &quot; and a shared formula with no text are both formulas without a cached value', async () => {
    const huge = `IF(A1=&quot;x&quot;,${'&quot;ab&quot;&amp;'.repeat(450)}&quot;&quot;)`;
    expect(huge.length).toBeGreaterThan(8000);
    const grid = await sheetWith((xml) => xml.replace('</row>', `<c r="B1"><f>${huge}</f></c><c r="C1"><f t="shared" si="0"/></c><c r="D1"><f>1+1</f><v>2</v></c><c r="E1"><f></f></c></row>`));
    expect(grid.formulaCells).toEqual(['B1', 'C1', 'D1']);
    expect(grid.values[0]).toEqual(['x', null, null, 2]);
  });

  it('a bad reference inside formula text is still refused: the text is checked though never decoded', async () => {
    await expect(sheetWith((xml) => xml.replace('</row>', '<c r="B1"><f>A1&amp;&quo;x&quot;</f></c></row>'))).rejects.toThrow(/sheet1\.xml is not well-formed XML \(at \d+:\d+: undefined entity\.\)/);
  });
});

describe('fast reader: cell references', () => {
  // The regular expression cellRef used alone before its fast path: the reference the fast path must agree with.
  const general = (ref: string): { row: number; col: number } | undefined => {
    const m = /^\s*\$?([A-Za-z]{1,3})\$?([0-9]{1,7})\s*$/.exec(ref);
    if (!m) return undefined;
    let col = 0;
    for (const ch of m[1]!.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
    const row = Number(m[2]);
    return row >= 1 && row <= 1_048_576 && col >= 1 && col <= 16_384 ? { row, col } : undefined;
  };

  it('agrees with the general pattern on references writers write and on near misses', () => {
    const piece = fc.constantFrom('A', 'Z', 'XFD', 'XFE', 'AAAA', 'a', '$', ' ', '0', '1', '9', '1048576', '1048577', '12345678', '');
    fc.assert(fc.property(fc.array(piece, { maxLength: 5 }).map((a) => a.join('')), (ref) => {
      expect(cellRef(ref)).toEqual(general(ref));
    }), { numRuns: 2000 });
    for (const ref of ['A1', 'XFD1048576', 'XFE1', 'A0', 'A01', '$B$12', ' C3 ', 'b2', 'A1048577']) expect(cellRef(ref)).toEqual(general(ref));
  });
});

describe('fast reader: style and shared-string numbers', () => {
  it('decimal is parseInt(s, 10) on what cells hold and on near misses (signs, spaces, dots, long runs of digits)', () => {
    const piece = fc.constantFrom('0', '1', '7', '9', '00', '123456789', '4294967296', ' ', '+', '-', '.', 'e', 'x', '\t', '');
    fc.assert(fc.property(fc.oneof(fc.array(piece, { maxLength: 6 }).map((a) => a.join('')), fc.string()), (s) => {
      expect(decimal(s)).toBe(parseInt(s, 10));
    }), { numRuns: 3000 });
  });
});
