import fc from 'fast-check';
import { readWorkbookGrids } from '../../src/adapters/exceljs/read';
import { renderWorkbook } from '../../src/adapters/exceljs/render';
import type { Book } from '../../src/app/books';
import { consolidateEach, consolidateReturns, statedPeriods, type ConsolidateOutcome } from '../../src/app/consolidate';
import { effectiveCatalogue } from '../../src/core/catalogue/effective';
import { validateEach, validateReturns } from '../../src/app/validate-return';
import { defaultCatalogue } from '../../src/catalogue/index';
import type { Grid } from '../../src/core/grid';
import { formatPeriod, parsePeriod, type Period } from '../../src/core/period';
import { templatePlan } from '../../src/core/plan/template';
import { LABEL } from '../../src/core/return/layout';
import { fillReturnPlan } from '../../src/core/sample/fill';
import { sampleReturns } from '../../src/core/sample/returns';

/**
 * The command line consolidates returns read one at a time (consolidateEach), the pane the returns
 * it has read (consolidateReturns): for any order of the same workbooks, with or without a quarter
 * given, with returns of another quarter or of none, both come to the same outcome. And the one at a
 * time really is one at a time: a workbook is validated before the next is asked for.
 */

const catalogue = defaultCatalogue();
const Q2 = parsePeriod('2024-25 Q2') as Period;
const NOW = '2024-10-21T09:00:00.000Z';
let books: Book[] = [];

beforeAll(async () => {
  for (const s of sampleReturns(catalogue, Q2).slice(0, 8)) {
    const plan = fillReturnPlan(templatePlan(catalogue, Q2, { service: s.service }), s.entries, { [LABEL.ready]: 'Yes' });
    const read = await readWorkbookGrids(await renderWorkbook({ sheets: [plan], properties: { custom: {} } }));
    books.push({ file: s.file, sheets: read.sheets, properties: read.properties });
  }
}, 60_000);

/** The book with its Period cell saying `text` instead of the quarter. */
function stating(book: Book, text: string): Book {
  const said = formatPeriod(Q2);
  const restate = (g: Grid): Grid => ({ ...g, values: g.values.map((row) => row.map((v) => (v === said ? text : v))) });
  return { ...book, file: `${text || 'none'}-${book.file}`, sheets: book.sheets.map(restate) };
}

async function* oneAtATime(list: readonly Book[], log: string[] = []): AsyncGenerator<Book> {
  for (const book of list) {
    log.push(`read ${book.file}`);
    yield book;
  }
}

/** The outcome as data: the working sheet is planned on asking, so it is asked for. */
function plain(o: ConsolidateOutcome): unknown {
  return o.ok ? { ...o, scorecardSheet: o.scorecardSheet() } : o;
}

// Another quarter is the rarer wrong turn: most batches that lack --period are one quarter with some Period cells blank.
const variant = fc.oneof({ arbitrary: fc.constant('as is'), weight: 4 }, { arbitrary: fc.constant('none'), weight: 3 }, { arbitrary: fc.constant('Q1'), weight: 1 });

describe('consolidating one workbook at a time', () => {
  it('comes to what consolidating them all at once does, in any order, with or without --period, with other quarters or none stated', async () => {
    await fc.assert(fc.asyncProperty(
      fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7], { minLength: 1 }), fc.array(variant, { minLength: 8, maxLength: 8 }), fc.boolean(),
      async (order, variants, givePeriod) => {
        const list = order.map((i) => {
          const v = variants[i];
          const book = books[i] as Book;
          return v === 'Q1' ? stating(book, '2024-25 Q1') : v === 'none' ? stating(book, '') : book;
        });
        const input = { catalogue, now: NOW, ...(givePeriod ? { period: Q2 } : {}) };
        const all = consolidateReturns({ ...input, books: list });
        const each = await consolidateEach(input, oneAtATime(list), list.length);
        expect(plain(each)).toEqual(plain(all));
        // Against the rule as it was written before any workbook was let go: every quarter stated, then all validated.
        const stated = statedPeriods(list);
        const period = givePeriod ? Q2 : stated.length === 1 ? parsePeriod(stated[0]?.period ?? '') : undefined;
        if (!period) expect(each).toEqual({ ok: false, problem: stated.length === 0 ? 'no-period' : 'mixed-periods', periods: stated });
        else expect(each.ok && each.results).toEqual(validateReturns(effectiveCatalogue(catalogue, period), list, { period }));
      },
    ), { numRuns: 60 });
  }, 120_000);

  it('says which quarters the returns state, each with the first file stating it, when they are not one', async () => {
    const list = [stating(books[0] as Book, ''), books[1] as Book, stating(books[2] as Book, '2024-25 Q1'), books[3] as Book];
    const each = await consolidateEach({ catalogue, now: NOW }, oneAtATime(list), list.length);
    expect(each).toEqual({ ok: false, problem: 'mixed-periods', periods: [{ period: '2024-25 Q2', file: books[1]?.file }, { period: '2024-25 Q1', file: list[2]?.file }] });
    const none = await consolidateEach({ catalogue, now: NOW }, oneAtATime([stating(books[0] as Book, '')]), 1);
    expect(none).toEqual({ ok: false, problem: 'no-period', periods: [] });
  });

  it('validates each workbook before the next is read, so only one is held at a time', async () => {
    const log: string[] = [];
    const list = books.slice(0, 4);
    await consolidateEach({ catalogue, now: NOW, period: Q2, progress: (done, total, file) => log.push(`validated ${file} (${done}/${total})`) }, oneAtATime(list, log), list.length);
    expect(log).toEqual(list.flatMap((b, i) => [`read ${b.file}`, `validated ${b.file} (${i + 1}/4)`]));
  });

  it('without --period, the workbooks before the first that states its quarter wait for it, then are validated against it', async () => {
    const list = [stating(books[0] as Book, ''), books[1] as Book];
    const each = await consolidateEach({ catalogue, now: NOW }, oneAtATime(list), 2);
    expect(each.ok && each.results.map((r) => [r.file, r.validation.period])).toEqual([[list[0]?.file, '2024-25 Q2'], [books[1]?.file, '2024-25 Q2']]);
    expect(each.ok && each.results[0]?.validation.rows).toEqual(validateReturns(catalogue, [books[0] as Book], { period: Q2 })[0]?.validation.rows);
  });
});

describe('validating one workbook at a time', () => {
  it('gives validateReturns\' results, and stops at a workbook this product wrote', async () => {
    const list = books.slice(0, 3);
    const each = await validateEach(catalogue, oneAtATime(list), 3, { period: Q2 });
    expect(each.results).toEqual(validateReturns(catalogue, list, { period: Q2 }));
    const cabinet = { file: 'cabinet.xlsx', sheets: [{ sheet: 'Cabinet', values: [['x']], product: 'cabinet' as const }] };
    const log: string[] = [];
    const stopped = await validateEach(catalogue, oneAtATime([books[0] as Book, cabinet, books[1] as Book], log), 3);
    expect(stopped.product).toEqual({ file: 'cabinet.xlsx', kinds: ['cabinet'] });
    expect(log).toEqual([`read ${books[0]?.file}`, 'read cabinet.xlsx']);
  });
});
