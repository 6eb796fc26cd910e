/**
 * The demo's Cabinet workbook printed to PDF by LibreOffice headless, checked the way a committee
 * clerk would check a paper: A4 landscape, one page wide, the column header on every page, no
 * indicator row cut in two, text big enough to read at 100 %, and a footer on every page.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readWorkbookGrids } from '../../../../src/adapters/exceljs/read';
import { readCabinetTable } from '../../../../src/core/cabinet/previous';
import { main } from '../../../../src/cli/main';
import { describeWith, requireTools } from '../../../helpers/tools';
import { median, pdfInfo, pdfPages, wordHeights, xlsxToPdf } from './pdf-tools';

const describeWithTools = describeWith(['soffice', 'pdfinfo', 'pdftotext'], 'the Cabinet PDF print test');
// Without Carlito LibreOffice draws Calibri wider, widens every column and prints smaller than Excel would.
const carlito = requireTools('the printed text-size check', 'carlito');

interface Printed {
  readonly info: ReturnType<typeof pdfInfo>;
  readonly pages: string[];
  readonly heights: number[][];
  readonly rows: { ref: string; rag: string }[];
  readonly fingerprint: string;
}

async function printDemoCabinet(dir: string): Promise<Printed> {
  const io = { stdout: () => undefined, stderr: (t: string) => void process.stderr.write(t), env: {}, cwd: dir };
  const code = await main(['demo', '--out', 'demo'], io);
  if (code !== 0) throw new Error(`scorecard demo exited ${code}`);
  const xlsx = fs.readdirSync(path.join(dir, 'demo')).find((f) => /^cabinet-.*\.xlsx$/.test(f));
  if (!xlsx) throw new Error('the demo wrote no Cabinet workbook');
  const file = path.join(dir, 'demo', xlsx);
  const book = await readWorkbookGrids(new Uint8Array(fs.readFileSync(file)));
  const grid = book.sheets.find((g) => g.sheet.startsWith('Cabinet'));
  const table = grid ? readCabinetTable(grid) : undefined;
  if (!table || table.columns.ref === undefined || table.columns.rag === undefined) throw new Error('no indicator table in the Cabinet sheet');
  const { ref, rag } = table.columns;
  const rows = table.rows.map((r) => ({ ref: String(r[ref]), rag: String(r[rag]) }));
  const pdf = xlsxToPdf(file, dir);
  const fingerprint = /Data fingerprint \(SHA-256\)\s+([0-9a-f]{64})/.exec(pdfPages(pdf).join('\n'))?.[1] ?? '';
  return { info: pdfInfo(pdf), pages: pdfPages(pdf), heights: wordHeights(pdf), rows, fingerprint };
}

describeWithTools('Cabinet workbook printed to PDF by LibreOffice', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-print-'));
  let printed: Printed;
  beforeAll(async () => {
    printed = await printDemoCabinet(dir);
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is A4 landscape (842 x 595 points)', () => {
    expect(printed.info.width).toBeCloseTo(842, 0);
    expect(printed.info.height).toBeCloseTo(595, 0);
  });

  it('runs to a sensible number of pages for the default catalogue', () => {
    expect(printed.info.pages).toBeGreaterThan(1);
    expect(printed.info.pages).toBeLessThan(20);
    expect(printed.pages).toHaveLength(printed.info.pages);
  });

  it('repeats the column header on every page, and fits one page wide (the last column is on every page)', () => {
    // The Cabinet sheet's pages, then the Trends sheet's (the demo has a BI master, so it has trends).
    const kinds = printed.pages.map((page) => (/Trends to 2024-25 Q2|Ref\s+Indicator\s+2023-24 Q2\s+RAG/.test(page) && !/Commentary \/ action/.test(page) ? 'trends' : 'cabinet'));
    expect(kinds.indexOf('trends')).toBeGreaterThan(0);
    expect(kinds.slice(kinds.indexOf('trends')).every((k) => k === 'trends')).toBe(true);
    printed.pages.forEach((page, i) => {
      const header = page.split('\n').find((l) => /^\s*Ref\s+Indicator\b/.test(l));
      expect({ page: i + 1, header: header !== undefined }).toEqual({ page: i + 1, header: true });
      const last = kinds[i] === 'cabinet' ? /Commentary \/ action/ : /2024-25 Q2\s+RAG/;
      expect({ page: i + 1, last: last.test(page) }).toEqual({ page: i + 1, last: true });
    });
  });

  it('never splits an indicator row across pages: each ref prints on the same line as its RAG', () => {
    expect(printed.rows.length).toBeGreaterThan(40);
    for (const { ref, rag } of printed.rows) {
      // The RAG cell's first printed line: the symbol and the status (`✖ Red`), or the first word of a longer label.
      const word = /[A-Za-z]+/.exec(rag)?.[0] ?? rag;
      const first = rag.slice(0, rag.indexOf(word) + word.length);
      const at = printed.pages.flatMap((page, i) => page.split('\n').map((line) => ({ page: i + 1, line })))
        .find(({ line }) => new RegExp(`^\\s*${ref}\\s`).test(line));
      expect({ ref, found: at !== undefined }).toEqual({ ref, found: true });
      expect({ ref, rag: at?.line.includes(first) }).toEqual({ ref, rag: true });
    }
  });

  it('shows the period, page X of Y and the data fingerprint in the footer of every page', () => {
    expect(printed.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    printed.pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${printed.info.pages}`);
      expect(page).toContain('Period 2024-25 Q2');
      expect(page).toContain(printed.fingerprint);
    });
  });

  (carlito ? it : it.skip)('prints body text at 8 pt or more (readable at 100 %)', () => {
    // A word's box is about 1.3 times its type size in Calibri/Carlito.
    const body = printed.heights.flat();
    expect(median(body) / 1.3).toBeGreaterThanOrEqual(8);
  });
});
