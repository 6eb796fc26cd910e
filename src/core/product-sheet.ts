import { splitRef } from './address';
import type { Grid } from './grid';
import { PRODUCT_SHEET_KINDS, type ProductSheetKind } from './product-kind';

/**
 * Sheets this product writes (the Cabinet paper, the BI team's Scorecard working sheet, Trends, the
 * Dashboard, the catalogue tables) carry a marker so no reader takes them for a return: a defined
 * name `_ScorecardSheet_<kind>` (`_<n>` after it when the name is workbook-wide) whose reference
 * points into the sheet. Excel and LibreOffice keep defined names, and Excel rewrites the reference
 * when the sheet is renamed, so the marker survives both and a rename. The return template has none.
 */
export { PRODUCT_SHEET_KINDS, type ProductSheetKind };

export const MARKER_PREFIX = '_ScorecardSheet_';

/** The marker's defined name: `_ScorecardSheet_cabinet_1` (workbook-wide, numbered) or `_ScorecardSheet_cabinet` (scoped to its sheet). */
export function markerName(kind: ProductSheetKind, n?: number): string {
  return `${MARKER_PREFIX}${kind}${n !== undefined ? `_${n}` : ''}`;
}

const MARKER = new RegExp(`^${MARKER_PREFIX}([A-Za-z]+)(?:_\\d+)?$`, 'i');

/** The kind a defined name marks, or undefined when it is not a marker (names are case-insensitive in Excel). */
export function markerKind(name: string): ProductSheetKind | undefined {
  const m = MARKER.exec(name.trim());
  const kind = m?.[1]?.toLowerCase();
  return (PRODUCT_SHEET_KINDS as readonly string[]).includes(kind ?? '') ? (kind as ProductSheetKind) : undefined;
}

/** A defined name as a reader found it: its reference (`'Cabinet 2024-25 Q2'!$A$1`, a leading `=` allowed) and, when scoped to a sheet, that sheet. */
export interface DefinedName {
  readonly name: string;
  readonly ref: string;
  readonly scope?: string;
}

/** The areas of a reference list (`A!$A$1,'B, C'!$A$1`): split at commas outside quoted sheet names. */
function areas(ref: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < ref.length; i++) {
    if (ref[i] === "'") quoted = !quoted;
    else if (ref[i] === ',' && !quoted) {
      out.push(ref.slice(start, i));
      start = i + 1;
    }
  }
  out.push(ref.slice(start));
  return out;
}

/** Each marked sheet (by its name in lower case) and its kind. A marker whose sheet is gone (`#REF!`) marks nothing. */
export function productSheets(names: readonly DefinedName[]): Map<string, ProductSheetKind> {
  const out = new Map<string, ProductSheetKind>();
  for (const n of names) {
    const kind = markerKind(n.name);
    if (!kind) continue;
    for (const ref of areas(n.ref.replace(/^=/, ''))) {
      const sheet = splitRef(ref.trim()).sheet ?? n.scope;
      if (sheet && !sheet.includes('#REF!')) out.set(sheet.toLowerCase(), kind);
    }
  }
  return out;
}

/** The grids with `product` set on each sheet a marker points into. */
export function markProductGrids(grids: readonly Grid[], names: readonly DefinedName[]): Grid[] {
  const marked = productSheets(names);
  if (marked.size === 0) return [...grids];
  return grids.map((g) => {
    const kind = marked.get(g.sheet.toLowerCase());
    return kind ? { ...g, product: kind } : g;
  });
}
