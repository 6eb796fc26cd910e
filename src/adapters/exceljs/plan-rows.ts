import type { CellStyle, PlanValue, SheetPlan } from '../../core/plan/types';

/**
 * One plan row, its cells as parallel lists in column order: `values[i]` (null when only styled)
 * and `styles[i]` (a merged style id, see PlanRows.style) are column `cols[i]`'s. The lists are
 * reused for the next row: a consumer reads them before asking for the next (a 30,000-row Cabinet
 * has ~390,000 cells, and an object per cell was much of the render's garbage).
 */
export interface PlanRow {
  readonly row: number;
  readonly count: number;
  readonly cols: readonly number[];
  readonly values: readonly PlanValue[];
  readonly styles: readonly (number | undefined)[];
  readonly height: number | undefined;
  readonly pageBreak: boolean;
}

export interface PlanRows {
  /** The merged style of an id; ids are shared by every cell whose merged style is the same. */
  readonly style: (id: number) => CellStyle;
  readonly rows: () => Generator<PlanRow>;
}

interface Span { readonly top: number; readonly bottom: number; readonly index: number }

/**
 * Spans sorted by top row, then handed out as the rows reach them, in plan order (index); a span
 * leaves when passed. The active list is kept in order by insertion, not re-sorted per row.
 */
function sweep<T extends Span>(spans: T[]): (row: number) => readonly T[] {
  spans.sort((a, b) => a.top - b.top || a.index - b.index);
  let next = 0;
  const active: T[] = [];
  return (row) => {
    let kept = 0;
    for (const s of active) if (s.bottom >= row) active[kept++] = s;
    active.length = kept;
    while (next < spans.length && (spans[next] as T).top <= row) {
      const s = spans[next++] as T;
      let at = active.length;
      while (at > 0 && (active[at - 1] as T).index > s.index) at--;
      active.splice(at, 0, s);
    }
    return active;
  };
}

interface BlockSpan extends Span { readonly row: number; readonly col: number; readonly values: readonly (readonly PlanValue[])[] }
interface StyleSpan extends Span { readonly left: number; readonly right: number; readonly own: number }

/**
 * The sheet row by row, in order, without first building every cell (a 30,000-row Cabinet has
 * ~80,000 style ranges and ~330,000 cells). Style ranges apply in plan order, later ones winning
 * property by property; merged styles are interned by content, so each distinct style is built
 * once however many ranges produce it.
 */
export function planRows(sheet: SheetPlan): PlanRows {
  const merged: CellStyle[] = [{}];
  const idByKey = new Map<string, number>([['{}', 0]]);
  // Most ranges share a style object (a row style, a column's format): its id without a JSON key.
  const idByObject = new Map<CellStyle, number>();
  const intern = (s: CellStyle): number => {
    let id = idByObject.get(s);
    if (id !== undefined) return id;
    const key = JSON.stringify(s);
    id = idByKey.get(key);
    if (id === undefined) {
      id = merged.length;
      merged.push(s);
      idByKey.set(key, id);
    }
    idByObject.set(s, id);
    return id;
  };
  // (current id, next range's own id) → merged id: a few distinct pairs for any number of cells.
  const steps: number[][] = [];
  const apply = (current: number, own: number): number => {
    const from = (steps[current] ??= []);
    let id = from[own];
    if (id === undefined) from[own] = id = intern({ ...merged[current], ...merged[own] });
    return id;
  };
  // By row number: every row of a Cabinet sheet has a height, looked up once per row.
  const heights: (number | undefined)[] = [];
  let last = 0;
  for (const h of sheet.rowHeights ?? []) {
    heights[h.row] = h.height;
    last = Math.max(last, h.row);
  }
  const breaks = new Set(sheet.print?.rowBreaks ?? []);
  const blocks: BlockSpan[] = sheet.cells.map((b, index) => ({ top: b.row, bottom: b.row + b.values.length - 1, index, row: b.row, col: b.col, values: b.values }));
  const styles: StyleSpan[] = sheet.styles.map((s, index) => ({ top: s.range.top, bottom: s.range.bottom, left: s.range.left, right: s.range.right, index, own: intern(s.style) }));
  for (const b of blocks) last = Math.max(last, b.bottom);
  for (const s of styles) last = Math.max(last, s.bottom);
  for (const r of breaks) last = Math.max(last, r);

  function* rows(): Generator<PlanRow> {
    const blocksAt = sweep(blocks.slice());
    const stylesAt = sweep(styles.slice());
    // Per column of the row being built: its value (undefined: none) and merged style id (-1: none).
    const valueOf: (PlanValue | undefined)[] = [];
    const styleOf: number[] = [];
    const out = { row: 0, count: 0, cols: [] as number[], values: [] as PlanValue[], styles: [] as (number | undefined)[], height: undefined as number | undefined, pageBreak: false };
    for (let r = 1; r <= last; r++) {
      let lo = Infinity;
      let hi = 0;
      for (const b of blocksAt(r)) {
        const line = b.values[r - b.row];
        if (!line) continue;
        for (let j = 0; j < line.length; j++) {
          const v = line[j] as PlanValue;
          if (v === null) continue;
          const c = b.col + j;
          valueOf[c] = v;
          if (c < lo) lo = c;
          if (c > hi) hi = c;
        }
      }
      for (const s of stylesAt(r)) {
        for (let c = s.left; c <= s.right; c++) {
          const current = styleOf[c];
          styleOf[c] = apply(current === undefined || current < 0 ? 0 : current, s.own);
        }
        if (s.left < lo) lo = s.left;
        if (s.right > hi) hi = s.right;
      }
      let n = 0;
      for (let c = lo; c <= hi; c++) {
        const v = valueOf[c];
        const st = styleOf[c];
        const styled = st !== undefined && st >= 0;
        if (v === undefined && !styled) continue;
        out.cols[n] = c;
        out.values[n] = v ?? null;
        out.styles[n] = styled ? st : undefined;
        n++;
        valueOf[c] = undefined;
        if (styled) styleOf[c] = -1;
      }
      const height = heights[r];
      const pageBreak = breaks.has(r);
      if (n === 0 && height === undefined && !pageBreak) continue;
      out.row = r;
      out.count = n;
      out.height = height;
      out.pageBreak = pageBreak;
      yield out;
    }
  }
  return { style: (id) => merged[id] ?? {}, rows };
}
