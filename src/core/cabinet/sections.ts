import { rect } from '../address';
import { RAG_STYLE, ragLabel } from '../plan/palette';
import type { PlanValue, StyleRange } from '../plan/types';
import { commentaryText, rowValues } from './cells';
import { columnOf, COLUMNS, TITLE, TITLE_LABEL, type ColumnKey } from './layout';
import type { CabinetCounts, CabinetModel, CabinetRow } from './model';
import { LAST_COL, WIDTHS, type Sheet } from './sheet';
import { rowHeightFor } from './print';
import { peopleDate } from '../words';

export const HEADER_STYLE = { bold: true, wrap: true, fontSize: 9, fill: '#1F3864', fontColor: '#FFFFFF', vAlign: 'top', border: true } as const;
const HEADING_STYLE = { bold: true, fontSize: 11, fill: '#E7E6E6', fontColor: '#0B0C0C', vAlign: 'middle' } as const;
const ROW_STYLE = { border: true, vAlign: 'top', wrap: true, fontSize: 10 } as const;
const NOTE_STYLE = { italic: true, fontSize: 9 } as const;
/** A conflicted row's note: the pale yellow of a value to check. */
const CONFLICT_FILL = '#FFF2CC';

type Rag = 'Blue' | 'Green' | 'Amber' | 'Red';
interface SummaryColumn { readonly label: string; readonly count: (c: CabinetCounts) => number; readonly status?: Rag }

/** Summary columns; a RAG column is headed by its symbol and name, so it reads without colour. */
export function summaryColumns(model: CabinetModel): SummaryColumn[] {
  const rag = (s: Rag): SummaryColumn => ({ label: ragLabel(s), count: (c) => c[s], status: s });
  return [
    ...(model.usesBlue ? [rag('Blue')] : []),
    rag('Green'), rag('Amber'), rag('Red'),
    { label: 'Other', count: (c) => c.Complete + c.Missing + c.Withheld + (model.usesBlue ? 0 : c.Blue) },
    { label: 'Total', count: (c) => c.Blue + c.Green + c.Amber + c.Red + c.Complete + c.Missing + c.Withheld },
  ];
}

/** `✔ Green 30 · ▲ Amber 8 · ✖ Red 4 · Other 3`: a section's counts in one line, symbols included. */
export function countsLine(model: CabinetModel, counts: CabinetCounts): string {
  return summaryColumns(model).filter((c) => c.label !== 'Total').map((c) => `${c.label} ${c.count(counts)}`).join(' · ');
}

/** One short frozen line: the title, the organisation, the period (labelled, for the previous-paper reader), the overall counts. */
export function titleLine(s: Sheet, model: CabinetModel): void {
  const cells = new Map<ColumnKey, PlanValue>([
    ['ref', model.scope?.title ?? TITLE], ['target', model.organisation], ['rag', TITLE_LABEL.period], ['dirPrevious', model.period],
    ['benchmark', `Overall: ${countsLine(model, model.overall)}`],
  ]);
  const r = s.put(COLUMNS.map((c) => cells.get(c.key) ?? null), { fontSize: 10, vAlign: 'middle' }, { height: 22 });
  s.style(rect(r, 1), { bold: true, fontSize: 12 });
  s.style(rect(r, columnOf('rag')), { bold: true, hAlign: 'right' });
  s.style(rect(r, columnOf('dirPrevious')), { bold: true });
}

/**
 * One line under the title, frozen with it: can these figures be relied on (returns received, signed
 * off, missing, conflicts). The full note follows the indicator table.
 */
export function dataQualityLine(s: Sheet, model: CabinetModel): void {
  const r = s.put([model.dataQuality.headline], { fontSize: 9, vAlign: 'middle' }, { height: 15 });
  s.style(rect(r, 1), { italic: true });
}

function indicatorRow(s: Sheet, row: CabinetRow): number {
  const r = s.put(rowValues(row), ROW_STYLE);
  for (const [key, v] of [['actual', row.actual], ['numerator', row.numerator], ['denominator', row.denominator]] as const) {
    if (v.numFmt) s.style(rect(r, columnOf(key)), { numFmt: v.numFmt, hAlign: 'right' });
    else if (v.suppressed) s.style(rect(r, columnOf(key)), { hAlign: 'right', italic: true });
  }
  // The note's words say Conflict; the shading only draws the eye to them.
  if (row.conflict) s.style(rect(r, columnOf('commentary')), { fill: CONFLICT_FILL });
  return r;
}

function heading(s: Sheet, text: string, right?: string): number {
  const values: PlanValue[] = [text, ...Array<PlanValue>(LAST_COL - 1).fill(null)];
  if (right !== undefined) values[columnOf('commentary') - 1] = right;
  const r = s.put(values, HEADING_STYLE);
  if (right !== undefined) s.style(rect(r, columnOf('commentary')), { hAlign: 'right', fontSize: 10 });
  return r;
}

/** The column header (the frozen, repeated row) and one block per priority. Returns the header row. */
export function indicatorTable(s: Sheet, model: CabinetModel): number {
  const header = s.put(COLUMNS.map((c) => c.header), HEADER_STYLE);
  for (const sec of model.sections) {
    const first = heading(s, `${sec.id}: ${sec.title}`, countsLine(model, sec.counts));
    for (const row of sec.rows) indicatorRow(s, row);
    s.rag(first + 1, s.row);
    s.block(first, 4);
  }
  return header;
}

/** A label and a wide wrapped note across the rest of the sheet. */
function noteRow(s: Sheet, label: string, text: string): void {
  const from = columnOf('service');
  const width = WIDTHS.slice(from - 1).reduce((n, w) => n + w, 0);
  const values: PlanValue[] = [label, null, text];
  const r = s.put(values, { fontSize: 10, vAlign: 'top', wrap: true }, { height: rowHeightFor([text], [width]) });
  s.style(rect(r, 1), { bold: true });
  s.merge(rect(r, 1, r, from - 1));
  s.merge(rect(r, from, r, LAST_COL));
}

/** The data-quality note: how far the figures can be relied on, in the model's words (the pane shows the same). */
export function dataQualityNote(s: Sheet, model: CabinetModel): void {
  s.skip();
  const first = heading(s, `Data quality: the returns behind these figures, ${model.period}`);
  for (const line of model.dataQuality.lines) noteRow(s, line.label, line.text);
  s.block(first, s.row - first + 1);
}

/** Every indicator returns gave differently: each value given (file, cell, value), which was used and why. */
export function conflicts(s: Sheet, model: CabinetModel): void {
  s.skip();
  const first = heading(s, 'Conflicts: indicators two or more returns gave differently, every value given and which was used');
  if (model.conflicts.length === 0) {
    s.put(['None: no two returns gave different values for the same indicator.'], NOTE_STYLE);
    s.block(first, 2);
    return;
  }
  const cell = (values: Partial<Record<ColumnKey, PlanValue>>): PlanValue[] => COLUMNS.map((c) => values[c.key] ?? null);
  s.put(cell({ ref: 'Ref', indicator: 'Indicator / return', service: 'Cell', actual: 'Value', rag: 'RAG', dirPrevious: 'Used', benchmark: 'Return’s sign-off', commentary: 'How it was settled' }), HEADER_STYLE);
  for (const c of model.conflicts) {
    const top = s.put(cell({ ref: c.ref, indicator: c.title, service: c.service, commentary: c.settled }), { ...ROW_STYLE, fill: '#F3F2F1' });
    s.style(rect(top, 1, top, 2), { bold: true });
    for (const v of c.values) {
      const r = s.put(cell({
        indicator: v.file, service: v.cell || null, actual: v.actual.value !== undefined ? v.actual.value : (v.actual.text || null),
        rag: v.rag, dirPrevious: v.used ? 'Used' : 'Not used', benchmark: v.signOff,
      }), ROW_STYLE);
      if (v.actual.numFmt) s.style(rect(r, columnOf('actual')), { numFmt: v.actual.numFmt, hAlign: 'right' });
      else if (v.actual.suppressed) s.style(rect(r, columnOf('actual')), { hAlign: 'right', italic: true });
      if (v.used) s.style(rect(r, columnOf('dirPrevious')), { bold: true });
    }
    s.rag(top + 1, s.row);
  }
  s.block(first, 3 + (model.conflicts[0]?.values.length ?? 0));
}

export function summary(s: Sheet, model: CabinetModel): void {
  s.skip();
  const first = heading(s, 'Summary: RAG counts by priority');
  const cols = summaryColumns(model);
  const head = s.put(['Priority', 'Summary', ...cols.map((c) => c.label)], { ...HEADER_STYLE, fill: '#DEE0E2', fontColor: '#0B0C0C', fontSize: 10 });
  cols.forEach((c, i) => {
    if (c.status) s.style(rect(head, 3 + i), { fill: RAG_STYLE[c.status].fill, fontColor: RAG_STYLE[c.status].fontColor, hAlign: 'center' });
  });
  const line = (values: PlanValue[], bold: boolean): void => {
    const r = s.put(values, { ...ROW_STYLE, bold });
    s.style(rect(r, 3, r, 2 + cols.length), { hAlign: 'center' });
  };
  for (const sec of model.sections) line([sec.id, sec.title, ...cols.map((c) => c.count(sec.counts))], false);
  line(['Overall', 'All priorities', ...cols.map((c) => c.count(model.overall))], true);
  s.put(['Counts exclude indicators Not due or Tracking. Other: Complete, Missing, or a RAG withheld to protect small numbers.'], NOTE_STYLE);
  s.block(first, s.row - first + 1);
}

export function exceptions(s: Sheet, model: CabinetModel): void {
  s.skip();
  const first = heading(s, 'Exceptions: every indicator shown as Red, with its commentary and action');
  if (model.exceptions.length === 0) {
    s.put(['No indicator is Red this period.'], NOTE_STYLE);
    s.block(first, 2);
    return;
  }
  const pick: readonly ColumnKey[] = ['ref', 'indicator', 'service', 'target', 'actual', 'rag', 'commentary'];
  const at = (values: PlanValue[]): PlanValue[] => COLUMNS.map((c, i) => (pick.includes(c.key) ? (values[i] ?? null) : null));
  s.put(at(COLUMNS.map((c) => c.header)), HEADER_STYLE);
  const rows = s.row + 1;
  for (const row of model.exceptions) {
    const values = at(rowValues(row));
    const commentary = commentaryText(row);
    values[columnOf('commentary') - 1] = commentary === '' ? 'No commentary or action given' : commentary;
    const r = s.put(values, ROW_STYLE);
    if (row.actual.numFmt) s.style(rect(r, columnOf('actual')), { numFmt: row.actual.numFmt, hAlign: 'right' });
  }
  s.rag(rows, s.row);
  s.block(first, 3);
}

export function changes(s: Sheet, model: CabinetModel): void {
  s.skip();
  const first = heading(s, 'Catalogue changes since the previous period (changes under delegated authority are marked)');
  if (model.changes.length === 0) {
    s.put(['No changes to indicators or targets this period.'], NOTE_STYLE);
    s.block(first, 2);
    return;
  }
  const cell = (values: Partial<Record<ColumnKey, PlanValue>>): PlanValue[] => COLUMNS.map((c) => values[c.key] ?? null);
  s.put(cell({ ref: 'Ref', indicator: 'Indicator', service: 'Change', target: 'From', actual: 'To', rag: 'Date', dirPrevious: 'Delegated', commentary: 'Reason / authority' }), HEADER_STYLE);
  for (const c of model.changes) {
    s.put(cell({
      ref: c.ref, indicator: c.title || null, service: c.change, target: c.from || null, actual: c.to || null,
      rag: peopleDate(c.date), dirPrevious: c.delegated ? 'Yes' : 'No', commentary: `${c.reason}\nAuthority: ${c.authority}`,
    }), ROW_STYLE);
  }
  s.block(first, 3);
}

export function missing(s: Sheet, model: CabinetModel): void {
  s.skip();
  const first = heading(s, 'Missing returns: indicators due this period that no return gave');
  if (model.missing.length === 0) {
    s.put(['None: every indicator due this period was returned.'], NOTE_STYLE);
  } else {
    s.put(['Ref', 'Indicator', 'Service'], HEADER_STYLE);
    for (const m of model.missing) s.put([m.ref, m.title, m.service], ROW_STYLE);
  }
  s.block(first, 3);
}

/** What this paper is: the title block, at the end so the frozen rows stay short. */
export function about(s: Sheet, model: CabinetModel, fingerprint: string): void {
  s.skip();
  const first = heading(s, `About this paper: ${TITLE}${model.scope ? `, ${model.scope.title}` : ''}`);
  const pairs = ([
    ...(model.scope ? [['Prepared for', `${model.scope.audience}: its indicators only`]] : []),
    [TITLE_LABEL.organisation, model.organisation], [TITLE_LABEL.plan, model.plan], ['Reporting period', model.period],
    [TITLE_LABEL.generated, model.generatedAt ? peopleDate(model.generatedAt) : ''], [TITLE_LABEL.catalogueVersion, model.catalogueVersion],
    [`${TITLE_LABEL.fingerprint} (SHA-256)`, fingerprint],
  ] as [string, string][]).filter(([, value]) => value !== '');
  const style: StyleRange['style'] = { fontSize: 10 };
  for (const [label, value] of pairs) {
    const r = s.put([null, label, null, value], style);
    s.style(rect(r, 2), { bold: true });
  }
  s.put([null, 'Sheet protection stops accidental edits; it is not security. The fingerprint checks a copy: scorecard verify FILE.xlsx'], NOTE_STYLE);
  s.block(first, s.row - first + 1);
}
