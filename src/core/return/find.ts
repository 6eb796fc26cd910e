import type { Catalogue } from '../catalogue/schema';
import type { Grid } from '../grid';
import { normaliseHeader, RETURN_SHEET, HEADER } from './layout';
import { readReturn } from './read';
import type { ValidationResult } from './types';
import { validateReturn, type ValidateOptions } from './validate';

const REF = normaliseHeader(HEADER.ref);

/** A sheet that looks like a return: a cell says `Ref`. */
export function hasRefHeader(grid: Grid): boolean {
  return grid.values.some((row) => row.some((v) => typeof v === 'string' && normaliseHeader(v) === REF));
}

/**
 * The sheets of a workbook that look like returns (a cell says `Ref`), the one named `Return`
 * first so a workbook with notes or a copied sheet still validates its real return.
 */
export function findReturnGrids(grids: readonly Grid[]): Grid[] {
  const found = grids.filter(hasRefHeader);
  const isReturn = (g: Grid): boolean => g.sheet.trim().toLowerCase() === RETURN_SHEET.toLowerCase();
  return [...found.filter(isReturn), ...found.filter((g) => !isReturn(g))];
}

/** Read one sheet and check it against the catalogue: what the CLI and the pane both do. */
export function validateGrid(catalogue: Catalogue, grid: Grid, options: ValidateOptions = {}): ValidationResult {
  return validateReturn(catalogue, readReturn(grid), options);
}
