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
import { median, pdfInfo, pdfPages, wordBoxes, wordHeights, xlsxToPdf, type WordBox } from './pdf-tools';

const describeWithTools = describeWith(['soffice', 'pdfinfo', 'pdftotext'], 'the Cabinet PDF print test');
// Without Carlito LibreOffice draws Calibri wider, widens every column and prints smaller than Excel would.
const carlito = requireTools('the printed text-size check', 'carlito');

interface Printed {
  readonly info: ReturnType<typeof pdfInfo>;
  readonly pages: string[];
  readonly heights: number[][];
  readonly rows: { ref: string; rag: string }[];
  readonly fingerprint: string;
  readonly words: WordBox[][];
  readonly overall: Readonly<Record<string, number>>;
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
  // The summary's Overall column, status by status, as the workbook holds it.
  const head = grid?.values.find((r) => r[0] === 'Status') ?? [];
  const overallAt = head.indexOf('Overall');
  const overall: Record<string, number> = {};
  for (const r of grid?.values ?? []) if (typeof r[0] === 'string' && typeof r[overallAt] === 'number' && overallAt > 0) overall[r[0]] = r[overallAt] as number;
  const pdf = xlsxToPdf(file, dir);
  const fingerprint = /Data fingerprint \(SHA-256\)\s+([0-9a-f]{64})/.exec(pdfPages(pdf).join('\n'))?.[1] ?? '';
  return { info: pdfInfo(pdf), pages: pdfPages(pdf), heights: wordHeights(pdf), rows, fingerprint, words: wordBoxes(pdf), overall };
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

  /** What each printed page is: the summary, the indicator tables, the exceptions (and what follows), the changes, Trends. */
  const kindOf = (page: string, i: number): string => {
    if (/Trends to 2024-25 Q2|Ref\s+Indicator\s+2023-24 Q2\s+RAG/.test(page) && !/Commentary \/ action/.test(page)) return 'trends';
    if (i === 0) return 'summary';
    if (/Exceptions: every indicator shown as Red/.test(page)) return 'exceptions';
    if (/^\s*Catalogue changes since the previous period/m.test(page) && !/Ref\s+Indicator\s+Target/.test(page)) return 'changes';
    return 'tables';
  };

  it('repeats the column header on every page of a table, and fits one page wide (the last column is on every page)', () => {
    const kinds = printed.pages.map(kindOf);
    expect(kinds.indexOf('trends')).toBeGreaterThan(0);
    expect(kinds.slice(kinds.indexOf('trends')).every((k) => k === 'trends')).toBe(true);
    printed.pages.forEach((page, i) => {
      if (kinds[i] === 'summary') return;
      const header = page.split('\n').find((l) => /^\s*Ref\s+Indicator\b/.test(l));
      expect({ page: i + 1, header: header !== undefined }).toEqual({ page: i + 1, header: true });
      const last = kinds[i] === 'trends' ? /2024-25 Q2\s+RAG/ : /Commentary \/ action/;
      expect({ page: i + 1, last: last.test(page) }).toEqual({ page: i + 1, last: true });
    });
  });

  it('keeps to its page budget: the Cabinet sheet on at most 5 pages, the whole workbook (with Trends) on at most 8', () => {
    const cabinet = printed.pages.map(kindOf).filter((k) => k !== 'trends');
    expect(cabinet.length).toBeLessThanOrEqual(5);
    expect(printed.info.pages).toBeLessThanOrEqual(8);
  });

  it('holds the summary on page 1: the overall count of every status, each named, and the data-quality note; the tables start on page 2', () => {
    const page = printed.pages[0] ?? '';
    expect(page).toMatch(/Corporate Performance Scorecard/);
    expect(page).toMatch(/Period\s+2024-25 Q2/);
    expect(page).toMatch(/\b\d{1,2} [A-Z][a-z]+ \d{4}\b/); // the date, as people write it
    const names = ['✔ Green', '▲ Amber', '✖ Red', '■ Complete', '? Missing', '– Not due', '– Tracking'];
    for (const name of names) {
      const line = page.split('\n').find((l) => l.trim().startsWith(name));
      expect({ name, line: line !== undefined }).toEqual({ name, line: true });
      // The last figure on the line is the Overall column's.
      expect({ name, overall: Number(/(\d+)\s*$/.exec(line ?? '')?.[1]) }).toEqual({ name, overall: printed.overall[name] });
    }
    expect(page).not.toMatch(/\bOther\s+\d/); // nothing lumped as `Other 4`
    expect(page).toMatch(/At a glance/);
    expect(page).toMatch(/Returns received\s+22 of 23 returns received/);
    expect(page).toMatch(/Catalogue changes/);
    expect(printed.pages[1]).toMatch(/^\s*Ref\s+Indicator\s+Target\s+Actual/m);
  });

  it('leaves no page less than a fifth full, except the last page of a section', () => {
    const kinds = printed.pages.map(kindOf);
    const height = printed.info.height;
    printed.words.forEach((words, i) => {
      if (i === printed.words.length - 1 || kinds[i + 1] !== kinds[i]) return;
      // The body: between the running header and footer (each within 40 points of the paper's edge).
      const body = words.filter((w) => w.yMin > 40 && w.yMax < height - 40);
      const top = Math.min(...body.map((w) => w.yMin));
      const bottom = Math.max(...body.map((w) => w.yMax));
      expect({ page: i + 1, full: (bottom - top) / (height - 80) >= 0.2 }).toEqual({ page: i + 1, full: true });
    });
  });

  it('prints no ISO time stamp: dates are written as people write them', () => {
    for (const [i, page] of printed.pages.entries()) expect({ page: i + 1, iso: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.exec(page)?.[0] }).toEqual({ page: i + 1, iso: undefined });
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
