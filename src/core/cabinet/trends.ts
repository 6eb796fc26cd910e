/**
 * The Trends sheet of the Cabinet workbook: each indicator's last five quarters, printed one A4
 * landscape page wide at 100 %. Columns are sized from what they hold (the Ref column as wide as the
 * longest ref, each quarter as wide as its widest value, the indicator's name taking what is left of
 * the page and wrapping), every row as tall as its wrapped name, and a key above the table names
 * every symbol and blank the sheet uses.
 */
import { rect } from '../address';
import type { RagStatus } from '../rag';
import { RAG_STYLE } from '../plan/palette';
import type { CellBlock, CellStyle, PlanValue, SheetPlan, StyleRange } from '../plan/types';
import { cabinetFingerprint } from './fingerprint';
import type { CabinetModel, CabinetRow } from './model';
import { paperHeaderFooter } from './plan';
import { columnPoints, MARGINS, PAGE, pageBreaks, pageCapacity, rowHeightFor, type PrintBlock } from './print';
import type { TrendPoint } from './history-rows';
import { SECONDARY_TEXT } from './suppress';
import { WRAP_SLACK } from '../plan/row-heights';

type Shown = TrendPoint['status'];

/** Body text in points: at the sheet's 100 % print it is the printed size. */
export const TRENDS_FONT = 10;
const HEAD: CellStyle = { bold: true, fill: '#1F3864', fontColor: '#FFFFFF', wrap: true, border: true, fontSize: 9, vAlign: 'middle' };
const CELL: CellStyle = { border: true, fontSize: TRENDS_FONT, vAlign: 'top' };
const SECTION: CellStyle = { bold: true, fill: '#D9E1F2', fontSize: TRENDS_FONT };

/** Statuses in the order the key and the counts list them. */
const ORDER: readonly Exclude<Shown, ''>[] = ['Blue', 'Green', 'Amber', 'Red', 'Complete', 'Missing', 'Withheld', 'Tracking', 'Not due'];
/** What each symbol means, in words a member reads without the catalogue. */
const MEANING: Readonly<Record<Exclude<Shown, ''>, string>> = {
  Blue: 'Blue: better than the stretch target',
  Green: 'Green: on or better than target',
  Amber: 'Amber: short of target, within tolerance',
  Red: 'Red: off target',
  Complete: 'Complete: a milestone delivered',
  Missing: 'Missing: no result was given',
  Withheld: 'RAG withheld: it would reveal a small number',
  Tracking: 'Not rated: tracked without a target',
  'Not due': 'Not rated: not due that quarter',
};
const WITHHELD = { symbol: 'W', fill: '#FFFFFF', fontColor: '#0B0C0C' } as const;

/** The symbol a quarter's RAG cell shows, and its colours; none for a quarter with nothing recorded. */
export function trendSymbol(s: Shown): { readonly symbol: string; readonly fill: string; readonly fontColor: string } | undefined {
  if (s === '') return undefined;
  return s === 'Withheld' ? WITHHELD : RAG_STYLE[s as RagStatus];
}

/** A quarter's value as the sheet holds it: the number (formatted by numFmt), else the text, else blank. */
const valueOf = (t: TrendPoint | undefined): PlanValue => (t === undefined ? null : t.value.value !== undefined ? t.value.value : t.value.text || null);

/** Excel width (Calibri 11 characters) that shows `chars` characters of `fontSize` text on one line. */
const widthFor = (chars: number, fontSize = TRENDS_FONT): number => Math.ceil(((chars * fontSize) / 10 / 1.1 + 1.5) * 2) / 2;
/** The same for a code of capitals and digits (`HSG01`), wider than running text. */
const codeWidth = (chars: number): number => Math.ceil((chars * 1.05 + 2) * 2) / 2;

export interface TrendsLayout {
  /** Excel widths: Ref, Indicator, then for each quarter its value and its RAG symbol. */
  readonly widths: readonly number[];
}

/**
 * Column widths from content, so the sheet prints one page wide at 100 %: Ref and each quarter as
 * wide as their widest entry, the RAG symbols narrow, and the indicator's name the rest of the page
 * (no wider than the longest name needs; never under 28, where it wraps more instead).
 */
export function trendsLayout(model: CabinetModel): TrendsLayout {
  const rows = model.sections.flatMap((s) => s.rows);
  const ref = codeWidth(Math.max(3, ...rows.map((r) => r.ref.length)));
  const quarters = model.trendPeriods.map((p, i) => {
    const texts = rows.map((r) => r.trend?.[i]?.value.text ?? '');
    // The header wraps at its space (`2024-25` over `Q2`), so its longest word sets its width.
    const head = Math.max(...p.split(' ').map((w) => w.length));
    return Math.max(widthFor(head + 1, 9), widthFor(Math.max(4, ...texts.map((t) => t.length))));
  });
  const symbol = widthFor(3, 9);
  const printable = PAGE.width - 72 * (MARGINS.left + MARGINS.right);
  const used = columnPoints(ref) + quarters.reduce((n, w) => n + columnPoints(w) + columnPoints(symbol), 0);
  // Whole characters that fit in what is left (columnPoints: 5.25 points a character plus 3.75 of padding).
  const room = Math.floor(((printable - used) / 0.75 - 5) / 7);
  const longest = widthFor(Math.max(10, ...rows.map((r) => r.title.length)));
  const title = Math.max(28, Math.min(room, longest));
  return { widths: [ref, title, ...quarters.flatMap((w) => [w, symbol])] };
}

interface Key { readonly symbol: string; readonly style: CellStyle; readonly meaning: string }

/** The key: one entry for every symbol and blank the table uses, in a fixed order. */
export function trendsKey(model: CabinetModel): Key[] {
  const points = model.sections.flatMap((s) => s.rows).flatMap((r) => r.trend ?? []);
  const used = new Set(points.map((t) => t.status));
  const keys: Key[] = [];
  const rated = ORDER.filter((s) => used.has(s));
  for (const s of rated) {
    if (s === 'Not due' && used.has('Tracking')) continue;
    const look = trendSymbol(s);
    if (!look) continue;
    const meaning = s === 'Tracking' && used.has('Not due') ? 'Not rated: tracked without a target, or not due' : MEANING[s];
    keys.push({ symbol: look.symbol, style: { fill: look.fill, fontColor: look.fontColor }, meaning });
  }
  const small = [...new Set(points.filter((t) => t.value.suppressed).map((t) => t.value.text))].sort();
  for (const text of small) {
    if (text === SECONDARY_TEXT) {
      keys.push({ symbol: text, style: { italic: true, hAlign: 'right' }, meaning: `Secondary suppression: not shown because, with the figures beside it, it would reveal a small number (${model.secondarySuppressed.join(', ')})` });
      continue;
    }
    const n = /^<\s*(\d+)$/.exec(text.trim())?.[1];
    keys.push({ symbol: text, style: { italic: true, hAlign: 'right' }, meaning: n ? `Fewer than ${n}: a small number not shown, so no one can be identified` : 'A small number not shown, so no one can be identified' });
  }
  if (points.some((t) => t.status === '')) keys.push({ symbol: '', style: {}, meaning: 'Blank: no result recorded that quarter (not due, or not consolidated)' });
  if (points.some((t) => t.status !== '' && valueOf(t) === null)) keys.push({ symbol: '', style: {}, meaning: 'Blank value beside a symbol: rated, but no figure to show' });
  return keys;
}

/** Counts of each status by quarter, over the indicators in this paper, as rated then. */
export function trendCounts(model: CabinetModel): { readonly status: Exclude<Shown, ''>; readonly counts: readonly number[] }[] {
  // One pass over the rows (a filter per status and quarter was 45 passes over 30,000 rows).
  const byStatus = new Map<Shown, number[]>(ORDER.map((status) => [status, model.trendPeriods.map(() => 0)]));
  for (const sec of model.sections) {
    for (const r of sec.rows) {
      for (let i = 0; i < model.trendPeriods.length; i++) {
        const status = r.trend?.[i]?.status;
        const counts = status === undefined ? undefined : byStatus.get(status);
        if (counts) counts[i] = (counts[i] ?? 0) + 1;
      }
    }
  }
  return ORDER.map((status) => ({ status, counts: byStatus.get(status) ?? [] })).filter((c) => c.counts.some((n) => n > 0));
}

/** A small collector of rows with their heights. */
class Rows {
  row = 0;
  readonly cells: CellBlock[] = [];
  readonly styles: StyleRange[] = [];
  readonly heights: { row: number; height: number }[] = [];
  constructor(private readonly widths: readonly number[]) {}
  put(values: readonly PlanValue[], style?: CellStyle, at = 1, fontSize = TRENDS_FONT): number {
    this.row += 1;
    this.cells.push({ row: this.row, col: at, values: [values] });
    if (style) this.styles.push({ range: rect(this.row, at, this.row, at + Math.max(1, values.length) - 1), style });
    const wrapped = style?.wrap ? values : values.map(() => null);
    this.heights.push({ row: this.row, height: rowHeightFor(wrapped, this.slackWidths(at), fontSize) });
    return this.row;
  }
  /** The widths wrapping is measured against from column `at`, made once per column. */
  private readonly slack = new Map<number, number[]>();
  private slackWidths(at: number): number[] {
    let widths = this.slack.get(at);
    if (!widths) this.slack.set(at, (widths = this.widths.slice(at - 1).map((w) => Math.max(1, w - WRAP_SLACK))));
    return widths;
  }
  style(range: StyleRange['range'], style: CellStyle): void {
    this.styles.push({ range, style });
  }
  gap(): void {
    this.row += 1;
    this.heights.push({ row: this.row, height: 8 });
  }
}

// Style objects shared by every row that has them (30,000 rows made 330,000 objects of a few contents).
const RIGHT: CellStyle = { hAlign: 'right' };
const RIGHT_ITALIC: CellStyle = { italic: true, hAlign: 'right' };
const NUMBER_STYLES = new Map<string, CellStyle>();
const valueStyle = (t: TrendPoint | undefined): CellStyle => {
  const numFmt = t?.value.numFmt;
  if (!numFmt) return t?.value.suppressed ? RIGHT_ITALIC : RIGHT;
  let style = NUMBER_STYLES.get(numFmt);
  if (!style) NUMBER_STYLES.set(numFmt, (style = { numFmt, hAlign: 'right' }));
  return style;
};
const ROW_CELL: CellStyle = { ...CELL, wrap: true };
const SYMBOL_STYLES = new Map<Shown, CellStyle>();
/** A quarter's RAG symbol cell: centred, in the status's colours. */
function symbolStyle(status: Shown): CellStyle {
  let style = SYMBOL_STYLES.get(status);
  if (!style) {
    const look = trendSymbol(status);
    SYMBOL_STYLES.set(status, (style = { hAlign: 'center', wrap: false, ...(look ? { fill: look.fill, fontColor: look.fontColor } : {}) }));
  }
  return style;
}

/**
 * The Trends sheet: a key to its symbols, the count of each RAG by quarter, then every indicator
 * by priority with its value and RAG symbol for each of the last five quarters (the model's values,
 * already through suppression; RAG as rated then, against the target of the day). Values only,
 * every cell locked, protection on; A4 landscape one page wide, the table's header on every page.
 */
export function trendsSheetPlan(model: CabinetModel, options: { readonly password?: string; readonly fingerprint?: string } = {}): SheetPlan {
  const { widths } = trendsLayout(model);
  const periods = model.trendPeriods;
  const last = widths.length;
  const r = new Rows(widths);
  r.put([`Trends to ${model.period}: ${model.organisation}`], { bold: true, fontSize: 12 }, 1, 12);
  r.put(['Each indicator’s last five quarters as reported to Cabinet (small numbers not shown), with its RAG as rated then, against that quarter’s target.'], { italic: true, fontSize: 9 }, 1, 9);
  r.gap();

  r.put(['Key'], { bold: true, fontSize: 11 }, 1, 11);
  // Two entries a row: a symbol in the Ref column with its meaning beside it, and one in the first
  // quarter's RAG column with its meaning running across the quarters.
  const keys = trendsKey(model);
  for (let i = 0; i < keys.length; i += 2) {
    const pair = keys.slice(i, i + 2);
    const row = r.put([pair[0]?.symbol || null, pair[0]?.meaning ?? ''], undefined);
    r.style(rect(row, 1), { ...CELL, hAlign: 'center', ...pair[0]?.style });
    r.style(rect(row, 2), { fontSize: TRENDS_FONT });
    const second = pair[1];
    if (second && periods.length > 0) {
      r.cells.push({ row, col: 4, values: [[second.symbol || null, second.meaning]] });
      r.style(rect(row, 4), { ...CELL, hAlign: 'center', ...second.style });
      r.style(rect(row, 5), { fontSize: TRENDS_FONT });
    } else if (second) {
      r.put([second.symbol || null, second.meaning], undefined);
      r.style(rect(r.row, 1), { ...CELL, hAlign: 'center', ...second.style });
    }
  }
  r.gap();

  const counts = trendCounts(model);
  if (counts.length > 0) {
    r.put(['RAG by quarter: how many indicators had each rating'], { bold: true, fontSize: 11 }, 1, 11);
    r.put([null, 'Rating', ...periods.flatMap((p) => [p, null])], HEAD, 1, 9);
    for (const c of counts) {
      const look = trendSymbol(c.status);
      const label = MEANING[c.status].split(':')[0] ?? c.status;
      const row = r.put([look?.symbol ?? null, c.status === 'Not due' ? 'Not rated: not due' : c.status === 'Tracking' ? 'Not rated: no target' : label, ...c.counts.flatMap((n) => [n, null])], CELL);
      if (look) r.style(rect(row, 1), { hAlign: 'center', fill: look.fill, fontColor: look.fontColor });
      r.style(rect(row, 3, row, last), { hAlign: 'right', numFmt: '0' });
    }
    const total = r.put([null, 'Total recorded', ...periods.flatMap((_, i) => [counts.reduce((n, c) => n + (c.counts[i] ?? 0), 0), null])], { ...CELL, bold: true });
    r.style(rect(total, 3, total, last), { hAlign: 'right', numFmt: '0' });
    r.gap();
  }

  r.put(['Indicators: the last five quarters'], { bold: true, fontSize: 11 }, 1, 11);
  const head = r.put(['Ref', 'Indicator', ...periods.flatMap((p) => [p, 'RAG'])], HEAD, 1, 9);
  // A priority's heading never ends a page: it keeps its first three indicators with it.
  const blocks: PrintBlock[] = [];
  for (const sec of model.sections) {
    if (sec.rows.length === 0) continue;
    const at = r.put([`${sec.id}: ${sec.title}`], SECTION);
    blocks.push({ first: at, last: at + Math.min(3, sec.rows.length), keep: 1 + Math.min(3, sec.rows.length) });
    r.style(rect(at, 1, at, last), { fill: SECTION.fill, border: true });
    for (const row of sec.rows) indicatorRow(r, row, periods.length);
  }
  return {
    name: `Trends ${model.period}`.slice(0, 31),
    cells: r.cells,
    styles: [...r.styles, { range: rect(1, 1, r.row, last), style: { locked: true } }],
    columns: widths.map((width, i) => ({ col: i + 1, width })),
    rowHeights: r.heights,
    validations: [],
    conditionalFormats: [],
    protection: { ...(options.password ? { password: options.password } : {}), allowSelectLockedCells: true, allowSelectUnlockedCells: true },
    // Printed with the Cabinet sheet, so every page carries the same period, page number and fingerprint.
    print: {
      orientation: 'landscape', paperSize: 'A4', fitToWidth: 1, fitToHeight: 0, repeatRows: { first: head, last: head },
      printArea: rect(1, 1, r.row, last),
      rowBreaks: pageBreaks(r.heights.map((h) => h.height), blocks, pageCapacity(widths), head),
      ...paperHeaderFooter(model, options.fingerprint ?? cabinetFingerprint(model)), margins: MARGINS,
    },
    marker: 'trends',
  };
}

function indicatorRow(r: Rows, row: CabinetRow, quarters: number): void {
  const trend = row.trend ?? [];
  const points = Array.from({ length: quarters }, (_, i) => trend[i]);
  const at = r.put([row.ref, row.title, ...points.flatMap((t) => [valueOf(t), trendSymbol(t?.status ?? '')?.symbol ?? null])], ROW_CELL);
  points.forEach((t, i) => {
    r.style(rect(at, 3 + 2 * i), valueStyle(t));
    r.style(rect(at, 4 + 2 * i), symbolStyle(t?.status ?? ''));
  });
}
