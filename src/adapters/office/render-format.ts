import type { CellStyle, ConditionalFormatPlan, DataValidationPlan, PrintPlan, ProtectionPlan } from '../../core/plan/types';
import { cellA1, rectA1, rectSize, rowsA1, type Rect } from '../../core/address';
import type { XBorderIndex, XDataValidation, XRange, XRangeFormat, XWorksheet } from '../../host/office-api';

/** Excel character widths to the points Office.js wants (Calibri 11: 7 px a character + 5 px padding). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/** Queue one style range; returns an estimate of the bytes it adds to the request. */
export function applyStyle(range: XRange, rect: Rect, style: CellStyle): number {
  // Each property set is one action in the request (about 120 bytes of JSON with its object path).
  let bytes = 120 * (Object.keys(style).length + (style.border ? 5 : 0) + 1);
  if (style.numFmt !== undefined) {
    const { rows, cols } = rectSize(rect);
    const row = new Array<string>(cols).fill(style.numFmt);
    range.numberFormat = new Array<string[]>(rows).fill(row);
    bytes += rows * cols * (style.numFmt.length + 3);
  }
  applyFormat(range, rect, style);
  return bytes;
}

/** The format properties of a style (not its number format), on a range or a RangeAreas (`rect` absent). */
export function applyFormat(range: { readonly format: XRangeFormat }, rect: Rect | undefined, style: CellStyle): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fontColor !== undefined) f.font.color = style.fontColor;
  if (style.fill !== undefined) f.fill.color = style.fill;
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.hAlign !== undefined) f.horizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign !== undefined) f.verticalAlignment = V_ALIGN[style.vAlign];
  if (style.border) {
    const edges: XBorderIndex[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    // Inside borders on a single row or column are an InvalidArgument in some hosts.
    if (rect && rect.bottom > rect.top) edges.push('InsideHorizontal');
    if (rect && rect.right > rect.left) edges.push('InsideVertical');
    for (const e of edges) f.borders.getItem(e).style = 'Continuous';
  }
  if (style.locked !== undefined) f.protection.locked = style.locked;
}

/** Clear, then set: a second render must replace the rule, not fail on the old one. */
export function applyValidation(range: { readonly dataValidation: XDataValidation }, v: DataValidationPlan): void {
  const dv = range.dataValidation;
  dv.clear();
  const rule = v.rule;
  if (rule.type === 'decimal') {
    const { min, max } = rule;
    if (min !== undefined && max !== undefined) dv.rule = { decimal: { operator: 'Between', formula1: min, formula2: max } };
    else if (min !== undefined) dv.rule = { decimal: { operator: 'GreaterThanOrEqualTo', formula1: min } };
    else if (max !== undefined) dv.rule = { decimal: { operator: 'LessThanOrEqualTo', formula1: max } };
    else dv.rule = { decimal: { operator: 'Between', formula1: -9.99e307, formula2: 9.99e307 } };
  } else if (rule.type === 'list') {
    dv.rule = { list: { inCellDropDown: true, source: rule.values.join(',') } };
  } else {
    dv.rule = { textLength: { operator: 'LessThanOrEqualTo', formula1: rule.max } };
  }
  dv.ignoreBlanks = v.allowBlank;
  if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
  const style = v.errorStyle === 'stop' ? 'Stop' : v.errorStyle === 'warning' ? 'Warning' : 'Information';
  dv.errorAlert = { showAlert: true, style, title: v.error?.title ?? '', message: v.error?.message ?? '' };
}

/** Every target range is cleared first so repeated renders replace rather than pile up. */
export function clearConditionalFormats(sheet: XWorksheet, ranges: Iterable<string>): void {
  for (const r of ranges) sheet.getRange(r).conditionalFormats.clearAll();
}

/** One expression rule; `index` is its place in plan priority order, numbered from 0 (Excel's highest). */
export function addConditionalFormat(sheet: XWorksheet, rule: ConditionalFormatPlan, index: number): void {
  const cf = sheet.getRange(rectA1(rule.range)).conditionalFormats.add('Custom');
  cf.custom.rule.formula = rule.formula.startsWith('=') ? rule.formula : `=${rule.formula}`;
  if (rule.style.fill !== undefined) cf.custom.format.fill.color = rule.style.fill;
  if (rule.style.fontColor !== undefined) cf.custom.format.font.color = rule.style.fontColor;
  if (rule.style.bold !== undefined) cf.custom.format.font.bold = rule.style.bold;
  cf.priority = index;
  cf.stopIfTrue = rule.stopIfTrue ?? false;
}

export function addDataBar(sheet: XWorksheet, bar: { range: Rect; color: string }): void {
  sheet.getRange(rectA1(bar.range)).conditionalFormats.add('DataBar').dataBar.positiveFormat.fillColor = bar.color;
}

/** ExcelApi 1.9 page layout; callers check the requirement set first. */
export function applyPrint(sheet: XWorksheet, print: PrintPlan): void {
  const pl = sheet.pageLayout;
  pl.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  pl.paperSize = 'A4';
  pl.zoom = { horizontalFitToPages: print.fitToWidth, verticalFitToPages: print.fitToHeight };
  if (print.repeatRows) pl.setPrintTitleRows(rowsA1(print.repeatRows, true));
  if (print.printArea) pl.setPrintArea(rectA1(print.printArea));
  // One property per section (HeaderFooter.leftHeader …): a `&L…&R…` text in one section prints garbled.
  const hf = pl.headersFooters.defaultForAllPages;
  if (print.header) {
    hf.leftHeader = print.header.left ?? '';
    hf.centerHeader = print.header.center ?? '';
    hf.rightHeader = print.header.right ?? '';
  }
  if (print.footer) {
    hf.leftFooter = print.footer.left ?? '';
    hf.centerFooter = print.footer.center ?? '';
    hf.rightFooter = print.footer.right ?? '';
  }
  if (print.margins) {
    // Plans give inches (as the file format does); Office.js wants points.
    const m = print.margins;
    pl.leftMargin = m.left * 72;
    pl.rightMargin = m.right * 72;
    pl.topMargin = m.top * 72;
    pl.bottomMargin = m.bottom * 72;
    pl.headerMargin = m.header * 72;
    pl.footerMargin = m.footer * 72;
  }
  for (const r of print.rowBreaks ?? []) sheet.horizontalPageBreaks.add(cellA1(r + 1, 1));
}

export function protectionOptions(p: ProtectionPlan): Excel.WorksheetProtectionOptions {
  const selectionMode = p.allowSelectLockedCells ? 'Normal' : p.allowSelectUnlockedCells ? 'Unlocked' : 'None';
  return {
    allowFormatColumns: p.allowFormatColumns ?? false,
    allowFormatRows: p.allowFormatRows ?? false,
    allowSort: p.allowSort ?? false,
    allowAutoFilter: p.allowAutoFilter ?? false,
    selectionMode,
  };
}
