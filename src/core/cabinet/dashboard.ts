import type { CabinetModel } from './model';
import { rect } from '../address';
import type { ChartPlan } from '../plan/chart-types';
import { RAG_STYLE, ragLabel } from '../plan/palette';
import type { CellBlock, PlanValue, SheetPlan, StyleRange } from '../plan/types';

const COUNTED: readonly ('Green' | 'Amber' | 'Red')[] = ['Green', 'Amber', 'Red'];
const HEAD = { bold: true, fill: '#1F3864', fontColor: '#FFFFFF', wrap: true, border: true, fontSize: 10 } as const;
const CELL = { border: true, fontSize: 10, vAlign: 'top' } as const;

/** A small collector of rows: the Dashboard sheet is plain tables. */
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
