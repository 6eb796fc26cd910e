import { a1, a1Range } from '../grid';
import { RAG_STYLE, ragConditionalFormats } from '../plan/palette';
import type { CellBlock, ConditionalFormatPlan, PlanValue, SheetPlan, StyleRange, WorkbookPlan } from '../plan/types';
import { commentaryText, rowValues } from './cells';
import { cabinetFingerprint } from './fingerprint';
import { cabinetSheetName, columnOf, COLUMNS, PROPERTY, TITLE, TITLE_LABEL } from './layout';
import type { CabinetCounts, CabinetModel, CabinetRow } from './model';

const LAST_COL = COLUMNS.length;
const HEADER_STYLE = { bold: true, wrap: true, fill: '#1F3864', fontColor: '#FFFFFF', vAlign: 'top', border: true } as const;
const HEADING_STYLE = { bold: true, fontSize: 12, fill: '#E7E6E6' } as const;

/** Excel header/footer text: `&` starts a code, so a literal one is doubled. */
const hf = (s: string): string => s.replace(/&/g, '&&');

/** Collects rows top to bottom; every value is a plain value, never a formula. */
class Sheet {
  row = 0;
  readonly cells: CellBlock[] = [];
  readonly styles: StyleRange[] = [];
  readonly cfs: ConditionalFormatPlan[] = [];
  readonly heights: { row: number; height: number }[] = [];

  put(values: readonly PlanValue[], style?: StyleRange['style'], col = 1): number {
    this.row += 1;
    this.cells.push({ row: this.row, col, values: [values] });
    if (style) this.styles.push({ range: a1Range(this.row, col, this.row, col + Math.max(values.length, 1) - 1), style });
    return this.row;
  }

  skip(): void {
    this.row += 1;
  }

  style(range: string, style: StyleRange['style']): void {
    this.styles.push({ range, style });
  }

  /** A wrapped row tall enough to read its longest cell, as Excel does not measure rows it did not type. */
  fit(row: number, values: readonly PlanValue[]): void {
    const lines = values.map((v, i) => {
      if (typeof v !== 'string') return 1;
      const width = COLUMNS[i]?.width ?? 10;
      return v.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil((part.length * 1.1) / width)), 0);
    });
    const most = Math.max(1, ...lines);
    if (most > 1) this.heights.push({ row, height: Math.min(409, 15 * most) });
  }

  rag(first: number, last: number): void {
    if (last < first) return;
    const col = columnOf('rag');
    this.cfs.push(...ragConditionalFormats(a1Range(first, col, last, col), a1(first, col), this.cfs.length + 1));
  }
}

function summaryColumns(model: CabinetModel): { label: string; count: (c: CabinetCounts) => number; fill?: string; font?: string }[] {
  const rag = (s: 'Blue' | 'Green' | 'Amber' | 'Red') => ({ label: s, count: (c: CabinetCounts) => c[s], fill: RAG_STYLE[s].fill, font: RAG_STYLE[s].fontColor });
  return [
    ...(model.usesBlue ? [rag('Blue')] : []),
    rag('Green'), rag('Amber'), rag('Red'),
    { label: 'Other', count: (c) => c.Complete + c.Missing + c.Withheld + (model.usesBlue ? 0 : c.Blue) },
    { label: 'Total', count: (c) => c.Blue + c.Green + c.Amber + c.Red + c.Complete + c.Missing + c.Withheld },
  ];
}

function titleBlock(s: Sheet, model: CabinetModel, fingerprint: string): void {
  s.put([TITLE], { bold: true, fontSize: 16 });
  const pair = (a: string, av: string, b: string, bv: string): void => {
    const r = s.put([a, av, b, bv]);
    s.style(a1(r, 1), { bold: true });
    s.style(a1(r, 3), { bold: true });
  };
  pair(TITLE_LABEL.organisation, model.organisation, TITLE_LABEL.plan, model.plan);
  pair(TITLE_LABEL.period, model.period, TITLE_LABEL.generated, model.generatedAt);
  pair(TITLE_LABEL.catalogueVersion, model.catalogueVersion, TITLE_LABEL.fingerprint, fingerprint);
}

function summary(s: Sheet, model: CabinetModel): void {
  s.skip();
  const cols = summaryColumns(model);
  const head = s.put(['Priority', 'Summary', ...cols.map((c) => c.label)], { bold: true, border: true, fill: '#DEE0E2' });
  cols.forEach((c, i) => {
    if (c.fill) s.style(a1(head, 3 + i), { fill: c.fill, fontColor: c.font ?? '#000000', bold: true, hAlign: 'center' });
  });
  for (const sec of model.sections) s.put([sec.id, sec.title, ...cols.map((c) => c.count(sec.counts))], { border: true });
  s.put(['Overall', 'All priorities', ...cols.map((c) => c.count(model.overall))], { border: true, bold: true });
  s.put(['Counts exclude indicators Not due or Tracking. Other: Complete, Missing, or a RAG withheld to protect small numbers.'], { italic: true });
}

function indicatorRow(s: Sheet, row: CabinetRow): number {
  const values = rowValues(row);
  const r = s.put(values, { border: true, vAlign: 'top' });
  for (const [key, v] of [['actual', row.actual], ['numerator', row.numerator], ['denominator', row.denominator]] as const) {
    if (v.numFmt) s.style(a1(r, columnOf(key)), { numFmt: v.numFmt, hAlign: 'right' });
    else if (v.suppressed) s.style(a1(r, columnOf(key)), { hAlign: 'right', italic: true });
  }
  s.fit(r, values);
  return r;
}

function table(s: Sheet, model: CabinetModel): number {
  s.skip();
  const header = s.put(COLUMNS.map((c) => c.header), HEADER_STYLE);
  for (const sec of model.sections) {
    s.put([`${sec.id}: ${sec.title}`, ...Array<PlanValue>(LAST_COL - 1).fill(null)], HEADING_STYLE);
    const first = s.row + 1;
    for (const row of sec.rows) indicatorRow(s, row);
    s.rag(first, s.row);
  }
  return header;
}

function exceptions(s: Sheet, model: CabinetModel): void {
  s.skip();
  s.put(['Exceptions: every indicator shown as Red, with its commentary and action'], HEADING_STYLE);
  if (model.exceptions.length === 0) {
    s.put(['No indicator is Red this period.'], { italic: true });
    return;
  }
  const pick = ['ref', 'indicator', 'service', 'target', 'actual', 'rag', 'commentary'] as const;
  const at = (values: PlanValue[]): PlanValue[] => COLUMNS.map((c, i) => ((pick as readonly string[]).includes(c.key) ? (values[i] ?? null) : null));
  s.put(at(COLUMNS.map((c) => c.header)), HEADER_STYLE);
  const first = s.row + 1;
  for (const row of model.exceptions) {
    const values = at(rowValues(row));
    const commentary = commentaryText(row);
    values[columnOf('commentary') - 1] = commentary === '' ? 'No commentary or action given' : commentary;
    const r = s.put(values, { border: true, vAlign: 'top' });
    if (row.actual.numFmt) s.style(a1(r, columnOf('actual')), { numFmt: row.actual.numFmt, hAlign: 'right' });
    s.fit(r, values);
  }
  s.rag(first, s.row);
}

function changes(s: Sheet, model: CabinetModel): void {
  s.skip();
  s.put(['Catalogue changes since the previous period (changes under delegated authority are marked)'], HEADING_STYLE);
  if (model.changes.length === 0) {
    s.put(['No changes to indicators or targets this period.'], { italic: true });
    return;
  }
  const cell = (values: Partial<Record<number, PlanValue>>): PlanValue[] => COLUMNS.map((_, i) => values[i + 1] ?? null);
  const put = (v: Partial<Record<number, PlanValue>>, style: StyleRange['style']): number => s.put(cell(v), style);
  const cols = { date: 1, ind: 2, change: 3, from: 4, to: 5, delegated: columnOf('rag'), why: columnOf('commentary') };
  put({ [cols.date]: 'Date', [cols.ind]: 'Indicator', [cols.change]: 'Change', [cols.from]: 'From', [cols.to]: 'To', [cols.delegated]: 'Delegated', [cols.why]: 'Reason / authority' }, HEADER_STYLE);
  for (const c of model.changes) {
    const values = cell({
      [cols.date]: c.date, [cols.ind]: `${c.ref} ${c.title}`.trim(), [cols.change]: c.change, [cols.from]: c.from || null,
      [cols.to]: c.to || null, [cols.delegated]: c.delegated ? 'Yes' : 'No', [cols.why]: `${c.reason}\nAuthority: ${c.authority}`,
    });
    s.fit(s.put(values, { border: true, vAlign: 'top' }), values);
  }
}

function missing(s: Sheet, model: CabinetModel): void {
  s.skip();
  s.put(['Missing returns: indicators due this period that no return gave'], HEADING_STYLE);
  if (model.missing.length === 0) {
    s.put(['None: every indicator due this period was returned.'], { italic: true });
    return;
  }
  s.put(['Ref', 'Indicator', 'Service'], HEADER_STYLE);
  for (const m of model.missing) s.put([m.ref, m.title, m.service], { border: true });
}

export interface CabinetPlanOptions {
  readonly password?: string;
}

/**
 * The locked, print-ready Cabinet sheet. Values only: every cell is a number or plain text (text that
 * starts with = + - @ stays text), every cell locked, protection on. Everything shown comes from
 * the model, which has already been through suppression.
 */
export function cabinetPlan(model: CabinetModel, options: CabinetPlanOptions = {}): WorkbookPlan {
  const fingerprint = cabinetFingerprint(model);
  const s = new Sheet();
  titleBlock(s, model, fingerprint);
  summary(s, model);
  const header = table(s, model);
  exceptions(s, model);
  changes(s, model);
  missing(s, model);
  const wrapCols = ['indicator', 'commentary', 'service', 'benchmark'] as const;
  const body = s.row;
  for (const key of wrapCols) s.style(a1Range(header, columnOf(key), body, columnOf(key)), { wrap: true, vAlign: 'top' });
  s.style(a1Range(1, 1, body, LAST_COL), { locked: true });
  const sheet: SheetPlan = {
    name: cabinetSheetName(model.period),
    cells: s.cells,
    styles: s.styles,
    columns: COLUMNS.map((c, i) => ({ col: i + 1, width: c.width })),
    rowHeights: s.heights,
    validations: [],
    conditionalFormats: s.cfs,
    protection: {
      ...(options.password ? { password: options.password } : {}),
      allowSelectLockedCells: true, allowSelectUnlockedCells: true,
      allowFormatColumns: false, allowFormatRows: false, allowSort: false, allowAutoFilter: false,
    },
    freeze: { rows: header, cols: 0 },
    print: {
      orientation: 'landscape', paperSize: 'A4', fitToWidth: 1, fitToHeight: 0,
      repeatRows: `${header}:${header}`,
      header: `&L&8${hf(model.organisation)}&R&8${hf(TITLE)}`,
      footer: `&L&8Period ${hf(model.period)}&C&8Page &P of &N&R&8Fingerprint ${fingerprint}`,
      printArea: a1Range(1, 1, body, LAST_COL),
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    tabColor: '#1F3864',
  };
  return {
    sheets: [sheet],
    properties: {
      title: `${model.organisation} ${TITLE} ${model.period}`,
      subject: `${TITLE} for Cabinet`,
      company: model.organisation,
      keywords: 'scorecard; Cabinet; performance',
      custom: {
        [PROPERTY.fingerprint]: fingerprint,
        [PROPERTY.period]: model.period,
        [PROPERTY.catalogueVersion]: model.catalogueVersion,
        [PROPERTY.generated]: model.generatedAt,
      },
    },
  };
}
