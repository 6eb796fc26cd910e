import { cabinetFingerprint } from './fingerprint';
import type { CabinetModel, CabinetRow } from './model';
import { paperHeaderFooter } from './plan';
import { MARGINS } from './print';
import { rect } from '../address';
import type { RagStatus } from '../rag';
import type { ChartPlan } from '../plan/chart-types';
import { RAG_STYLE, ragLabel } from '../plan/palette';
import type { CellBlock, DataBarPlan, PlanValue, SheetPlan, StyleRange } from '../plan/types';

const COUNTED: readonly ('Green' | 'Amber' | 'Red')[] = ['Green', 'Amber', 'Red'];
const HEAD = { bold: true, fill: '#1F3864', fontColor: '#FFFFFF', wrap: true, border: true, fontSize: 10 } as const;
const CELL = { border: true, fontSize: 10, vAlign: 'top' } as const;

/** A small collector of rows: the Trends and Dashboard sheets are plain tables. */
class Rows {
  row = 0;
  readonly cells: CellBlock[] = [];
  readonly styles: StyleRange[] = [];
  put(values: readonly PlanValue[], style?: StyleRange['style']): number {
    this.row += 1;
    this.cells.push({ row: this.row, col: 1, values: [values] });
    if (style) this.styles.push({ range: rect(this.row, 1, this.row, Math.max(1, values.length)), style });
    return this.row;
  }
}

/** RAG counts per priority and overall: Green, Amber, Red, then everything else that is counted. */
export function ragCountRows(model: CabinetModel): { readonly label: string; readonly green: number; readonly amber: number; readonly red: number; readonly other: number }[] {
  const line = (label: string, c: CabinetModel['overall']) => ({
    label, green: c.Green + c.Blue, amber: c.Amber, red: c.Red, other: c.Complete + c.Missing + c.Withheld,
  });
  return [...model.sections.map((s) => line(`${s.id}: ${s.title}`, s.counts)), line('Overall', model.overall)];
}

function summaryTable(r: Rows, model: CabinetModel): { first: number; last: number } {
  const head = r.put(['Priority', ...COUNTED.map((s) => ragLabel(s)), 'Other'], HEAD);
  COUNTED.forEach((s, i) => r.styles.push({ range: rect(head, 2 + i), style: { fill: RAG_STYLE[s].fill, fontColor: RAG_STYLE[s].fontColor } }));
  for (const c of ragCountRows(model)) r.put([c.label, c.green, c.amber, c.red, c.other], { ...CELL, bold: c.label === 'Overall' });
  return { first: head + 1, last: r.row };
}

const symbol = (s: CabinetRow['status'] | ''): string => (s === '' ? '' : s === 'Withheld' ? 'W' : ragLabel(s as RagStatus).split(' ')[0] ?? '');

/**
 * The trends sheet of the Cabinet workbook: RAG counts per priority (with data bars) and each
 * indicator's last five quarters, values as the model shows them (already through suppression) and
 * the RAG of each quarter by symbol. Values only, every cell locked, protection on.
 */
export function trendsSheetPlan(model: CabinetModel, options: { readonly password?: string; readonly fingerprint?: string } = {}): SheetPlan {
  const r = new Rows();
  r.put([`Trends to ${model.period}: ${model.organisation}`], { bold: true, fontSize: 12 });
  r.put(['Values as reported to Cabinet each quarter (small numbers suppressed); RAG as rated then, against the target of the day.'], { italic: true, fontSize: 9 });
  r.row += 1;
  r.put(['Summary: RAG counts by priority'], { bold: true, fontSize: 11 });
  const sum = summaryTable(r, model);
  const dataBars: DataBarPlan[] = COUNTED.map((s, i) => ({ range: rect(sum.first, 2 + i, sum.last - 1, 2 + i), color: RAG_STYLE[s].fill }));
  r.row += 1;
  r.put(['Last five quarters'], { bold: true, fontSize: 11 });
  const periods = model.trendPeriods;
  const head = r.put(['Ref', 'Indicator', ...periods, 'RAG by quarter'], HEAD);
  const numFmts: StyleRange[] = [];
  for (const sec of model.sections) {
    for (const row of sec.rows) {
      const trend = row.trend ?? [];
      const at = r.put([row.ref, row.title, ...trend.map((t) => (t.value.value !== undefined ? t.value.value : t.value.text || null)), trend.map((t) => symbol(t.status) || '·').join(' ')], CELL);
      trend.forEach((t, i) => {
        if (t.value.numFmt) numFmts.push({ range: rect(at, 3 + i), style: { numFmt: t.value.numFmt, hAlign: 'right' } });
        else if (t.value.suppressed) numFmts.push({ range: rect(at, 3 + i), style: { italic: true, hAlign: 'right' } });
      });
    }
  }
  r.put(['RAG by quarter: ✔ Green, ▲ Amber, ✖ Red, W withheld (small numbers), – not rated, · not reported.'], { italic: true, fontSize: 9 });
  const last = 3 + periods.length;
  return {
    name: `Trends ${model.period}`.slice(0, 31),
    cells: r.cells,
    styles: [...r.styles, ...numFmts, { range: rect(1, 1, r.row, last), style: { locked: true } }],
    columns: [{ col: 1, width: 28 }, { col: 2, width: 40 }, ...periods.map((_, i) => ({ col: 3 + i, width: 11 })), { col: last, width: 16 }],
    validations: [],
    conditionalFormats: [],
    dataBars,
    protection: { ...(options.password ? { password: options.password } : {}), allowSelectLockedCells: true, allowSelectUnlockedCells: true },
    // Printed with the Cabinet sheet, so every page carries the same period, page number and fingerprint.
    print: {
      orientation: 'landscape', paperSize: 'A4', fitToWidth: 1, fitToHeight: 0, repeatRows: { first: head, last: head },
      ...paperHeaderFooter(model, options.fingerprint ?? cabinetFingerprint(model)), margins: MARGINS,
    },
    marker: 'trends',
  };
}

export interface DashboardPlan {
  readonly sheet: SheetPlan;
  readonly charts: readonly ChartPlan[];
}

/**
 * The add-in's Dashboard sheet: the RAG count table charted as a stacked bar, and one indicator's
 * trend (the model's values, so suppressed quarters are gaps, never numbers) charted as a line.
 */
export function dashboardPlan(model: CabinetModel, ref?: string): DashboardPlan {
  const r = new Rows();
  r.put([`Dashboard ${model.period}`], { bold: true, fontSize: 12 });
  const sumHead = r.row + 1;
  const sum = summaryTable(r, model);
  const rows = model.sections.flatMap((s) => s.rows);
  const chosen = rows.find((x) => x.ref.toUpperCase() === ref?.toUpperCase()) ?? rows.find((x) => (x.trend ?? []).some((t) => t.value.value !== undefined));
  r.row += 1;
  const trendHead = r.put(['Quarter', chosen ? `${chosen.ref}: ${chosen.title}` : 'No indicator'], HEAD);
  for (const t of chosen?.trend ?? []) r.put([t.period, t.value.value ?? null], CELL);
  const trendLast = r.row;
  const charts: ChartPlan[] = [
    { name: 'RagByPriority', kind: 'barStacked', title: 'RAG by priority', source: rect(sumHead, 1, sum.last - 1, 4), seriesBy: 'columns',
      at: rect(2, 7, 18, 15), colors: COUNTED.map((s) => RAG_STYLE[s].fill) },
    ...(chosen && trendLast > trendHead
      ? [{ name: 'Trend', kind: 'line' as const, title: `${chosen.ref} trend`, source: rect(trendHead, 1, trendLast, 2), seriesBy: 'columns' as const, at: rect(20, 7, 36, 15) }]
      : []),
  ];
  return {
    sheet: { name: 'Dashboard', cells: r.cells, styles: r.styles, columns: [{ col: 1, width: 30 }, { col: 2, width: 14 }], validations: [], conditionalFormats: [], marker: 'dashboard' },
    charts,
  };
}
