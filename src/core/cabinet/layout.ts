/**
 * The Cabinet sheet's names: shared by the plan that writes it, the reader of a previous paper and
 * the fingerprint check, so all three find the same cells by header name.
 */
export const CABINET_PREFIX = 'Cabinet';
export const TITLE = 'Corporate Performance Scorecard';

/**
 * Widths in Excel characters, for 10 pt text: about 170 in all, so one page wide on A4 landscape
 * prints at about 84 % (10 pt prints as 8.4 pt). No width is exactly 9: ExcelJS takes 9 for its
 * default and leaves the column out of the file. Numbers never wrap, so Target/Actual/Numerator fit
 * `£12,345.0`, `100.0 days`. Numerator, Denominator, Benchmark and the year-on-year direction are
 * left out of a paper whose rows give none, and Service is not printed (see `tableColumns`).
 */
export const COLUMNS = [
  { key: 'ref', header: 'Ref', width: 6 },
  { key: 'indicator', header: 'Indicator', width: 39.5 },
  { key: 'service', header: 'Service', width: 13.5 },
  { key: 'target', header: 'Target', width: 8.5 },
  { key: 'actual', header: 'Actual', width: 8.5 },
  { key: 'numerator', header: 'Numerator', width: 9.5 },
  { key: 'denominator', header: 'Denominator', width: 10.5 },
  { key: 'rag', header: 'RAG', width: 12.5 },
  { key: 'dirPrevious', header: 'Direction (vs last quarter)', width: 10.5 },
  { key: 'dirLastYear', header: 'Direction (vs last year)', width: 10.5 },
  { key: 'dataPeriod', header: 'Data period', width: 9.5 },
  { key: 'benchmark', header: 'Benchmark', width: 8.5 },
  { key: 'commentary', header: 'Commentary / action', width: 44 },
] as const;
export interface Column { readonly key: ColumnKey; readonly header: string; readonly width: number }
export type ColumnKey = (typeof COLUMNS)[number]['key'];

export function columnOf(key: ColumnKey): number {
  return COLUMNS.findIndex((c) => c.key === key) + 1;
}

/** Title block labels; each value is in the cell after its label. */
export const TITLE_LABEL = {
  organisation: 'Organisation',
  plan: 'Plan',
  period: 'Period',
  generated: 'Generated',
  catalogueVersion: 'Catalogue version',
  fingerprint: 'Data fingerprint',
} as const;

export const PROPERTY = {
  fingerprint: 'ScorecardFingerprint',
  /** Every cell of the sheet but the free text (indicator titles, commentary): see sheetFingerprint. */
  sheetFingerprint: 'ScorecardSheetFingerprint',
  period: 'ScorecardPeriod',
  catalogueVersion: 'ScorecardCatalogueVersion',
  generated: 'ScorecardGenerated',
  /** Ed25519 over both fingerprints (consolidate --sign), base64; see signature.ts. */
  signature: 'ScorecardSignature',
  /** The signing key's id, so verify can say "signed by another key" rather than just "invalid". */
  signingKey: 'ScorecardSigningKey',
} as const;

/** The columns the fingerprint covers, in its order: the data as shown, not the words around it. */
export const FINGERPRINT_COLUMNS: readonly ColumnKey[] = [
  'ref', 'dataPeriod', 'target', 'actual', 'numerator', 'denominator', 'rag', 'dirPrevious', 'dirLastYear',
];

/** `Cabinet 2023-24 Q2`: starts with Cabinet, at most 31 characters, none of []:*?/\ . */
export function cabinetSheetName(period: string): string {
  const clean = `${CABINET_PREFIX} ${period}`.replace(/[[\]:*?/\\]/g, '-').replace(/\s+/g, ' ').trim();
  return clean.slice(0, 31).trim();
}
