import type { FileAdapters } from '../../app/ports';

const asBytes = (out: ArrayBuffer | Uint8Array): Uint8Array => (out instanceof Uint8Array ? out : new Uint8Array(out));

/** This adapter for the pane: loaded on first use, so webpack keeps ExcelJS out of the first bundle. */
export const lazyFileAdapters: FileAdapters = {
  async renderWorkbook(plan) {
    const { renderWorkbook } = await import(/* webpackChunkName: "exceljs" */ './render');
    return asBytes(await renderWorkbook(plan));
  },
  async readWorkbookGrids(bytes) {
    const { readWorkbookGrids } = await import(/* webpackChunkName: "exceljs" */ './read');
    return (await readWorkbookGrids(bytes)).sheets;
  },
};
