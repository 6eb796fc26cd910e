import { ABSOLUTE, cellA1, parseA1 } from '../../core/address';
import { XML_DECLARATION, leaf, node } from './xml-out';

/**
 * The workbook-level parts of a package as ExcelJS 4.4.0's streaming WorkbookWriter writes them
 * (lib/stream/xlsx/workbook-writer.js with lib/xlsx/xform/core/* and book/*), for
 * package-writer.ts: relationships, content types, docProps/app.xml and core.xml, workbook.xml
 * with its defined names (lib/doc/defined-names.js). package-writer.test.ts holds each to
 * ExcelJS's. ECMA-376 Part 2 (packaging) for the first two, Part 1 §18.2 for the workbook.
 */

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  coreProperties: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extendedProperties: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  theme: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
} as const;

export interface Relationship { readonly Id: string; readonly Type: string; readonly Target: string }

export function relationshipsXml(rels: readonly Relationship[]): string {
  return `${XML_DECLARATION}${node('Relationships', { xmlns: 'http://schemas.openxmlformats.org/package/2006/relationships' }, rels.map((r) => leaf('Relationship', r as unknown as Record<string, string>)).join(''))}`;
}

/** What these parts read of each sheet (sheet-writer.ts's SheetWriter). */
export interface BookSheet {
  readonly id: number;
  readonly name: string;
  readonly state: string;
  readonly rId: string;
  readonly pageSetup: { readonly printArea?: string; readonly printTitlesRow?: string; readonly printTitlesColumn?: string };
}

const TYPE = 'application/vnd.openxmlformats-officedocument';

export function contentTypesXml(sheets: readonly BookSheet[]): string {
  const override = (part: string, type: string): string => leaf('Override', { PartName: part, ContentType: type });
  const body = leaf('Default', { Extension: 'rels', ContentType: 'application/vnd.openxmlformats-package.relationships+xml' })
    + leaf('Default', { Extension: 'xml', ContentType: 'application/xml' })
    + override('/xl/workbook.xml', `${TYPE}.spreadsheetml.sheet.main+xml`)
    + sheets.map((s) => override(`/xl/worksheets/sheet${s.id}.xml`, `${TYPE}.spreadsheetml.worksheet+xml`)).join('')
    + override('/xl/theme/theme1.xml', `${TYPE}.theme+xml`)
    + override('/xl/styles.xml', `${TYPE}.spreadsheetml.styles+xml`)
    // The writer always passes its (empty) list of comment parts, so the vml default is always there.
    + leaf('Default', { Extension: 'vml', ContentType: `${TYPE}.vmlDrawing` })
    + override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml')
    + override('/docProps/app.xml', `${TYPE}.extended-properties+xml`);
  return `${XML_DECLARATION}${node('Types', { xmlns: 'http://schemas.openxmlformats.org/package/2006/content-types' }, body)}`;
}

/** AppXform as the writer calls it, with the sheets alone: so Company is always empty. */
export function appXml(sheets: readonly BookSheet[]): string {
  const body = leaf('Application', undefined, 'Microsoft Excel') + leaf('DocSecurity', undefined, '0') + leaf('ScaleCrop', undefined, 'false')
    + `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant>${leaf('vt:lpstr', undefined, 'Worksheets')}</vt:variant><vt:variant>${leaf('vt:i4', undefined, sheets.length)}</vt:variant></vt:vector></HeadingPairs>`
    + `<TitlesOfParts>${node('vt:vector', { size: sheets.length, baseType: 'lpstr' }, sheets.map((s) => leaf('vt:lpstr', undefined, s.name)).join(''))}</TitlesOfParts>`
    + leaf('Company', undefined, '')
    + leaf('LinksUpToDate', undefined, 'false') + leaf('SharedDoc', undefined, 'false') + leaf('HyperlinksChanged', undefined, 'false') + leaf('AppVersion', undefined, '16.0300');
  return `${XML_DECLARATION}${node('Properties', { xmlns: 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties', 'xmlns:vt': 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes' }, body)}`;
}

export interface CoreProperties {
  readonly creator?: string;
  readonly title?: string;
  readonly subject?: string;
  readonly keywords?: string;
  readonly lastModifiedBy?: string;
  readonly created: Date;
  readonly modified: Date;
}

/** CoreXform.render: the properties this product sets, in the xform's order; times to the second. */
export function coreXml(p: CoreProperties): string {
  const text = (tag: string, v: string | undefined): string => (v === undefined ? '' : leaf(tag, undefined, v));
  const time = (tag: string, d: Date): string => leaf(tag, { 'xsi:type': 'dcterms:W3CDTF' }, d.toISOString().replace(/[.]\d{3}/, ''));
  const body = text('dc:creator', p.creator) + text('dc:title', p.title) + text('dc:subject', p.subject) + text('cp:keywords', p.keywords)
    + text('cp:lastModifiedBy', p.lastModifiedBy) + time('dcterms:created', p.created) + time('dcterms:modified', p.modified);
  return `${XML_DECLARATION}${node('cp:coreProperties', {
    'xmlns:cp': 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
    'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
    'xmlns:dcterms': 'http://purl.org/dc/terms/',
    'xmlns:dcmitype': 'http://purl.org/dc/dcmitype/',
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
  }, body)}`;
}

interface DefinedName { readonly name: string; readonly ranges: readonly string[]; readonly localSheetId?: number }

/**
 * Defined names as ExcelJS's DefinedNames keeps them: each name's cells in a matrix, given back as
 * the rectangles found by growing down, then right, from each cell not yet taken, in sheet, row,
 * column order. A name given one rectangle gets that rectangle back; overlapping ones, pieces.
 */
export class DefinedNames {
  // name → sheet → row → column → still to take
  private readonly names = new Map<string, Map<string, Map<number, Map<number, boolean>>>>();

  add(location: string, name: string): void {
    const { sheet, local } = splitLocation(location);
    const r = parseA1(local);
    if (!r) throw new Error(`book-parts: defined name ${name} at ${location} is not a range`);
    let sheets = this.names.get(name);
    if (!sheets) this.names.set(name, (sheets = new Map()));
    let rows = sheets.get(sheet);
    if (!rows) sheets.set(sheet, (rows = new Map()));
    for (let row = r.top; row <= r.bottom; row++) {
      let cols = rows.get(row);
      if (!cols) rows.set(row, (cols = new Map()));
      for (let col = r.left; col <= r.right; col++) cols.set(col, true);
    }
  }

  get model(): DefinedName[] {
    const out: DefinedName[] = [];
    for (const [name, sheets] of this.names) {
      const ranges: string[] = [];
      for (const [sheet, rows] of sheets) {
        const marked = (row: number, col: number): boolean => rows.get(row)?.get(col) === true;
        const take = (row: number, col: number): void => void rows.get(row)?.set(col, false);
        for (const row of [...rows.keys()].sort((a, b) => a - b)) {
          const cols = rows.get(row) as Map<number, boolean>;
          for (const col of [...cols.keys()].sort((a, b) => a - b)) {
            if (!marked(row, col)) continue;
            take(row, col);
            // ExcelJS's _explore also grows up and left first; in row-major order those cells are
            // always taken already, so only down, then right, can find any.
            let bottom = row;
            while (marked(bottom + 1, col)) take(++bottom, col);
            const column = (c: number): boolean => {
              for (let y = row; y <= bottom; y++) if (!marked(y, c)) return false;
              for (let y = row; y <= bottom; y++) take(y, c);
              return true;
            };
            let right = col;
            while (column(right + 1)) right++;
            ranges.push(shortRange(sheet, row, col, bottom, right));
          }
        }
      }
      if (ranges.length) out.push({ name, ranges });
    }
    return out;
  }
}

/** `'A b'!$A$1:$B$2` → the sheet as written between its quotes (ExcelJS keeps `''` doubled) and the rest. */
function splitLocation(location: string): { sheet: string; local: string } {
  const m = /^(?:(?:'((?:[^']|'')*)')|([^'^ !]*))!(.*)$/.exec(location);
  if (!m) return { sheet: '', local: location };
  return { sheet: m[1] ?? m[2] ?? '', local: m[3] ?? '' };
}

/** Range.$shortRange (lib/doc/range.js): the sheet quoted unless it is letters and digits only. */
function shortRange(sheet: string, top: number, left: number, bottom: number, right: number): string {
  const prefix = sheet ? (/^[a-zA-Z0-9]*$/.test(sheet) ? `${sheet}!` : `'${sheet}'!`) : '';
  const abs = (row: number, col: number): string => cellA1(row, col, ABSOLUTE);
  return top === bottom && left === right ? prefix + abs(top, left) : `${prefix}${abs(top, left)}:${abs(bottom, right)}`;
}

/** WorkbookXform.prepare and render: names given, then each sheet's print area and titles. */
export function workbookXml(sheets: readonly BookSheet[], names: readonly DefinedName[]): string {
  const all: DefinedName[] = [...names];
  sheets.forEach((sheet, index) => {
    const ps = sheet.pageSetup;
    if (ps.printArea) {
      for (const area of ps.printArea.split('&&')) {
        const [a, b] = area.split(':');
        all.push({ name: '_xlnm.Print_Area', ranges: [`'${sheet.name}'!$${a}:$${b}`], localSheetId: index });
      }
    }
    if (ps.printTitlesRow || ps.printTitlesColumn) {
      const ranges: string[] = [];
      if (ps.printTitlesColumn) {
        const [a, b] = ps.printTitlesColumn.split(':');
        ranges.push(`'${sheet.name}'!$${a}:$${b}`);
      }
      if (ps.printTitlesRow) {
        const [a, b] = ps.printTitlesRow.split(':');
        ranges.push(`'${sheet.name}'!$${a}:$${b}`);
      }
      all.push({ name: '_xlnm.Print_Titles', ranges, localSheetId: index });
    }
  });
  const body = '<fileVersion appName="xl" lastEdited="5" lowestEdited="5" rupBuild="9303"/>'
    + '<workbookPr defaultThemeVersion="164011" filterPrivacy="1"/>'
    + (sheets.length ? `<sheets>${sheets.map((s) => leaf('sheet', { sheetId: s.id, name: s.name, state: s.state, 'r:id': s.rId })).join('')}</sheets>` : '')
    + (all.length ? `<definedNames>${all.map((d) => leaf('definedName', { name: d.name, localSheetId: d.localSheetId }, d.ranges.join(','))).join('')}</definedNames>` : '')
    + '<calcPr calcId="171027"/>';
  return `${XML_DECLARATION}${node('workbook', {
    xmlns: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
    'xmlns:r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    'xmlns:mc': 'http://schemas.openxmlformats.org/markup-compatibility/2006',
    'mc:Ignorable': 'x15',
    'xmlns:x15': 'http://schemas.microsoft.com/office/spreadsheetml/2010/11/main',
  }, body)}`;
}
