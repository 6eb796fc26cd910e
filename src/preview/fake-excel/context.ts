import type { XContext } from '../../host/office-api';
import type { ChangedEvent, FakeSheet, FakeWorkbookState, Scalar } from './state';

/** Errors shaped like OfficeExtension.Error: a `code` callers and tests can match. */
export class FakeOfficeError extends Error {
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = 'OfficeExtension.Error';
  }
}

interface Op {
  readonly bytes: number;
  /** A write changes the workbook; a load returns what it read (its response bytes). */
  readonly apply: () => void | { readonly responseBytes: number; readonly commit?: () => void };
  /** `runtime`: the add-in's own settings (enableEvents), not the workbook. */
  readonly kind: 'write' | 'read' | 'runtime';
}

/** What every request context of one fake workbook shares. */
export interface FakeCore {
  readonly state: FakeWorkbookState;
  syncCount: number;
  /** Estimated request bytes of each sync, in order. */
  readonly payloads: number[];
  /** Excel on the web rejects larger requests (5 MB). */
  readonly payloadLimit: number;
  /**
   * Excel on the web "limits requests and responses to 5 MB"
   * (https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices);
   * a larger response fails the sync with `ResponsePayloadSizeLimitExceeded`
   * (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling)
   * and nothing it loaded becomes readable.
   */
  readonly responseLimit: number;
  /** Estimated response bytes of each sync, in order. */
  readonly responses: number[];
  /** Workbook write operations applied so far (loads and `runtime` settings are not counted). */
  writes: number;
  /**
   * Calls that clear the user's undo stack, as "Undo support with the Excel JavaScript API" lists
   * them (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities#unsupported-apis):
   * the API's name, once per call applied. The fake counts a call that lacks undo on any platform.
   */
  readonly undoClearing: string[];
  readonly evaluate?: (sheet: string, formula: string) => Scalar | { error: string };
  readonly pendingEvents: { sheet: FakeSheet; event: ChangedEvent }[];
  /**
   * Cell-edit mode: while a person edits a cell, a batch fails with InvalidOperationInCellEditMode
   * unless it was run with `delayForCellEdit`, which queues it until the edit ends. The error code
   * is the one listed in https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
   * (the delay page, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit,
   * calls it an `InvalidOperation` error: the specific code is modelled; a caller retrying on it only is the safe path).
   */
  readonly cellEdit: { on: boolean; waiting: (() => void)[] };
  /**
   * `context.runtime.enableEvents` (ExcelApi 1.8): "determines if events are fired and their handlers
   * are activated" for this add-in (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#enable-and-disable-events).
   * A change made while it is false raises no event for this add-in, even after it is switched back
   * on (the docs are silent on delivery timing; dropping them is what "not fired" means).
   */
  enableEvents: boolean;
  /** Workbook-level `worksheets.onChanged` handlers (ExcelApi 1.9). */
  readonly collectionHandlers: Map<number, (event: ChangedEvent) => Promise<unknown>>;
  /** Told after every sync that changed the workbook (the preview grid re-renders from the state). */
  readonly commitListeners: Set<() => void>;
}

/**
 * Raise a WorksheetChanged event (delivered after the sync that caused it, to the sheet's and the
 * collection's handlers), unless events are switched off.
 */
export function emitChange(core: FakeCore, sheet: FakeSheet, event: ChangedEvent): void {
  if (!core.enableEvents) return;
  core.pendingEvents.push({ sheet, event });
}

/** Deliver the raised events, asynchronously, as Excel does. */
export function deliverEvents(core: FakeCore): void {
  const events = core.pendingEvents.splice(0);
  for (const { sheet, event } of events) {
    for (const handler of [...sheet.handlers.values(), ...core.collectionHandlers.values()]) setTimeout(() => void handler(event), 0);
  }
}

/**
 * A request context: operations are queued and applied only at `sync()`, in order; loaded
 * properties become readable only after it. A failing operation rejects the sync and drops
 * the rest of the batch, as Office.js does (earlier operations stay applied).
 */
export class FakeContext {
  private queue: Op[] = [];
  // Set by createFakeExcel, which builds the workbook proxy with this context.
  workbook!: XContext['workbook'];

  constructor(readonly core: FakeCore, private readonly options: { readonly delayForCellEdit?: boolean } = {}) {}

  /** `context.runtime` (ExcelApi 1.5): `enableEvents` (1.8), set and loaded like any property. */
  readonly runtime = new FakeRuntime(this);

  enqueue(bytes: number, apply: Op['apply'], kind: Op['kind'] = 'write'): void {
    this.queue.push({ bytes, apply, kind });
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<unknown> {
    if (this.core.cellEdit.on) {
      if (!this.options.delayForCellEdit) {
        this.queue = [];
        this.core.syncCount++;
        throw new FakeOfficeError('InvalidOperationInCellEditMode', "The operation isn't available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.");
      }
      await new Promise<void>((resolve) => this.core.cellEdit.waiting.push(resolve));
    }
    const ops = this.queue;
    this.queue = [];
    this.core.syncCount++;
    const bytes = ops.reduce((n, op) => n + op.bytes, 0);
    this.core.payloads.push(bytes);
    if (bytes > this.core.payloadLimit) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload (${bytes} bytes) is over the limit of ${this.core.payloadLimit}.`);
    }
    let response = 0;
    const loaded: (() => void)[] = [];
    try {
      for (const op of ops) {
        const out = op.apply();
        if (op.kind === 'read') {
          response += out ? out.responseBytes : 0;
          if (out?.commit) loaded.push(out.commit);
        } else if (op.kind === 'write') this.core.writes++;
      }
    } finally {
      this.core.responses.push(response);
      this.fireEvents();
      if (ops.some((op) => op.kind === 'write')) for (const listen of this.core.commitListeners) listen();
    }
    if (response > this.core.responseLimit) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload (${response} bytes) is over the limit of ${this.core.responseLimit}.`);
    }
    for (const commit of loaded) commit();
    return undefined;
  }

  private fireEvents(): void {
    deliverEvents(this.core);
  }
}

const NOT_LOADED = (name: string): FakeOfficeError =>
  new FakeOfficeError('PropertyNotLoaded', `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);

/** A proxy object: `load()` queues a snapshot, reading a property before that sync throws. */
export abstract class FakeObject {
  private readonly loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeContext) {}

  load(names?: string | string[]): this {
    const list = names === undefined ? this.defaultLoad() : Array.isArray(names) ? names : names.split(',');
    for (const raw of list) {
      const name = raw.trim();
      if (!name) continue;
      const slash = name.indexOf('/');
      if (slash > 0) {
        this.child(name.slice(0, slash)).load(name.slice(slash + 1));
        continue;
      }
      this.ctx.enqueue(40 + name.length, () => {
        // Read at sync, readable only once the whole response is within the limit.
        const value = this.read(name);
        return { responseBytes: responseBytes(value), commit: () => this.loaded.set(name, value) };
      }, 'read');
    }
    return this;
  }

  /** The JSON bytes of what this proxy has loaded (a collection item in a response). */
  loadedBytes(): number {
    let n = 2;
    for (const [k, v] of this.loaded) n += k.length + 4 + responseBytes(v);
    return n;
  }

  /** For proxies that arrive loaded, like a collection's items after `load('items/name')`. */
  markLoaded(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.loaded.set(k, v);
  }

  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) throw NOT_LOADED(name);
    return this.loaded.get(name) as T;
  }

  protected write(bytes: number, apply: () => void): void {
    this.ctx.enqueue(bytes, apply);
  }

  protected defaultLoad(): string[] {
    return [];
  }

  /** The current value of a scalar property, taken at sync time. */
  protected read(name: string): unknown {
    throw new FakeOfficeError('NotModelled', `The fake Excel does not model reading '${name}' on ${this.constructor.name}.`);
  }

  protected child(name: string): FakeObject {
    throw new FakeOfficeError('NotModelled', `The fake Excel does not model the navigation '${name}' on ${this.constructor.name}.`);
  }
}

/** Excel.Runtime: `enableEvents` is written at sync, in order with the batch's other operations. */
export class FakeRuntime extends FakeObject {
  get enableEvents(): boolean { return this.get('enableEvents'); }
  set enableEvents(v: boolean) { this.ctx.enqueue(60, () => { this.ctx.core.enableEvents = v; }, 'runtime'); }
  protected override read(name: string): unknown {
    if (name === 'enableEvents') return this.ctx.core.enableEvents;
    return super.read(name);
  }
}

export function assertFormattable(sheet: FakeSheet): void {
  if (sheet.protection.protected && !sheet.protection.options.allowFormatCells) {
    throw new FakeOfficeError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
  }
}

export function bytesOf(value: unknown): number {
  return 60 + (JSON.stringify(value)?.length ?? 0);
}

/** Estimated JSON bytes of a loaded value in the response (proxies count what they loaded). */
export function responseBytes(value: unknown): number {
  if (value instanceof FakeObject) return value.loadedBytes();
  if (Array.isArray(value)) {
    let n = 2;
    for (const v of value) n += responseBytes(v) + 1;
    return n;
  }
  if (value !== null && typeof value === 'object') {
    let n = 2;
    for (const [k, v] of Object.entries(value)) n += k.length + 4 + responseBytes(v);
    return n;
  }
  return JSON.stringify(value)?.length ?? 4;
}
