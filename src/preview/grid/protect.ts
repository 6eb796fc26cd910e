import type { Rect } from '../../core/address';

/**
 * Univer has no per-cell locked flag (TOOLCHAIN.md "Univer"): Excel's "protected sheet with unlocked
 * entry cells" is emulated with range protection on every area of the sheet except the unlocked cells.
 * This is that complement: disjoint rectangles covering `area` minus `unlocked`, row band by row band.
 */
export function lockedAreas(area: Rect, unlocked: readonly Rect[]): Rect[] {
  const holes = unlocked.filter((u) => u.top <= area.bottom && u.bottom >= area.top && u.left <= area.right && u.right >= area.left);
  const cuts = new Set<number>([area.top, area.bottom + 1]);
  for (const h of holes) { cuts.add(Math.max(h.top, area.top)); cuts.add(Math.min(h.bottom, area.bottom) + 1); }
  const rows = [...cuts].sort((a, b) => a - b);
  const out: Rect[] = [];
  for (let i = 0; i + 1 < rows.length; i++) {
    const top = rows[i] as number;
    const bottom = (rows[i + 1] as number) - 1;
    const open = holes.filter((h) => h.top <= top && h.bottom >= bottom).map((h) => [Math.max(h.left, area.left), Math.min(h.right, area.right)] as const).sort((a, b) => a[0] - b[0]);
    let left = area.left;
    for (const [l, r] of open) {
      if (l > left) out.push({ top, bottom, left, right: l - 1 });
      left = Math.max(left, r + 1);
    }
    if (left <= area.right) out.push({ top, bottom, left, right: area.right });
  }
  // Merge vertically adjacent bands with the same columns, so a plain sheet is a few ranges, not one per row.
  const merged: { top: number; bottom: number; left: number; right: number }[] = [];
  for (const r of out) {
    const above = merged.find((m) => m.bottom + 1 === r.top && m.left === r.left && m.right === r.right);
    if (above) above.bottom = r.bottom;
    else merged.push({ ...r });
  }
  return merged;
}

/** The unlocked cells of a sheet, one rectangle per cell (the fake stores `locked: false` per cell). */
export function unlockedCells(cells: ReadonlyMap<string, { locked?: boolean }>): Rect[] {
  const out: Rect[] = [];
  for (const [key, cell] of cells) {
    if (cell.locked !== false) continue;
    const [row, col] = key.split(',').map(Number) as [number, number];
    out.push({ top: row, bottom: row, left: col, right: col });
  }
  return out;
}
