import ExcelJS from 'exceljs';
import { safePlan } from '../../core/cell-text';
import type { SheetPlan, WorkbookPlan } from '../../core/plan/types';
import { writeCustomProperties } from './doc-props';
import { addPlanSheet, applyDocProperties, applySheetChrome, writePlanRows } from './sheet-chrome';

/**
 * A WorkbookPlan as .xlsx bytes. A thin map from plan to ExcelJS calls: layout is decided by the plan.
 * Bytes in, bytes out (no fs), so it runs in the browser too.
 */
export async function renderWorkbook(whole: WorkbookPlan): Promise<Uint8Array> {
  // Cell text and headers within Excel's limits and XML's characters, whatever the plan holds.
  const { plan } = safePlan(whole);
  const wb = new ExcelJS.Workbook();
  applyDocProperties(wb, plan.properties);
  for (const [i, sheet] of plan.sheets.entries()) await renderSheet(wb, sheet, i + 1);
  const written = await wb.xlsx.writeBuffer();
  const bytes = new Uint8Array(written as ArrayBuffer);
  return Object.keys(plan.properties.custom).length > 0 ? writeCustomProperties(bytes, plan.properties.custom) : bytes;
}

async function renderSheet(wb: ExcelJS.Workbook, sheet: SheetPlan, position: number): Promise<void> {
  const ws = addPlanSheet(wb, sheet);
  await writePlanRows(ws, sheet, undefined);
  await applySheetChrome(wb, ws, sheet, position);
}

