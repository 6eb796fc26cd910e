import fc from 'fast-check';
import { cabinetModel } from '../../../src/core/cabinet/model';
import { cabinetPlan } from '../../../src/core/cabinet/plan';
import { fitScale, pageBreaks, pageCapacity, rowHeightFor, wrappedLines, type PrintBlock } from '../../../src/core/cabinet/print';
import { COLUMNS } from '../../../src/core/cabinet/layout';

// The printed columns (Service is not printed in the indicator table).
const WIDTHS = COLUMNS.filter((c) => c.key !== 'service').map((c) => c.width);
import { defaultCatalogue } from '../../../src/catalogue';
import { makePeriod } from '../../../src/core/period';
import { sampleReturns } from '../../../src/core/sample/returns';
import { consolidationOf, planToGrid, Q2, type Entry } from './helpers';
import { miniCatalogue } from '../fixtures/mini-catalogue';

const words = fc.array(fc.stringMatching(/^[a-z]{1,14}$/), { maxLength: 40 }).map((w) => w.join(' '));

describe('wrappedLines', () => {
  // Greedy wrapping with long words broken is not monotonic in width ("a aaa aaaaaaaaa aaaaa" takes
  // 2 lines at 7 and 3 at 12), so only the text side is a property; width is checked by example.
  it('never gives fewer lines for more text', () => {
    fc.assert(fc.property(words, words, fc.integer({ min: 5, max: 40 }), (a, b, w) => {
      expect(wrappedLines(`${a} ${b}`, w)).toBeGreaterThanOrEqual(wrappedLines(a, w));
    }), { numRuns: 500 });
  });

  it('gives fewer lines for a much wider column on ordinary text', () => {
    const text = 'Backlog sessions every Saturday until the end of November; progress reported to the Directorate Management Team monthly.';
    expect(wrappedLines(text, 60)).toBeLessThan(wrappedLines(text, 20));
  });

  it('counts each paragraph from a new line', () => {
    fc.assert(fc.property(words, words, fc.integer({ min: 5, max: 40 }), (a, b, w) => {
      expect(wrappedLines(`${a}\n${b}`, w)).toBe(wrappedLines(a, w) + wrappedLines(b, w));
    }));
  });

  it('breaks a word longer than the column into whole lines', () => {
    const perLine = [...Array(60).keys()].map((n) => 'x'.repeat(n + 1)).filter((t) => wrappedLines(t, 10) === 1).length;
    expect(perLine).toBeGreaterThan(5);
    expect(wrappedLines('x'.repeat(perLine * 3), 10)).toBe(3);
    expect(wrappedLines('x'.repeat(perLine * 3 + 1), 10)).toBe(4);
  });

  it('fits smaller type on fewer lines, and a row is as tall as its tallest cell', () => {
    const text = 'Two agency staff started in September; a recovery plan is reviewed weekly by the Head of Service.';
    expect(wrappedLines(text, 20, 8)).toBeLessThan(wrappedLines(text, 20, 12));
    expect(rowHeightFor(['short', text], [20, 20])).toBe(rowHeightFor([text], [20]));
    expect(rowHeightFor([text], [20])).toBeGreaterThan(rowHeightFor(['short'], [20]));
  });
});

describe('fit to one page wide', () => {
  it('prints the Cabinet columns at 80 % or more, so 10 pt text prints at 8 pt or more', () => {
    expect(fitScale(WIDTHS)).toBeGreaterThanOrEqual(0.8);
    expect(fitScale([10])).toBe(1);
    expect(pageCapacity(WIDTHS)).toBeGreaterThan(pageCapacity([10]));
  });
});

describe('pageBreaks', () => {
  // Row 1 is the repeated header (10 high), so every page has 90 of 100 for the rows.
  it.each<[string, number[], PrintBlock[], number[]]>([
    ['a block that fits on a page of its own but not in what is left', [10, 30, 30, 30, 30, 30], [{ first: 2, last: 4, keep: 2 }, { first: 5, last: 6, keep: 2 }], [4]],
    ['a block that fits in what is left', [10, 20, 20, 20, 10, 10], [{ first: 2, last: 4, keep: 2 }, { first: 5, last: 6, keep: 2 }], []],
    ['a long block whose first rows would not fit', [10, 30, 30, 20, 40, 40, 40], [{ first: 2, last: 3, keep: 2 }, { first: 4, last: 7, keep: 2 }], [3]],
    ['a long block whose first row fits: the page ends where it would anyway', [10, 30, 30, 20, 40, 40, 40], [{ first: 2, last: 3, keep: 2 }, { first: 4, last: 7, keep: 1 }], []],
    ['never a break before the first block on a page', [10, 50, 50], [{ first: 2, last: 3, keep: 2 }], []],
  ])('%s', (_, heights, blocks, want) => {
    expect(pageBreaks(heights, blocks, 100, 1)).toEqual(want);
  });

  /** An independent pager: the page the sheet would put each row on, given manual breaks. */
  function pagesOf(heights: number[], breaks: number[], room: number): number[] {
    let page = 1;
    let used = 0;
    return heights.map((h, i) => {
      if (i === 0) return 0;
      if (used > 0 && used + h > room) [page, used] = [page + 1, 0];
      used += h;
      const at = page;
      if (breaks.includes(i + 1)) [page, used] = [page + 1, 0];
      return at;
    });
  }

  it('keeps the first rows of every block on one page, and breaks only before a block', () => {
    const blocksArb = fc.array(fc.record({ rows: fc.array(fc.integer({ min: 5, max: 40 }), { minLength: 1, maxLength: 8 }), keep: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 8 });
    fc.assert(fc.property(blocksArb, (spec) => {
      const heights = [10];
      const blocks: PrintBlock[] = spec.map((b) => {
        const first = heights.length + 1;
        heights.push(...b.rows);
        return { first, last: heights.length, keep: Math.min(b.keep, b.rows.length) };
      });
      const breaks = pageBreaks(heights, blocks, 100, 1);
      for (const r of breaks) expect(blocks.some((b) => b.first === r + 1)).toBe(true);
      const pages = pagesOf(heights, breaks, 90);
      for (const b of blocks) {
        const kept = heights.slice(b.first - 1, b.first - 1 + b.keep);
        if (kept.reduce((n, h) => n + h, 0) > 90) continue;
        const on = new Set(pages.slice(b.first - 1, b.first - 1 + b.keep));
        expect({ block: b.first, pages: on.size }).toEqual({ block: b.first, pages: 1 });
      }
    }));
  });
});

describe('the Cabinet plan’s print layout', () => {
  const cat = miniCatalogue();
  const plan = cabinetPlan(cabinetModel(cat, consolidationOf(cat, Q2, [{ ref: 'MC01', actual: 70, commentary: 'c', action: 'a' }])));
  const sheet = plan.sheets[0];
  const grid = planToGrid(plan);

  it('gives every row a height; page 1 is the summary, the table starts a page with its header row; the paper’s header frozen', () => {
    expect(sheet?.rowHeights?.map((h) => h.row)).toEqual(grid.values.map((_, i) => i + 1));
    expect(sheet?.freeze).toEqual({ rows: 2, cols: 0 });
    expect(sheet?.print?.repeatRows).toBeUndefined();
    const header = grid.values.findIndex((r) => r[0] === 'Ref' && r[1] === 'Indicator');
    const summary = grid.values.findIndex((r) => /^Summary: /.test(String(r[0])));
    expect(summary).toBeGreaterThan(0);
    expect(summary).toBeLessThan(header);
    expect(sheet?.print?.rowBreaks?.[0]).toBe(header);
  });

  it('fits each row to its wrapped text: one line of 10 pt is at most 14 pt, and no taller than its lines need', () => {
    expect(rowHeightFor(['On target.'], [30])).toBeLessThanOrEqual(14);
    const text = 'Backlog sessions every Saturday until the end of November; progress reported to the Directorate Management Team monthly.';
    const lines = wrappedLines(text, 36);
    expect(rowHeightFor([text], [36])).toBeLessThanOrEqual(lines * 12.2 + 2);
  });

  it('breaks pages only before a heading, on the default catalogue with sample returns', () => {
    const def = defaultCatalogue();
    const period = makePeriod(2024, 2);
    const entries: Entry[] = sampleReturns(def, period).flatMap((s) => s.entries).map((e) => ({
      ref: e.ref, actual: typeof e.actual === 'number' ? e.actual : null, ...(e.status ? { qualitative: e.status } : {}),
      ...(e.commentary ? { commentary: e.commentary } : {}), ...(e.action ? { action: e.action } : {}),
    }));
    const big = cabinetPlan(cabinetModel(def, consolidationOf(def, period, entries)));
    const bigGrid = planToGrid(big);
    const breaks = big.sheets[0]?.print?.rowBreaks ?? [];
    expect(breaks.length).toBeGreaterThan(0);
    // A page starts with a heading or with its table's header row, written again there (no print titles).
    const starts = bigGrid.values.map((r, i) => ({ row: i + 1, text: r[0] })).filter((x) => typeof x.text === 'string' && /^(Ref$|P\d+:|Data quality|Summary|Exceptions|Conflicts|Catalogue changes|Missing returns|About)/.test(x.text));
    for (const r of breaks) expect(starts.map((h) => h.row)).toContain(r + 1);
    // Every page of the indicator table starts with its header row.
    const firstException = bigGrid.values.findIndex((r) => typeof r[0] === 'string' && r[0].startsWith('Exceptions'));
    for (const r of breaks.filter((b) => b < firstException)) expect(bigGrid.values[r]?.slice(0, 2)).toEqual(['Ref', 'Indicator']);
  });
});
