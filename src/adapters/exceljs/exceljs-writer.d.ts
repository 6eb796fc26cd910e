// ExcelJS 4.4.0 modules required alone (exceljs is pinned): the theme and password hashing the own
// package writer uses, and the writer parts its tests and stream-render.ts's reference path compare
// it with. And yazl. Only what is called is typed.
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
declare module 'exceljs/lib/xlsx/xml/theme1.js' {
  const xml: string;
  export = xml;
}
declare module 'exceljs/lib/stream/xlsx/workbook-writer' {
  import type ExcelJS from 'exceljs';
  const WorkbookWriter: typeof ExcelJS.stream.xlsx.WorkbookWriter;
  export = WorkbookWriter;
}
// Data only (no requires): style-book.test.ts checks StyleBook's copy of the built-in formats against it.
declare module 'exceljs/lib/xlsx/defaultnumformats' {
  const formats: Record<string, { f?: string } & Record<string, string>>;
  export = formats;
}
// yazl 3 (https://github.com/thejoshwolfe/yazl#api): the calls package-writer.ts makes.
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
