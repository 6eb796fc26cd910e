import type ExcelJS from 'exceljs';
import { ABSOLUTE, cellA1, rect, rectA1, refA1, rowsA1, type Rect } from '../../core/address';
import { markerName } from '../../core/product-sheet';
import type { CellStyle, ConditionalFormatPlan, DataValidationPlan, HeaderFooterSections, PlanValue, SheetPlan, WorkbookPlan } from '../../core/plan/types';
import { planRows, type PlanRows } from './plan-rows';
import { xstringText } from './xstring';

// What both renderers (render.ts in memory, stream-render.ts streaming) do to a sheet, with ExcelJS
// as types only: the streaming renderer writes through sheet-writer.ts and loads no ExcelJS (issue 19).

export type DocTarget = { title: string; subject: string; creator: string; company: string; keywords: string };

/** The standard document properties of a plan (custom ones go in afterwards via doc-props.ts). Shared by both renderers. */
export function applyDocProperties(wb: DocTarget, p: WorkbookPlan['properties']): void {
  if (p.title !== undefined) wb.title = p.title;
  if (p.subject !== undefined) wb.subject = p.subject;
  if (p.creator !== undefined) wb.creator = p.creator;
  if (p.company !== undefined) wb.company = p.company;
  if (p.keywords !== undefined) wb.keywords = p.keywords;
}

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

function cellValue(v: PlanValue, sharedStrings: boolean): ExcelJS.CellValue {
  if (v !== null && typeof v === 'object') return { formula: v.formula } as ExcelJS.CellFormulaValue;
  // A plain string stays a string even when it starts with = + - @: ExcelJS writes it as text.
  // In shared strings readers undo `_xHHHH_`; the streaming writer's `t="str"` values are read as they are.
  return sharedStrings && typeof v === 'string' ? xstringText(v) : v;
}

/**
 * A plan style as an ExcelJS style object. Built once per distinct style and shared by every cell
 * that has it: ExcelJS remembers the style id of an object it has seen, so a shared object is
 * registered once instead of being serialised and de-duplicated cell by cell (most of the
 * Cabinet sheet's write time at 30,000 rows).
 */
export function excelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (s.numFmt !== undefined) out.numFmt = s.numFmt;
  if (s.bold || s.italic || s.fontSize !== undefined || s.fontColor !== undefined) {
    out.font = {
      name: 'Calibri', size: s.fontSize ?? 11,
      ...(s.bold ? { bold: true } : {}), ...(s.italic ? { italic: true } : {}),
      ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}),
    };
  }
  if (s.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.wrap || s.hAlign || s.vAlign) {
    out.alignment = {
      ...(s.wrap ? { wrapText: true } : {}), ...(s.hAlign ? { horizontal: s.hAlign } : {}), ...(s.vAlign ? { vertical: s.vAlign } : {}),
    };
  }
  if (s.border) {
    const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FFBFBFBF' } };
    out.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  // Per cell: ExcelJS drops row/column-level protection on write.
  if (s.locked !== undefined) out.protection = { locked: s.locked };
  return out;
}

function validation(v: DataValidationPlan): ExcelJS.DataValidation {
  const common = {
    allowBlank: v.allowBlank, showErrorMessage: true, errorStyle: v.errorStyle,
    ...(v.error ? { errorTitle: v.error.title, error: v.error.message } : {}),
    ...(v.prompt ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.message } : {}),
  };
  const rule = v.rule;
  switch (rule.type) {
    case 'list':
      return { ...common, type: 'list', formulae: [`"${rule.values.map((s) => s.replace(/"/g, '""')).join(',')}"`] };
    case 'textLength':
      return { ...common, type: 'textLength', operator: 'lessThanOrEqual', formulae: [rule.max] };
    case 'decimal': {
      const { min, max } = rule;
      if (min !== undefined && max !== undefined) return { ...common, type: 'decimal', operator: 'between', formulae: [min, max] };
      if (min !== undefined) return { ...common, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [min] };
      if (max !== undefined) return { ...common, type: 'decimal', operator: 'lessThanOrEqual', formulae: [max] };
      // Any number: Excel has no "is a number" rule, so a range no KPI leaves.
      return { ...common, type: 'decimal', operator: 'between', formulae: [-1e15, 1e15] };
    }
  }
}

// ExcelJS does not write stopIfTrue; the plans' rules are mutually exclusive, so order alone decides.
function conditional(cf: ConditionalFormatPlan): ExcelJS.ConditionalFormattingRule {
  const style: Partial<ExcelJS.Style> = {};
  // A dxf fill is read from bgColor; fgColor too for LibreOffice.
  if (cf.style.fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.style.fill) }, fgColor: { argb: argb(cf.style.fill) } };
  if (cf.style.fontColor || cf.style.bold) {
    style.font = { ...(cf.style.fontColor ? { color: { argb: argb(cf.style.fontColor) } } : {}), ...(cf.style.bold ? { bold: true } : {}) };
  }
  return { type: 'expression', priority: cf.priority, formulae: [cf.formula], style };
}

/** What both workbooks (in memory and streaming) offer for a sheet's defined names. */
export interface NameTarget { readonly definedNames: { add(ref: string, name: string): void } }

/** A new worksheet for the plan, hidden and tab-coloured as it says. */
export function addPlanSheet<W>(wb: { addWorksheet(name: string, options?: Partial<ExcelJS.AddWorksheetOptions>): W }, sheet: SheetPlan): W {
  // Panes go in as an option: the streaming writer only takes views when the sheet is added.
  const views: Partial<ExcelJS.WorksheetView>[] = [];
  if (sheet.freeze) {
    const { rows, cols } = sheet.freeze;
    views.push({ state: 'frozen', xSplit: cols, ySplit: rows, topLeftCell: cellA1(rows + 1, cols + 1), activeCell: cellA1(rows + 1, cols + 1) });
  }
  // Fit-to-page too: the streaming writer writes <sheetPr> (where fitToPage lives) when it opens the sheet.
  const pr = sheet.print;
  const pageSetup: Partial<ExcelJS.PageSetup> | undefined = pr ? { paperSize: 9, orientation: pr.orientation, fitToPage: true, fitToWidth: pr.fitToWidth, fitToHeight: pr.fitToHeight } : undefined;
  return wb.addWorksheet(sheet.name, {
    ...(sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}), ...(views.length > 0 ? { views } : {}),
    ...(pageSetup ? { pageSetup } : {}),
  });
}

/**
 * Everything but the rows (values, styles, heights, page breaks: planRows): columns, merges, rules,
 * print, names and protection (panes: addPlanSheet). Shared by the in-memory and the streaming renderer; the streaming one
 * calls it before any row is committed (the stream writer's Worksheet has the same methods), with
 * `mergesWithRows`: writePlanRows then makes each merge as its first row comes up.
 * `position` (1-based, in the plan) numbers the sheet's marker, a workbook-wide name.
 */
export async function applySheetChrome(wb: NameTarget, ws: ExcelJS.Worksheet, sheet: SheetPlan, position: number, options: { readonly mergesWithRows?: boolean } = {}): Promise<void> {
  if (sheet.hidden) ws.state = 'hidden';
  for (const c of sheet.columns) {
    const col = ws.getColumn(c.col);
    // ExcelJS drops a width of exactly 9 as its default, and Excel then shows 8.43.
    col.width = c.width === 9 ? 9.0001 : c.width;
    if (c.hidden) col.hidden = true;
  }
  if (!options.mergesWithRows) for (const m of sheet.merges ?? []) ws.mergeCells(rectA1(m));
  // ExcelJS has range validations (`dataValidations.add`) but its typings only know cell.dataValidation.
  const dv = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of sheet.validations) dv.add(rectA1(v.range), validation(v));
  for (const cf of sheet.conditionalFormats) ws.addConditionalFormatting({ ref: rectA1(cf.range), rules: [conditional(cf)] });
  for (const [i, bar] of (sheet.dataBars ?? []).entries()) {
    ws.addConditionalFormatting({
      ref: rectA1(bar.range),
      rules: [{ type: 'dataBar', priority: 1000 + i, cfvo: [{ type: 'min' }, { type: 'max' }], color: { argb: argb(bar.color) }, gradient: false } as ExcelJS.DataBarRuleType],
    });
  }
  const pr = sheet.print;
  if (pr) {
    ws.pageSetup = {
      ...ws.pageSetup, paperSize: 9, orientation: pr.orientation, fitToPage: true, fitToWidth: pr.fitToWidth, fitToHeight: pr.fitToHeight,
      ...(pr.repeatRows ? { printTitlesRow: rowsA1(pr.repeatRows) } : {}), ...(pr.printArea ? { printArea: rectA1(pr.printArea) } : {}),
      ...(pr.margins ? { margins: pr.margins } : {}),
    };
    const header = headerFooterText(pr.header);
    const footer = headerFooterText(pr.footer);
    ws.headerFooter = { ...(header ? { oddHeader: header } : {}), ...(footer ? { oddFooter: footer } : {}) };
  }
  for (const n of sheet.names ?? []) wb.definedNames.add(absoluteRef(sheet.name, n.range), n.name);
  // ExcelJS writes workbook-wide names only: numbered by the sheet's place, so each is unique.
  if (sheet.marker) wb.definedNames.add(absoluteRef(sheet.name, rect(1, 1)), markerName(sheet.marker, position));
  if (sheet.protection) {
    const pp = sheet.protection;
    await ws.protect(pp.password ?? '', {
      selectLockedCells: pp.allowSelectLockedCells, selectUnlockedCells: pp.allowSelectUnlockedCells,
      formatColumns: pp.allowFormatColumns ?? false, formatRows: pp.allowFormatRows ?? false,
      sort: pp.allowSort ?? false, autoFilter: pp.allowAutoFilter ?? false,
    });
  }
}

/** Each merged style id's ExcelJS object, built once and shared by every cell that has it (see excelStyle). */
function styleCache(rows: PlanRows): (id: number | undefined) => Partial<ExcelJS.Style> | undefined {
  const built = new Map<number, Partial<ExcelJS.Style>>();
  return (id) => {
    if (id === undefined) return undefined;
    let style = built.get(id);
    if (!style) built.set(id, (style = excelStyle(rows.style(id))));
    return style;
  };
}

/** How the streaming renderer writes rows: see writePlanRows. */
export interface Streaming {
  /** The style of a cell with none (one shared object). */
  readonly unstyled: Partial<ExcelJS.Style>;
  /**
   * Lets the event loop run, so the zip takes the rows committed so far: written in one go, the
   * whole sheet's XML waited in the writer's buffer until the last row (most of a 30,000-row
   * Cabinet's peak memory).
   */
  readonly breathe?: () => Promise<void>;
}

/** Rows committed between two breaths: a few hundred kilobytes of XML. */
const BREATHE_ROWS = 1000;

/**
 * Every plan row into the sheet, in order, with its height and page break, through ExcelJS's Row and
 * Cell objects. The in-memory renderer's; with `streaming`, it commits each row as it goes and gives
 * unstyled cells one shared empty style (a fresh {} per cell would be serialised and looked up cell
 * by cell). The streaming renderer writes its rows with stream-rows.ts instead and keeps this
 * streaming mode as the reference that writer is tested and measured against (`viaCellObjects`).
 */
export async function writePlanRows(ws: ExcelJS.Worksheet, sheet: SheetPlan, streaming: Streaming | undefined): Promise<void> {
  const plan = planRows(sheet);
  const styleOf = styleCache(plan);
  const merges = streaming ? [...(sheet.merges ?? [])].sort((a, b) => a.top - b.top) : [];
  let nextMerge = 0;
  // Streaming, each merge is made as its first row comes up. Made up front, a merge near the end
  // created every row up to it in the writer, which then shift()ed that array once per committed
  // row: quadratic, 73 s of a 200-return consolidate. Its rows are still uncommitted here.
  const mergeUpTo = (row: number): void => {
    for (; nextMerge < merges.length && (merges[nextMerge]?.top ?? Infinity) <= row; nextMerge++) ws.mergeCells(rectA1(merges[nextMerge] as Rect));
  };
  let written = 0;
  for (const r of plan.rows()) {
    mergeUpTo(r.row);
    const row = ws.getRow(r.row);
    for (let i = 0; i < r.count; i++) {
      const cell = row.getCell(r.cols[i] as number);
      const value = r.values[i] as PlanValue;
      if (value !== null) cell.value = cellValue(value, !streaming);
      const style = styleOf(r.styles[i]) ?? streaming?.unstyled;
      if (style) cell.style = style;
    }
    if (r.height !== undefined) row.height = r.height;
    if (r.pageBreak) row.addPageBreak();
    if (streaming) {
      row.commit();
      if (streaming.breathe && ++written % BREATHE_ROWS === 0) await streaming.breathe();
    }
  }
  mergeUpTo(Infinity);
}

/** B3 on sheet `Return` → `Return!$B$3`. */
function absoluteRef(sheetName: string, range: Rect): string {
  return refA1(sheetName, range, ABSOLUTE);
}

/**
 * A plan's header or footer sections as the file format keeps them: one `oddHeader`/`oddFooter`
 * text, each section after its code (`&L` left, `&C` centre, `&R` right; ECMA-376 Part 1, 18.3.1.39
 * headerFooter). Empty sections are left out; undefined when all are.
 */
export function headerFooterText(sections: HeaderFooterSections | undefined): string | undefined {
  if (!sections) return undefined;
  const text = (['left', 'center', 'right'] as const).map((k) => (sections[k] ? `&${k[0]?.toUpperCase()}${sections[k]}` : '')).join('');
  return text || undefined;
}
