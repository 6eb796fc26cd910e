import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import WorksheetWriter from 'exceljs/lib/stream/xlsx/worksheet-writer';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform';
import DefinedNames from 'exceljs/lib/doc/defined-names';
import RelType from 'exceljs/lib/xlsx/rel-type';
import CoreXform from 'exceljs/lib/xlsx/xform/core/core-xform';
import RelationshipsXform from 'exceljs/lib/xlsx/xform/core/relationships-xform';
import ContentTypesXform from 'exceljs/lib/xlsx/xform/core/content-types-xform';
import AppXform from 'exceljs/lib/xlsx/xform/core/app-xform';
import WorkbookXform from 'exceljs/lib/xlsx/xform/book/workbook-xform';
import theme1Xml from 'exceljs/lib/xlsx/xml/theme1.js';
import { ZipFile } from 'yazl';
import { CUSTOM_PART, customPropertiesXml, withCustomRel, withCustomType } from './doc-props';

/**
 * ExcelJS's streaming WorkbookWriter (exceljs 4.4.0, lib/stream/xlsx/workbook-writer.js), the part
 * of it this product uses, zipped by yazl instead of archiver. Every part is made by ExcelJS's own
 * xforms and WorksheetWriter, with the models the original gives them, so the package is ExcelJS's
 * part for part (test/adapters/exceljs/package-writer.test.ts holds it to the original). Why: the
 * original requires archiver (with glob, tar-stream and lodash), half of what a quarter's
 * consolidate loaded beyond validate (issue 19.3). yazl deflates with Node's zlib, as archiver did.
 * Also writes the custom document properties into the same zip: ExcelJS writes none.
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
  readonly useSharedStrings = false;
  readonly sharedStrings = { count: 0 };
  readonly styles = new StylesXform(true);
  readonly definedNames = new DefinedNames();
  readonly views: unknown[] = [];
  readonly media: unknown[] = [];
  readonly commentRefs: unknown[] = [];
  private readonly worksheets: WorksheetWriter[] = [];
  private readonly zip = new ZipFile();
  private readonly parts: PassThrough[] = [];

  constructor(private readonly custom: Readonly<Record<string, string>> = {}) {
    // The original adds these two when it is made: the order of the parts in the zip is the same.
    this.add('xl/theme/theme1.xml', theme1Xml);
    this.add('_rels/.rels', this.withCustom(new RelationshipsXform().toXml([
      { Id: 'rId1', Type: RelType.OfficeDocument, Target: 'xl/workbook.xml' },
      { Id: 'rId2', Type: RelType.CoreProperties, Target: 'docProps/core.xml' },
      { Id: 'rId3', Type: RelType.ExtenderProperties, Target: 'docProps/app.xml' },
    ]), withCustomRel));
  }

  /** The zipped package, as it is written: read it while the sheets are written. */
  get output(): NodeJS.ReadableStream {
    return this.zip.outputStream;
  }

  addWorksheet(name: string, options: Partial<ExcelJS.AddWorksheetOptions> = {}): WorksheetWriter {
    const id = this.worksheets.length + 1;
    const ws = new WorksheetWriter({
      id, name, workbook: this, useSharedStrings: false,
      properties: options.properties, state: options.state, pageSetup: options.pageSetup,
      views: options.views, headerFooter: options.headerFooter,
    });
    this.worksheets.push(ws);
    return ws;
  }

  /** The original's workbook.getImage: no images here. */
  getImage(): undefined {
    return undefined;
  }

  /** Where a WorksheetWriter writes its part: each write goes on to the zip as it is made. */
  _openStream(path: string): PartStream {
    const part = new PassThrough();
    this.parts.push(part);
    this.zip.addReadStream(part, path.replace(/^\//, ''));
    return new PartStream(part);
  }

  /** Every sheet committed, then the workbook's parts, as the original's commit() adds them. */
  async commit(): Promise<void> {
    for (const ws of this.worksheets) if (!ws.committed) ws.commit();
    const worksheets = this.worksheets;
    this.add('[Content_Types].xml', this.withCustom(new ContentTypesXform().toXml({ worksheets, sharedStrings: this.sharedStrings, commentRefs: this.commentRefs, media: this.media }), withCustomType));
    this.add('docProps/app.xml', new AppXform().toXml({ worksheets }));
    this.add('docProps/core.xml', new CoreXform().toXml(this));
    this.add('xl/styles.xml', this.styles.xml);
    const rels = [
      { Id: 'rId1', Type: RelType.Styles, Target: 'styles.xml' },
      { Id: 'rId2', Type: RelType.Theme, Target: 'theme/theme1.xml' },
    ];
    worksheets.forEach((ws, i) => {
      ws.rId = `rId${i + 3}`;
      rels.push({ Id: ws.rId, Type: RelType.Worksheet, Target: `worksheets/sheet${ws.id}.xml` });
    });
    this.add('xl/_rels/workbook.xml.rels', new RelationshipsXform().toXml(rels));
    const model = { worksheets, definedNames: this.definedNames.model, views: this.views, properties: {}, calcProperties: {} };
    const book = new WorkbookXform();
    book.prepare(model);
    this.add('xl/workbook.xml', book.toXml(model));
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

/**
 * What WorksheetWriter writes to: strings, Buffers and ExcelJS StringBufs (which it reuses, so each
 * is copied as it comes), passed on to the zip's entry.
 */
export class PartStream {
  constructor(private readonly part: PassThrough) {}

  write(data: string | Buffer | { toBuffer(): Buffer }): boolean {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.isBuffer(data) ? data : Buffer.from(data.toBuffer());
    return this.part.write(bytes);
  }

  /** The original's StreamBuf holds writes until archiver reads; a PassThrough holds them too. */
  pause(): void {}

  end(): void {
    this.part.end();
  }
}
