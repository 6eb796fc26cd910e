import type { Catalogue } from '../catalogue/schema';
import type { Grid } from '../grid';
import type { ProductSheetKind } from '../product-sheet';
import { normaliseHeader, RETURN_SHEET, HEADER } from './layout';
import { readReturn } from './read';
import type { ValidationResult } from './types';
import { validateReturn, type ValidateOptions } from './validate';

const REF = normaliseHeader(HEADER.ref);

/** A sheet that looks like a return: a cell says `Ref`. */
export function hasRefHeader(grid: Grid): boolean {
  return grid.values.some((row) => row.some((v) => typeof v === 'string' && normaliseHeader(v) === REF));
}

/** A sheet that may be read as a return: it looks like one and carries no product marker. */
export function isReturnGrid(grid: Grid | undefined): grid is Grid {
  return !!grid && !grid.product && hasRefHeader(grid);
}

/** A sheet left out because this product wrote it (a note for people, not an error). */
export interface SkippedSheet {
  readonly sheet: string;
  readonly kind: ProductSheetKind;
}

/**
 * The sheets of a workbook that are returns (a cell says `Ref`, no product marker), the one named
 * `Return` first so a workbook with notes or a copied sheet still validates its real return; and
 * the sheets this product wrote (Cabinet, Scorecard, Trends …), skipped.
 */
export function findReturns(grids: readonly Grid[]): { readonly returns: Grid[]; readonly skipped: SkippedSheet[] } {
  const found = grids.filter(isReturnGrid);
  const isReturn = (g: Grid): boolean => g.sheet.trim().toLowerCase() === RETURN_SHEET.toLowerCase();
  const skipped = grids.flatMap((g) => (g.product ? [{ sheet: g.sheet, kind: g.product }] : []));
  return { returns: [...found.filter(isReturn), ...found.filter((g) => !isReturn(g))], skipped };
}

/** The return sheets of a workbook (findReturns without what it skipped). */
export function findReturnGrids(grids: readonly Grid[]): Grid[] {
  return findReturns(grids).returns;
}

/** Read one sheet and check it against the catalogue: what the CLI and the pane both do. */
export function validateGrid(catalogue: Catalogue, grid: Grid, options: ValidateOptions = {}): ValidationResult {
  return validateReturn(catalogue, readReturn(grid), options);
}
