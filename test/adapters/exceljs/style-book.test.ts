import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, resolve } from 'path';
import type ExcelJS from 'exceljs';
import fc from 'fast-check';
import ts from 'typescript';
import defaultNumFormats from 'exceljs/lib/xlsx/defaultnumformats';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform';
import { excelStyle } from '../../../src/adapters/exceljs/sheet-chrome';
import { StyleBook } from '../../../src/adapters/exceljs/style-book';
import type { CellStyle } from '../../../src/core/plan/types';

// StyleBook against the ExcelJS 4.4.0 code it replaces, `new StylesXform(true)`: the same ids for
// the same calls, and the same styles.xml byte for byte.

const SOURCE = resolve(__dirname, '../../../src/adapters/exceljs/style-book.ts');

/** ExcelJS's ValueType numbers, and undefined (read as Number). */
const CELL_TYPE = fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined });

const BUILT_IN_CODES = Object.values(defaultNumFormats).flatMap((d) => (d.f === undefined ? [] : [d.f]));
const NUM_FMT = fc.oneof(
  fc.constantFrom(...BUILT_IN_CODES, 'yyyy-mm-dd', 'dd/mm/yyyy', '0.0', '#,##0.0"%"', '£#,##0', '"<5"&0', "0' &amp;", 'a>b', '0.0%;[Red]-0.0%', ''),
  // Odd codes too: anything a plan might carry, control characters (dropped by ExcelJS) included.
  fc.string({ maxLength: 6 }).filter((s) => !(s in {})),
);
const HEX = fc.constantFrom('#1F4E79', 'c00000', '#FFFFFF', '#00b050', '#FFC7CE');

const CELL_STYLE: fc.Arbitrary<CellStyle> = fc.record({
  numFmt: NUM_FMT, bold: fc.boolean(), italic: fc.boolean(), fontSize: fc.constantFrom(8, 9, 10, 10.5, 11, 12, 14, 16), fontColor: HEX,
  fill: HEX, wrap: fc.boolean(), hAlign: fc.constantFrom('left', 'center', 'right'), vAlign: fc.constantFrom('top', 'middle', 'bottom'),
  border: fc.boolean(), locked: fc.boolean(),
}, { requiredKeys: [] });

/** What conditional() in sheet-chrome.ts gives addConditionalFormatting, for ExcelJS to pass to addDxfStyle. */
function dxfStyle(cf: { fill?: string; fontColor?: string; bold?: boolean }): Partial<ExcelJS.Style> {
  const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;
  const style: Partial<ExcelJS.Style> = {};
  if (cf.fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.fill) }, fgColor: { argb: argb(cf.fill) } };
  if (cf.fontColor || cf.bold) style.font = { ...(cf.fontColor ? { color: { argb: argb(cf.fontColor) } } : {}), ...(cf.bold ? { bold: true } : {}) };
  return style;
}
const DXF = fc.record({ fill: HEX, fontColor: HEX, bold: fc.boolean() }, { requiredKeys: [] });

type Op =
  | { readonly op: 'style'; readonly make: () => Partial<ExcelJS.Style>; readonly cellType: number | undefined }
  | { readonly op: 'again'; readonly which: number; readonly cellType: number | undefined }
  | { readonly op: 'empty'; readonly cellType: number | undefined }
  | { readonly op: 'none' }
  | { readonly op: 'dxf'; readonly make: () => Partial<ExcelJS.Style> };

const opsOf = (style: fc.Arbitrary<() => Partial<ExcelJS.Style>>, dxf: fc.Arbitrary<() => Partial<ExcelJS.Style>>): fc.Arbitrary<Op[]> => fc.array(fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('style' as const), make: style, cellType: CELL_TYPE }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('again' as const), which: fc.nat(), cellType: CELL_TYPE }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('empty' as const), cellType: CELL_TYPE }) },
  { weight: 1, arbitrary: fc.constant({ op: 'none' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dxf' as const), make: dxf }) },
), { maxLength: 40 });

interface Manager {
  addStyleModel(model: Partial<ExcelJS.Style> | undefined, cellType?: number): number;
  addDxfStyle(style: Partial<ExcelJS.Style>): number;
  readonly xml: string;
}

/** The ids a manager returns for the operations, and its styles.xml after them. Each manager gets objects of its own. */
function run(m: Manager, ops: readonly Op[]): { ids: number[]; xml: string } {
  const made: Partial<ExcelJS.Style>[] = [];
  const ids = ops.map((o) => {
    switch (o.op) {
      case 'style': {
        const s = o.make();
        made.push(s);
        return m.addStyleModel(s, o.cellType);
      }
      case 'again': return made.length ? m.addStyleModel(made[o.which % made.length], o.cellType) : -1;
      // `{}` and no cell type is what stream-rows.ts asks for.
      case 'empty': return o.cellType === undefined ? m.addStyleModel({}) : m.addStyleModel({}, o.cellType);
      case 'none': return m.addStyleModel(undefined);
      case 'dxf': return m.addDxfStyle(o.make());
    }
  });
  return { ids, xml: m.xml };
}

function sameAsExcelJS(ops: readonly Op[]): void {
  const ours = run(new StyleBook(), ops);
  const theirs = run(new StylesXform(true), ops);
  expect(ours.ids).toEqual(theirs.ids);
  expect(ours.xml).toBe(theirs.xml);
}

describe('StyleBook', () => {
  it('writes the styles.xml of an empty book as ExcelJS does', () => {
    expect(new StyleBook().xml).toBe(new StylesXform(true).xml);
  });

  it('gives the first style id 1 and the same object its first id again, whatever the cell type', () => {
    const book = new StyleBook();
    const bold = excelStyle({ bold: true });
    expect(book.addStyleModel(bold)).toBe(1);
    expect(book.addStyleModel(bold, 4)).toBe(1);
    expect(book.addStyleModel(excelStyle({ bold: true }))).toBe(1);
    expect(book.addStyleModel({}, 4)).toBe(2);
    expect(book.addStyleModel({})).toBe(0);
    expect(book.addStyleModel(undefined)).toBe(0);
  });

  it('numbers dxfs in order and counts them', () => {
    const book = new StyleBook();
    expect(book.addDxfStyle(dxfStyle({ fill: '#FFC7CE', fontColor: '#9C0006' }))).toBe(0);
    expect(book.addDxfStyle(dxfStyle({ bold: true }))).toBe(1);
    expect(book.xml).toContain('<dxfs count="2"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf><dxf><font><b/></font></dxf></dxfs>');
  });

  it('knows every built-in format code of ExcelJS (its copy of defaultnumformats.js)', () => {
    const ops: Op[] = BUILT_IN_CODES.map((f) => ({ op: 'style', make: () => ({ numFmt: f }), cellType: undefined }));
    sameAsExcelJS([...ops, { op: 'style', make: () => ({ numFmt: '0.0' }), cellType: 3 }]);
  });

  it('matches ExcelJS on random sequences of the styles sheet-chrome.ts makes', () => {
    fc.assert(fc.property(opsOf(CELL_STYLE.map((s) => () => excelStyle(s)), DXF.map((d) => () => dxfStyle(d))), sameAsExcelJS), { numRuns: 300 });
  });

  // Shapes the plans never make, for the parts of ExcelJS ported in general: theme colours and tints,
  // underlines, gradients, diagonals, rotation, indent, reading order, hidden cells, numFmt in a dxf.
  it('matches ExcelJS on wider ExcelJS style shapes', () => {
    const color = fc.oneof(
      fc.record({ argb: fc.constantFrom('FF000000', 'FF112233') }), fc.record({ theme: fc.nat(9), tint: fc.option(fc.constantFrom(-0.25, 0.4), { nil: undefined }) }),
      fc.record({ indexed: fc.nat(64) }), fc.constant({}),
    ) as fc.Arbitrary<Partial<ExcelJS.Color>>;
    const font = fc.record({
      name: fc.constantFrom('Calibri', 'Arial & "Co"'), size: fc.constantFrom(0, 9, 11), bold: fc.boolean(), italic: fc.boolean(), color,
      underline: fc.constantFrom(true, false, 'none', 'single', 'double', 'singleAccounting', 'doubleAccounting'), family: fc.nat(3),
      scheme: fc.constantFrom('minor', 'major', 'none'), charset: fc.nat(2), vertAlign: fc.constantFrom('superscript', 'subscript'),
      strike: fc.boolean(), outline: fc.boolean(),
    }, { requiredKeys: [] }) as fc.Arbitrary<Partial<ExcelJS.Font>>;
    const stops = fc.array(fc.record({ position: fc.constantFrom(0, 0.5, 1), color }, { requiredKeys: ['position'] }), { maxLength: 3 });
    const fill = fc.oneof(
      fc.record({ type: fc.constant('pattern'), pattern: fc.constantFrom('solid', 'darkGrid', 'none'), fgColor: color, bgColor: color }, { requiredKeys: ['type', 'pattern'] }),
      fc.record({ type: fc.constant('gradient'), gradient: fc.constant('angle'), degree: fc.constantFrom(0, 90), stops }),
      fc.record({
        type: fc.constant('gradient'), gradient: fc.constant('path'), stops,
        center: fc.record({ left: fc.constantFrom(0, 0.5), top: fc.constantFrom(0, 0.5), right: fc.constantFrom(0, 0.5), bottom: fc.constantFrom(0, 1) }, { requiredKeys: ['left', 'top'] }),
      }),
      fc.constant({ type: 'other' }),
    ) as fc.Arbitrary<ExcelJS.Fill>;
    const edge = fc.record({ style: fc.constantFrom('thin', 'medium', 'dashDot'), color }, { requiredKeys: [] });
    const border = fc.record({
      top: edge, left: edge, bottom: edge, right: edge, color,
      diagonal: fc.record({ style: fc.constantFrom('thin', 'double'), color, up: fc.boolean(), down: fc.boolean() }, { requiredKeys: [] }),
    }, { requiredKeys: [] }) as fc.Arbitrary<Partial<ExcelJS.Borders>>;
    const alignment = fc.record({
      horizontal: fc.constantFrom('left', 'center', 'right', 'fill', 'justify', 'centerContinuous', 'distributed', 'bogus'),
      vertical: fc.constantFrom('top', 'middle', 'bottom', 'distributed', 'justify', 'center'), wrapText: fc.boolean(), shrinkToFit: fc.boolean(),
      indent: fc.constantFrom(-1, 0, 2, 3.7), readingOrder: fc.constantFrom('ltr', 'rtl'), textRotation: fc.constantFrom('vertical', -91, -90, -45, 0, 45.6, 90, 91),
    }, { requiredKeys: [] }) as fc.Arbitrary<Partial<ExcelJS.Alignment>>;
    const protection = fc.record({ locked: fc.boolean(), hidden: fc.boolean() }, { requiredKeys: [] });
    const style = fc.record({ numFmt: NUM_FMT, font, fill, border, alignment, protection }, { requiredKeys: [] }) as fc.Arbitrary<Partial<ExcelJS.Style>>;
    const make = style.map((s) => () => structuredClone(s));
    fc.assert(fc.property(opsOf(make, make), sameAsExcelJS), { numRuns: 200 });
  });

  it('loads nothing of ExcelJS: only type imports of it in its source, and no module but its own two when required', () => {
    const text = readFileSync(SOURCE, 'utf8');
    const imports = text.split('\n').filter((l) => /\bfrom\s+['"]|require\(|import\(/.test(l));
    // Its one other import is the XML writing it shares with the sheet writer (xml-out.ts, which imports nothing).
    expect(imports).toEqual(["import type ExcelJS from 'exceljs';", "import { attrs, colorXml, node } from './xml-out';"]);
    const xmlOut = readFileSync(join(dirname(SOURCE), 'xml-out.ts'), 'utf8');
    expect(xmlOut.split('\n').filter((l) => /\bfrom\s+['"]|require\(|import\(/.test(l))).toEqual([]);

    const dir = mkdtempSync(join(tmpdir(), 'style-book-'));
    try {
      const emit = (source: string, name: string): string => {
        const file = join(dir, name);
        writeFileSync(file, ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText);
        return file;
      };
      const file = emit(text, 'style-book.js');
      const shared = emit(xmlOut, 'xml-out.js');
      const script = `const b = new (require(${JSON.stringify(file)}).StyleBook)(); b.addStyleModel({ numFmt: '0.0' }); b.xml; process.stdout.write(JSON.stringify(Object.keys(require.cache)))`;
      const loaded = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[];
      expect(loaded.sort()).toEqual([file, shared].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
