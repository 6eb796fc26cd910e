import type { CellStyle, DataValidationPlan, StyleRange } from '../../core/plan/types';
import { overlaps, rect, rectA1, rectSize, union, type Rect } from '../../core/address';

/**
 * A plan's styles and validations, cell by cell, cost one request action each: 10,000 rows of a
 * return would need several syncs. Here equal styles (and equal validations) are gathered into
 * groups, written once per group: over a RangeAreas (ExcelApi 1.9), else once per merged rectangle.
 *
 * Invariant: the workbook ends as if the plan's entries were applied one by one, in order. An
 * entry joins an earlier group with the same key only when no group after that one could touch
 * the same property of the same cells (checked on bounding boxes, so it errs towards more groups).
 */
export interface Group<T> {
  readonly key: string;
  readonly value: T;
  readonly rects: Rect[];
  bbox: Rect;
  readonly props: readonly string[];
}

interface Entry<T> {
  readonly key: string;
  readonly value: T;
  readonly range: Rect;
  readonly props: readonly string[];
}

const SCAN_DEPTH = 64;

function groupInOrder<T>(entries: readonly Entry<T>[]): Group<T>[] {
  const groups: Group<T>[] = [];
  for (const e of entries) {
    const r = e.range;
    let target: Group<T> | undefined;
    for (let i = groups.length - 1; i >= Math.max(0, groups.length - SCAN_DEPTH); i--) {
      const g = groups[i] as Group<T>;
      if (g.key === e.key) {
        target = g;
        break;
      }
      if (overlaps(g.bbox, r) && g.props.some((p) => e.props.includes(p))) break;
    }
    if (target) {
      target.rects.push(r);
      target.bbox = union(target.bbox, r);
    } else groups.push({ key: e.key, value: e.value, rects: [r], bbox: r, props: e.props });
  }
  return groups;
}

/** Format properties of a style (number formats go separately: only a Range, not a RangeAreas, has them). */
export function formatPart(style: CellStyle): CellStyle | undefined {
  const rest: Record<string, unknown> = { ...style };
  delete rest.numFmt;
  return Object.keys(rest).length > 0 ? (rest as CellStyle) : undefined;
}

export function styleGroups(styles: readonly StyleRange[]): Group<CellStyle>[] {
  const entries: Entry<CellStyle>[] = [];
  for (const s of styles) {
    const style = formatPart(s.style);
    if (!style) continue;
    const key = JSON.stringify(Object.entries(style).sort(([a], [b]) => a.localeCompare(b)));
    entries.push({ key, value: style, range: s.range, props: Object.keys(style) });
  }
  return groupInOrder(entries);
}

export function validationGroups(validations: readonly DataValidationPlan[]): Group<DataValidationPlan>[] {
  return groupInOrder(validations.map((v) => {
    const { range, ...rule } = v;
    return { key: JSON.stringify(rule), value: v, range, props: ['dataValidation'] };
  }));
}

/** Fewer, larger rectangles covering the same cells: vertical runs first, then side by side. */
export function mergeRects(rects: readonly Rect[]): Rect[] {
  const pass = (list: Rect[], along: 'row' | 'col'): Rect[] => {
    const [start, end, o1, o2] = along === 'row' ? (['top', 'bottom', 'left', 'right'] as const) : (['left', 'right', 'top', 'bottom'] as const);
    const sorted = [...list].sort((a, b) => a[o1] - b[o1] || a[o2] - b[o2] || a[start] - b[start]);
    const out: Rect[] = [];
    for (const r of sorted) {
      const last = out[out.length - 1];
      if (last && last[o1] === r[o1] && last[o2] === r[o2] && r[start] <= last[end] + 1) out[out.length - 1] = { ...last, [end]: Math.max(last[end], r[end]) };
      else out.push(r);
    }
    return out;
  };
  return pass(pass([...rects], 'row'), 'col');
}

/** Comma-separated addresses for `getRanges`, each list under `maxChars` (Excel rejects about 8,000). */
export function addressLists(rects: readonly Rect[], maxChars = 2000): string[] {
  return joinAddresses(rects.map((r) => rectA1(r)), maxChars);
}

export function joinAddresses(addresses: readonly string[], maxChars = 2000): string[] {
  const lists: string[] = [];
  let current = '';
  for (const a of addresses) {
    if (current && current.length + a.length + 1 > maxChars) {
      lists.push(current);
      current = '';
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) lists.push(current);
  return lists;
}

/** A run of one column's number formats: one value for all, or a column of values (null = leave). */
export interface FormatWrite {
  readonly range: Rect;
  readonly value: string | (string | null)[][];
}

const LARGE = 64;
const MAX_GAP = 16;

/**
 * Number formats of the plan's styles as few writes: small ranges are gathered cell by cell (the
 * last format wins, as in plan order) and written per column run, one value when the run shares
 * it; large ranges are written as one value, after what was gathered before them.
 */
export function formatWrites(styles: readonly StyleRange[]): FormatWrite[] {
  const out: FormatWrite[] = [];
  let pending = new Map<number, Map<number, string>>();
  const flush = (): void => {
    for (const [col, cells] of [...pending].sort((a, b) => a[0] - b[0])) {
      const rows = [...cells.keys()].sort((a, b) => a - b);
      let i = 0;
      while (i < rows.length) {
        let j = i;
        while (j + 1 < rows.length && (rows[j + 1] as number) - (rows[j] as number) <= MAX_GAP) j++;
        const first = rows[i] as number;
        const last = rows[j] as number;
        const column: (string | null)[][] = [];
        for (let r = first; r <= last; r++) column.push([cells.get(r) ?? null]);
        const one = column[0]?.[0];
        const same = column.every((c) => c[0] === one && one !== null);
        out.push({ range: rect(first, col, last, col), value: same && one ? one : column });
        i = j + 1;
      }
    }
    pending = new Map();
  };
  for (const s of styles) {
    const fmt = s.style.numFmt;
    if (fmt === undefined) continue;
    const r = s.range;
    const size = rectSize(r);
    if (size.rows * size.cols > LARGE) {
      flush();
      out.push({ range: r, value: fmt });
      continue;
    }
    for (let c = r.left; c <= r.right; c++) {
      const col = pending.get(c) ?? new Map<number, string>();
      pending.set(c, col);
      for (let row = r.top; row <= r.bottom; row++) col.set(row, fmt);
    }
  }
  flush();
  return out;
}
