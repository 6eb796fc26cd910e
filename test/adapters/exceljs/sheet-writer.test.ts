import fc from 'fast-check';
import JSZip from 'jszip';
import { streamRenderWorkbook } from '../../../src/adapters/exceljs/stream-render';
import { PRODUCT_SHEET_KINDS } from '../../../src/core/product-kind';
import type { CellStyle, SheetPlan, WorkbookPlan } from '../../../src/core/plan/types';
import { packageParts } from '../../helpers/package-parts';

/**
 * sheet-writer.ts, validations-xml.ts, book-parts.ts and style-book.ts write the package in place of
 * ExcelJS 4.4.0's streaming WorkbookWriter. The reference is that writer itself, through the same
 * sheet-chrome.ts (stream-render.ts's `viaExcelJSWriter`): for generated sheets with every kind of
 * chrome a plan can ask for — columns (hidden, equal neighbours, the default width), validations
 * (overlapping, repeated, single cells that ExcelJS joins into rectangles), conditional formats and
 * data bars, protection, panes, print set-up with titles, areas, margins, headers and footers,
 * names, markers, tab colours, hidden sheets and sheet names that need quoting — every part must be
 * the same text, in the same order in the zip. Only the two times in docProps/core.xml, and a
 * password's salt and hash (fresh random salt each time: checked apart), are set equal.
 */

/** packageParts, with a password's salt and hash (fresh each time) set equal. */
async function parts(bytes: Uint8Array): Promise<[string, string][]> {
  return (await packageParts(bytes)).map(([name, text]) => [name, text.replace(/hashValue="[^"]*" saltValue="[^"]*"/g, 'hashValue="H" saltValue="S"')]);
}

const ROWS = 12;
const COLS = 8;
const box = fc.record({ top: fc.integer({ min: 1, max: ROWS }), left: fc.integer({ min: 1, max: COLS }), rows: fc.integer({ min: 1, max: 3 }), cols: fc.integer({ min: 1, max: 3 }) })
  .map((b) => ({ top: b.top, left: b.left, bottom: b.top + b.rows - 1, right: b.left + b.cols - 1 }));
const cell = fc.record({ top: fc.integer({ min: 1, max: ROWS }), left: fc.integer({ min: 1, max: 3 }) }).map((c) => ({ ...c, bottom: c.top, right: c.left }));
const words = fc.constantFrom('', 'Plain', 'A & B', '<tag> "quoted" \'single\'', 'é中🙂', 'ctrl\u0001x', 'Page &P of &N');
const colour = fc.constantFrom('#FF0000', '#1f4e79', '#00703C');
const style: fc.Arbitrary<CellStyle> = fc.record({
  numFmt: fc.constantFrom('0.0', '#,##0', '0%', '@', 'General', '0.0"%"'), bold: fc.boolean(), fill: colour, border: fc.boolean(), locked: fc.boolean(), wrap: fc.boolean(),
}, { requiredKeys: [] });

const rule = fc.oneof(
  fc.record({ type: fc.constant('decimal' as const), min: fc.option(fc.constantFrom(0, -5, 2.5), { nil: undefined }), max: fc.option(fc.constantFrom(100, 1e6), { nil: undefined }) }),
  fc.record({ type: fc.constant('list' as const), values: fc.array(fc.constantFrom('Yes', 'No', 'Say "no"', 'A,B'), { minLength: 1, maxLength: 3 }) }),
  fc.record({ type: fc.constant('textLength' as const), max: fc.constantFrom(10, 500) }),
).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as SheetPlan['validations'][number]['rule']);
const validation = fc.record({
  range: fc.oneof(box, cell), rule, allowBlank: fc.boolean(), errorStyle: fc.constantFrom('stop' as const, 'warning' as const, 'information' as const),
  prompt: fc.option(fc.record({ title: words, message: words }), { nil: undefined }),
  error: fc.option(fc.record({ title: words, message: words }), { nil: undefined }),
}).map((v) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as unknown as SheetPlan['validations'][number]);
/** The same rule over a block, cell by cell: ExcelJS joins equal single-cell validations into rectangles. */
const column = fc.record({ col: fc.integer({ min: 1, max: 3 }), from: fc.integer({ min: 1, max: 6 }), rows: fc.integer({ min: 1, max: 4 }), cols: fc.integer({ min: 1, max: 3 }), v: validation })
  .map(({ col, from, rows, cols, v }) => Array.from({ length: rows * cols }, (_, i) => ({ ...v, range: { top: from + (i % rows), left: col + Math.floor(i / rows), bottom: from + (i % rows), right: col + Math.floor(i / rows) } })));

const sheet = (name: string): fc.Arbitrary<SheetPlan> => fc.record({
  rows: fc.boolean(),
  columns: fc.array(fc.record({ col: fc.integer({ min: 1, max: COLS }), width: fc.constantFrom(9, 12.5, 40), hidden: fc.boolean() }), { maxLength: 6 }),
  validations: fc.tuple(fc.array(validation, { maxLength: 5 }), fc.array(column, { maxLength: 2 })).map(([a, b]) => [...a, ...b.flat()]),
  conditionalFormats: fc.array(fc.record({
    range: box, formula: fc.constantFrom('A1>0', 'EXACT(TRIM(E3),"Red & <amber>")', 'ISBLANK(B2)'), priority: fc.integer({ min: 0, max: 4 }),
    style: fc.record({ fill: colour, fontColor: colour, bold: fc.boolean() }, { requiredKeys: [] }),
  }), { maxLength: 4 }),
  dataBars: fc.option(fc.array(fc.record({ range: box, color: colour }), { maxLength: 2 }), { nil: undefined }),
  protection: fc.option(fc.record({
    allowSelectLockedCells: fc.boolean(), allowSelectUnlockedCells: fc.boolean(),
    allowFormatColumns: fc.option(fc.boolean(), { nil: undefined }), allowFormatRows: fc.option(fc.boolean(), { nil: undefined }),
    allowSort: fc.option(fc.boolean(), { nil: undefined }), allowAutoFilter: fc.option(fc.boolean(), { nil: undefined }),
  }), { nil: undefined }),
  freeze: fc.option(fc.record({ rows: fc.integer({ min: 0, max: 3 }), cols: fc.integer({ min: 0, max: 2 }) }), { nil: undefined }),
  print: fc.option(fc.record({
    orientation: fc.constantFrom('landscape' as const, 'portrait' as const), fitToWidth: fc.integer({ min: 0, max: 1 }), fitToHeight: fc.integer({ min: 0, max: 2 }),
    repeatRows: fc.option(fc.integer({ min: 1, max: 4 }).map((f) => ({ first: f, last: f + 1 })), { nil: undefined }),
    printArea: fc.option(box, { nil: undefined }),
    margins: fc.option(fc.constant({ left: 0.3, right: 0.3, top: 0.45, bottom: 0.45, header: 0.15, footer: 0.15 }), { nil: undefined }),
    header: fc.option(fc.record({ left: words, right: words }, { requiredKeys: [] }), { nil: undefined }),
    footer: fc.option(fc.record({ center: words }, { requiredKeys: [] }), { nil: undefined }),
  }), { nil: undefined }),
  tabColor: fc.option(colour, { nil: undefined }),
  names: fc.array(fc.record({ name: fc.constantFrom('ReturnPeriod', 'Fingerprint', 'Area_1'), range: fc.oneof(cell, box) }), { maxLength: 3 }),
  marker: fc.option(fc.constantFrom(...PRODUCT_SHEET_KINDS), { nil: undefined }),
  hidden: fc.boolean(),
  styles: fc.array(fc.record({ range: box, style }), { maxLength: 3 }),
}).map((s): SheetPlan => {
  const plan: Record<string, unknown> = {
    name, cells: s.rows ? [{ row: 1, col: 1, values: [[1, 'two', true], [null, { formula: 'A1*2' }, 'x']] }] : [], styles: s.styles,
    columns: [...new Map(s.columns.map((c) => [c.col, c.hidden ? c : { col: c.col, width: c.width }])).values()],
    validations: s.validations, conditionalFormats: s.conditionalFormats, names: s.names, hidden: s.hidden,
  };
  for (const key of ['dataBars', 'protection', 'freeze', 'tabColor', 'marker'] as const) if (s[key] !== undefined) plan[key] = s[key];
  if (s.print) plan.print = { ...Object.fromEntries(Object.entries(s.print).filter(([, v]) => v !== undefined)), paperSize: 'A4' };
  return plan as unknown as SheetPlan;
});

const names = fc.constantFrom('Cabinet 2024-25 Q2', 'Return', 'Trends', "Bob's data", 'Lists');
const workbook: fc.Arbitrary<WorkbookPlan> = fc.uniqueArray(names, { minLength: 1, maxLength: 3 })
  .chain((ns) => fc.tuple(...ns.map(sheet)))
  .chain((sheets) => fc.record({
    title: fc.option(words, { nil: undefined }), subject: fc.option(words, { nil: undefined }), creator: fc.option(words, { nil: undefined }),
    keywords: fc.option(words, { nil: undefined }), company: fc.option(words, { nil: undefined }),
    custom: fc.dictionary(fc.constantFrom('ScorecardFingerprint', 'Period'), words, { maxKeys: 2 }),
  }).map((p) => ({ sheets, properties: Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as WorkbookPlan['properties'] })));

describe('sheet-writer and book-parts: the package without ExcelJS\'s writer', () => {
  it('writes every part as ExcelJS\'s streaming writer does, for generated sheet chrome', async () => {
    await fc.assert(fc.asyncProperty(workbook, async (plan) => {
      const own = await parts(await streamRenderWorkbook(plan));
      const reference = await parts(await streamRenderWorkbook(plan, { viaExcelJSWriter: true }));
      // custom.xml is last in both; the reference adds it afterwards, so only its place can differ.
      expect(own.map(([n]) => n)).toEqual(reference.map(([n]) => n));
      expect(own).toEqual(reference);
    }), { numRuns: 250 });
  }, 180_000);

  it('hashes a sheet password as ExcelJS does (SHA-512, 100,000 spins, a fresh 16-byte salt)', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Encryptor = require('exceljs/lib/utils/encryptor') as { convertPasswordToHash(p: string, a: string, s: string, n: number): string };
    const plan: WorkbookPlan = {
      properties: { custom: {} },
      sheets: [{ name: 'Locked', cells: [{ row: 1, col: 1, values: [[1]] }], styles: [], columns: [], validations: [], conditionalFormats: [], protection: { password: 'p&<"é', allowSelectLockedCells: true, allowSelectUnlockedCells: true } }],
    };
    const own = await streamRenderWorkbook(plan);
    const sheetXml = await (await JSZip.loadAsync(own)).file('xl/worksheets/sheet1.xml')!.async('string');
    const m = /<sheetProtection sheet="1" algorithmName="SHA-512" hashValue="([^"]+)" saltValue="([^"]+)" spinCount="100000"\/>/.exec(sheetXml);
    expect(m).not.toBeNull();
    expect(Buffer.from(m![2]!, 'base64')).toHaveLength(16);
    expect(m![1]).toBe(Encryptor.convertPasswordToHash('p&<"é', 'SHA512', m![2]!, 100000));
    const again = await (await JSZip.loadAsync(await streamRenderWorkbook(plan))).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(again).not.toBe(sheetXml);
    expect((await parts(own)).map(([, t]) => t)).toEqual((await parts(await streamRenderWorkbook(plan, { viaExcelJSWriter: true }))).map(([, t]) => t));
  }, 60_000);
});
