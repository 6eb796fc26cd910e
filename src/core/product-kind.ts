/**
 * The kinds of sheet this product writes (core/product-sheet marks them): on their own, with no
 * imports, so the Grid and the sheet plan can name them without an import cycle.
 */
export const PRODUCT_SHEET_KINDS = ['cabinet', 'scorecard', 'trends', 'dashboard', 'catalogue'] as const;
export type ProductSheetKind = (typeof PRODUCT_SHEET_KINDS)[number];
