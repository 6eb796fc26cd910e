import type { Catalogue } from '../../core/catalogue/schema';
import type { Period } from '../../core/period';
import { findReturnGrids, validateGrid } from '../../core/return/find';
import type { PreviousValue } from '../../core/return/validate-row';
import type { Workbook } from '../load';
import { progress, type Context } from '../output';
import { validateAll, type FileResult } from '../returns';

/**
 * validateAll, plus each row's direction of travel from the BI master (`previous`). Without a
 * history it is validateAll itself; a book with no return sheet goes through validateAll for its issue.
 */
export function validateBooks(ctx: Context, catalogue: Catalogue, books: readonly Workbook[], period: Period | undefined, previous?: PreviousValue): FileResult[] {
  if (!previous) return validateAll(ctx, catalogue, books, period);
  const tick = progress(ctx, 'validated', books.length);
  const quiet: Context = { ...ctx, quiet: true };
  const out: FileResult[] = [];
  books.forEach((book, i) => {
    const grids = findReturnGrids(book.sheets);
    if (grids.length === 0) out.push(...validateAll(quiet, catalogue, [book], period));
    for (const grid of grids) {
      const validation = validateGrid(catalogue, grid, { ...(period ? { period } : {}), previous });
      out.push({ file: book.file, validation: { ...validation, issues: validation.issues.map((x) => ({ ...x, file: book.file })) } });
    }
    tick(i + 1);
  });
  return out;
}
