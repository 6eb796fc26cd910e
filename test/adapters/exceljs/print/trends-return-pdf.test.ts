/**
 * The Trends sheet and a return, printed to PDF by LibreOffice headless from the demo, checked as a
 * Cabinet member and a Head of Service would read them: one A4 landscape page wide, every indicator
 * name whole, a key for the symbols, body text of 8 pt or more, and no text printed over other text
 * (a return's wrapped commentary used to run over the next row).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../../src/cli/main';
import { demoIn } from '../../../helpers/demo';
import { describeWith, requireTools } from '../../../helpers/tools';
import { median, overlappingWords, pdfInfo, pdfPages, wordBoxes, xlsxToPdf, type WordBox } from './pdf-tools';

const describeWithTools = describeWith(['soffice', 'pdfinfo', 'pdftotext'], 'the Trends and return PDF print test');
const carlito = requireTools('the printed text-size check', 'carlito');

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
/** A word's box is about 1.3 times its type size in Calibri/Carlito. */
const typeSize = (words: readonly WordBox[]): number => median(words.map((w) => w.yMax - w.yMin)) / 1.3;

interface Printed {
  readonly pages: string[];
  readonly words: WordBox[][];
  readonly info: ReturnType<typeof pdfInfo>;
}

function print(xlsx: string, dir: string): Printed {
  const out = path.join(dir, path.basename(xlsx, '.xlsx'));
  fs.mkdirSync(out, { recursive: true });
  const pdf = xlsxToPdf(xlsx, out);
  return { pages: pdfPages(pdf), words: wordBoxes(pdf), info: pdfInfo(pdf) };
}

/** The words that start under a header word's column, top to bottom, left of the next header. */
function column(words: readonly WordBox[], header: WordBox, nextLeft: number): string {
  return words
    .filter((w) => w.yMin > (header.yMin + header.yMax) / 2 && w.xMin >= header.xMin - 1 && w.xMin < nextLeft - 2)
    .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
    .map((w) => w.text).join(' ');
}

describeWithTools('the demo printed by LibreOffice: the Trends sheet and a return', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-trends-print-'));
  let trends: { pages: string[]; words: WordBox[][] };
  let all: Printed;
  let ret: Printed;
  let template: Printed;
  let titles: { id: string; title: string }[];
  let commentary: string[];

  beforeAll(async () => {
    await demoIn(dir);
    const demo = path.join(dir, 'demo');
    const cabinet = fs.readdirSync(demo).find((f) => /^cabinet-.*\.xlsx$/.test(f));
    if (!cabinet) throw new Error('the demo wrote no Cabinet workbook');
    all = print(path.join(demo, cabinet), dir);
    const first = all.pages.findIndex((p) => p.includes('Trends to 2024-25 Q2'));
    trends = { pages: all.pages.slice(first), words: all.words.slice(first) };
    const catalogue = JSON.parse(fs.readFileSync(path.join(demo, 'catalogue.json'), 'utf8')) as { indicators: { id: string; title: string }[] };
    const shown = new Set(trends.pages.join('\n').match(/^\s*[A-Z]{2,5}\d{2}\b/gm)?.map((s) => s.trim()));
    titles = catalogue.indicators.filter((i) => shown.has(i.id));
    // Children's Social Care: its Amber rows carry commentary and action that wrap over lines.
    ret = print(path.join(demo, 'returns', 'childrens-social-care.xlsx'), dir);
    const consolidation = JSON.parse(fs.readFileSync(path.join(demo, 'consolidation.json'), 'utf8')) as { files: { service?: string; rows: { commentary?: string; action?: string }[] }[] };
    commentary = (consolidation.files.find((f) => f.service === "Children's Social Care")?.rows ?? []).flatMap((r) => [r.commentary ?? '', r.action ?? '']).filter((t) => t !== '');
    const io = { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: dir };
    const code = await main(['template', '--catalogue', path.join(demo, 'catalogue.json'), '--period', '2024-25 Q2', '--out', 'template.xlsx'], io);
    if (code !== 0) throw new Error(`scorecard template exited ${code}`);
    template = print(path.join(dir, 'template.xlsx'), dir);
  }, 240_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('the Trends sheet', () => {
    it('prints after the Cabinet sheet, on at most three pages', () => {
      expect(trends.pages.length).toBeGreaterThan(0);
      expect(trends.pages.length).toBeLessThan(all.pages.length);
      expect(trends.pages.length).toBeLessThanOrEqual(3);
    });

    it('fits one page wide: every page has the Ref, Indicator and last quarter headers, and every indicator its last RAG', () => {
      trends.pages.forEach((page, i) => {
        const header = page.split('\n').find((l) => /^\s*Ref\s+Indicator\b/.test(l)) ?? '';
        expect({ page: i + 1, header: /2023-24 Q2.*2024-25 Q2\s+RAG\s*$/.test(header) }).toEqual({ page: i + 1, header: true });
      });
      expect(titles.length).toBeGreaterThan(40);
    });

    it('prints every indicator name whole (not cut at its column edge)', () => {
      const text = trends.words.map((words) => {
        const head = words.find((w) => w.text === 'Indicator' && words.some((r) => r.text === 'Ref' && Math.abs(r.yMin - w.yMin) < 1));
        const next = words.filter((w) => head && w.text === '2023-24' && Math.abs(w.yMin - head.yMin) < 2).sort((a, b) => a.xMin - b.xMin)[0];
        return head && next ? column(words, head, next.xMin) : '';
      }).join(' ');
      const cut = titles.filter((t) => !squash(text).includes(squash(t.title))).map((t) => t.title);
      expect(cut).toEqual([]);
    });

    it('has a key above the table for every symbol the table shows', () => {
      const [first = ''] = trends.pages;
      const key = first.slice(0, first.indexOf('Indicators: the last five quarters'));
      const table = trends.pages.map((p, i) => (i === 0 ? p.slice(p.indexOf('Indicators: the last five quarters')) : p)).join('\n');
      for (const symbol of ['✔', '▲', '✖', '■', '?', '–', '<5']) {
        if (table.includes(symbol)) expect({ symbol, keyed: key.includes(symbol) }).toEqual({ symbol, keyed: true });
      }
      expect(key).toContain('Blank: no result recorded that quarter');
    });

    (carlito ? it : it.skip)('prints body text at 8 pt or more', () => {
      expect(typeSize(trends.words.flat())).toBeGreaterThanOrEqual(8);
    });

    it('prints no text over other text', () => {
      trends.words.forEach((words, i) => expect({ page: i + 1, overlaps: overlappingWords(words).map(([a, b]) => `${a.text} / ${b.text}`) }).toEqual({ page: i + 1, overlaps: [] }));
    });
  });

  describe('a filled return', () => {
    it('prints on one A4 landscape page, one page wide: the Action column and every commentary and action whole', () => {
      expect(ret.info).toMatchObject({ pages: 1 });
      expect(ret.info.width).toBeCloseTo(842, 0);
      expect(ret.info.height).toBeCloseTo(595, 0);
      const [page = ''] = ret.pages;
      expect(page).toMatch(/Commentary\s+Action/);
      expect(commentary.length).toBeGreaterThan(1);
      const text = squash(ret.words.flat().map((w) => w.text).join(' '));
      // The page's words in reading order interleave columns; each commentary's words all print.
      for (const t of commentary) for (const word of squash(t).split(' ')) expect({ t, word, printed: text.includes(word) }).toEqual({ t, word, printed: true });
    });

    it('prints no text over other text (wrapped commentary stays in its row)', () => {
      expect(overlappingWords(ret.words.flat()).map(([a, b]) => `${a.text} / ${b.text}`)).toEqual([]);
    });

    (carlito ? it : it.skip)('prints body text at 8 pt or more', () => {
      expect(typeSize(ret.words.flat())).toBeGreaterThanOrEqual(8);
    });
  });

  describe('the whole-council template', () => {
    it('prints one page wide (every page has the Action header), with no text over other text', () => {
      expect(template.pages.length).toBeGreaterThan(1);
      template.pages.forEach((page, i) => expect({ page: i + 1, action: /Commentary\s+Action/.test(page) }).toEqual({ page: i + 1, action: true }));
      template.words.forEach((words, i) => expect({ page: i + 1, overlaps: overlappingWords(words).map(([a, b]) => `${a.text} / ${b.text}`) }).toEqual({ page: i + 1, overlaps: [] }));
    });

    (carlito ? it : it.skip)('prints body text at 8 pt or more', () => {
      expect(typeSize(template.words.flat())).toBeGreaterThanOrEqual(8);
    });
  });
});
