import type { IssueCode } from './issues';

/**
 * The English text of every issue, kept apart from the rules that raise them (as Zod keeps
 * `locales/en.ts`): a rule says what it found, this says it to a performance lead.
 */
export interface MessageParams {
  readonly ref?: string;
  readonly cell?: string;
  readonly sheet?: string;
  readonly file?: string;
  readonly column?: string;
  /** Where the first copy of a duplicated column or ref is. */
  readonly first?: string;
  /** What the cell held, as shown. */
  readonly shown?: string;
  readonly period?: string;
  readonly expected?: string;
  readonly value?: number | string;
  readonly suggestion?: number | string;
  readonly min?: number;
  readonly max?: number;
  readonly below?: number;
  readonly target?: number | string;
  readonly numerator?: number;
  readonly denominator?: number;
  readonly derived?: number | string;
  readonly status?: string;
  readonly length?: number;
  readonly limit?: number;
  readonly service?: string;
  readonly decimals?: number;
  readonly count?: number;
  readonly blankRef?: boolean;
}

type MessageFn = (p: MessageParams) => string;

const at = (p: MessageParams): string => (p.cell ? ` (${p.cell})` : '');
const of = (p: MessageParams): string => (p.ref ? `${p.ref}: ` : '');
const q = (v: unknown): string => `"${String(v ?? '')}"`;

export const MESSAGES: Readonly<Record<IssueCode, MessageFn>> = {
  'no-return-sheet': (p) => `No Return sheet found${p.file ? ` in ${p.file}` : ''}. The template's sheet is called "Return".`,
  'no-header': (p) => `Sheet ${p.sheet ?? ''} has no header row: no cell says "Ref". Keep the template's header row above the indicators.`,
  'missing-column': (p) => `Sheet ${p.sheet ?? ''} has no "${p.column ?? ''}" column. Add it back to the header row; values are read from it.`,
  'duplicate-column': (p) => `There are two "${p.column ?? ''}" columns: ${p.first ?? '?'} and ${p.cell ?? '?'}. Only the first is read; delete or rename the other.`,
  'no-period': () => 'The return does not say which period it is for. Type it next to "Period" above the header, like 2023-24 Q2.',
  'bad-period': (p) => `The period ${q(p.shown)}${at(p)} is not a period. Write it like 2023-24 Q2 (financial year, then quarter).`,
  'period-mismatch': (p) => `The sheet says the period is ${q(p.shown)}${at(p)}, but this return is being checked for ${p.period ?? ''}. The values are taken as ${p.period ?? ''}.`,
  'unknown-ref': (p) =>
    p.blankRef
      ? `There is a value${at(p)} in a row with no Ref. Put the indicator's Ref in that row, or delete the value.`
      : `${q(p.ref)}${at(p)} is not an indicator in the catalogue. Check the Ref against the template; values in this row are ignored.`,
  'duplicate-ref': (p) => `${of(p)}this indicator appears twice${at(p)}; the first row${p.first ? ` (${p.first})` : ''} is used. Delete one of the rows.`,
  missing: (p) => `${of(p)}no value given${at(p)}, and one is due for ${p.period ?? 'this period'}. Enter the actual, or explain in the commentary and ask the BI team.`,
  'not-a-number': (p) => `${of(p)}the value ${q(p.shown)}${at(p)} is not a number. Enter a number${p.expected ? ` (${p.expected})` : ''}, or leave it blank.`,
  'error-value': (p) => `${of(p)}the cell${at(p)} shows the error ${p.shown ?? ''}. Fix the formula or type the value.`,
  'date-value': (p) => `${of(p)}the cell${at(p)} holds a date (${p.shown ?? ''}), not a number. Format the cell as a number and re-enter the value.`,
  'out-of-range': (p) => `${of(p)}${p.value ?? ''}${at(p)} is outside the valid range${p.min !== undefined ? ` from ${p.min}` : ''}${p.max !== undefined ? ` to ${p.max}` : ''}. Check the value and its units.`,
  'percent-as-fraction': (p) => `${of(p)}${p.value ?? ''}${at(p)} looks like a fraction, but the target is ${p.target ?? ''}%. Did you mean ${p.suggestion ?? ''}%? Percentages are entered 0-100.`,
  'fraction-as-percent': (p) => `${of(p)}the cell${at(p)} is formatted as a percentage and shows ${p.value ?? ''}%. Did you mean ${p.suggestion ?? ''}%? Type the number into a plain cell or check the formatting.`,
  'suppressed-not-allowed': (p) => `${of(p)}${q(p.shown)}${at(p)} hides the number, but this indicator is not a count about individuals and is never suppressed. Enter the actual value.`,
  'small-count': (p) => `${of(p)}${p.value ?? ''}${at(p)} is a small count about individuals; it will be shown as <${p.below ?? ''} in the Cabinet paper.`,
  'suppressed-rag-unknown': (p) => `${of(p)}with the count given as <${p.below ?? ''}${at(p)} the RAG cannot be worked out (it depends on the exact number). It is shown as Tracking; give the number to the BI team if a RAG is needed.`,
  'numerator-denominator-mismatch': (p) =>
    p.value === undefined || p.value === ''
      ? `${of(p)}the Actual is blank, so ${p.derived ?? ''} was worked out from ${p.numerator ?? ''} / ${p.denominator ?? ''}${at(p)}. Type the actual to confirm it.`
      : `${of(p)}the Actual ${p.value}${at(p)} does not match ${p.numerator ?? ''} / ${p.denominator ?? ''}, which gives ${p.derived ?? ''}. Correct the actual, the numerator or the denominator.`,
  'denominator-zero': (p) => `${of(p)}the denominator${at(p)} is 0, so no rate can be worked out. Enter the real denominator, or leave numerator and denominator blank.`,
  'numerator-exceeds-denominator': (p) => `${of(p)}the numerator ${p.numerator ?? ''} is larger than the denominator ${p.denominator ?? ''}${at(p)}, which would be over 100%. Check which way round they are.`,
  'bad-status': (p) => `${of(p)}${q(p.shown)}${at(p)} is not a status. Use On track, At risk, Off track or Complete.`,
  'status-for-quantitative': (p) => `${of(p)}this indicator takes a number in Actual; the Status ${q(p.shown)}${at(p)} is ignored and the RAG comes from the actual.`,
  'commentary-required': (p) => `${of(p)}the RAG is ${p.status ?? ''}, so a commentary is needed${at(p)}: say why and what the effect is.`,
  'action-required': (p) => `${of(p)}the RAG is ${p.status ?? ''}, so an action is needed${at(p)}: say what will be done to recover, by whom and when.`,
  'target-edited': (p) => `${of(p)}the Target in the sheet${at(p)} is ${p.shown ?? ''}, but the catalogue target is ${p.target ?? 'none'}. The catalogue target is used; targets change only through the BI team.`,
  'not-due-value': (p) => `${of(p)}a value is given${at(p)} but this indicator is not due in ${p.period ?? 'this period'}. It is not counted this period.`,
  'too-many-decimals': (p) => `${of(p)}${p.value ?? ''}${at(p)} has more decimal places than the ${p.decimals ?? ''} this indicator reports; it will be rounded.`,
  'text-too-long': (p) => `${of(p)}the ${p.column ?? 'text'}${at(p)} is ${p.length ?? ''} characters; keep it under ${p.limit ?? 2000} so it fits the Cabinet paper.`,
  'not-signed-off': (p) => `${p.file ?? p.sheet ?? 'The return'} has not been signed off by a manager.`,
  'edited-after-signoff': (p) => `${p.file ?? p.sheet ?? 'The return'} was changed after it was signed off. Ask the manager to sign it off again.`,
  conflict: (p) => `${of(p)}returns give different values for this indicator. The BI team must choose one.`,
  'missing-return': (p) => `No return received${p.service ? ` from ${p.service}` : ''}${p.period ? ` for ${p.period}` : ''}.`,
  'missing-indicator': (p) => `${of(p)}this indicator of ${p.service ?? 'the service'} is due in ${p.period ?? 'this period'} but is not in the return. Add its row (the template lists it).`,
  'unreadable-file': (p) => `${p.file ?? 'The file'} could not be read${p.shown ? `: ${p.shown}` : ''}.`,
  'colours-not-updated': (p) => `The RAG colours were not updated${p.shown ? `: ${p.shown}` : ''}. The findings above still stand.`,
};

export function message(code: IssueCode, params: MessageParams = {}): string {
  return MESSAGES[code](params);
}
