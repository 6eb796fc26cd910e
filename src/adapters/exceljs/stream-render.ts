import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { WorkbookPlan } from '../../core/plan/types';
import { safePlan } from '../../core/cell-text';
import { writeCustomProperties } from './doc-props';
import { addPlanSheet, applyDocProperties, applySheetChrome, writePlanRows } from './render';
import { streamPlanRows } from './stream-rows';

const UNSTYLED: Partial<ExcelJS.Style> = {};
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface StreamOptions {
  /**
   * Rows through ExcelJS's own Row and Cell objects (render.ts writePlanRows) instead of
   * stream-rows.ts: the reference the own row XML is tested and measured against.
   */
  readonly viaCellObjects?: boolean;
}

/**
 * The same WorkbookPlan as renderWorkbook, through ExcelJS's streaming writer: each row goes to the
 * zip as it is written, as SpreadsheetML made by stream-rows.ts (no ExcelJS Row or Cell objects: a
 * 30,000-row Cabinet had ~390,000), and ExcelJS writes the rest of the package. Node only
 * (streams); the task pane keeps renderWorkbook.
 */
export async function streamRenderWorkbook(whole: WorkbookPlan, options: StreamOptions = {}): Promise<Uint8Array> {
  const { plan } = safePlan(whole);
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  applyDocProperties(wb as unknown as Parameters<typeof applyDocProperties>[0], plan.properties);
  for (const [i, sheet] of plan.sheets.entries()) {
    // The writer's worksheet has the in-memory Worksheet's methods that the chrome uses.
    const ws = addPlanSheet(wb, sheet) as unknown as ExcelJS.Worksheet;
    // Before any row is written. Merges, heights and page breaks go with their rows (both row writers):
    // made first, they made the writer hold every row up to them and shift() through them.
    await applySheetChrome(wb, ws, sheet, i + 1, { mergesWithRows: true });
    if (options.viaCellObjects) await writePlanRows(ws, sheet, { unstyled: UNSTYLED, breathe });
    else await streamPlanRows(ws, sheet, breathe);
    (ws as unknown as { commit(): void }).commit();
  }
  await wb.commit();
  await done;
  const bytes = new Uint8Array(Buffer.concat(chunks));
  return Object.keys(plan.properties.custom).length > 0 ? writeCustomProperties(bytes, plan.properties.custom) : bytes;
}
