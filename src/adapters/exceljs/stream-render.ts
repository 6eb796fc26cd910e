import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { WorkbookPlan } from '../../core/plan/types';
import { safePlan } from '../../core/cell-text';
import { writeCustomProperties } from './doc-props';
import { PackageWriter } from './package-writer';
import { addPlanSheet, applyDocProperties, applySheetChrome, writePlanRows } from './sheet-chrome';
import { streamPlanRows } from './stream-rows';

const UNSTYLED: Partial<ExcelJS.Style> = {};
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface StreamOptions {
  /**
   * Rows through ExcelJS's own Row and Cell objects (sheet-chrome.ts writePlanRows) instead of
   * stream-rows.ts, in ExcelJS's own writer (they need its worksheets): the reference the own row
   * XML is tested and measured against.
   */
  readonly viaCellObjects?: boolean;
  /**
   * The package through ExcelJS's own streaming WorkbookWriter (zipped by archiver), custom
   * properties added afterwards: the reference package-writer.ts (and the parts it is made of) is
   * tested against.
   */
  readonly viaExcelJSWriter?: boolean;
}

/** What the sheets are written to: PackageWriter, or ExcelJS's WorkbookWriter it follows. */
interface Target {
  readonly wb: ExcelJS.stream.xlsx.WorkbookWriter | PackageWriter;
  readonly bytes: Promise<Buffer>;
}

function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve, reject) => {
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

async function target(custom: Readonly<Record<string, string>>, options: StreamOptions): Promise<Target> {
  if (!options.viaExcelJSWriter && !options.viaCellObjects) {
    const wb = new PackageWriter(custom);
    return { wb, bytes: collect(wb.output) };
  }
  const { default: WorkbookWriter } = await import('exceljs/lib/stream/xlsx/workbook-writer');
  const stream = new PassThrough();
  const bytes = collect(stream);
  return { wb: new WorkbookWriter({ stream, useStyles: true, useSharedStrings: false }), bytes };
}

/**
 * The same WorkbookPlan as renderWorkbook, streamed: each row goes to the zip as it is written, as
 * SpreadsheetML made by stream-rows.ts (no ExcelJS Row or Cell objects: a 30,000-row Cabinet had
 * ~390,000), the rest of the package as ExcelJS's writer makes it (package-writer.ts). Node only
 * (streams); the task pane keeps renderWorkbook.
 */
export async function streamRenderWorkbook(whole: WorkbookPlan, options: StreamOptions = {}): Promise<Uint8Array> {
  const { plan } = safePlan(whole);
  const custom = plan.properties.custom;
  const { wb, bytes } = await target(custom, options);
  applyDocProperties(wb as unknown as Parameters<typeof applyDocProperties>[0], plan.properties);
  for (const [i, sheet] of plan.sheets.entries()) {
    // The writer's worksheet has the in-memory Worksheet's methods that the chrome uses.
    const ws = addPlanSheet(wb as ExcelJS.stream.xlsx.WorkbookWriter, sheet) as unknown as ExcelJS.Worksheet;
    // Before any row is written. Merges, heights and page breaks go with their rows (both row writers):
    // made first, they made the writer hold every row up to them and shift() through them.
    await applySheetChrome(wb, ws, sheet, i + 1, { mergesWithRows: true });
    if (options.viaCellObjects) await writePlanRows(ws, sheet, { unstyled: UNSTYLED, breathe });
    else await streamPlanRows(ws, sheet, breathe);
    (ws as unknown as { commit(): void }).commit();
    // The zip deflates this sheet (on libuv's threads) while the next one is written.
    await breathe();
  }
  await wb.commit();
  const written = new Uint8Array(await bytes);
  return (options.viaExcelJSWriter || options.viaCellObjects) && Object.keys(custom).length > 0 ? writeCustomProperties(written, custom) : written;
}
