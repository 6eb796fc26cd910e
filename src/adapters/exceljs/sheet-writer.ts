import type ExcelJS from 'exceljs';
import { cellA1 } from '../../core/address';
import { dataValidationsXml, type Validation } from './validations-xml';
import { attrs, colorXml, leaf, node } from './xml-out';

/**
 * A worksheet part written as ExcelJS 4.4.0's streaming WorksheetWriter writes it
 * (lib/stream/xlsx/worksheet-writer.js and the xforms it renders with, lib/xlsx/xform/sheet/*),
 * for what this product gives it: sheet-chrome.ts's addPlanSheet and applySheetChrome set it up,
 * stream-rows.ts writes the rows. Why not ExcelJS's own: its writer and xforms are ~110 modules,
 * ~45 ms of loading on every consolidate (issue 19.3). package-writer.test.ts holds every part to
 * what ExcelJS's WorkbookWriter writes for the same plans.
 *
 * Kept as ExcelJS has them, quirks included, so that the file is the same: a sheet with no rows
 * gets no `<cols>`; a dataBar rule carries an empty `<x14:id/>`; merges are written as given.
 */

/** What the sheet needs of its workbook (package-writer.ts's PackageWriter). */
export interface SheetHost {
  readonly styles: { addStyleModel(style: Partial<ExcelJS.Style>, cellType?: number): number; addDxfStyle(style: Partial<ExcelJS.Style>): number };
  _openStream(path: string): { write(data: string): unknown; end(): void };
}

export interface SheetOptions {
  readonly id: number;
  readonly name: string;
  readonly workbook: SheetHost;
  readonly state?: string;
  readonly properties?: { readonly tabColor?: { readonly argb: string } };
  readonly pageSetup?: Partial<ExcelJS.PageSetup>;
  readonly views?: readonly Partial<ExcelJS.WorksheetView>[];
  readonly headerFooter?: Partial<ExcelJS.HeaderFooter>;
}

interface Column { width?: number; hidden?: boolean }

/** A rule as sheet-chrome.ts makes them: an expression with a style, or a data bar. */
type Rule = ExcelJS.ConditionalFormattingRule & { priority?: number; dxfId?: number };
interface Formatting { readonly ref: string; readonly rules: Rule[] }

interface Protection {
  sheet: boolean;
  algorithmName?: string;
  saltValue?: string;
  spinCount?: number;
  hashValue?: string;
  [option: string]: unknown;
}

const DEFAULT_WIDTH = 9;

export class SheetWriter {
  readonly id: number;
  readonly name: string;
  state: string;
  rId = '';
  committed = false;
  startedData = false;
  /** Always empty: rows are written by stream-rows.ts straight to the stream (it checks this). */
  _rows: unknown[] | null = [];
  /** `A1:B2` texts, in the order the merges were made. */
  readonly _merges: string[] = [];
  readonly rowBreaks: { id: number; max: number; man: number }[] = [];
  readonly dataValidations = new ValidationList();
  readonly conditionalFormatting: Formatting[] = [];
  readonly properties: Record<string, unknown>;
  pageSetup: Partial<ExcelJS.PageSetup> & Record<string, unknown>;
  headerFooter: Partial<ExcelJS.HeaderFooter>;
  readonly views: readonly Partial<ExcelJS.WorksheetView>[];
  private readonly columns: Column[] = [];
  private sheetProtection: Protection | null = null;
  readonly stream: { write(data: string): unknown; end(): void };

  constructor(readonly options: SheetOptions) {
    this.id = options.id;
    this.name = options.name;
    this.state = options.state ?? 'visible';
    this.properties = { defaultRowHeight: 15, dyDescent: 55, outlineLevelCol: 0, outlineLevelRow: 0, ...options.properties };
    this.headerFooter = {
      differentFirst: false, differentOddEven: false, oddHeader: null, oddFooter: null, evenHeader: null, evenFooter: null, firstHeader: null, firstFooter: null,
      ...options.headerFooter,
    } as Partial<ExcelJS.HeaderFooter>;
    const given = options.pageSetup;
    this.pageSetup = {
      margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      orientation: 'portrait', horizontalDpi: 4294967295, verticalDpi: 4294967295,
      fitToPage: !!(given && (given.fitToWidth || given.fitToHeight) && !given.scale),
      pageOrder: 'downThenOver', blackAndWhite: false, draft: false, cellComments: 'None', errors: 'displayed',
      scale: 100, fitToWidth: 1, fitToHeight: 1, paperSize: undefined, showRowColHeaders: false, showGridLines: false,
      horizontalCentered: false, verticalCentered: false, rowBreaks: null, colBreaks: null,
      ...given,
    } as Partial<ExcelJS.PageSetup> & Record<string, unknown>;
    this.views = options.views ?? [];
    // The part is opened, and its head written, when the sheet is added: its place in the zip.
    this.stream = options.workbook._openStream(`/xl/worksheets/sheet${this.id}.xml`);
    this.stream.write(this.head());
  }

  get workbook(): SheetHost {
    return this.options.workbook;
  }

  getColumn(n: number): Column {
    while (this.columns.length < n) this.columns.push({});
    return this.columns[n - 1] as Column;
  }

  addConditionalFormatting(cf: Formatting): void {
    this.conditionalFormatting.push(cf);
  }

  /**
   * As WorksheetWriter.protect: with a password, its SHA-512 hash (ECMA-376 Part 1, 18.3.1.85
   * sheetProtection; hashed by ExcelJS's own Encryptor, a one-file module) with a fresh salt.
   */
  async protect(password: string, options?: Record<string, unknown>): Promise<void> {
    const p: Protection = { sheet: true };
    const opts = options ? { ...options } : undefined;
    if (opts && 'spinCount' in opts) opts.spinCount = Number.isFinite(opts.spinCount) ? Math.round(Math.max(0, opts.spinCount as number)) : 100000;
    if (password) {
      const { default: Encryptor } = await import('exceljs/lib/utils/encryptor');
      p.algorithmName = 'SHA-512';
      p.saltValue = Encryptor.randomBytes(16).toString('base64');
      p.spinCount = opts && 'spinCount' in opts ? (opts.spinCount as number) : 100000;
      p.hashValue = Encryptor.convertPasswordToHash(password, 'SHA512', p.saltValue, p.spinCount);
    }
    if (opts) {
      Object.assign(p, opts);
      if (!password && 'spinCount' in opts) delete p.spinCount;
    }
    this.sheetProtection = p;
  }

  /** Column.toModel (lib/doc/column.js): runs of equal columns as one `<col>`, default ones left out. */
  _writeColumns(): void {
    const cols: { min: number; max: number; width: number; hidden: boolean }[] = [];
    let open: (typeof cols)[number] | null = null;
    this.columns.forEach((column, index) => {
      const hidden = !!column.hidden;
      const custom = column.width !== undefined && column.width !== DEFAULT_WIDTH;
      // A column's width as set is compared with the run's (9 when unset), as equivalentTo compares
      // them: two hidden columns of no width are two runs.
      if (!custom && !hidden) {
        open = null;
      } else if (!open || column.width !== open.width || hidden !== open.hidden) {
        open = { min: index + 1, max: index + 1, width: column.width ?? DEFAULT_WIDTH, hidden };
        cols.push(open);
      } else {
        open.max = index + 1;
      }
    });
    if (cols.length === 0) return;
    // ColXform.prepare registers each column's (empty) style: the first may add the default font.
    for (let i = 0; i < cols.length; i++) this.workbook.styles.addStyleModel({});
    const body = cols.map((c) => `<col${attrs({ min: c.min, max: c.max, width: c.width || undefined, hidden: c.hidden ? '1' : undefined, customWidth: '1' })}/>`).join('');
    this.stream.write(`<cols>${body}</cols>`);
  }

  _writeOpenSheetData(): void {
    this.stream.write('<sheetData>');
  }

  commit(): void {
    if (this.committed) return;
    this._rows = null;
    if (!this.startedData) this._writeOpenSheetData();
    let xml = '</sheetData>';
    if (this._merges.length) xml += `<mergeCells count="${this._merges.length}">${this._merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
    xml += this.formattingXml();
    xml += dataValidationsXml(this.dataValidations.model);
    xml += this.protectionXml();
    xml += this.marginsXml();
    xml += this.pageSetupXml();
    xml += this.headerFooterXml();
    if (this.rowBreaks.length) xml += `<rowBreaks count="${this.rowBreaks.length}" manualBreakCount="${this.rowBreaks.length}">${this.rowBreaks.map((b) => leaf('brk', b)).join('')}</rowBreaks>`;
    xml += '</worksheet>';
    this.stream.write(xml);
    this.stream.end();
    this.committed = true;
  }

  private head(): string {
    let xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
      + ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
      + ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
      + ' mc:Ignorable="x14ac"'
      + ' xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">';
    const tab = this.options.properties?.tabColor;
    const pr = (tab ? colorXml('tabColor', tab) : '') + (this.pageSetup.fitToPage ? '<pageSetUpPr fitToPage="1"/>' : '');
    if (pr) xml += `<sheetPr>${pr}</sheetPr>`;
    if (this.views.length) xml += `<sheetViews>${this.views.map(viewXml).join('')}</sheetViews>`;
    const p = this.properties;
    xml += leaf('sheetFormatPr', {
      defaultRowHeight: p.defaultRowHeight as number, outlineLevelRow: p.outlineLevelRow as number, outlineLevelCol: p.outlineLevelCol as number,
      'x14ac:dyDescent': p.dyDescent as number,
      ...(p.defaultColWidth ? { defaultColWidth: p.defaultColWidth as number } : {}),
      ...(!p.defaultRowHeight || p.defaultRowHeight !== 15 ? { customHeight: '1' } : {}),
    });
    return xml;
  }

  /** ConditionalFormattingsXform.prepare and render (lib/xlsx/xform/sheet/cf/). */
  private formattingXml(): string {
    let next = this.conditionalFormatting.reduce((p, cf) => Math.max(p, ...cf.rules.map((r) => r.priority || 0)), 1);
    for (const cf of this.conditionalFormatting) {
      for (const rule of cf.rules) {
        if (!rule.priority) rule.priority = next++;
        if ('style' in rule && rule.style) rule.dxfId = this.workbook.styles.addDxfStyle(rule.style);
      }
    }
    return this.conditionalFormatting.map((cf) => node('conditionalFormatting', { sqref: cf.ref }, cf.rules.map(ruleXml).join(''))).join('');
  }

  private protectionXml(): string {
    const m = this.sheetProtection;
    if (!m) return '';
    const flag = (v: unknown, out: string): string | undefined => (v ? out : undefined);
    const a: Record<string, string | number | undefined> = {
      sheet: flag(m.sheet, '1'),
      selectLockedCells: m.selectLockedCells === false ? '1' : undefined,
      selectUnlockedCells: m.selectUnlockedCells === false ? '1' : undefined,
      formatCells: flag(m.formatCells, '0'), formatColumns: flag(m.formatColumns, '0'), formatRows: flag(m.formatRows, '0'),
      insertColumns: flag(m.insertColumns, '0'), insertRows: flag(m.insertRows, '0'), insertHyperlinks: flag(m.insertHyperlinks, '0'),
      deleteColumns: flag(m.deleteColumns, '0'), deleteRows: flag(m.deleteRows, '0'),
      sort: flag(m.sort, '0'), autoFilter: flag(m.autoFilter, '0'), pivotTables: flag(m.pivotTables, '0'),
    };
    if (m.sheet) {
      Object.assign(a, {
        algorithmName: m.algorithmName, hashValue: m.hashValue, saltValue: m.saltValue, spinCount: m.spinCount,
        objects: flag(m.objects === false, '1'), scenarios: flag(m.scenarios === false, '1'),
      });
    }
    return Object.values(a).some((v) => v !== undefined) ? leaf('sheetProtection', a) : '';
  }

  private marginsXml(): string {
    const m = this.pageSetup.margins;
    if (!m) return '';
    const a = { left: m.left, right: m.right, top: m.top, bottom: m.bottom, header: m.header, footer: m.footer };
    return Object.values(a).some((v) => v !== undefined) ? leaf('pageMargins', a) : '';
  }

  /** PageSetupXform.render: only the attributes whose values differ from the file format's defaults. */
  private pageSetupXml(): string {
    const m = this.pageSetup;
    const one = (v: unknown): string | undefined => (v ? '1' : undefined);
    const a = {
      paperSize: m.paperSize, orientation: m.orientation, horizontalDpi: m.horizontalDpi, verticalDpi: m.verticalDpi,
      pageOrder: m.pageOrder === 'overThenDown' ? m.pageOrder : undefined,
      blackAndWhite: one(m.blackAndWhite), draft: one(m.draft),
      cellComments: m.cellComments === 'atEnd' || (m.cellComments as string) === 'asDisplyed' ? m.cellComments : undefined,
      errors: m.errors === 'dash' || m.errors === 'blank' || m.errors === 'NA' ? m.errors : undefined,
      scale: m.scale, fitToWidth: m.fitToWidth, fitToHeight: m.fitToHeight,
      firstPageNumber: m.firstPageNumber, useFirstPageNumber: one(m.firstPageNumber),
      usePrinterDefaults: one(m.usePrinterDefaults), copies: m.copies as number | undefined,
    };
    return Object.values(a).some((v) => v !== undefined) ? leaf('pageSetup', a) : '';
  }

  private headerFooterXml(): string {
    const m = this.headerFooter as Record<string, unknown>;
    let inner = '';
    for (const key of ['oddHeader', 'oddFooter', 'evenHeader', 'evenFooter', 'firstHeader', 'firstFooter']) {
      const text = m[key];
      if (text && typeof text === 'string') inner += leaf(key, undefined, text);
    }
    const a = { differentFirst: m.differentFirst ? '1' : undefined, differentOddEven: m.differentOddEven ? '1' : undefined };
    if (!inner && !a.differentFirst && !a.differentOddEven) return '';
    return node('headerFooter', a, inner);
  }
}

/** DataValidations (lib/doc/data-validations.js): one validation per address, the last given wins. */
export class ValidationList {
  readonly model: Record<string, Validation> = {};
  add(address: string, validation: Validation): Validation {
    return (this.model[address] = validation);
  }
}

/** SheetViewXform.render (lib/xlsx/xform/sheet/sheet-view-xform.js), as the streaming writer calls it (without prepare). */
function viewXml(v: Partial<ExcelJS.WorksheetView> & Record<string, unknown>): string {
  const a: Record<string, string | number | undefined> = { workbookViewId: (v.workbookViewId as number) || 0 };
  if (v.rightToLeft === true) a.rightToLeft = '1';
  if (v.tabSelected) a.tabSelected = '1';
  if (v.showRuler === false) a.showRuler = '0';
  if (v.showRowColHeaders === false) a.showRowColHeaders = '0';
  if (v.showGridLines === false) a.showGridLines = '0';
  if (v.zoomScale) a.zoomScale = v.zoomScale;
  if (v.zoomScaleNormal) a.zoomScaleNormal = v.zoomScaleNormal;
  if (v.style) a.view = v.style as string;
  let inner = '';
  const xSplit = v.xSplit as number | undefined;
  const ySplit = v.ySplit as number | undefined;
  if (v.state === 'frozen') {
    const topLeftCell = (v.topLeftCell as string | undefined) || cellA1((ySplit || 0) + 1, (xSplit || 0) + 1);
    const activePane = (xSplit && ySplit && 'bottomRight') || (xSplit && 'topRight') || 'bottomLeft';
    inner = leaf('pane', { xSplit: xSplit || undefined, ySplit: ySplit || undefined, topLeftCell, activePane, state: 'frozen' })
      + leaf('selection', { pane: activePane, activeCell: v.activeCell as string | undefined, sqref: v.activeCell as string | undefined });
  } else if (v.state === 'split') {
    const activePane = v.activePane === 'topLeft' ? undefined : (v.activePane as string | undefined);
    inner = leaf('pane', { xSplit: xSplit || undefined, ySplit: ySplit || undefined, topLeftCell: v.topLeftCell as string | undefined, activePane })
      + leaf('selection', { pane: activePane, activeCell: v.activeCell as string | undefined, sqref: v.activeCell as string | undefined });
  }
  // Without prepare, a view in any other state is written with no selection at all.
  return node('sheetView', a, inner);
}

/** CfRuleXform.render (lib/xlsx/xform/sheet/cf/cf-rule-xform.js) for the two kinds sheet-chrome.ts makes. */
function ruleXml(rule: Rule): string {
  switch (rule.type) {
    case 'expression':
      return node('cfRule', { type: 'expression', dxfId: rule.dxfId, priority: rule.priority }, leaf('formula', undefined, (rule.formulae ?? [])[0] as string));
    case 'dataBar': {
      const bar = rule as ExcelJS.DataBarRuleType & { color?: Partial<ExcelJS.Color> };
      const cfvo = (bar.cfvo ?? []).map((c) => leaf('cfvo', { type: c.type, val: c.value as number | undefined })).join('');
      const ext = '<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id/></ext></extLst>';
      return node('cfRule', { type: 'dataBar', priority: rule.priority }, `<dataBar>${cfvo}${colorXml('color', bar.color)}</dataBar>${ext}`);
    }
    default:
      throw new Error(`sheet-writer: conditional format rule of type ${rule.type} is not written`);
  }
}
