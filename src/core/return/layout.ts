/**
 * The Return sheet's names: the contract between the template, the reader and people's own sheets.
 * Columns are found by header name (case and surrounding spaces ignored), never by position.
 */
export const RETURN_SHEET = 'Return';

/** Headers the reader understands; everything else is for people. */
export const HEADER = {
  ref: 'Ref',
  actual: 'Actual',
  status: 'Status',
  numerator: 'Numerator',
  denominator: 'Denominator',
  commentary: 'Commentary',
  action: 'Action',
  target: 'Target',
  indicator: 'Indicator',
  rag: 'RAG',
} as const;

/** Labels of cells above the header; the value is in the cell to the right of the label. */
export const LABEL = {
  period: 'Period',
  service: 'Service',
  organisation: 'Organisation',
  catalogueVersion: 'Catalogue version',
  preparedBy: 'Prepared by',
  ready: 'Ready for sign-off',
  signedOffBy: 'Signed off by',
  role: 'Role',
  signedOffOn: 'Signed off on',
  fingerprint: 'Sign-off fingerprint',
} as const;

/** The text a lead types to suppress a small count. */
export const SUPPRESSED_RE = /^\s*<\s*(\d+)\s*$/;

export function normaliseHeader(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}
