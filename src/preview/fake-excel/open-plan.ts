import { ABSOLUTE, cellA1, rectA1, refA1, rowsA1, rect, type Rect } from '../../core/address';
import type { CellStyle, DataValidationPlan, SheetPlan } from '../../core/plan/types';
import { markerName } from '../../core/product-sheet';
import { cellAt, forEachCell, newSheet, type FakeCell, type FakeSheet, type FakeWorkbookState } from './state';

/**
 * A sheet plan put straight into the fake's workbook state, as Excel holds a workbook it has opened
 * with that content: no Excel API call, nothing of src/adapters. The browser preview opens its
 * sample returns this way, so a bug in the Office adapter cannot seed the very workbook the adapter
 * then reads back; test/adapters/office/seed-agrees.test.ts holds what the adapter writes through
 * the API to this, aspect by aspect.
 *
 * Each aspect in the terms Excel's API reports it (https://learn.microsoft.com/javascript/api/excel):
 * RangeFormat.horizontalAlignment / verticalAlignment enumerations, columnWidth and rowHeight in
 * points, DataValidationRule objects, conditional formats' formulas with their `=`, PageLayout
 * margins in points, print titles with `$`, a page break at the first row of the next page.
 */
export function openSheetPlan(state: FakeWorkbookState, plan: SheetPlan, name = plan.name): FakeSheet {
  const sheet = newSheet(state, name);
  for (const block of plan.cells) {
    block.values.forEach((row, i) => row.forEach((v, j) => {
      if (v === null) return;
      const cell = cellAt(sheet, block.row + i, block.col + j);
      // A formula's cached result is empty until Excel calculates it (state.ts's invariant).
      if (typeof v === 'object') { cell.formula = v.formula.startsWith('=') ? v.formula : `=${v.formula}`; cell.value = ''; }
      else cell.value = v;
    }));
  }
  // Later ranges win property by property, as formats laid over each other do.
  for (const { range, style } of plan.styles) {
    forEachCell(range, (row, col) => styleCell(cellAt(sheet, row, col), style));
    if (style.border) for (const key of gridLines(range)) sheet.lines.set(key, 'Continuous');
  }
  for (const c of plan.columns) {
    sheet.columnWidths.set(c.col, columnPoints(c.width));
    if (c.hidden) sheet.hiddenColumns.add(c.col);
  }
  for (const h of plan.rowHeights ?? []) sheet.rowHeights.set(h.row, h.height);
  sheet.merges.push(...(plan.merges ?? []));
  for (const v of plan.validations) sheet.validations.push(validation(v));
  // Numbered from 0 in plan priority order (0 is Excel's highest); data bars after them.
  [...plan.conditionalFormats].sort((a, b) => a.priority - b.priority).forEach((cf, i) => sheet.conditionalFormats.push({
    rect: cf.range, type: 'Custom', formula: cf.formula.startsWith('=') ? cf.formula : `=${cf.formula}`,
    ...(cf.style.fill !== undefined ? { fill: cf.style.fill } : {}), ...(cf.style.fontColor !== undefined ? { fontColor: cf.style.fontColor } : {}),
    ...(cf.style.bold !== undefined ? { bold: cf.style.bold } : {}), priority: i, stopIfTrue: cf.stopIfTrue ?? false,
  }));
  for (const bar of plan.dataBars ?? []) sheet.conditionalFormats.push({ rect: bar.range, type: 'DataBar', priority: sheet.conditionalFormats.length, stopIfTrue: false, barColor: bar.color });
  if (plan.freeze) sheet.freeze = { rows: plan.freeze.rows, cols: plan.freeze.cols };
  if (plan.print) openPrint(sheet, plan.print);
  for (const n of plan.names ?? []) {
    // Names are unique in a workbook, case aside: a second Return's names are its own sheet's.
    const taken = [...state.names.keys()].some((k) => k.toLowerCase() === n.name.toLowerCase());
    (taken ? sheet.names : state.names).set(n.name, `=${refA1(name, n.range, ABSOLUTE)}`);
  }
  if (plan.marker) sheet.names.set(markerName(plan.marker), `=${refA1(name, rect(1, 1), ABSOLUTE)}`);
  if (plan.tabColor) sheet.tabColor = plan.tabColor;
  if (plan.hidden) sheet.visibility = 'Hidden';
  if (plan.protection) {
    const p = plan.protection;
    const options: Excel.WorksheetProtectionOptions = {
      allowFormatColumns: p.allowFormatColumns ?? false, allowFormatRows: p.allowFormatRows ?? false,
      allowSort: p.allowSort ?? false, allowAutoFilter: p.allowAutoFilter ?? false,
      selectionMode: (p.allowSelectLockedCells ? 'Normal' : p.allowSelectUnlockedCells ? 'Unlocked' : 'None') as Excel.ProtectionSelectionMode,
    };
    sheet.protection = p.password === undefined ? { protected: true, options } : { protected: true, options, password: p.password };
  }
  return sheet;
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
// Excel's VerticalAlignment has Center, not Middle.
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

function styleCell(cell: FakeCell, s: CellStyle): void {
  if (s.numFmt !== undefined) cell.numberFormat = s.numFmt;
  if (s.bold !== undefined) cell.bold = s.bold;
  if (s.italic !== undefined) cell.italic = s.italic;
  if (s.fontSize !== undefined) cell.fontSize = s.fontSize;
  if (s.fontColor !== undefined) cell.fontColor = s.fontColor;
  if (s.fill !== undefined) cell.fill = s.fill;
  if (s.wrap !== undefined) cell.wrap = s.wrap;
  if (s.hAlign !== undefined) cell.hAlign = H_ALIGN[s.hAlign];
  if (s.vAlign !== undefined) cell.vAlign = V_ALIGN[s.vAlign];
  if (s.locked !== undefined) cell.locked = s.locked;
}

/** Every line of a bordered rectangle's grid: its edges and the lines inside (FakeSheet.lines' keys). */
function gridLines(r: Rect): string[] {
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom + 1; row++) for (let c = r.left; c <= r.right; c++) out.push(`h:${row}:${c}`);
  for (let row = r.top; row <= r.bottom; row++) for (let c = r.left; c <= r.right + 1; c++) out.push(`v:${row}:${c}`);
  return out;
}

/** Excel character widths in points, as RangeFormat.columnWidth gives them (Calibri 11: 7 px a character + 5 px padding). */
function columnPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** The validation as DataValidation reports it: its rule, ignoreBlanks, prompt and error alert. */
function validation(v: DataValidationPlan): FakeSheet['validations'][number] {
  const r = v.rule;
  let rule: Excel.DataValidationRule;
  if (r.type === 'list') rule = { list: { inCellDropDown: true, source: r.values.join(',') } };
  else if (r.type === 'textLength') rule = { textLength: { operator: 'LessThanOrEqualTo', formula1: r.max } as Excel.BasicDataValidation };
  else if (r.min !== undefined && r.max !== undefined) rule = { decimal: { operator: 'Between', formula1: r.min, formula2: r.max } as Excel.BasicDataValidation };
  else if (r.min !== undefined) rule = { decimal: { operator: 'GreaterThanOrEqualTo', formula1: r.min } as Excel.BasicDataValidation };
  else if (r.max !== undefined) rule = { decimal: { operator: 'LessThanOrEqualTo', formula1: r.max } as Excel.BasicDataValidation };
  // Any number: Excel's largest magnitude either way.
  else rule = { decimal: { operator: 'Between', formula1: -9.99e307, formula2: 9.99e307 } as Excel.BasicDataValidation };
  const style = v.errorStyle === 'stop' ? 'Stop' : v.errorStyle === 'warning' ? 'Warning' : 'Information';
  return {
    rect: v.range, rule, ignoreBlanks: v.allowBlank,
    ...(v.prompt ? { prompt: { showPrompt: true, title: v.prompt.title, message: v.prompt.message } } : {}),
    errorAlert: { showAlert: true, style: style as Excel.DataValidationAlertStyle, title: v.error?.title ?? '', message: v.error?.message ?? '' },
  };
}

function openPrint(sheet: FakeSheet, print: NonNullable<SheetPlan['print']>): void {
  const page = sheet.page;
  page.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  page.paperSize = 'A4';
  page.zoom = { horizontalFitToPages: print.fitToWidth, verticalFitToPages: print.fitToHeight };
  if (print.repeatRows) page.printTitleRows = rowsA1(print.repeatRows, true);
  if (print.printArea) page.printArea = rectA1(print.printArea);
  const sections = (kind: 'Header' | 'Footer', s: NonNullable<typeof print.header>): void => {
    page.headerFooter[`left${kind}`] = s.left ?? '';
    page.headerFooter[`center${kind}`] = s.center ?? '';
    page.headerFooter[`right${kind}`] = s.right ?? '';
  };
  if (print.header) sections('Header', print.header);
  if (print.footer) sections('Footer', print.footer);
  // Plans give inches, as the file format keeps them; PageLayout has points.
  const m = print.margins;
  if (m) Object.assign(page.margins, { leftMargin: m.left * 72, rightMargin: m.right * 72, topMargin: m.top * 72, bottomMargin: m.bottom * 72, headerMargin: m.header * 72, footerMargin: m.footer * 72 });
  for (const r of print.rowBreaks ?? []) page.rowBreaks.push(cellA1(r + 1, 1));
}
