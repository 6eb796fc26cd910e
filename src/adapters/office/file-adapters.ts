import type { Grid } from '../../core/grid';
import type { WorkbookPlan } from '../../core/plan/types';

/** The .xlsx side the pane needs (ExcelJS): loaded on first use so webpack keeps it out of the first bundle. */
export interface FileAdapters {
  renderWorkbook(plan: WorkbookPlan): Promise<Uint8Array>;
  readWorkbookGrids(bytes: Uint8Array): Promise<Grid[]>;
}

const asBytes = (out: ArrayBuffer | Uint8Array): Uint8Array => (out instanceof Uint8Array ? out : new Uint8Array(out));

export const lazyFileAdapters: FileAdapters = {
  async renderWorkbook(plan) {
    const { renderWorkbook } = await import(/* webpackChunkName: "exceljs" */ '../exceljs/render');
    return asBytes(await renderWorkbook(plan));
  },
  async readWorkbookGrids(bytes) {
    const { readWorkbookGrids } = await import(/* webpackChunkName: "exceljs" */ '../exceljs/read');
    return (await readWorkbookGrids(bytes)).sheets;
  },
};
