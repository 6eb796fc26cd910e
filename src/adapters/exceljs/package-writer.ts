import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import theme1Xml from 'exceljs/lib/xlsx/xml/theme1.js';
import { ZipFile } from 'yazl';
import { DefinedNames, REL, type Relationship, appXml, contentTypesXml, coreXml, relationshipsXml, workbookXml } from './book-parts';
import { CUSTOM_PART, customPropertiesXml, withCustomRel, withCustomType } from './doc-props';
import { SheetWriter } from './sheet-writer';
import { StyleBook } from './style-book';

/**
 * The package ExcelJS 4.4.0's streaming WorkbookWriter (lib/stream/xlsx/workbook-writer.js) makes,
 * made without ExcelJS's writer: the sheets by sheet-writer.ts (rows by stream-rows.ts), styles by
 * style-book.ts, the other parts by book-parts.ts, zipped by yazl (Node's zlib, as archiver used).
 * Part for part the same text, in the same order in the zip (package-writer.test.ts holds it to
 * ExcelJS's own writer, kept as stream-render.ts's `viaExcelJSWriter`). Why: ExcelJS's writer, its
 * xforms and archiver were ~160 modules, most of what a quarter's consolidate loaded beyond
 * validate (issue 19.3). Only the theme (a string) is still ExcelJS's. Also writes the custom
 * document properties into the same zip: ExcelJS writes none.
 */
export class PackageWriter {
  readonly created = new Date();
  readonly modified = this.created;
  creator = 'ExcelJS';
  readonly lastModifiedBy = 'ExcelJS';
  title?: string;
  subject?: string;
  keywords?: string;
  /** Taken but not written, as the original's docProps/app.xml leaves it out. */
  company?: string;
  readonly styles = new StyleBook();
  readonly definedNames = new DefinedNames();
  private readonly worksheets: SheetWriter[] = [];
  private readonly zip = new ZipFile();

  constructor(private readonly custom: Readonly<Record<string, string>> = {}) {
    // The original adds these two when it is made: the order of the parts in the zip is the same.
    this.add('xl/theme/theme1.xml', theme1Xml);
    this.add('_rels/.rels', this.withCustom(relationshipsXml([
      { Id: 'rId1', Type: REL.officeDocument, Target: 'xl/workbook.xml' },
      { Id: 'rId2', Type: REL.coreProperties, Target: 'docProps/core.xml' },
      { Id: 'rId3', Type: REL.extendedProperties, Target: 'docProps/app.xml' },
    ]), withCustomRel));
  }

  /** The zipped package, as it is written: read it while the sheets are written. */
  get output(): NodeJS.ReadableStream {
    return this.zip.outputStream;
  }

  addWorksheet(name: string, options: Partial<ExcelJS.AddWorksheetOptions> = {}): SheetWriter {
    const ws = new SheetWriter({
      id: this.worksheets.length + 1, name, workbook: this,
      ...(options.properties ? { properties: options.properties as { tabColor?: { argb: string } } } : {}),
      ...(options.state ? { state: options.state } : {}),
      ...(options.pageSetup ? { pageSetup: options.pageSetup } : {}),
      ...(options.views ? { views: options.views } : {}),
      ...(options.headerFooter ? { headerFooter: options.headerFooter } : {}),
    });
    this.worksheets.push(ws);
    return ws;
  }

  /** Where a sheet writes its part: each write goes on to the zip as it is made. */
  _openStream(path: string): PassThrough {
    const part = new PassThrough();
    this.zip.addReadStream(part, path.replace(/^\//, ''));
    return part;
  }

  /** Every sheet committed, then the workbook's parts, as the original's commit() adds them. */
  async commit(): Promise<void> {
    for (const ws of this.worksheets) if (!ws.committed) ws.commit();
    const worksheets = this.worksheets;
    this.add('[Content_Types].xml', this.withCustom(contentTypesXml(worksheets), withCustomType));
    this.add('docProps/app.xml', appXml(worksheets));
    this.add('docProps/core.xml', coreXml(this));
    this.add('xl/styles.xml', this.styles.xml);
    const rels: Relationship[] = [
      { Id: 'rId1', Type: REL.styles, Target: 'styles.xml' },
      { Id: 'rId2', Type: REL.theme, Target: 'theme/theme1.xml' },
    ];
    worksheets.forEach((ws, i) => {
      ws.rId = `rId${i + 3}`;
      rels.push({ Id: ws.rId, Type: REL.worksheet, Target: `worksheets/sheet${ws.id}.xml` });
    });
    this.add('xl/_rels/workbook.xml.rels', relationshipsXml(rels));
    this.add('xl/workbook.xml', workbookXml(worksheets, this.definedNames.model));
    if (Object.keys(this.custom).length > 0) this.add(CUSTOM_PART, customPropertiesXml(this.custom));
    this.zip.end();
  }

  private withCustom(xml: string, edit: (xml: string) => string): string {
    return Object.keys(this.custom).length > 0 ? edit(xml) : xml;
  }

  private add(name: string, xml: string): void {
    this.zip.addBuffer(Buffer.from(xml, 'utf8'), name);
  }
}
