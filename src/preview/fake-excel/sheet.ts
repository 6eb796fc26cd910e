import { parseA1, quoteSheet } from '../../core/address';
import type { XEventHandle, XNamedItem, XNames, XPageLayout, XProtection, XWorkbook, XWorksheet, XWorksheets } from '../../host/office-api';
import { FakeContext, FakeObject, FakeOfficeError, bytesOf } from './context';
import { FakeCharts } from './chart-collection';
import { FakeRange, FakeRangeAreas, rangeOn, type SheetRef } from './range';
import { findSheet, newSheet, usedRect, type FakeSheet } from './state';

type Ref = () => FakeSheet | undefined;

const must = (ref: Ref, what: string): SheetRef => () => {
  const s = ref();
  if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (${what}).`);
  return s;
};

let handlerIds = 1;

/**
 * A call that clears the user's undo stack "starting from that API call"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities#unsupported-apis):
 * WorksheetProtection.protect and unprotect (no undo on any platform), DocumentProperties' text
 * properties (none on the web), Worksheet.name and visibility (none on Windows and Mac). Every
 * other call the fake models supports undo there, conditional formats and formats included.
 */
function undoCleared(ctx: FakeContext, api: string): void {
  ctx.core.undoClearing.push(api);
}

export class FakeWorksheet extends FakeObject implements XWorksheet {
  private readonly sheet: SheetRef;
  constructor(ctx: FakeContext, private readonly ref: Ref, what: string, private readonly nullable = false) {
    super(ctx);
    this.sheet = must(ref, what);
    // "Office automatically loads [isNullObject] when context.sync is called"
    // (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties).
    if (nullable) this.load('isNullObject');
  }
  get name(): string { return this.get('name'); }
  /** Renaming: Excel rewrites every defined name that refers to the sheet (workbook and sheet scope). */
  set name(v: string) {
    this.write(bytesOf(v), () => {
      const s = this.sheet();
      const state = this.ctx.core.state;
      if (v.length === 0 || v.length > 31 || /[\\/?*[\]:]/.test(v)) throw new FakeOfficeError('InvalidArgument', `'${v}' is not a valid sheet name.`);
      const clash = findSheet(state, v);
      if (clash && clash !== s) throw new FakeOfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists (${v}).`);
      const from = `${quoteSheet(s.name)}!`;
      const to = `${quoteSheet(v)}!`;
      for (const names of [state.names, ...state.sheets.map((x) => x.names)]) {
        for (const [k, ref] of names) names.set(k, ref.split(from).join(to));
      }
      s.name = v;
      undoCleared(this.ctx, 'Worksheet.name');
    });
  }
  get id(): string { return this.get('id'); }
  get isNullObject(): boolean { return this.get('isNullObject'); }
  get tabColor(): string { return this.get('tabColor'); }
  set tabColor(v: string) { this.write(60, () => { this.sheet().tabColor = v; }); }
  get visibility(): XWorksheet['visibility'] { return this.get('visibility'); }
  set visibility(v: XWorksheet['visibility']) { this.write(60, () => { this.sheet().visibility = v; undoCleared(this.ctx, 'Worksheet.visibility'); }); }

  readonly protection: XProtection = new FakeProtection(this.ctx, () => this.sheet());
  readonly charts = new FakeCharts(this.ctx, () => this.sheet());
  readonly freezePanes = {
    freezeRows: (n = 1): void => this.write(60, () => { this.sheet().freeze = { rows: n, cols: 0 }; }),
    freezeColumns: (n = 1): void => this.write(60, () => { this.sheet().freeze = { rows: 0, cols: n }; }),
    freezeAt: (range: string): void => this.write(60, () => {
      const r = parseA1(range);
      if (!r) throw new FakeOfficeError('InvalidArgument', `'${range}' is not a range address.`);
      this.sheet().freeze = { rows: r.bottom, cols: r.right };
    }),
    unfreeze: (): void => this.write(60, () => { this.sheet().freeze = { rows: 0, cols: 0 }; }),
  };
  readonly pageLayout: XPageLayout = pageLayout(this.ctx, () => this.sheet());
  readonly horizontalPageBreaks = { add: (r: string): void => this.write(60, () => { this.sheet().page.rowBreaks.push(r); }) };
  readonly names: FakeNames = new FakeNames(this.ctx, () => this.sheet().names);
  /**
   * Worksheet.onChanged (ExcelApi 1.7). Adding and removing a handler are queued like any other
   * operation: `remove()` takes effect when the context the handler was added with syncs ("the
   * RequestContext used to create the event handler is needed to remove it",
   * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#remove-an-event-handler).
   */
  readonly onChanged = {
    add: (handler: Parameters<XWorksheet['onChanged']['add']>[0]): XEventHandle => {
      const id = handlerIds++;
      this.write(60, () => { this.sheet().handlers.set(id, handler); });
      return { remove: () => this.write(40, () => { this.ref()?.handlers.delete(id); }), context: this.ctx };
    },
  };

  getRange(address = 'A1'): FakeRange { return rangeOn(this.ctx, this.sheet, address); }
  getRanges(address = 'A1:XFD1048576'): FakeRangeAreas {
    this.write(bytesOf(address), () => undefined);
    return new FakeRangeAreas(this.ctx, this.sheet, address);
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, this.sheet, () => usedRect(this.sheet(), valuesOnly), true);
  }
  activate(): void { this.write(40, () => { this.ctx.core.state.activeSheetId = this.sheet().id; }); }

  protected override read(name: string): unknown {
    if (name === 'isNullObject') return this.ref() === undefined;
    // A null object's other properties load as null (the docs say only that isNullObject is true).
    if (this.nullable && this.ref() === undefined) return null;
    const s = this.sheet();
    switch (name) {
      case 'name': return s.name;
      case 'id': return s.id;
      case 'tabColor': return s.tabColor;
      case 'visibility': return s.visibility;
      default: return super.read(name);
    }
  }
  protected override child(name: string): FakeObject {
    if (name === 'protection') return this.protection as FakeProtection;
    return super.child(name);
  }
}

/** A defined name as loaded: `value` of a named range is its address (the reference without its `=`). */
class FakeNameItem extends FakeObject implements XNamedItem {
  get name(): string { return this.get('name'); }
  get value(): string { return this.get('value'); }
}

/** NamedItemCollection (workbook: ExcelApi 1.1; worksheet: 1.4): add, and load `items/name,items/value`. */
export class FakeNames extends FakeObject implements XNames {
  constructor(ctx: FakeContext, private readonly map: () => Map<string, string>) { super(ctx); }
  get items(): FakeNameItem[] { return this.get('items'); }
  add(name: string, ref: string): void { this.write(bytesOf(ref), () => addName(this.map(), name, ref)); }
  /** `getItem(name).delete()` (NamedItem.delete, ExcelApi 1.4): an unknown name is ItemNotFound at sync. */
  getItem(name: string): { delete(): void } {
    return {
      delete: () => this.write(bytesOf(name), () => {
        const key = [...this.map().keys()].find((n) => n.toLowerCase() === name.toLowerCase());
        if (key === undefined) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (name '${name}').`);
        this.map().delete(key);
      }),
    };
  }
  private wanted: string[] = [];
  override load(names?: string | string[]): this {
    const list = names === undefined ? [] : Array.isArray(names) ? names : names.split(',');
    this.wanted = list.map((n) => n.trim()).filter((n) => n.startsWith('items/')).map((n) => n.slice(6));
    return super.load('items');
  }
  protected override read(name: string): unknown {
    if (name !== 'items') return super.read(name);
    const props = this.wanted.length > 0 ? this.wanted : ['name', 'value'];
    return [...this.map()].map(([n, ref]) => {
      const item = new FakeNameItem(this.ctx);
      const all: Record<string, unknown> = { name: n, value: ref.replace(/^=/, '') };
      item.markLoaded(Object.fromEntries(props.filter((p) => p in all).map((p) => [p, all[p]])));
      return item;
    });
  }
}

function addName(names: Map<string, string>, name: string, ref: string): void {
  if ([...names.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) {
    throw new FakeOfficeError('ItemAlreadyExists', `The name '${name}' already exists.`);
  }
  names.set(name, ref);
}

class FakeProtection extends FakeObject implements XProtection {
  constructor(ctx: FakeContext, private readonly sheet: SheetRef) { super(ctx); }
  get protected(): boolean { return this.get('protected'); }
  get options(): Excel.WorksheetProtectionOptions { return this.get('options'); }
  protect(options: Excel.WorksheetProtectionOptions = {}, password?: string): void {
    this.write(bytesOf(options), () => {
      const s = this.sheet();
      if (s.protection.protected) throw new FakeOfficeError('InvalidOperation', `The worksheet '${s.name}' is already protected.`);
      s.protection = password === undefined ? { protected: true, options: { ...options } } : { protected: true, options: { ...options }, password };
      undoCleared(this.ctx, 'WorksheetProtection.protect');
    });
  }
  unprotect(password?: string): void {
    this.write(60, () => {
      const s = this.sheet();
      undoCleared(this.ctx, 'WorksheetProtection.unprotect');
      if (!s.protection.protected) return;
      // BadPassword: "The password you supplied is incorrect."
      // (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling)
      if (s.protection.password !== undefined && s.protection.password !== password) {
        throw new FakeOfficeError('BadPassword', 'The password you supplied is incorrect.');
      }
      s.protection = { protected: false, options: {} };
    });
  }
  protected override read(name: string): unknown {
    const p = this.sheet().protection;
    if (name === 'protected') return p.protected;
    if (name === 'options') return { ...p.options };
    return super.read(name);
  }
}

function pageLayout(ctx: FakeContext, sheet: SheetRef): XPageLayout {
  const q = (fn: (p: FakeSheet['page']) => void): void => ctx.enqueue(60, () => fn(sheet().page));
  const margin = (key: string): PropertyDescriptor => ({
    set(v: number) { q((p) => { p.margins[key] = v; }); },
    get() { throw new FakeOfficeError('PropertyNotLoaded', `pageLayout.${key} is not modelled for reading`); },
    enumerable: true,
  });
  const layout = {
    set orientation(v: XPageLayout['orientation']) { q((p) => { p.orientation = v; }); },
    get orientation(): XPageLayout['orientation'] { throw new FakeOfficeError('PropertyNotLoaded', 'orientation'); },
    set paperSize(v: XPageLayout['paperSize']) { q((p) => { p.paperSize = v; }); },
    get paperSize(): XPageLayout['paperSize'] { throw new FakeOfficeError('PropertyNotLoaded', 'paperSize'); },
    set zoom(v: Excel.PageLayoutZoomOptions) { q((p) => { p.zoom = { ...v }; }); },
    get zoom(): Excel.PageLayoutZoomOptions { throw new FakeOfficeError('PropertyNotLoaded', 'zoom'); },
    setPrintTitleRows: (rows: string): void => q((p) => { p.printTitleRows = rows; }),
    setPrintArea: (area: string): void => q((p) => { p.printArea = area; }),
    headersFooters: { defaultForAllPages: headerFooter(q) },
  };
  for (const key of ['leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin']) Object.defineProperty(layout, key, margin(key));
  return layout as XPageLayout;
}

/**
 * HeaderFooter (ExcelApi 1.9): six properties, one per section (leftHeader, centerHeader, rightHeader,
 * leftFooter, centerFooter, rightFooter: https://learn.microsoft.com/javascript/api/excel/excel.headerfooter),
 * each taking text and format codes. A section code (`&L`, `&C`, `&R`, the file format's way of
 * joining sections in one text) inside one section's property is not documented there; the fake
 * rejects it (the safe path: such text printed garbled), so a renderer must split the sections.
 */
function headerFooter(q: (fn: (p: FakeSheet['page']) => void) => void): XPageLayout['headersFooters']['defaultForAllPages'] {
  const out = {};
  for (const key of ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'] as const) {
    Object.defineProperty(out, key, {
      set(v: string) {
        q((p) => {
          if (/(^|[^&])(&&)*&[LCR]/.test(v)) throw new FakeOfficeError('InvalidArgument', `${key}: '${v}' holds a section code (&L, &C, &R); set each section's own property.`);
          p.headerFooter[key] = v;
        });
      },
      get() { throw new FakeOfficeError('PropertyNotLoaded', key); },
      enumerable: true,
    });
  }
  return out as XPageLayout['headersFooters']['defaultForAllPages'];
}

export class FakeWorksheets extends FakeObject implements XWorksheets {
  get items(): FakeWorksheet[] { return this.get('items'); }
  add(name?: string): FakeWorksheet {
    const state = this.ctx.core.state;
    let id: string | undefined;
    this.write(bytesOf(name ?? ''), () => {
      const wanted = name ?? `Sheet${state.sheets.length + 1}`;
      if (wanted.length > 31 || /[\\/?*[\]:]/.test(wanted)) throw new FakeOfficeError('InvalidArgument', `'${wanted}' is not a valid sheet name.`);
      if (findSheet(state, wanted)) throw new FakeOfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists (${wanted}).`);
      id = newSheet(state, wanted).id;
    });
    return new FakeWorksheet(this.ctx, () => state.sheets.find((s) => s.id === id), `new sheet ${name ?? ''}`);
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => findSheet(this.ctx.core.state, key) ?? this.ctx.core.state.sheets.find((s) => s.id === key), `sheet '${key}'`);
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => findSheet(this.ctx.core.state, key) ?? this.ctx.core.state.sheets.find((s) => s.id === key), `sheet '${key}'`, true);
  }
  /** WorksheetCollection.onChanged (ExcelApi 1.9): every sheet's changes, each naming its worksheetId. */
  readonly onChanged = {
    add: (handler: Parameters<XWorksheets['onChanged']['add']>[0]): XEventHandle => {
      const id = handlerIds++;
      const handlers = this.ctx.core.collectionHandlers;
      this.write(60, () => { handlers.set(id, handler); });
      return { remove: () => this.write(40, () => { handlers.delete(id); }), context: this.ctx };
    },
  };
  getActiveWorksheet(): FakeWorksheet {
    const state = this.ctx.core.state;
    return new FakeWorksheet(this.ctx, () => state.sheets.find((s) => s.id === state.activeSheetId), 'active sheet');
  }
  protected override read(name: string): unknown {
    if (name !== 'items') return super.read(name);
    return this.ctx.core.state.sheets.map((s) => {
      const proxy = new FakeWorksheet(this.ctx, () => this.ctx.core.state.sheets.find((x) => x.id === s.id), s.name);
      proxy.markLoaded({ name: s.name, id: s.id });
      return proxy;
    });
  }
  override load(names?: string | string[]): this {
    // `items/name` and `name` on a collection both load the items.
    return super.load(names === undefined ? 'items' : 'items');
  }
}

export function fakeWorkbook(ctx: FakeContext): XWorkbook {
  const state = ctx.core.state;
  const q = (bytes: number, fn: () => void): void => ctx.enqueue(bytes, fn);
  const prop = (key: keyof typeof state.properties): PropertyDescriptor => ({
    set(v: string) { q(bytesOf(v), () => { state.properties[key] = v; undoCleared(ctx, `DocumentProperties.${key}`); }); },
    get() { throw new FakeOfficeError('PropertyNotLoaded', `properties.${key}`); },
    enumerable: true,
  });
  const properties = { custom: { add: (k: string, v: string): void => q(bytesOf([k, v]), () => { state.custom.set(k, v); }) } };
  for (const key of ['title', 'subject', 'author', 'company', 'keywords'] as const) Object.defineProperty(properties, key, prop(key));
  return {
    worksheets: new FakeWorksheets(ctx),
    names: Object.assign(new FakeNames(ctx, () => state.names), { getItemOrNullObject: (name: string) => new FakeNamedItem(ctx, name) }),
    properties: properties as XWorkbook['properties'],
  };
}

class FakeNamedItem extends FakeObject {
  constructor(ctx: FakeContext, private readonly name: string) { super(ctx); }
  get isNullObject(): boolean { return this.get('isNullObject'); }
  protected override read(prop: string): unknown {
    if (prop === 'isNullObject') return ![...this.ctx.core.state.names.keys()].some((n) => n.toLowerCase() === this.name.toLowerCase());
    return super.read(prop);
  }
}

