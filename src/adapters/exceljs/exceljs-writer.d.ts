// ExcelJS 4.4.0's streaming-writer parts, required alone (exceljs is pinned: package-writer.ts
// follows lib/stream/xlsx/workbook-writer.js), and yazl. Only what package-writer.ts uses is typed.
declare module 'exceljs/lib/stream/xlsx/worksheet-writer' {
  class WorksheetWriter {
    constructor(options: Record<string, unknown>);
    readonly id: number;
    readonly name: string;
    rId: string;
    readonly committed: boolean;
    commit(): void;
  }
  export = WorksheetWriter;
}
declare module 'exceljs/lib/xlsx/xform/style/styles-xform' {
  import type ExcelJS from 'exceljs';
  class StylesXform {
    constructor(initialise?: boolean);
    readonly xml: string;
    // The style manager's calls (style-book.test.ts compares StyleBook with them).
    addStyleModel(model: Partial<ExcelJS.Style> | undefined, cellType?: number): number;
    addDxfStyle(style: Partial<ExcelJS.Style>): number;
  }
  export = StylesXform;
}
declare module 'exceljs/lib/doc/defined-names' {
  class DefinedNames {
    add(locStr: string, name: string): void;
    readonly model: unknown;
  }
  export = DefinedNames;
}
declare module 'exceljs/lib/xlsx/rel-type' {
  const RelType: Record<'OfficeDocument' | 'CoreProperties' | 'ExtenderProperties' | 'Styles' | 'Theme' | 'Worksheet', string>;
  export = RelType;
}
declare module 'exceljs/lib/xlsx/xform/core/core-xform' {
  class CoreXform { toXml(model: unknown): string }
  export = CoreXform;
}
declare module 'exceljs/lib/xlsx/xform/core/relationships-xform' {
  class RelationshipsXform { toXml(model: unknown): string }
  export = RelationshipsXform;
}
declare module 'exceljs/lib/xlsx/xform/core/content-types-xform' {
  class ContentTypesXform { toXml(model: unknown): string }
  export = ContentTypesXform;
}
declare module 'exceljs/lib/xlsx/xform/core/app-xform' {
  class AppXform { toXml(model: unknown): string }
  export = AppXform;
}
declare module 'exceljs/lib/xlsx/xform/book/workbook-xform' {
  class WorkbookXform {
    prepare(model: unknown): void;
    toXml(model: unknown): string;
  }
  export = WorkbookXform;
}
declare module 'exceljs/lib/xlsx/xml/theme1.js' {
  const xml: string;
  export = xml;
}
declare module 'exceljs/lib/stream/xlsx/workbook-writer' {
  import type ExcelJS from 'exceljs';
  const WorkbookWriter: typeof ExcelJS.stream.xlsx.WorkbookWriter;
  export = WorkbookWriter;
}
// yazl 3 (https://github.com/thejoshwolfe/yazl#api): the calls package-writer.ts makes.
// Data only (no requires): style-book.test.ts checks StyleBook's copy of the built-in formats against it.
declare module 'exceljs/lib/xlsx/defaultnumformats' {
  const formats: Record<string, { f?: string } & Record<string, string>>;
  export = formats;
}
declare module 'yazl' {
  import type { EventEmitter } from 'node:events';
  export class ZipFile extends EventEmitter {
    readonly outputStream: NodeJS.ReadableStream;
    addBuffer(buffer: Buffer, metadataPath: string, options?: { compress?: boolean; mtime?: Date }): void;
    addReadStream(readStream: NodeJS.ReadableStream, metadataPath: string, options?: { compress?: boolean; mtime?: Date }): void;
    end(): void;
  }
}
// ExcelJS's password hashing for sheet protection (lib/utils/encryptor.js: Node's crypto only).
declare module 'exceljs/lib/utils/encryptor' {
  const Encryptor: {
    randomBytes(size: number): Buffer;
    convertPasswordToHash(password: string, hashAlgorithm: string, saltValue: string, spinCount: number): string;
  };
  export = Encryptor;
}
