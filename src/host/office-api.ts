/**
 * The host, as this add-in uses it: the subset of the Excel JavaScript API (and of Office's
 * document settings) that src/adapters/office calls, derived from @types/office-js. It describes
 * Excel, not our adapter: the adapter calls it, the real Excel and the in-memory fake
 * (src/preview/fake-excel) implement it, and neither of those two imports the other.
 * Scalar members are `Pick`ed from the real types, so a misspelt property fails to compile;
 * members that return client objects return the subset instead, so the fake can implement
 * exactly this and the real `Excel.RequestContext` is assignable to `XContext` (`RealExcelFits`
 * below is the compile-time check).
 *
 * Enum values are written as their string literals (`'Custom'`, `'Landscape'`): the `Excel`
 * global does not exist outside Office, and the pane must run in a plain browser too.
 */

type Load = (propertyNames?: string | string[]) => unknown;

export interface XLoadable {
  load: Load;
}

export type XRangeFont = Pick<Excel.RangeFont, 'bold' | 'italic' | 'size' | 'color'>;
export type XRangeFill = Pick<Excel.RangeFill, 'color'>;
export type XRangeBorder = Pick<Excel.RangeBorder, 'style' | 'color'>;
export type XBorderIndex = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

export interface XRangeFormat
  extends Pick<Excel.RangeFormat, 'wrapText' | 'horizontalAlignment' | 'verticalAlignment' | 'columnWidth' | 'rowHeight'> {
  readonly fill: XRangeFill;
  readonly font: XRangeFont;
  readonly borders: { getItem(index: XBorderIndex): XRangeBorder };
  readonly protection: Pick<Excel.FormatProtection, 'locked'> & XLoadable;
}

export interface XDataValidation extends Pick<Excel.DataValidation, 'rule' | 'ignoreBlanks' | 'prompt' | 'errorAlert'> {
  clear(): void;
}

export interface XConditionalFormat extends Pick<Excel.ConditionalFormat, 'priority' | 'stopIfTrue'> {
  readonly custom: {
    readonly rule: Pick<Excel.ConditionalFormatRule, 'formula'>;
    readonly format: {
      readonly fill: Pick<Excel.ConditionalRangeFill, 'color'>;
      readonly font: Pick<Excel.ConditionalRangeFont, 'color' | 'bold'>;
    };
  };
  readonly dataBar: { readonly positiveFormat: Pick<Excel.ConditionalDataBarPositiveFormat, 'fillColor'> };
}

export interface XConditionalFormats {
  add(type: 'Custom' | 'DataBar'): XConditionalFormat;
  clearAll(): void;
  /** The conditional formats that intersect the range (ExcelApi 1.6); read after the sync. */
  getCount(): { readonly value: number };
}

export interface XRange
  extends XLoadable,
    Pick<Excel.Range, 'address' | 'values' | 'formulas' | 'formulasR1C1' | 'numberFormat' | 'valueTypes' | 'rowCount' | 'columnCount' | 'isNullObject' | 'columnHidden'> {
  readonly format: XRangeFormat;
  readonly dataValidation: XDataValidation;
  readonly conditionalFormats: XConditionalFormats;
  merge(across?: boolean): void;
  select(): void;
  /** ExcelApi 1.9: a source an exact number of times smaller is replicated over this range. */
  copyFrom(sourceRange: string, copyType?: 'All' | 'Formulas' | 'Values' | 'Formats'): void;
}

/** ExcelApi 1.9: several rectangles formatted, validated or conditionally formatted as one. */
export interface XRangeAreas {
  readonly format: XRangeFormat;
  readonly dataValidation: XDataValidation;
  readonly conditionalFormats: XConditionalFormats;
}

export interface XProtection extends XLoadable, Pick<Excel.WorksheetProtection, 'protected' | 'options'> {
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void;
  unprotect(password?: string): void;
}

export interface XPageLayout
  extends Pick<Excel.PageLayout, 'orientation' | 'paperSize' | 'zoom' | 'leftMargin' | 'rightMargin' | 'topMargin' | 'bottomMargin' | 'headerMargin' | 'footerMargin'> {
  setPrintTitleRows(rows: string): void;
  setPrintArea(area: string): void;
  readonly headersFooters: {
    /** Each section is its own property (ExcelApi 1.9): https://learn.microsoft.com/javascript/api/excel/excel.headerfooter */
    readonly defaultForAllPages: Pick<Excel.HeaderFooter, 'leftHeader' | 'centerHeader' | 'rightHeader' | 'leftFooter' | 'centerFooter' | 'rightFooter'>;
  };
}

export interface XEventHandle {
  remove(): void;
  readonly context: { sync(): Promise<unknown> };
}

/**
 * WorksheetChangedEventArgs (ExcelApi 1.7). `details` (1.9) comes only when one cell changed, and
 * `triggerSource` (1.14) only on hosts that have it: both are optional here, as a handler meets them.
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets#detect-data-changes
 */
export type XChangedEvent = Pick<Excel.WorksheetChangedEventArgs, 'worksheetId' | 'address' | 'changeType' | 'source' | 'type'>
  & Partial<Pick<Excel.WorksheetChangedEventArgs, 'triggerSource'>>
  & { readonly details?: Pick<Excel.ChangedEventDetail, 'valueBefore' | 'valueAfter' | 'valueTypeBefore' | 'valueTypeAfter'> };

/** `onChanged` on a worksheet (ExcelApi 1.7) or on the worksheet collection (1.9, every sheet). */
export interface XChangedEvents {
  add(handler: (event: XChangedEvent) => Promise<unknown>): XEventHandle;
}

/** A defined name as loaded (`value`, ExcelApi 1.1: a named range gives its address, `'Cabinet 2024-25 Q2'!$A$1`). */
export type XNamedItem = Pick<Excel.NamedItem, 'name' | 'value'>;

/** A workbook's or a worksheet's (ExcelApi 1.4) defined names. */
export interface XNames extends XLoadable {
  add(name: string, reference: string): unknown;
  /** ExcelApi 1.4 `NamedItem.delete`. */
  getItem(name: string): { delete(): void };
  readonly items: XNamedItem[];
}

/** Charts (ExcelApi 1.1): the two kinds the Dashboard draws, by their Excel.ChartType strings. */
export type XChartType = 'BarStacked' | 'Line';

export interface XChartSeries {
  readonly format: {
    readonly fill: Pick<Excel.ChartFill, 'setSolidColor'>;
    readonly line: Pick<Excel.ChartLineFormat, 'color'>;
  };
}

export interface XChart extends Pick<Excel.Chart, 'name'> {
  readonly title: Pick<Excel.ChartTitle, 'text'>;
  readonly legend: Pick<Excel.ChartLegend, 'position' | 'visible'>;
  readonly series: { getItemAt(index: number): XChartSeries };
  setPosition(startCell: string, endCell?: string): void;
}

export interface XCharts {
  add(type: XChartType, sourceData: XRange, seriesBy?: 'Auto' | 'Columns' | 'Rows'): XChart;
}

export interface XWorksheet extends XLoadable, Pick<Excel.Worksheet, 'name' | 'id' | 'isNullObject' | 'tabColor' | 'visibility'> {
  readonly protection: XProtection;
  readonly charts: XCharts;
  readonly freezePanes: { freezeRows(count?: number): void; freezeColumns(count?: number): void; freezeAt(range: string): void; unfreeze(): void };
  readonly pageLayout: XPageLayout;
  readonly horizontalPageBreaks: { add(pageBreakRange: string): unknown };
  readonly names: XNames;
  readonly onChanged: XChangedEvents;
  getRange(address?: string): XRange;
  /** ExcelApi 1.9; comma-separated addresses. Excel rejects very long lists (about 8,000 characters). */
  getRanges(address?: string): XRangeAreas;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  activate(): void;
}

export interface XWorksheets extends XLoadable {
  readonly items: XWorksheet[];
  add(name?: string): XWorksheet;
  getItem(key: string): XWorksheet;
  getItemOrNullObject(key: string): XWorksheet;
  getActiveWorksheet(): XWorksheet;
  /** ExcelApi 1.9: changes on any sheet, each event naming its `worksheetId`. */
  readonly onChanged: XChangedEvents;
}

export interface XWorkbook {
  readonly worksheets: XWorksheets;
  readonly names: XNames & { getItemOrNullObject(name: string): XLoadable & Pick<Excel.NamedItem, 'isNullObject'> };
  readonly properties: Pick<Excel.DocumentProperties, 'title' | 'subject' | 'author' | 'company' | 'keywords'> & {
    readonly custom: { add(key: string, value: string): unknown };
  };
}

export interface XContext {
  readonly workbook: XWorkbook;
  /** ExcelApi 1.5; `enableEvents` (1.8) switches this add-in's event handlers off and on. */
  readonly runtime: XLoadable & Pick<Excel.Runtime, 'enableEvents'>;
  sync(): Promise<unknown>;
}

/**
 * The options of `Excel.run(options, batch)` the adapter uses (Excel.RunOptions):
 * `delayForCellEdit` queues the batch while the user is editing a cell instead of failing it
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit);
 * `previousObjects` runs the batch in an earlier request context, which is how an event handler
 * is removed (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#remove-an-event-handler).
 */
export interface XRunOptions {
  readonly delayForCellEdit?: boolean;
  readonly previousObjects?: XEventHandle['context'];
}

/** `Excel.run` as the adapter calls it, with or without options; the real one and the fake's both fit. */
export interface ExcelRun {
  <T>(batch: (context: XContext) => Promise<T>): Promise<T>;
  <T>(options: XRunOptions, batch: (context: XContext) => Promise<T>): Promise<T>;
}

type Fits<Subset, Real extends Subset> = Real;
/** Compile-time proof that the real API satisfies the subset (a wrong name or type fails `tsc`). */
export type RealExcelFits = [Fits<XContext, Excel.RequestContext>, Fits<XRange, Excel.Range>, Fits<XWorksheet, Excel.Worksheet>];
/**
 * The real `Excel.run` as an ExcelRun. The one cast: `previousObjects` is typed here as the context
 * of an XEventHandle, which at run time is the real `Excel.RequestContext` the handler was added with.
 */
export function realRun(run: typeof Excel.run): ExcelRun {
  return (<T>(a: XRunOptions | ((context: XContext) => Promise<T>), b?: (context: XContext) => Promise<T>): Promise<T> =>
    typeof a === 'function' ? run(a) : run(a as Excel.RunOptions, b as (context: Excel.RequestContext) => Promise<T>)) as ExcelRun;
}

/** The part of Office.context.document.settings used (typed here: Office.js may be absent at run time). */
export interface OfficeSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback: (result: { status: string; error?: { message: string } }) => void): void;
}
