import type ExcelJS from 'exceljs';
import { attrs, colorXml, node } from './xml-out';

// The style manager and xl/styles.xml of ExcelJS 4.4.0, without loading ExcelJS: a port of the
// render side of `new StylesXform(true)` (lib/xlsx/xform/style/styles-xform.js) and the xforms it
// renders through (font-, fill-, border-, style-, alignment-, protection-, numfmt-, dxf-, color- and
// underline-xform.js in the same folder; lib/utils/xml-stream.js; xmlEncode in lib/utils/utils.js).
// package-writer.ts needs the same bytes ExcelJS wrote, so ExcelJS's choices are kept even where
// ECMA-376 Part 1 §18.8 would allow (or prefer) others: fonts' children in ExcelJS's own order
// rather than CT_Font's sequence, `applyProtection` on an xf whose protection is all defaults, and
// so on. test/adapters/exceljs/style-book.test.ts holds it to StylesXform byte for byte.

/** ExcelJS's ValueType (lib/doc/enums.js): the two cell types that pick a number format. */
const NUMBER = 2;
const DATE = 4;

/** Custom number formats are numbered from here (§18.8.30: ids below are built in). */
const NUMFMT_BASE = 164;

/**
 * The built-in formats ExcelJS recognises by their code (the `f` entries of
 * lib/xlsx/defaultnumformats.js; its locale-only entries never match a code). Copied rather than
 * required so that nothing of ExcelJS loads; the test checks the copy against that module.
 */
const BUILT_IN: ReadonlyMap<string, number> = new Map([
  ['General', 0], ['0', 1], ['0.00', 2], ['#,##0', 3], ['#,##0.00', 4], ['0%', 9], ['0.00%', 10],
  ['0.00E+00', 11], ['# ?/?', 12], ['# ??/??', 13], ['mm-dd-yy', 14], ['d-mmm-yy', 15], ['d-mmm', 16],
  ['mmm-yy', 17], ['h:mm AM/PM', 18], ['h:mm:ss AM/PM', 19], ['h:mm', 20], ['h:mm:ss', 21],
  ['m/d/yy "h":mm', 22], ['#,##0 ;(#,##0)', 37], ['#,##0 ;[Red](#,##0)', 38], ['#,##0.00 ;(#,##0.00)', 39],
  ['#,##0.00 ;[Red](#,##0.00)', 40], ['mm:ss', 45], ['[h]:mm:ss', 46], ['mmss.0', 47], ['##0.0E+0', 48], ['@', 49],
]);

/** ExcelJS's Color model is wider than its typings (tint and indexed are read and written). */
type Color = Partial<ExcelJS.Color> & { tint?: number; indexed?: number };
type Attr = string | number | boolean | undefined;
type DxfStyle = Partial<ExcelJS.Style> & { numFmtId?: number };

const UNDERLINE: Readonly<Record<string, string>> = { single: '', double: 'double', singleAccounting: 'singleAccounting', doubleAccounting: 'doubleAccounting' };

/**
 * font-xform.js: children in the order of FontXform's map (b, i, u, charset, color, …, sz, name),
 * which is not CT_Font's (§18.8.22) but is what ExcelJS writes. Booleans and integers are left out
 * when falsy (a size of 0 too), strings only when undefined.
 */
function font(f: Partial<ExcelJS.Font> & { condense?: boolean; extend?: boolean; shadow?: boolean }): string {
  const flag = (tag: string, on: unknown): string => (on ? `<${tag}/>` : '');
  const val = (tag: string, v: unknown, when: boolean): string => (when ? node(tag, attrs([['val', v as Attr]])) : '');
  const u = f.underline === true ? '<u/>' : typeof f.underline === 'string' && Object.hasOwn(UNDERLINE, f.underline)
    ? node('u', attrs([['val', UNDERLINE[f.underline] || undefined]])) : '';
  return node('font', '', `${flag('b', f.bold)}${flag('i', f.italic)}${u}${val('charset', f.charset, !!f.charset)}${colorXml('color', f.color)}`
    + `${flag('condense', f.condense)}${flag('extend', f.extend)}${val('family', f.family, !!f.family)}${flag('outline', f.outline)}`
    + `${val('vertAlign', f.vertAlign, f.vertAlign !== undefined)}${val('scheme', f.scheme, f.scheme !== undefined)}`
    + `${flag('shadow', f.shadow)}${flag('strike', f.strike)}${val('sz', f.size, !!f.size)}${val('name', f.name, f.name !== undefined)}`);
}

/** fill-xform.js (§18.8.20): a pattern or gradient fill; any other type writes nothing at all. */
function fill(model: ExcelJS.Fill): string {
  if (model.type === 'pattern') {
    return `<fill>${node('patternFill', attrs([['patternType', model.pattern]]), colorXml('fgColor', model.fgColor) + colorXml('bgColor', model.bgColor))}</fill>`;
  }
  if (model.type !== 'gradient') return '';
  const a: [string, Attr][] = [];
  if (model.gradient === 'angle') a.push(['degree', model.degree]);
  else if (model.gradient === 'path') {
    // As GradientFillXform: a missing right/bottom repeats left/top; zero is never written.
    const c: { left?: number; right?: number; top?: number; bottom?: number } = model.center;
    a.push(['type', 'path']);
    if (c.left) a.push(['left', c.left], ...(c.right === undefined ? [['right', c.left] as [string, Attr]] : []));
    if (c.right) a.push(['right', c.right]);
    if (c.top) a.push(['top', c.top], ...(c.bottom === undefined ? [['bottom', c.top] as [string, Attr]] : []));
    if (c.bottom) a.push(['bottom', c.bottom]);
  }
  const stops = model.stops.map((s) => node('stop', attrs([['position', s.position]]), colorXml('color', s.color))).join('');
  return `<fill>${node('gradientFill', attrs(a), stops)}</fill>`;
}

/**
 * border-xform.js (§18.8.4): all five edges always written, in ExcelJS's order (left, right, top,
 * bottom, diagonal); an edge's colour only with its style, falling back to the border-wide colour.
 */
function border(b: Partial<ExcelJS.Borders> & { color?: Color }): string {
  const diagonal = b.diagonal?.style ? attrs([['diagonalUp', b.diagonal.up ? '1' : undefined], ['diagonalDown', b.diagonal.down ? '1' : undefined]]) : '';
  const edge = (tag: string, e: Partial<ExcelJS.Border> | undefined): string =>
    e?.style ? node(tag, attrs([['style', e.style]]), colorXml('color', e.color || b.color)) : `<${tag}/>`;
  return `<border${diagonal}>${edge('left', b.left)}${edge('right', b.right)}${edge('top', b.top)}${edge('bottom', b.bottom)}${edge('diagonal', b.diagonal)}</border>`;
}

const HORIZONTAL = new Set(['left', 'center', 'right', 'fill', 'centerContinuous', 'distributed', 'justify']);
const VERTICAL = new Set(['top', 'middle', 'bottom', 'distributed', 'justify']);
/** utils.validInt. */
const validInt = (v: unknown): number => {
  const i = parseInt(v as string, 10);
  return Number.isNaN(i) ? 0 : i;
};

/** alignment-xform.js (§18.8.1): only valid, non-default attributes; none at all writes nothing. */
function alignment(a: Partial<ExcelJS.Alignment>): string {
  let rotation: number | undefined;
  if (a.textRotation === 'vertical') rotation = 255;
  else {
    const r = validInt(a.textRotation);
    if (r > 0 && r <= 90) rotation = r;
    else if (r < 0 && r >= -90) rotation = 90 - r; // §18.8.1: 91–180 are the downward angles
  }
  const list: [string, Attr][] = [
    ['horizontal', a.horizontal && HORIZONTAL.has(a.horizontal) ? a.horizontal : undefined],
    // ExcelJS's model says 'middle' where the file says 'center'.
    ['vertical', a.vertical === 'middle' ? 'center' : a.vertical && VERTICAL.has(a.vertical) ? a.vertical : undefined],
    ['wrapText', a.wrapText ? '1' : undefined],
    ['shrinkToFit', a.shrinkToFit ? '1' : undefined],
    ['indent', Math.max(0, validInt(a.indent)) || undefined],
    ['textRotation', rotation],
    ['readingOrder', a.readingOrder === 'ltr' ? 1 : a.readingOrder === 'rtl' ? 2 : undefined],
  ];
  return list.some(([, v]) => v !== undefined) ? node('alignment', attrs(list)) : '';
}

/** protection-xform.js (§18.8.33): only what differs from locked, not hidden. */
function protection(p: Partial<ExcelJS.Protection>): string {
  const list: [string, Attr][] = [['locked', (p.locked === undefined ? true : p.locked) ? undefined : '0'], ['hidden', p.hidden ? '1' : undefined]];
  return list.some(([, v]) => v !== undefined) ? node('protection', attrs(list)) : '';
}

interface Xf {
  numFmtId?: number; fontId?: number; fillId?: number; borderId?: number; xfId?: number;
  alignment?: Partial<ExcelJS.Alignment>; protection?: Partial<ExcelJS.Protection>;
}

/** style-xform.js (§18.8.45): an apply flag for every part set, even one that writes no element. */
function xf(s: Xf, withXfId: boolean): string {
  return node('xf', attrs([
    ['numFmtId', s.numFmtId || 0], ['fontId', s.fontId || 0], ['fillId', s.fillId || 0], ['borderId', s.borderId || 0],
    ['xfId', withXfId ? s.xfId || 0 : undefined],
    ['applyNumberFormat', s.numFmtId ? '1' : undefined], ['applyFont', s.fontId ? '1' : undefined],
    ['applyFill', s.fillId ? '1' : undefined], ['applyBorder', s.borderId ? '1' : undefined],
    ['applyAlignment', s.alignment ? '1' : undefined], ['applyProtection', s.protection ? '1' : undefined],
  ]), (s.alignment ? alignment(s.alignment) : '') + (s.protection ? protection(s.protection) : ''));
}

const numFmt = (id: number, formatCode: string): string => node('numFmt', attrs([['numFmtId', id], ['formatCode', formatCode]]));

/** dxf-xform.js (§18.8.17): CT_Dxf's order, font first. */
function dxf(d: DxfStyle): string {
  return node('dxf', '', (d.font ? font(d.font) : '') + (d.numFmt && d.numFmtId ? numFmt(d.numFmtId, d.numFmt) : '')
    + (d.fill ? fill(d.fill) : '') + (d.alignment ? alignment(d.alignment) : '') + (d.border ? border(d.border) : '')
    + (d.protection ? protection(d.protection) : ''));
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
  + '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">';
const CELL_STYLE_XFS = '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>';
const CELL_STYLES = '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>';
const TAIL = '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>'
  + '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext>'
  + '<ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst></styleSheet>';

/** ExcelJS's Workbook default font: Calibri 11 in the theme's text colour. */
const DEFAULT_FONT: Partial<ExcelJS.Font> = { size: 11, color: { theme: 1 }, name: 'Calibri', family: 2, scheme: 'minor' };

/** Parts kept as their XML, each once, numbered in order of first use (as StylesXform's index). */
class Pool {
  readonly xml: string[] = [];
  private readonly ids = new Map<string, number>();
  add(xml: string): number {
    let id = this.ids.get(xml);
    if (id === undefined) {
      id = this.xml.length;
      this.ids.set(xml, id);
      this.xml.push(xml);
    }
    return id;
  }
}

/** StylesXform(true) as a style manager: cells' styles in, xf ids out, and then xl/styles.xml. */
export class StyleBook {
  private readonly numFmts: string[] = [];
  private readonly numFmtIds = new Map<string, number>();
  private readonly fonts = new Pool();
  private readonly fills = new Pool();
  private readonly borders = new Pool();
  private readonly styles = new Pool();
  private readonly dxfs: DxfStyle[] = [];
  private readonly seen = new WeakMap<object, number>();

  constructor() {
    // StylesXform.init: the zero border, the zero xf, and the two fills Excel reserves (§18.8.21).
    this.borders.add(border({}));
    this.styles.add(xf({ numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, xfId: 0 }, true));
    this.fills.add(fill({ type: 'pattern', pattern: 'none' }));
    this.fills.add(fill({ type: 'pattern', pattern: 'gray125' }));
  }

  addStyleModel(model: Partial<ExcelJS.Style> | undefined, cellType?: number): number {
    if (!model) return 0;
    if (this.fonts.xml.length === 0) this.fonts.add(font(DEFAULT_FONT));
    // The first id of an object stands, whatever cell type comes with it later (as ExcelJS).
    const known = this.seen.get(model);
    if (known !== undefined) return known;
    const style: Xf = {};
    // ExcelJS reads a missing (or Null, 0) cell type as Number.
    const type = cellType || NUMBER;
    if (model.numFmt) style.numFmtId = this.addNumFmt(model.numFmt);
    else if (type === NUMBER) style.numFmtId = this.addNumFmt('General');
    else if (type === DATE) style.numFmtId = this.addNumFmt('mm-dd-yy');
    if (model.font) style.fontId = this.fonts.add(font(model.font));
    if (model.border) style.borderId = this.borders.add(border(model.border));
    if (model.fill) style.fillId = this.fills.add(fill(model.fill));
    if (model.alignment) style.alignment = model.alignment;
    if (model.protection) style.protection = model.protection;
    const id = this.styles.add(xf(style, true));
    this.seen.set(model, id);
    return id;
  }

  addDxfStyle(style: Partial<ExcelJS.Style>): number {
    // As ExcelJS: the caller's object gets its numFmtId and is kept by reference, written at `xml`.
    const d: DxfStyle = style;
    if (d.numFmt) d.numFmtId = this.addNumFmt(d.numFmt);
    this.dxfs.push(d);
    return this.dxfs.length - 1;
  }

  get xml(): string {
    // As StylesXform.render: a book with no cell styled still gets the default font (and keeps it).
    if (this.fonts.xml.length === 0) this.fonts.add(font(DEFAULT_FONT));
    const list = (tag: string, items: readonly string[], extra = ''): string => node(tag, attrs([['count', items.length]]) + extra, items.join(''));
    return HEAD
      + (this.numFmts.length ? list('numFmts', this.numFmts) : '')
      + `<fonts count="${this.fonts.xml.length}" x14ac:knownFonts="1">${this.fonts.xml.join('')}</fonts>`
      + list('fills', this.fills.xml) + list('borders', this.borders.xml) + CELL_STYLE_XFS
      + list('cellXfs', this.styles.xml) + CELL_STYLES + list('dxfs', this.dxfs.map(dxf)) + TAIL;
  }

  /** A format's id: built in, or the next custom one from 164. */
  private addNumFmt(formatCode: string): number {
    // A Map, where ExcelJS indexes plain objects: a code such as 'constructor' gets a real id here.
    let id = BUILT_IN.get(formatCode) ?? this.numFmtIds.get(formatCode);
    if (id === undefined) {
      id = NUMFMT_BASE + this.numFmts.length;
      this.numFmtIds.set(formatCode, id);
      this.numFmts.push(numFmt(id, formatCode));
    }
    return id;
  }
}
