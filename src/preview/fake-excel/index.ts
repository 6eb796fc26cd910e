import { parseA1, splitRef } from '../../core/address';
import type { ExcelRun, OfficeSettingsLike, XContext, XRunOptions } from '../../host/office-api';
import type { CellValue, Grid } from '../../core/grid';
import { FakeContext, FakeOfficeError, deliverEvents, emitChange, type FakeCore } from './context';
import { valueType } from './range';

export { FakeOfficeError };
import { refusingValidation } from './entry-check';
import { parseInput, storeInput } from './input';
import { fakeWorkbook } from './sheet';
import { workbookOpener, type OpenedWorkbook } from './create-workbook';
import { cellAt, emptyWorkbook, findSheet, newSheet, peekCell, usedRect, type FakeCell, type FakeSheet, type FakeWorkbookState, type Scalar } from './state';

export type FakeSettings = OfficeSettingsLike & { readonly saved: Readonly<Record<string, unknown>> };

/** Document settings as Office keeps them: changes live until saveAsync stores them. */
function fakeSettings(initial: Readonly<Record<string, unknown>> = {}): FakeSettings {
  const live = new Map(Object.entries(initial));
  let saved: Record<string, unknown> = { ...initial };
  return {
    get: (name) => live.get(name) ?? null,
    set: (name, value) => void live.set(name, value),
    remove: (name) => void live.delete(name),
    saveAsync: (callback) => {
      saved = Object.fromEntries(live);
      callback({ status: 'succeeded' });
    },
    get saved() {
      return saved;
    },
  };
}

export interface FakeExcelOptions {
  /** Excel on the web's request limit; a bigger sync rejects. */
  readonly payloadLimit?: number;
  /** Excel on the web's response limit (5 MB); a sync that loads more rejects. */
  readonly responseLimit?: number;
  /** Cached result of a formula (Excel computes them; the fake leaves '' unless told). */
  readonly evaluate?: (sheet: string, formula: string) => Scalar | { error: string };
  readonly settings?: Readonly<Record<string, unknown>>;
  /**
   * The sheets the workbook opens with. Default: a new workbook's one empty `Sheet1`, active. The
   * add-in docs are silent, but `getActiveWorksheet()` has no null-object variant
   * (https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection) and Excel never holds a
   * workbook without a visible sheet: the safe path is the workbook a lead opens (docs/excel-behaviour.md).
   * `[]` is only for tests that build the workbook sheet by sheet with `addSheet` (the first added becomes active).
   */
  readonly sheets?: readonly string[];
}

export interface FakeExcel {
  /** Use as `Excel.run`: a fresh request context per batch; pending operations sync at the end, as Excel.run does. */
  readonly run: ExcelRun;
  readonly workbook: FakeWorkbookState;
  /** Office.context.document.settings: kept in memory; `saved` is what the last saveAsync stored. */
  readonly settings: FakeSettings;
  /** Calls to `context.sync()` so far (including Excel.run's closing sync when work was pending). */
  syncCount(): number;
  /** Estimated request bytes of every sync so far. */
  readonly payloads: readonly number[];
  /** Estimated response bytes (what was loaded) of every sync so far. */
  readonly responses: readonly number[];
  /** Write operations applied so far (loads are not counted). */
  writes(): number;
  /** Calls applied so far that clear the user's undo stack (excel-add-ins-undo-capabilities), by API name. */
  undoClearingCalls(): readonly string[];
  sheet(name: string): FakeSheet;
  addSheet(name: string): FakeSheet;
  /** The stored cell at `Return!F12` (or `F12` on `sheet`); an empty one when never touched. */
  cell(address: string, sheet?: string): Readonly<FakeCell>;
  /**
   * What a person typing into a cell does: parsed as typed, change handlers fire. Refused (throws, the
   * cell unchanged) on a locked cell of a protected sheet, and for an entry that breaks a data
   * validation whose error alert has style Stop, as Excel refuses it.
   */
  type(address: string, input: Scalar | null): void;
  /** What a co-author's edit does here: the cell changes, and the event says `source: 'Remote'`. */
  remoteType(address: string, input: Scalar | null): void;
  /** A person pasting into a cell: as `type`, but data validation does not stop a paste (Excel checks typed entries only). */
  paste(address: string, input: Scalar | null): void;
  /** A person formatting a cell (fill): the value stays, and onChanged still fires (details before = after). */
  fill(address: string, color: string): void;
  /** A person starts (true) or ends (false) editing a cell; ending it runs the batches that waited. */
  editCell(on: boolean): void;
  /** Whether events are on for this add-in (`context.runtime.enableEvents`). */
  eventsEnabled(): boolean;
  /** Change handlers registered (sheet and collection level), to check none is left behind. */
  handlerCount(): number;
  /** The used range of a sheet as a Grid, read straight from the state (for assertions). */
  grid(name: string): Grid;
  /** `Excel.createWorkbook(base64?)` (ExcelApi 1.8): opens a new workbook; this one stays as it is (create-workbook.ts). */
  createWorkbook(base64?: string): Promise<void>;
  /** The workbooks `createWorkbook` opened so far, oldest first. */
  openedWorkbooks(): readonly OpenedWorkbook[];
  /** Call `listener` after every sync that wrote to the workbook; returns the unsubscribe. */
  onCommit(listener: () => void): () => void;
}

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const core: FakeCore = {
    state: emptyWorkbook(),
    syncCount: 0,
    payloads: [],
    payloadLimit: options.payloadLimit ?? 5 * 1024 * 1024,
    responseLimit: options.responseLimit ?? 5 * 1024 * 1024,
    responses: [],
    writes: 0,
    undoClearing: [],
    pendingEvents: [],
    cellEdit: { on: false, waiting: [] },
    enableEvents: true,
    collectionHandlers: new Map(),
    commitListeners: new Set(),
    ...(options.evaluate ? { evaluate: options.evaluate } : {}),
  };
  for (const name of options.sheets ?? ['Sheet1']) newSheet(core.state, name);
  const opener = workbookOpener();
  const newContext = (runOptions: XRunOptions = {}): FakeContext => {
    const ctx = new FakeContext(core, runOptions);
    ctx.workbook = fakeWorkbook(ctx);
    return ctx;
  };
  /** Excel.run(batch) or Excel.run(options, batch); `previousObjects` (a context) runs the batch in that context. */
  const run = (async <T>(a: XRunOptions | ((context: XContext) => Promise<T>), b?: (context: XContext) => Promise<T>): Promise<T> => {
    const runOptions = typeof a === 'function' ? {} : a;
    const batch = typeof a === 'function' ? a : b;
    if (!batch) throw new FakeOfficeError('InvalidArgument', 'Excel.run needs a batch function.');
    const previous = runOptions.previousObjects;
    const ctx = previous instanceof FakeContext ? previous : newContext(runOptions);
    const result = await batch(ctx);
    if (ctx.pending > 0) await ctx.sync();
    return result;
  }) as ExcelRun;
  /** A person's edit (this user, or a co-author): the cell changes and handlers hear of it. */
  const personTypes = (address: string, input: Scalar | null, source: 'Local' | 'Remote', checkValidation = true): void => {
    const at = locate(address);
    if (at.sheet.protection.protected && peekCell(at.sheet, at.row, at.col)?.locked !== false) {
      throw new FakeOfficeError('AccessDenied', `The cell ${address} is on a protected sheet.`);
    }
    const parsed = parseInput(input);
    const refusing = checkValidation ? refusingValidation(at.sheet, at.row, at.col, parsed) : undefined;
    if (refusing) throw new FakeOfficeError('DataValidation', `${address}: ${refusing.errorAlert?.message || 'the value breaks the cell\'s data validation'}`);
    const cell = cellAt(at.sheet, at.row, at.col);
    const before = { valueBefore: cell.value ?? '', valueTypeBefore: valueType(cell) };
    storeInput(cell, parsed);
    const details = { ...before, valueAfter: cell.value ?? '', valueTypeAfter: valueType(cell) };
    emitChange(core, at.sheet, { worksheetId: at.sheet.id, address: local(address), changeType: 'RangeEdited', source, type: 'WorksheetChanged', triggerSource: 'Unknown', details });
    deliverEvents(core);
  };
  const sheet = (name: string): FakeSheet => {
    const s = findSheet(core.state, name);
    if (!s) throw new FakeOfficeError('ItemNotFound', `No sheet '${name}'`);
    return s;
  };
  const locate = (address: string, sheetName?: string): { sheet: FakeSheet; row: number; col: number } => {
    const { sheet: named, local } = splitRef(address);
    const rect = parseA1(local);
    const target = named ?? sheetName;
    if (!rect || !target) throw new FakeOfficeError('InvalidArgument', `'${address}' needs a sheet and a cell`);
    return { sheet: sheet(target), row: rect.top, col: rect.left };
  };
  return {
    run,
    workbook: core.state,
    settings: fakeSettings(options.settings),
    syncCount: () => core.syncCount,
    payloads: core.payloads,
    responses: core.responses,
    writes: () => core.writes,
    undoClearingCalls: () => [...core.undoClearing],
    sheet,
    addSheet: (name) => newSheet(core.state, name),
    cell: (address, sheetName) => {
      const at = locate(address, sheetName);
      return peekCell(at.sheet, at.row, at.col) ?? { value: null };
    },
    type: (address, input) => personTypes(address, input, 'Local'),
    remoteType: (address, input) => personTypes(address, input, 'Remote'),
    paste: (address, input) => personTypes(address, input, 'Local', false),
    fill: (address, color) => {
      const at = locate(address);
      const cell = cellAt(at.sheet, at.row, at.col);
      cell.fill = color;
      const same = { valueBefore: cell.value ?? '', valueAfter: cell.value ?? '', valueTypeBefore: valueType(cell), valueTypeAfter: valueType(cell) };
      emitChange(core, at.sheet, { worksheetId: at.sheet.id, address: local(address), changeType: 'RangeEdited', source: 'Local', type: 'WorksheetChanged', triggerSource: 'Unknown', details: same });
      deliverEvents(core);
    },
    editCell: (on) => {
      core.cellEdit.on = on;
      if (!on) for (const resume of core.cellEdit.waiting.splice(0)) resume();
    },
    eventsEnabled: () => core.enableEvents,
    handlerCount: () => core.collectionHandlers.size + core.state.sheets.reduce((n, x) => n + x.handlers.size, 0),
    grid: (name) => gridOf(sheet(name)),
    createWorkbook: opener.createWorkbook,
    openedWorkbooks: () => [...opener.opened],
    onCommit: (listener) => {
      core.commitListeners.add(listener);
      return () => void core.commitListeners.delete(listener);
    },
  };
}

const local = (address: string): string => splitRef(address).local;

function gridOf(s: FakeSheet): Grid {
  const rect = usedRect(s, true);
  if (!rect) return { sheet: s.name, values: [] };
  const values: CellValue[][] = [];
  const formats: (string | undefined)[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: CellValue[] = [];
    const fmt: (string | undefined)[] = [];
    for (let c = rect.left; c <= rect.right; c++) {
      const cell = peekCell(s, r, c);
      row.push(cell?.error ? { error: cell.error } : cell?.value ?? null);
      fmt.push(cell?.numberFormat);
    }
    values.push(row);
    formats.push(fmt);
  }
  return { sheet: s.name, values, formats, origin: { row: rect.top, col: rect.left } };
}
