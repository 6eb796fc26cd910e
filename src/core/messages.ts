import type { ConflictReason, HistoryIssue, HistoryIssueCode, Issue, IssueCode, MessageParams } from './issues';
import type { ProductSheetKind } from './product-sheet';
import { peopleDate, plural } from './words';

/**
 * The English text of every issue, kept apart from the rules that raise them (as Zod keeps
 * `locales/en.ts`): a rule says what it found (a code and its parameters), this says it to a
 * performance lead, at the edge, in the place the words will be read.
 */

/**
 * Where the words are read. `full`: a sentence that stands alone (a command-line line, the JSON
 * `message`), so it names the ref first and the cell in brackets. `beside`: next to the ref and the
 * cell in their own columns (the task pane), so it leaves those two out.
 */
export type Place = 'full' | 'beside';

export type { MessageParams };

type MessageFn = (p: MessageParams, w: Place) => string;

const at = (p: MessageParams, w: Place): string => (p.cell && w === 'full' ? ` (${p.cell})` : '');
const of = (p: MessageParams, w: Place): string => (p.ref && w === 'full' ? `${p.ref}: ` : '');
const q = (v: unknown): string => `"${String(v ?? '')}"`;

const CONFLICT_REASONS: Readonly<Record<ConflictReason, string>> = {
  'signed-off': 'it is the only return signed off',
  'first-signed-off': 'it came first of the returns signed off',
  'first-given': 'no return is signed off and it came first',
};

/**
 * Why a conflict's value was used, as a clause after "because" (`it is the only return signed off`):
 * one set of words for the command line, the pane and the Cabinet sheet.
 */
export function conflictReasonText(reason: ConflictReason): string {
  return CONFLICT_REASONS[reason];
}

/** `Used 93.5% from a.xlsx because it is the only return signed off.` (the value as shown, when there is room for it). */
export function conflictSettledText(reason: ConflictReason, file: string, value?: string): string {
  return `Used ${value ? `${value} from ` : ''}${file} because ${conflictReasonText(reason)}.`;
}

function conflictTail(p: MessageParams): string {
  if (!p.given || p.given.length === 0 || !p.chosen) return '';
  const list = p.given.map((g) => `${g.file} ${g.where}: ${g.shown}`).join('; ');
  return ` Given: ${list}. Using ${p.chosen}${p.reason ? ` because ${conflictReasonText(p.reason)}` : ''}.`;
}

export const MESSAGES: Readonly<Record<IssueCode, MessageFn>> = {
  'no-return-sheet': (p) => (p.file ? `No Return sheet found in ${p.file}. The template's sheet is called "Return".` : 'No Return sheet in this workbook: insert a template first, or open the sheet with your return.'),
  'no-header': (p) => `Sheet ${p.sheet ?? ''} has no header row: no cell says "Ref". Keep the template's header row above the indicators.`,
  'missing-column': (p) => `Sheet ${p.sheet ?? ''} has no "${p.column ?? ''}" column. Add it back to the header row; values are read from it.`,
  'duplicate-column': (p) => `There are two "${p.column ?? ''}" columns: ${p.first ?? '?'} and ${p.cell ?? '?'}. Only the first is read; delete or rename the other.`,
  'no-period': () => 'The return does not say which period it is for. Type it next to "Period" above the header, like 2023-24 Q2.',
  'bad-period': (p, w) => `The period ${q(p.shown)}${at(p, w)} is not a period. Write it like 2023-24 Q2 (financial year, then quarter).${p.period ? ` It is read as ${p.period}, as asked.` : ''}`,
  'period-mismatch': (p, w) => p.consolidating
    ? `${p.file ?? 'The return'} is a return for ${p.shown ?? ''}, not ${p.period ?? ''}; its values are left out of this consolidation.`
    : `This return is for ${p.shown ?? ''}${at(p, w)}, not ${p.period ?? ''}: it is checked as ${p.shown ?? ''}, and its values are never used for ${p.period ?? ''}. Check you have the right file, or the right period.`,
  'unknown-ref': (p, w) =>
    p.blankRef
      ? `There is a value${at(p, w)} in a row with no Ref. Put the indicator's Ref in that row, or delete the value.`
      : `${q(p.ref)}${at(p, w)} is not an indicator in the catalogue. Check the Ref against the template; values in this row are ignored.`,
  'duplicate-ref': (p, w) => `${of(p, w)}this indicator appears twice${at(p, w)}; the first row${p.first ? ` (${p.first})` : ''} is used. Delete one of the rows.`,
  missing: (p, w) => `${of(p, w)}no value given${at(p, w)}, and one is due for ${p.period ?? 'this period'}. Enter the actual, or explain in the commentary and ask the BI team.`,
  'not-a-number': (p, w) => `${of(p, w)}the value ${q(p.shown)}${at(p, w)} is not a number. Enter a number${p.expected ? ` (${p.expected})` : ''}, or leave it blank.`,
  'error-value': (p, w) => `${of(p, w)}the cell${at(p, w)} shows the error ${p.shown ?? ''}. Fix the formula or type the value.`,
  'date-value': (p, w) => `${of(p, w)}the cell${at(p, w)} holds a date (${peopleDate(p.shown ?? '')}), not a number. Format the cell as a number and re-enter the value.`,
  'out-of-range': (p, w) => `${of(p, w)}${p.value ?? ''}${at(p, w)} is outside the valid range${p.min !== undefined ? ` from ${p.min}` : ''}${p.max !== undefined ? ` to ${p.max}` : ''}. Check the value and its units.`,
  'percent-as-fraction': (p, w) => `${of(p, w)}${p.value ?? ''}${at(p, w)} looks like a fraction, but the target is ${p.target ?? ''}%. Did you mean ${p.suggestion ?? ''}%? Percentages are entered 0-100.`,
  'fraction-as-percent': (p, w) => `${of(p, w)}the cell${at(p, w)} is formatted as a percentage and shows ${p.value ?? ''}%. Did you mean ${p.suggestion ?? ''}%? Type the number into a plain cell or check the formatting.`,
  'suppressed-not-allowed': (p, w) => `${of(p, w)}${q(p.shown)}${at(p, w)} hides the number, but this indicator is not a count about individuals and is never suppressed. Enter the actual value.`,
  'small-count': (p, w) => `${of(p, w)}${p.value ?? ''}${at(p, w)} is a small count about individuals; it will be shown as <${p.below ?? ''} in the Cabinet paper.`,
  'suppressed-rag-unknown': (p, w) => `${of(p, w)}with the count given as <${p.below ?? ''}${at(p, w)} the RAG cannot be worked out (it depends on the exact number). It is shown as Tracking; give the number to the BI team if a RAG is needed.`,
  'numerator-denominator-mismatch': (p, w) =>
    p.value === undefined || p.value === ''
      ? `${of(p, w)}the Actual is blank, so ${p.derived ?? ''} was worked out from ${p.numerator ?? ''} / ${p.denominator ?? ''}${at(p, w)}. Type the actual to confirm it.`
      : `${of(p, w)}the Actual ${p.value}${at(p, w)} does not match ${p.numerator ?? ''} / ${p.denominator ?? ''}, which gives ${p.derived ?? ''}. Correct the actual, the numerator or the denominator.`,
  'denominator-zero': (p, w) => `${of(p, w)}the denominator${at(p, w)} is 0, so no rate can be worked out. Enter the real denominator, or leave numerator and denominator blank.`,
  'numerator-exceeds-denominator': (p, w) => `${of(p, w)}the numerator ${p.numerator ?? ''} is larger than the denominator ${p.denominator ?? ''}${at(p, w)}, which would be over 100%. Check which way round they are.`,
  'bad-status': (p, w) => `${of(p, w)}${q(p.shown)}${at(p, w)} is not a status. Use On track, At risk, Off track or Complete.`,
  'status-for-quantitative': (p, w) => `${of(p, w)}this indicator takes a number in Actual; the Status ${q(p.shown)}${at(p, w)} is ignored and the RAG comes from the actual.`,
  'commentary-required': (p, w) => `${of(p, w)}the RAG is ${p.status ?? ''}, so a commentary is needed${at(p, w)}: say why and what the effect is.`,
  'action-required': (p, w) => `${of(p, w)}the RAG is ${p.status ?? ''}, so an action is needed${at(p, w)}: say what will be done to recover, by whom and when.`,
  'target-edited': (p, w) => `${of(p, w)}the Target in the sheet${at(p, w)} is ${p.shown ?? ''}, but the catalogue target is ${p.target ?? 'none'}. The catalogue target is used; targets change only through the BI team.`,
  'target-to-be-set': (p, w) => `${of(p, w)}the target is still to be set${at(p, w)}: the catalogue has no target for this indicator for any year, so it is rated Tracking. The BI team sets targets.`,
  'not-due-value': (p, w) => `${of(p, w)}a value is given${at(p, w)} but this indicator is not due in ${p.period ?? 'this period'}. It is not counted this period.`,
  'too-many-decimals': (p, w) => `${of(p, w)}${p.value ?? ''}${at(p, w)} has more decimal places than the ${p.decimals ?? ''} this indicator reports; it will be rounded.`,
  'text-too-long': (p, w) => `${of(p, w)}the ${p.column ?? 'text'}${at(p, w)} is ${p.length ?? ''} characters; keep it under ${p.limit ?? 2000} so it fits the Cabinet paper.`,
  'not-signed-off': (p) => `${p.file ?? p.sheet ?? 'The return'} has not been signed off by a manager.`,
  'edited-after-signoff': (p) => `${p.file ?? p.sheet ?? 'The return'} was changed after it was signed off. Ask the manager to sign it off again.`,
  conflict: (p, w) => `${of(p, w)}returns give different values for this indicator. The BI team must choose one.${conflictTail(p)}`,
  'missing-return': (p, w) => `${of(p, w)}No return received${p.service ? ` from ${p.service}` : ''}${p.period ? ` for ${p.period}` : ''}.${p.ref ? ' This indicator is due and no return gave it.' : ''}`,
  'missing-indicator': (p, w) => `${of(p, w)}this indicator of ${p.service ?? 'the service'} is due in ${p.period ?? 'this period'} but is not in the return. Add its row (the template lists it).`,
  'cell-text-cut': (p, w) => `${of(p, w)}the commentary and action together are ${(p.length ?? 0).toLocaleString('en-GB')} characters, more than the ${(p.limit ?? 32767).toLocaleString('en-GB')} an Excel cell holds; the Cabinet paper shows the start, ending "…(continued in the return)".`,
  'unreadable-file': (p) => `${p.file ?? 'The file'} could not be read as an Excel workbook${p.shown ? ` (${p.shown})` : ''}.`,
  'colours-not-updated': (p) => `The RAG colours were not updated${p.shown ? `: ${p.shown}` : ''}. The findings above still stand.`,
};

/** A rule's finding as words for people: `full` stands alone, `beside` goes next to its ref and cell. */
export function message(code: IssueCode, params: MessageParams = {}, place: Place = 'full'): string {
  const text = MESSAGES[code](params, place).trim();
  return place === 'beside' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/**
 * An issue's text, rendered where it is read from its code and parameters. The issue's own ref and
 * cell are the ones its words name (a rule that says another cell, a duplicate's first row, says it
 * in a parameter of its own).
 */
export function issueText(issue: Pick<Issue, 'code' | 'ref' | 'cell' | 'params'>, options: { readonly place: Place } = { place: 'full' }): string {
  const where = { ...(issue.ref !== undefined ? { ref: issue.ref } : {}), ...(issue.cell !== undefined ? { cell: issue.cell } : {}) };
  return message(issue.code, { ...issue.params, ...where }, options.place);
}

/** The history file's findings (closing a quarter), in the same voice. */
export const HISTORY_MESSAGES: Readonly<Record<HistoryIssueCode, (p: MessageParams) => string>> = {
  'bad-period': (p) => `${q(p.shown)} is not a period like 2024-25 Q2, so nothing was recorded.`,
  'period-closed': (p) => `${p.period ?? 'The period'} was closed on ${p.date ? peopleDate(p.date) : 'an earlier run'}; it is not rewritten unless it is reopened (with a reason).`,
  'nothing-to-reopen': (p) => `${p.period ?? 'The period'} had not been closed, so it is recorded for the first time.`,
  'reopen-without-reason': (p) => `${p.period ?? 'The period'} was reopened without a reason; the revision record is clearer with one.`,
  'closed-with-errors': (p) => `${p.period ?? 'The period'} is recorded with ${plural(p.count ?? 0, 'error')} still in its returns.`,
  'text-actual-dropped': (p) => `${p.ref ?? 'An indicator'}: the actual ${q(p.shown)} is not a number, so ${p.period ?? 'the period'} records no value for it.`,
};

export function historyIssueText(issue: Pick<HistoryIssue, 'code' | 'period' | 'ref' | 'params'>): string {
  return HISTORY_MESSAGES[issue.code]({ ...issue.params, ...(issue.period ? { period: issue.period } : {}), ...(issue.ref ? { ref: issue.ref } : {}) });
}

const PRODUCT_SHEET_WORDS: Readonly<Record<ProductSheetKind, string>> = {
  cabinet: 'a Cabinet sheet',
  trends: 'a Trends sheet of a Cabinet paper',
  dashboard: 'a Dashboard sheet',
  scorecard: 'a Scorecard (consolidation working) sheet',
  catalogue: 'a catalogue table',
};

/** A sheet left out because this product wrote it: `Skipped Cabinet 2024-25 Q2: a Cabinet sheet this tool wrote, not a return.` */
export function skippedSheetText(s: { readonly sheet: string; readonly kind: ProductSheetKind; readonly file?: string }): string {
  return `${s.file ? `${s.file}: skipped` : 'Skipped'} ${s.sheet}: ${PRODUCT_SHEET_WORDS[s.kind]} this tool wrote, not a return.`;
}

/** Why a workbook whose only sheets this product wrote holds no return: `holds no return: its sheets are a Cabinet paper written by scorecard`. */
export function productWorkbookText(kinds: readonly ProductSheetKind[]): string {
  const has = (k: ProductSheetKind): boolean => kinds.includes(k);
  const what = has('cabinet') || has('trends') ? 'a Cabinet paper'
    : has('catalogue') ? 'a catalogue workbook'
    : has('scorecard') ? 'the BI team\'s Scorecard working sheet'
    : 'a Dashboard';
  return `holds no return: its sheets are ${what} written by scorecard`;
}
