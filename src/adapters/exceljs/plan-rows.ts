import type { CellStyle, PlanValue, SheetPlan } from '../../core/plan/types';

/** One cell of a plan row: its value (null when only styled) and merged style id (see PlanRows.style). */
export interface PlanCell { readonly col: number; readonly value: PlanValue; readonly style: number | undefined }

export interface PlanRow {
  readonly row: number;
  /** In column order. */
  readonly cells: readonly PlanCell[];
  readonly height?: number;
  readonly pageBreak?: boolean;
}

export interface PlanRows {
  /** The merged style of an id; ids are shared by every cell whose merged style is the same. */
  readonly style: (id: number) => CellStyle;
  readonly rows: () => Generator<PlanRow>;
}

interface Span { readonly top: number; readonly bottom: number; readonly index: number }

/** Spans sorted by top row, then handed out as the rows reach them; a span leaves when passed. */
function sweep<T extends Span>(spans: T[]): (row: number) => readonly T[] {
  spans.sort((a, b) => a.top - b.top || a.index - b.index);
  let next = 0;
  let active: T[] = [];
  return (row) => {
    let changed = false;
    while (next < spans.length && (spans[next]?.top ?? Infinity) <= row) {
      active.push(spans[next++] as T);
      changed = true;
    }
    if (active.some((s) => s.bottom < row)) {
      active = active.filter((s) => s.bottom >= row);
      changed = true;
    }
    if (changed) active.sort((a, b) => a.index - b.index);
    return active;
  };
}

/**
 * The sheet row by row, in order, without first building every cell (a 30,000-row Cabinet has
 * ~80,000 style ranges and ~330,000 cells). Style ranges apply in plan order, later ones winning
 * property by property; merged styles are interned by content, so each distinct style is built
 * once however many ranges produce it.
 */
export function planRows(sheet: SheetPlan): PlanRows {
  const merged: CellStyle[] = [{}];
  const idByKey = new Map<string, number>([['{}', 0]]);
  const intern = (s: CellStyle): number => {
    const key = JSON.stringify(s);
    let id = idByKey.get(key);
    if (id === undefined) {
      id = merged.length;
      merged.push(s);
      idByKey.set(key, id);
    }
    return id;
  };
  const ownId = sheet.styles.map((s) => intern(s.style));
  // (current id, next range's own id) → merged id: a few distinct pairs for any number of cells.
  const steps = new Map<number, Map<number, number>>();
  const apply = (current: number, own: number): number => {
    let from = steps.get(current);
    if (!from) steps.set(current, (from = new Map()));
    let id = from.get(own);
    if (id === undefined) {
      id = intern({ ...merged[current], ...merged[own] });
      from.set(own, id);
    }
    return id;
  };
  const heights = new Map((sheet.rowHeights ?? []).map((h) => [h.row, h.height]));
  const breaks = new Set(sheet.print?.rowBreaks ?? []);
  const blocks = sheet.cells.map((b, index) => ({ top: b.row, bottom: b.row + b.values.length - 1, index, block: b }));
  const styles = sheet.styles.map((s, index) => ({ top: s.range.top, bottom: s.range.bottom, left: s.range.left, right: s.range.right, index }));
  // A loop, not Math.max(...): spreading 80,000 arguments can overflow the stack.
  let last = 0;
  for (const r of [...blocks.map((b) => b.bottom), ...styles.map((s) => s.bottom), ...heights.keys(), ...breaks]) last = Math.max(last, r);

  function* rows(): Generator<PlanRow> {
    const blocksAt = sweep(blocks.map((b) => ({ ...b })));
    const stylesAt = sweep(styles.map((s) => ({ ...s })));
    for (let r = 1; r <= last; r++) {
      const values = new Map<number, PlanValue>();
      for (const { block } of blocksAt(r)) {
        block.values[r - block.row]?.forEach((v, j) => {
          if (v !== null) values.set(block.col + j, v);
        });
      }
      const styled = new Map<number, number>();
      for (const s of stylesAt(r)) {
        const own = ownId[s.index] ?? 0;
        for (let c = s.left; c <= s.right; c++) styled.set(c, apply(styled.get(c) ?? 0, own));
      }
      const height = heights.get(r);
      const pageBreak = breaks.has(r);
      if (values.size === 0 && styled.size === 0 && height === undefined && !pageBreak) continue;
      const cols = [...new Set([...values.keys(), ...styled.keys()])].sort((a, b) => a - b);
      const cells = cols.map((col) => ({ col, value: values.get(col) ?? null, style: styled.get(col) }));
      yield { row: r, cells, ...(height !== undefined ? { height } : {}), ...(pageBreak ? { pageBreak } : {}) };
    }
  }
  return { style: (id) => merged[id] ?? {}, rows };
}
