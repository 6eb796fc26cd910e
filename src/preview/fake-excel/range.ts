import { parseA1, quoteSheet, rectA1, rectSize, type Rect } from '../../core/address';
import type { XBorderIndex, XConditionalFormat, XConditionalFormats, XDataValidation, XRange, XRangeAreas, XRangeFormat } from '../../host/office-api';
import { FakeContext, FakeObject, FakeOfficeError, assertFormattable, bytesOf, emitChange } from './context';
import { toA1, toR1C1 } from '../../core/r1c1';
import { parseInput, storeInput } from './input';
import { cellAt, forEachCell, intersects, peekCell, type FakeCell, type FakeConditionalFormat, type FakeSheet } from './state';

export type SheetRef = () => FakeSheet;

/** What formatting, validation and conditional formats act on: one range, or a RangeAreas. */
export interface FakeTarget {
  readonly sheetRef: SheetRef;
  rects(): Rect[];
}

/**
 * Input for `values`, `formulas`, `formulasR1C1` and `numberFormat`: a 2-D array the size of the
 * range, as Office.js types it and the documentation writes it ("Use range.values with a
 * two-dimensional array, even when you write to a single cell":
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values).
 * One bare value for a whole range is not documented: the fake rejects it (InvalidArgument), so a
 * renderer that relied on it fails here rather than in some host.
 */
type Input = unknown[][];

/** A range proxy: a sheet (resolved at sync time) and a rectangle, or a null object. */
export class FakeRange extends FakeObject implements XRange, FakeTarget {
  constructor(ctx: FakeContext, readonly sheetRef: SheetRef, readonly rectRef: () => Rect | undefined, private readonly nullable = false) {
    super(ctx);
    // An *OrNullObject result: isNullObject is loaded at the next sync without asking, and loading
    // other properties of a null object does not fail, they are null
    // (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties;
    // the docs are silent on the other properties' values: null is the safe reading).
    if (nullable) this.load('isNullObject');
  }
  readonly format: XRangeFormat = new FakeRangeFormat(this.ctx, this);
  readonly dataValidation: XDataValidation = new FakeDataValidation(this.ctx, this);
  readonly conditionalFormats: XConditionalFormats = new FakeConditionalFormats(this.ctx, this);

  rect(): Rect {
    const r = this.rectRef();
    if (!r) throw new FakeOfficeError('InvalidArgument', 'The range does not exist (a null object or a bad address).');
    return r;
  }
  rects(): Rect[] { return [this.rect()]; }

  get address(): string { return this.get('address'); }
  get values(): unknown[][] { return this.get('values'); }
  set values(v: unknown[][]) { this.writeCells(v); }
  get formulas(): unknown[][] { return this.get('formulas'); }
  set formulas(v: unknown[][]) { this.writeCells(v); }
  get formulasR1C1(): unknown[][] { throw new FakeOfficeError('NotModelled', 'The fake does not read formulasR1C1; read formulas.'); }
  /** Each cell stores the formula relative to itself, in A1, as Excel shows it. */
  set formulasR1C1(v: unknown[][]) { this.writeCells(v, true); }
  get numberFormat(): unknown[][] { return this.get('numberFormat'); }
  set numberFormat(v: unknown[][]) {
    this.write(bytesOf(v), () => {
      const sheet = this.sheetRef();
      assertFormattable(sheet);
      const before = snapshot(sheet, this.rect());
      this.eachInput(v, (cell, input) => { cell.numberFormat = String(input); });
      ownChange(this.ctx, sheet, this.rect(), before);
    });
  }
  get valueTypes(): Excel.RangeValueType[][] { return this.get('valueTypes'); }
  get rowCount(): number { return this.get('rowCount'); }
  get columnCount(): number { return this.get('columnCount'); }
  get isNullObject(): boolean { return this.get('isNullObject'); }
  get columnHidden(): boolean { return this.get('columnHidden'); }
  set columnHidden(hidden: boolean) {
    this.write(80, () => {
      const r = this.rect();
      const hiddenColumns = this.sheetRef().hiddenColumns;
      for (let c = r.left; c <= r.right; c++) {
        if (hidden) hiddenColumns.add(c);
        else hiddenColumns.delete(c);
      }
    });
  }

  merge(): void {
    this.write(80, () => {
      const sheet = this.sheetRef();
      assertFormattable(sheet);
      const r = this.rect();
      sheet.merges = sheet.merges.filter((m) => !intersects(m, r));
      sheet.merges.push(r);
    });
  }

  /**
   * Range.copyFrom (ExcelApi 1.9), formulas only: "if the destination range is an exact multiple
   * greater than the source range in either rows or columns, then the source content is replicated"
   * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-copyfrom-member(1));
   * a formula keeps its relative references, as copy and paste does
   * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-cut-copy-paste).
   * Other copy types, and sizes that are not a multiple, are not modelled.
   */
  copyFrom(sourceRange: string, copyType: 'All' | 'Formulas' | 'Values' | 'Formats' = 'All'): void {
    this.write(bytesOf(sourceRange), () => {
      if (copyType !== 'Formulas') throw new FakeOfficeError('NotModelled', `The fake models copyFrom with 'Formulas' only, not '${copyType}'.`);
      const sheet = this.sheetRef();
      const src = parseA1(sourceRange.includes('!') ? sourceRange.slice(sourceRange.lastIndexOf('!') + 1) : sourceRange);
      if (!src) throw new FakeOfficeError('InvalidArgument', `'${sourceRange}' is not a range address.`);
      const dest = this.rect();
      const s = rectSize(src);
      const d = rectSize(dest);
      if (d.rows % s.rows !== 0 || d.cols % s.cols !== 0) throw new FakeOfficeError('NotModelled', 'The fake copies only onto an exact multiple of the source size.');
      const input = Array.from({ length: d.rows }, (_, i) => Array.from({ length: d.cols }, (_, j) => {
        const from = peekCell(sheet, src.top + (i % s.rows), src.left + (j % s.cols));
        if (from?.formula === undefined) return from?.value ?? '';
        const r1c1 = toR1C1(from.formula, src.top + (i % s.rows), src.left + (j % s.cols));
        if (r1c1 === undefined) throw new FakeOfficeError('NotModelled', `The fake cannot move the formula ${from.formula}.`);
        return r1c1;
      }));
      this.applyCells(sheet, input, true);
    });
  }

  select(): void {
    this.write(60, () => {
      const sheet = this.sheetRef();
      this.ctx.core.state.activeSheetId = sheet.id;
      this.ctx.core.state.selection = { sheet: sheet.name, address: rectA1(this.rect()) };
    });
  }

  /** Apply a 2-D input matrix cell by cell; null leaves a cell as it is (as Office.js does). */
  eachInput(input: Input, fn: (cell: FakeCell, input: unknown, row: number, col: number) => void): void {
    const r = this.rect();
    const { rows, cols } = rectSize(r);
    const matrix: unknown[][] | undefined = Array.isArray(input) ? input : undefined;
    if (matrix === undefined) {
      throw new FakeOfficeError('InvalidArgument', 'The input must be a two-dimensional array the size of the range (a single value for a whole range is not documented).');
    }
    if (matrix.length !== rows || matrix.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`);
    }
    const sheet = this.sheetRef();
    forEachCell(r, (row, col, i, j) => {
      const value = matrix[i]?.[j];
      if (value !== null && value !== undefined) fn(cellAt(sheet, row, col), value, row, col);
    });
  }

  private writeCells(input: Input, r1c1 = false): void {
    this.write(bytesOf(input), () => this.applyCells(this.sheetRef(), input, r1c1));
  }

  private applyCells(sheet: FakeSheet, input: Input, r1c1: boolean): void {
    const at = (i: number, j: number): unknown => input[i]?.[j];
    if (sheet.protection.protected) {
      forEachCell(this.rect(), (row, col, i, j) => {
        if (at(i, j) !== null && peekCell(sheet, row, col)?.locked !== false) {
          throw new FakeOfficeError('AccessDenied', `The cell you're trying to change is on a protected sheet (${sheet.name}).`);
        }
      });
    }
    const evaluate = this.ctx.core.evaluate;
    const before = snapshot(sheet, this.rect());
    this.eachInput(input, (cell, value, row, col) => {
      let text = value;
      if (r1c1 && typeof value === 'string' && value.startsWith('=')) {
        text = toA1(value, row, col);
        if (text === undefined) throw new FakeOfficeError('NotModelled', `The fake cannot read the R1C1 formula ${value}.`);
      }
      storeInput(cell, parseInput(text), evaluate && ((f) => evaluate(sheet.name, f)));
    });
    ownChange(this.ctx, sheet, this.rect(), before);
  }

  protected override read(name: string): unknown {
    if (name === 'isNullObject') return this.rectRef() === undefined;
    if (this.nullable && this.rectRef() === undefined) return null;
    const r = this.rect();
    const sheet = this.sheetRef();
    const grid = <T>(fn: (cell: FakeCell | undefined) => T): T[][] => {
      const out: T[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: T[] = [];
        for (let col = r.left; col <= r.right; col++) line.push(fn(peekCell(sheet, row, col)));
        out.push(line);
      }
      return out;
    };
    // "On all platforms, a range is limited to five million cells for get operations ... In some
    // cases, Range.values returns null instead" of an error
    // (https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices):
    // the fake gives null, the quiet case, so a reader must check the size first.
    const size = rectSize(r);
    if (['values', 'formulas', 'numberFormat', 'valueTypes'].includes(name) && size.rows * size.cols > 5_000_000) return null;
    switch (name) {
      case 'address': return `${quoteSheet(sheet.name)}!${rectA1(r)}`;
      case 'values': return grid((c) => c?.value ?? '');
      case 'formulas': return grid((c) => c?.formula ?? c?.value ?? '');
      case 'numberFormat': return grid((c) => c?.numberFormat ?? 'General');
      case 'valueTypes': return grid((c) => valueType(c));
      case 'rowCount': return rectSize(r).rows;
      case 'columnCount': return rectSize(r).cols;
      case 'columnHidden': return sheet.hiddenColumns.has(r.left);
      default: return super.read(name);
    }
  }
}

/** A one-cell range's value before a change, for the event's `details` (only one cell has them). */
function snapshot(sheet: FakeSheet, r: Rect): { value: unknown; type: Excel.RangeValueType } | undefined {
  if (r.top !== r.bottom || r.left !== r.right) return undefined;
  const c = peekCell(sheet, r.top, r.left);
  return { value: c?.value ?? '', type: valueType(c) };
}

/**
 * The event this add-in's own write raises: `onChanged` fires for the add-in's writes, value or
 * format (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#event-triggers and
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets#detect-data-changes),
 * marked `triggerSource: 'ThisLocalAddin'`; `details` only when one cell changed.
 */
function ownChange(ctx: FakeContext, sheet: FakeSheet, r: Rect, before: { value: unknown; type: Excel.RangeValueType } | undefined): void {
  const after = before ? snapshot(sheet, r) : undefined;
  const details = before && after ? { details: { valueBefore: before.value, valueAfter: after.value, valueTypeBefore: before.type, valueTypeAfter: after.type } } : {};
  emitChange(ctx.core, sheet, { worksheetId: sheet.id, address: rectA1(r), changeType: 'RangeEdited', source: 'Local', type: 'WorksheetChanged', triggerSource: 'ThisLocalAddin', ...details });
}

export function valueType(c: FakeCell | undefined): Excel.RangeValueType {
  if (!c || c.value === null || c.value === '') return 'Empty' as Excel.RangeValueType;
  if (c.error) return 'Error' as Excel.RangeValueType;
  if (typeof c.value === 'number') return 'Double' as Excel.RangeValueType;
  if (typeof c.value === 'boolean') return 'Boolean' as Excel.RangeValueType;
  return 'String' as Excel.RangeValueType;
}

/** Writes one formatting property on every cell of the range. */
function styler(ctx: FakeContext, range: FakeTarget, set: (cell: FakeCell) => void): void {
  ctx.enqueue(80, () => {
    const sheet = range.sheetRef();
    assertFormattable(sheet);
    for (const rect of range.rects()) {
      const before = snapshot(sheet, rect);
      forEachCell(rect, (row, col) => set(cellAt(sheet, row, col)));
      ownChange(ctx, sheet, rect, before);
    }
  });
}

class FakeRangeFormat implements XRangeFormat {
  readonly protection: FakeFormatProtection;
  constructor(private readonly ctx: FakeContext, private readonly range: FakeTarget) {
    this.protection = new FakeFormatProtection(ctx, range);
  }
  private s(set: (cell: FakeCell) => void): void { styler(this.ctx, this.range, set); }
  readonly fill = ((s: (f: (c: FakeCell) => void) => void) => ({ set color(v: string) { s((c) => { c.fill = v; }); }, get color(): string { throw notRead('fill.color'); } }))(this.s.bind(this));
  readonly font = ((s: (f: (c: FakeCell) => void) => void) => ({
    set bold(v: boolean) { s((c) => { c.bold = v; }); }, get bold(): boolean { throw notRead('font.bold'); },
    set italic(v: boolean) { s((c) => { c.italic = v; }); }, get italic(): boolean { throw notRead('font.italic'); },
    set size(v: number) { s((c) => { c.fontSize = v; }); }, get size(): number { throw notRead('font.size'); },
    set color(v: string) { s((c) => { c.fontColor = v; }); }, get color(): string { throw notRead('font.color'); },
  }))(this.s.bind(this));
  readonly borders = {
    getItem: (index: XBorderIndex) => {
      const { ctx, range } = this;
      const draw = (v: string): void => ctx.enqueue(80, () => {
        const sheet = range.sheetRef();
        assertFormattable(sheet);
        for (const r of range.rects()) {
          const before = snapshot(sheet, r);
          for (const key of borderLines(index, r)) sheet.lines.set(key, v);
          ownChange(ctx, sheet, r, before);
        }
      });
      return {
        set style(v: string) { draw(v); },
        get style(): string { throw notRead('border.style'); },
        set color(_v: string) { ctx.enqueue(80, () => undefined); },
        get color(): string { throw notRead('border.color'); },
      } as ReturnType<XRangeFormat['borders']['getItem']>;
    },
  };
  set wrapText(v: boolean) { this.s((c) => { c.wrap = v; }); }
  get wrapText(): boolean { throw notRead('wrapText'); }
  set horizontalAlignment(v: XRangeFormat['horizontalAlignment']) { this.s((c) => { c.hAlign = v; }); }
  get horizontalAlignment(): XRangeFormat['horizontalAlignment'] { throw notRead('horizontalAlignment'); }
  set verticalAlignment(v: XRangeFormat['verticalAlignment']) { this.s((c) => { c.vAlign = v; }); }
  get verticalAlignment(): XRangeFormat['verticalAlignment'] { throw notRead('verticalAlignment'); }
  set columnWidth(v: number) {
    this.ctx.enqueue(80, () => { assertFormattable(this.range.sheetRef()); for (const r of this.range.rects()) for (let c = r.left; c <= r.right; c++) this.range.sheetRef().columnWidths.set(c, v); });
  }
  get columnWidth(): number { throw notRead('columnWidth'); }
  set rowHeight(v: number) {
    this.ctx.enqueue(80, () => { assertFormattable(this.range.sheetRef()); for (const r of this.range.rects()) for (let x = r.top; x <= r.bottom; x++) this.range.sheetRef().rowHeights.set(x, v); });
  }
  get rowHeight(): number { throw notRead('rowHeight'); }
}

/** The line keys (see FakeSheet.lines) one border index of a rectangle draws. */
function borderLines(index: XBorderIndex, r: Rect): string[] {
  const out: string[] = [];
  const across = (row: number): void => { for (let c = r.left; c <= r.right; c++) out.push(`h:${row}:${c}`); };
  const down = (col: number): void => { for (let x = r.top; x <= r.bottom; x++) out.push(`v:${x}:${col}`); };
  if (index === 'EdgeTop') across(r.top);
  else if (index === 'EdgeBottom') across(r.bottom + 1);
  else if (index === 'EdgeLeft') down(r.left);
  else if (index === 'EdgeRight') down(r.right + 1);
  else if (index === 'InsideHorizontal') for (let x = r.top + 1; x <= r.bottom; x++) across(x);
  else for (let c = r.left + 1; c <= r.right; c++) down(c);
  return out;
}

const notRead = (name: string): FakeOfficeError => new FakeOfficeError('PropertyNotLoaded', `The fake does not load '${name}'; inspect the workbook state instead.`);

class FakeFormatProtection extends FakeObject {
  constructor(ctx: FakeContext, private readonly range: FakeTarget) { super(ctx); }
  get locked(): boolean { return this.get('locked'); }
  set locked(v: boolean) { styler(this.ctx, this.range, (c) => { c.locked = v; }); }
  protected override read(name: string): unknown {
    if (name !== 'locked') return super.read(name);
    const sheet = this.range.sheetRef();
    const states = new Set<boolean>();
    for (const r of this.range.rects()) forEachCell(r, (row, col) => states.add(peekCell(sheet, row, col)?.locked !== false));
    return states.size === 1 ? [...states][0] : null;
  }
}

/** Data validation of a range or of every area of a RangeAreas (kept as one validation per area). */
class FakeDataValidation implements XDataValidation {
  constructor(private readonly ctx: FakeContext, private readonly range: FakeTarget) {}
  private update(bytes: number, fn: (v: NonNullable<FakeSheet['validations'][number]>) => void): void {
    this.ctx.enqueue(bytes, () => {
      const sheet = this.range.sheetRef();
      assertFormattable(sheet);
      for (const r of this.range.rects()) {
        let v = sheet.validations.find((x) => x.rect.top === r.top && x.rect.left === r.left && x.rect.bottom === r.bottom && x.rect.right === r.right);
        if (!v) {
          if (sheet.validations.some((x) => intersects(x.rect, r))) throw new FakeOfficeError('InvalidOperation', 'The range already has a different data validation: clear it first.');
          v = { rect: r };
          sheet.validations.push(v);
        }
        fn(v);
      }
    });
  }
  clear(): void {
    this.ctx.enqueue(60, () => {
      const sheet = this.range.sheetRef();
      assertFormattable(sheet);
      const rects = this.range.rects();
      sheet.validations = sheet.validations.filter((x) => !rects.some((r) => intersects(x.rect, r)));
    });
  }
  set rule(rule: Excel.DataValidationRule) { this.update(bytesOf(rule), (v) => { v.rule = rule; }); }
  get rule(): Excel.DataValidationRule { throw notRead('dataValidation.rule'); }
  set ignoreBlanks(b: boolean) { this.update(60, (v) => { v.ignoreBlanks = b; }); }
  get ignoreBlanks(): boolean { throw notRead('dataValidation.ignoreBlanks'); }
  set prompt(p: Excel.DataValidationPrompt) { this.update(bytesOf(p), (v) => { v.prompt = p; }); }
  get prompt(): Excel.DataValidationPrompt { throw notRead('dataValidation.prompt'); }
  set errorAlert(e: Excel.DataValidationErrorAlert) { this.update(bytesOf(e), (v) => { v.errorAlert = e; }); }
  get errorAlert(): Excel.DataValidationErrorAlert { throw notRead('dataValidation.errorAlert'); }
}

class FakeConditionalFormats implements XConditionalFormats {
  constructor(private readonly ctx: FakeContext, private readonly range: FakeTarget) {}
  clearAll(): void {
    this.ctx.enqueue(60, () => {
      const sheet = this.range.sheetRef();
      assertFormattable(sheet);
      const rects = this.range.rects();
      // Simplification: a rule touching the range goes entirely (Excel would trim it to the rest).
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !rects.some((r) => intersects(cf.rect, r)));
    });
  }
  /**
   * ConditionalFormatCollection.getCount (ExcelApi 1.6): the formats that intersect the range, as a
   * ClientResult read after the sync. On a null object's range the count is null (docs silent).
   */
  getCount(): { readonly value: number } {
    const result = { value: undefined as unknown as number };
    this.ctx.enqueue(60, () => {
      let rects: Rect[] = [];
      try { rects = this.range.rects(); } catch { return { responseBytes: 4, commit: () => { result.value = null as unknown as number; } }; }
      const n = this.range.sheetRef().conditionalFormats.filter((cf) => rects.some((r) => intersects(cf.rect, r))).length;
      return { responseBytes: String(n).length, commit: () => { result.value = n; } };
    }, 'read');
    return result;
  }
  add(type: 'Custom' | 'DataBar'): XConditionalFormat {
    const cf: FakeConditionalFormat = { rect: { top: 0, left: 0, bottom: 0, right: 0 }, type, priority: 0, stopIfTrue: false };
    this.ctx.enqueue(80, () => {
      const sheet = this.range.sheetRef();
      assertFormattable(sheet);
      const rects = this.range.rects();
      if (rects.length !== 1 || !rects[0]) throw new FakeOfficeError('NotModelled', 'The fake keeps a conditional format on one rectangle only.');
      cf.rect = rects[0];
      cf.priority = sheet.conditionalFormats.length;
      sheet.conditionalFormats.push(cf);
    });
    const q = (fn: () => void): void => this.ctx.enqueue(60, fn);
    return {
      custom: {
        rule: { set formula(f: string) { q(() => { cf.formula = f; }); }, get formula(): string { throw notRead('rule.formula'); } },
        format: {
          fill: { set color(v: string) { q(() => { cf.fill = v; }); }, get color(): string { throw notRead('fill.color'); } },
          font: {
            set color(v: string) { q(() => { cf.fontColor = v; }); }, get color(): string { throw notRead('font.color'); },
            set bold(v: boolean) { q(() => { cf.bold = v; }); }, get bold(): boolean { throw notRead('font.bold'); },
          },
        },
      },
      dataBar: { positiveFormat: { set fillColor(v: string) { q(() => { cf.barColor = v; }); }, get fillColor(): string { throw notRead('fillColor'); } } },
      set priority(p: number) { q(() => { cf.priority = p; }); },
      get priority(): number { throw notRead('priority'); },
      set stopIfTrue(s: boolean) { q(() => { cf.stopIfTrue = s; }); },
      get stopIfTrue(): boolean { throw notRead('stopIfTrue'); },
    };
  }
}

/** `worksheet.getRanges("H15:H20, J15:K20")`: the areas, resolved at sync time. */
export class FakeRangeAreas implements XRangeAreas, FakeTarget {
  readonly format: XRangeFormat;
  readonly dataValidation: XDataValidation;
  readonly conditionalFormats: XConditionalFormats;
  constructor(ctx: FakeContext, readonly sheetRef: SheetRef, private readonly address: string) {
    this.format = new FakeRangeFormat(ctx, this);
    this.dataValidation = new FakeDataValidation(ctx, this);
    this.conditionalFormats = new FakeConditionalFormats(ctx, this);
  }
  rects(): Rect[] {
    if (this.address.length > 8000) throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    return this.address.split(/[,;]/).map((a) => {
      const r = parseA1(a.trim());
      if (!r) throw new FakeOfficeError('InvalidArgument', `'${a}' is not a range address.`);
      return r;
    });
  }
}

export function rangeOn(ctx: FakeContext, sheetRef: SheetRef, address: string): FakeRange {
  return new FakeRange(ctx, sheetRef, () => {
    const rect = parseA1(address);
    if (!rect) throw new FakeOfficeError('InvalidArgument', `'${address}' is not a range address.`);
    return rect;
  });
}
