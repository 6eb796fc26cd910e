import { ABSOLUTE, columnLetters, rect, rectA1, rectSize, refA1 } from '../../core/address';
import type { CellStyle, DataValidationPlan, SheetPlan, WorkbookPlan } from '../../core/plan/types';
import { markerName } from '../../core/product-sheet';
import { safeSheetPlan } from '../../core/cell-text';
import type { XContext, XWorksheet } from '../../host/office-api';
import { coalesceBlocks, everyCellBytes, OP_BYTES, setEveryCell, writeBlock } from './render-cells';
import { addConditionalFormat, addDataBar, applyFormat, applyPrint, clearConditionalFormats, applyStyle, applyValidation, protectionOptions, widthToPoints } from './render-format';
import { addressLists, formatWrites, joinAddresses, mergeRects, styleGroups, validationGroups, type Group } from './render-groups';
import type { Rect } from '../../core/address';

/**
 * Excel on the web rejects a request over 5 MB. Each write sync is kept under this estimate of
 * the JSON payload (4 MB: a fifth of margin for the estimate). Compact rendering sends what a row
 * adds once per row at most (values), and formulas, formats and validations once per column or
 * group, so a return of 10,000 rows fits one write sync; splitting stays as the safety net.
 */
export const DEFAULT_MAX_PAYLOAD_BYTES = 4_000_000;

export interface RenderOptions {
  /** `new`: add a sheet under a free name (`Return (2)` …); `existing`: draw over the named sheet. */
  readonly mode: 'new' | 'existing';
  /** ExcelApi 1.9: page layout. False skips it (the caller says so in HostInfo.limitations). */
  readonly pageLayout: boolean;
  /** ExcelApi 1.7: document properties. */
  readonly documentProperties: boolean;
  readonly properties?: WorkbookPlan['properties'];
  readonly activate?: boolean;
  readonly maxPayloadBytes?: number;
  /** Password to lift an existing sheet's protection before drawing. */
  readonly unprotectPassword?: string;
  /** State already read by the caller in its own read sync; render then needs no read of its own. */
  readonly known?: SheetState;
  /**
   * ExcelApi 1.9: equal styles and validations go to one `getRanges()` RangeAreas each. Without
   * it they are still merged into rectangles, one action per rectangle. A formula filled down a
   * column is then written once and copied (`Range.copyFrom`, also 1.9), else sent row by row.
   */
  readonly rangeAreas?: boolean;
  /**
   * Default true: formula columns as one R1C1 fill, number formats per column, styles and
   * validations grouped. False writes the plan entry by entry (the reference the tests compare with).
   */
  readonly compact?: boolean;
}

/** What render must know before writing: names in use and whether the target is protected. */
export interface SheetState {
  readonly sheetNames: readonly string[];
  /** Plan names already defined at workbook scope. */
  readonly takenNames: readonly string[];
  readonly protected: boolean;
  readonly protectionOptions?: Excel.WorksheetProtectionOptions;
}

export interface RenderReport {
  readonly sheet: string;
  readonly syncs: number;
  readonly payloadBytes: number;
  /** Parts of the plan left out because the host lacks the requirement set. */
  readonly skipped: readonly string[];
}

/** Queue the loads render needs; call `sync()` once (alone or with the caller's own loads), then `state()`. */
export function loadSheetState(ctx: XContext, plan: Pick<SheetPlan, 'name' | 'names'>, mode: 'new' | 'existing'): () => SheetState {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  const names = (plan.names ?? []).map((n) => ({ name: n.name, item: ctx.workbook.names.getItemOrNullObject(n.name) }));
  for (const n of names) n.item.load('isNullObject');
  const target = mode === 'existing' ? sheets.getItem(plan.name) : undefined;
  target?.protection.load(['protected', 'options']);
  return () => ({
    sheetNames: sheets.items.map((s) => s.name),
    takenNames: names.filter((n) => !n.item.isNullObject).map((n) => n.name),
    protected: target ? target.protection.protected : false,
    ...(target?.protection.protected ? { protectionOptions: target.protection.options } : {}),
  });
}

/** `Return`, else `Return (2)`, `Return (3)` …, within Excel's 31 characters. */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base.slice(0, 31);
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** Counts the request's estimated bytes and syncs before it would pass the limit. */
class Budget {
  syncs = 0;
  total = 0;
  private current = 0;
  constructor(private readonly ctx: XContext, readonly max: number) {}
  async room(bytes: number): Promise<void> {
    if (this.current > 0 && this.current + bytes > this.max) await this.flush();
    this.current += bytes;
    this.total += bytes;
  }
  async flush(): Promise<void> {
    await this.ctx.sync();
    this.syncs++;
    this.current = 0;
  }
}

export async function renderSheetPlan(ctx: XContext, whole: SheetPlan, options: RenderOptions): Promise<RenderReport> {
  // Excel refuses a cell over 32,767 characters and a header over 255: the plan made to fit first.
  const plan = safeSheetPlan(whole);
  const budget = new Budget(ctx, options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES);
  let state = options.known;
  if (!state) {
    const read = loadSheetState(ctx, plan, options.mode);
    await ctx.sync();
    budget.syncs++;
    state = read();
  }
  const name = options.mode === 'new' ? freeSheetName(plan.name, state.sheetNames) : plan.name;
  const sheets = ctx.workbook.worksheets;
  const sheet = options.mode === 'new' ? sheets.add(name) : sheets.getItem(name);
  if (state.protected) sheet.protection.unprotect(options.unprotectPassword);
  const skipped: string[] = [];

  for (const c of plan.columns) {
    await budget.room(OP_BYTES);
    const letters = columnLetters(c.col);
    const col = sheet.getRange(`${letters}:${letters}`);
    col.format.columnWidth = widthToPoints(c.width);
    if (c.hidden) col.columnHidden = true;
  }
  const compact = options.compact ?? true;
  if (compact) await writeRowHeightsCompact(sheet, plan, budget, options.rangeAreas ?? false);
  else {
    for (const r of plan.rowHeights ?? []) {
      await budget.room(OP_BYTES);
      sheet.getRange(`${r.row}:${r.row}`).format.rowHeight = r.height;
    }
  }
  for (const block of compact ? coalesceBlocks(plan.cells) : plan.cells) await writeBlock(sheet, block, budget, compact, options.rangeAreas ?? false);
  if (compact) await writeStylesCompact(sheet, plan, budget, options.rangeAreas ?? false);
  else {
    for (const s of plan.styles) {
      const { rows, cols } = rectSize(s.range);
      await budget.room((s.style.numFmt ? rows * cols * (s.style.numFmt.length + 3) : 0) + OP_BYTES * (Object.keys(s.style).length + (s.style.border ? 4 : 0) + 1));
      applyStyle(sheet.getRange(rectA1(s.range)), s.range, s.style);
    }
  }
  for (const m of plan.merges ?? []) {
    await budget.room(OP_BYTES);
    sheet.getRange(rectA1(m)).merge(false);
  }
  if (compact) await writeValidationsCompact(sheet, plan, budget, options.rangeAreas ?? false);
  else {
    for (const v of plan.validations) {
      await budget.room(OP_BYTES * 4 + JSON.stringify(v).length);
      applyValidation(sheet.getRange(rectA1(v.range)), v);
    }
  }
  const bars = plan.dataBars ?? [];
  const cfRanges = new Set([...plan.conditionalFormats.map((r) => rectA1(r.range)), ...bars.map((b) => rectA1(b.range))]);
  await budget.room(OP_BYTES * cfRanges.size);
  clearConditionalFormats(sheet, cfRanges);
  const rules = [...plan.conditionalFormats].sort((a, b) => a.priority - b.priority);
  for (const [i, rule] of rules.entries()) {
    await budget.room(OP_BYTES * 5 + rule.formula.length);
    addConditionalFormat(sheet, rule, i);
  }
  for (const bar of bars) {
    await budget.room(OP_BYTES * 3);
    addDataBar(sheet, bar);
  }
  await budget.room(OP_BYTES * 10);
  writeSheetExtras(ctx, sheet, name, plan, state, options, skipped);
  if (plan.protection) sheet.protection.protect(protectionOptions(plan.protection), plan.protection.password);
  else if (state.protected) sheet.protection.protect(state.protectionOptions);
  if (options.activate) sheet.activate();
  await budget.flush();
  return { sheet: name, syncs: budget.syncs, payloadBytes: budget.total, skipped };
}

/**
 * Where a group is written: its merged rectangles, as RangeAreas lists or one address each.
 * A border grid drawn over merged rectangles (edges and inside lines) is the grid the separate
 * ranges drew; over a RangeAreas the inside lines of each area are not certain, so borders
 * always go one rectangle at a time.
 */
function groupAddresses(g: Group<CellStyle> | Group<DataValidationPlan>, rangeAreas: boolean): { address: string; rect?: Rect; areas: boolean }[] {
  const rects = mergeRects(g.rects);
  const border = 'border' in g.value && g.value.border === true;
  if (!rangeAreas || border || rects.length === 1) return rects.map((r) => ({ address: rectA1(r), rect: r, areas: false }));
  return addressLists(rects).map((address) => ({ address, areas: address.includes(',') }));
}

/** Runs of rows of one height, one action per run (or per list of runs over a RangeAreas). */
async function writeRowHeightsCompact(sheet: XWorksheet, plan: SheetPlan, budget: Budget, rangeAreas: boolean): Promise<void> {
  const heights = new Map<number, number>();
  for (const r of plan.rowHeights ?? []) heights.set(r.row, r.height);
  const runs = new Map<number, string[]>();
  let run: { first: number; last: number; height: number } | undefined;
  const close = (): void => {
    if (run) runs.set(run.height, [...(runs.get(run.height) ?? []), `${run.first}:${run.last}`]);
  };
  for (const [row, height] of [...heights].sort((a, b) => a[0] - b[0])) {
    if (run && run.height === height && run.last + 1 === row) run.last = row;
    else {
      close();
      run = { first: row, last: row, height };
    }
  }
  close();
  for (const [height, list] of runs) {
    const lists = rangeAreas ? joinAddresses(list) : list;
    for (const address of lists) {
      await budget.room(OP_BYTES + address.length);
      (address.includes(',') ? sheet.getRanges(address) : sheet.getRange(address)).format.rowHeight = height;
    }
  }
}

async function writeStylesCompact(sheet: XWorksheet, plan: SheetPlan, budget: Budget, rangeAreas: boolean): Promise<void> {
  for (const w of formatWrites(plan.styles)) {
    const { rows, cols } = rectSize(w.range);
    await budget.room(OP_BYTES + (typeof w.value === 'string' ? everyCellBytes(rows, cols, w.value) : JSON.stringify(w.value).length));
    const range = sheet.getRange(rectA1(w.range));
    if (typeof w.value === 'string') {
      const { rows, cols } = rectSize(w.range);
      setEveryCell(range, rows, cols, 'numberFormat', w.value);
    } else range.numberFormat = w.value;
  }
  for (const g of styleGroups(plan.styles)) {
    for (const { address, rect: r, areas } of groupAddresses(g, rangeAreas)) {
      await budget.room(address.length + OP_BYTES * (Object.keys(g.value).length + (g.value.border ? 5 : 0) + 1));
      applyFormat(areas ? sheet.getRanges(address) : sheet.getRange(address), r, g.value);
    }
  }
}

async function writeValidationsCompact(sheet: XWorksheet, plan: SheetPlan, budget: Budget, rangeAreas: boolean): Promise<void> {
  for (const g of validationGroups(plan.validations)) {
    for (const { address, areas } of groupAddresses(g, rangeAreas)) {
      await budget.room(address.length + OP_BYTES * 4 + JSON.stringify(g.value).length);
      applyValidation(areas ? sheet.getRanges(address) : sheet.getRange(address), g.value);
    }
  }
}

function writeSheetExtras(ctx: XContext, sheet: XWorksheet, name: string, plan: SheetPlan, state: SheetState, options: RenderOptions, skipped: string[]): void {
  // Panes, print setup and protection are touched only when the plan sets them: a validate on a
  // lead's return keeps the panes they froze.
  const f = plan.freeze;
  if (f) sheet.freezePanes.unfreeze();
  if (f && f.rows > 0 && f.cols > 0) sheet.freezePanes.freezeAt(rectA1(rect(1, 1, f.rows, f.cols)));
  else if (f && f.rows > 0) sheet.freezePanes.freezeRows(f.rows);
  else if (f && f.cols > 0) sheet.freezePanes.freezeColumns(f.cols);
  if (plan.print) {
    if (options.pageLayout) applyPrint(sheet, plan.print);
    else skipped.push('page layout (needs ExcelApi 1.9)');
  }
  for (const n of plan.names ?? []) {
    const ref = `=${refA1(name, n.range, ABSOLUTE)}`;
    // A second Return would clash with the first one's workbook name: scope it to its own sheet.
    if (state.takenNames.includes(n.name)) sheet.names.add(n.name, ref);
    else ctx.workbook.names.add(n.name, ref);
  }
  // Scoped to its own sheet: a new sheet has no names, so the marker never clashes with an earlier
  // paper's, and it leaves with the sheet when the sheet is deleted. Excel keeps it through a rename.
  if (plan.marker && options.mode === 'new') sheet.names.add(markerName(plan.marker), `=${refA1(name, rect(1, 1), ABSOLUTE)}`);
  if (plan.tabColor) sheet.tabColor = plan.tabColor;
  if (plan.hidden) sheet.visibility = 'Hidden';
  const props = options.properties;
  if (props) {
    if (!options.documentProperties) skipped.push('document properties (needs ExcelApi 1.7)');
    else {
      const p = ctx.workbook.properties;
      if (props.title !== undefined) p.title = props.title;
      if (props.subject !== undefined) p.subject = props.subject;
      if (props.creator !== undefined) p.author = props.creator;
      if (props.company !== undefined) p.company = props.company;
      if (props.keywords !== undefined) p.keywords = props.keywords;
      for (const [k, v] of Object.entries(props.custom)) p.custom.add(k, v);
    }
  }
}
