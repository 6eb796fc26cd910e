import { rect } from '../address';
import { RAG_STYLE, ragLabel } from '../plan/palette';
import type { PlanValue, StyleRange } from '../plan/types';
import type { RagStatus } from '../rag';
import { peopleDate, plural } from '../words';
import { commentaryText, rowCells, sectionCells } from './cells';
import { COLUMNS, TITLE, TITLE_LABEL, type Column, type ColumnKey } from './layout';
import { WITHHELD_LABEL } from './labels';
import type { CabinetCounts, CabinetModel, CabinetRow } from './model';
import { rowHeightFor } from './print';
import type { Sheet } from './sheet';
import type { CabinetValue } from './value';

export const HEADER_STYLE = { bold: true, wrap: true, fontSize: 9, fill: '#1F3864', fontColor: '#FFFFFF', vAlign: 'top', border: true } as const;
const HEADING_STYLE = { bold: true, fontSize: 11, fill: '#E7E6E6', fontColor: '#0B0C0C', vAlign: 'middle' } as const;
const ROW_STYLE = { border: true, vAlign: 'top', wrap: true, fontSize: 10 } as const;
const NOTE_STYLE = { italic: true, fontSize: 9 } as const;
/** A conflicted row's note: the pale yellow of a value to check. */
const CONFLICT_FILL = '#FFF2CC';
/** Room kept under a heading for the rows it introduces, so it never ends a page alone. */
const KEEP = 60;

/** Columns that only some papers fill: left out when no row has anything in them. */
const OPTIONAL: readonly ColumnKey[] = ['numerator', 'denominator', 'benchmark', 'dirLastYear'];

/**
 * The indicator table's columns for this paper: no column printed empty for data nobody gave, and
 * no Service column: services' names wrap to two or three lines and made every row as tall, so the
 * tables ran to a page more; the data-quality note names the services, and the catalogue keeps them.
 */
export function tableColumns(model: CabinetModel): Column[] {
  const given = new Set<ColumnKey>();
  for (const section of sectionCells(model)) {
    for (const cells of section) {
      for (const key of OPTIONAL) if (cells[key] !== null && cells[key] !== '') given.add(key);
    }
  }
  return COLUMNS.filter((c) => c.key !== 'service' && (!OPTIONAL.includes(c.key) || given.has(c.key)));
}

type Counted = RagStatus | 'Withheld';
interface CountRow { readonly status: Counted; readonly label: string }

/**
 * The summary's rows: every status named (none lumped), each with its symbol so it reads without
 * colour; Blue only where the catalogue uses it, Withheld only when a RAG was withheld.
 */
export function countRows(model: CabinetModel): CountRow[] {
  const statuses: RagStatus[] = [...(model.usesBlue || model.overall.Blue > 0 ? ['Blue' as const] : []), 'Green', 'Amber', 'Red', 'Complete', 'Missing', 'Not due', 'Tracking'];
  return [
    ...statuses.map((s) => ({ status: s, label: ragLabel(s) })),
    ...(model.overall.Withheld > 0 ? [{ status: 'Withheld' as const, label: WITHHELD_LABEL }] : []),
  ];
}

const total = (c: CabinetCounts): number => c.Blue + c.Green + c.Amber + c.Red + c.Complete + c.Missing + c['Not due'] + c.Tracking + c.Withheld;

function heading(s: Sheet, text: string, right?: string): number {
  s.need(KEEP);
  const values: PlanValue[] = [text, ...Array<PlanValue>(s.lastCol - 1).fill(null)];
  if (right !== undefined) values[s.lastCol - 1] = right;
  const r = s.put(values, HEADING_STYLE, { height: 18 });
  if (right !== undefined) s.style(rect(r, s.lastCol), { hAlign: 'right', fontSize: 10 });
  return r;
}

/** A label (first two columns) and a wide wrapped note across the rest of the sheet. */
function noteRow(s: Sheet, label: string, text: string, style: StyleRange['style'] = { fontSize: 10 }): number {
  const from = 3;
  const sum = (ws: readonly number[]): number => ws.reduce((n, w) => n + w, 0);
  const fontSize = style.fontSize ?? 10;
  const height = rowHeightFor([label, text], [sum(s.widths.slice(0, from - 1)), sum(s.widths.slice(from - 1))], fontSize);
  const r = s.put([label, null, text], { ...style, vAlign: 'top', wrap: true }, { height });
  s.style(rect(r, 1), { bold: true });
  s.merge(rect(r, 1, r, from - 1));
  s.merge(rect(r, from, r, s.lastCol));
  return r;
}

/**
 * The title block: the paper's title, then the organisation, the period (labelled: the
 * previous-paper reader and `verify` find it) and the date it was made, as people write dates.
 */
export function titleBlock(s: Sheet, model: CabinetModel): void {
  const title = model.scope?.title ?? TITLE;
  const t = s.put([title], { bold: true, fontSize: 16, vAlign: 'middle' }, { height: 24 });
  s.style(rect(t, 1), { fontColor: '#1F3864' });
  const date = model.generatedAt ? peopleDate(model.generatedAt) : '';
  const r = s.put([model.organisation, null, TITLE_LABEL.period, model.period, null, date === '' ? null : date], { fontSize: 11, vAlign: 'middle' }, { height: 18 });
  s.style(rect(r, 3), { hAlign: 'right' });
  s.style(rect(r, 4), { bold: true });
}

/**
 * Page 1: how the indicators stand, by priority and overall (every status named), one mark per
 * indicator at a glance, and whether the figures can be relied on (the data-quality note).
 */
export function summary(s: Sheet, model: CabinetModel): void {
  s.skip();
  heading(s, 'Summary: how the indicators stand, by priority');
  const statuses = countRows(model);
  const groups = [...model.sections.map((sec) => ({ id: sec.id, counts: sec.counts })), { id: 'Overall', counts: model.overall }];
  // Statuses down the side, a column per priority and one for all: as many priorities as the sheet has columns.
  const per = Math.max(1, s.lastCol - 2);
  for (let at = 0; at < groups.length; at += per) {
    const chunk = groups.slice(at, at + per);
    const head = s.put(['Status', null, ...chunk.map((g) => g.id)], { bold: true, fontSize: 10, fill: '#DEE0E2', border: true, vAlign: 'middle' }, { height: 16 });
    s.merge(rect(head, 1, head, 2));
    s.style(rect(head, 3, head, 2 + chunk.length), { hAlign: 'right' });
    for (const st of statuses) {
      const r = s.put([st.label, null, ...chunk.map((g) => g.counts[st.status])], { fontSize: 10, border: true, vAlign: 'middle' }, { height: 15 });
      s.merge(rect(r, 1, r, 2));
      if (st.status !== 'Withheld') s.style(rect(r, 1), { fill: RAG_STYLE[st.status].fill, fontColor: RAG_STYLE[st.status].fontColor, bold: true });
      s.style(rect(r, 3, r, 2 + chunk.length), { hAlign: 'right', numFmt: '0' });
    }
    const t = s.put(['Total', null, ...chunk.map((g) => total(g.counts))], { fontSize: 10, border: true, bold: true, vAlign: 'middle' }, { height: 15 });
    s.merge(rect(t, 1, t, 2));
    s.style(rect(t, 3, t, 2 + chunk.length), { hAlign: 'right', numFmt: '0' });
  }
  s.put(['Counts are of this quarter\u2019s results. Not due and Tracking are not rated against a target. Direction of travel: \u2191 better, \u2193 worse, \u2192 no change (not up or down).'], NOTE_STYLE, { height: 14 });

  s.skip();
  heading(s, 'At a glance: one mark per indicator rated this quarter');
  for (const sec of model.sections) glanceRow(s, `${sec.id}: ${sec.title}`, sec.counts);
  s.put(['✔ Green   ▲ Amber   ✖ Red   ■ Complete   ? Missing' + (model.usesBlue ? '   ★ Blue' : '')], NOTE_STYLE, { height: 14 });

  s.skip();
  heading(s, `Data quality: the returns behind these figures, ${model.period}`);
  for (const line of model.dataQuality.lines) noteRow(s, line.label, line.text);
  noteRow(s, 'Catalogue changes', model.changes.length === 0
    ? 'None: no indicator or target changed this period.'
    : `${plural(model.changes.length, 'change')} to indicators or targets this period, listed at the end of this paper.`);
}

/** Marks in the order Blue, Green, Amber, Red, Complete, Missing: one per indicator, so lengths compare at a glance. */
function glanceRow(s: Sheet, label: string, c: CabinetCounts): void {
  const order: RagStatus[] = ['Blue', 'Green', 'Amber', 'Red', 'Complete', 'Missing'];
  const marks = order.filter((st) => c[st] > 0).map((st) => RAG_STYLE[st].symbol.repeat(c[st])).join(' ');
  const words = order.filter((st) => c[st] > 0 || st === 'Green' || st === 'Amber' || st === 'Red').map((st) => `${c[st]} ${st}`).join(', ');
  noteRow(s, label, marks === '' ? 'None rated this quarter' : `${marks}   ${words}`, { fontSize: 10 });
}

const NUMERIC = ['target', 'actual', 'numerator', 'denominator', 'benchmark'] as const;
/** rowFormats' keys in the order it sets them (its object's own order), so styles go in as before. */
const FORMATTED = ['actual', 'numerator', 'denominator', 'target', 'benchmark'] as const;
// One style object per kind of cell, shared by every row's ranges: 30,000 rows made ~80,000 objects
// of the same few contents, each then keyed by its JSON to be told apart when rendered.
const RIGHT = { hAlign: 'right' } as const;
const RIGHT_ITALIC = { hAlign: 'right', italic: true } as const;
const CONFLICT_STYLE = { fill: CONFLICT_FILL } as const;
const NUMBER_STYLES = new Map<string, StyleRange['style']>();
function numberStyle(numFmt: string): StyleRange['style'] {
  let style = NUMBER_STYLES.get(numFmt);
  if (!style) NUMBER_STYLES.set(numFmt, (style = { numFmt, hAlign: 'right' }));
  return style;
}

/** Where an indicator row's styled columns are on this sheet (0: left out), asked once per table, not once per row. */
interface RowLayout {
  readonly numeric: readonly (readonly [(typeof NUMERIC)[number], number])[];
  readonly formatted: readonly (readonly [(typeof FORMATTED)[number], number])[];
  readonly commentary: number;
}

function rowLayout(s: Sheet): RowLayout {
  return {
    numeric: NUMERIC.map((k) => [k, s.col(k)] as const).filter(([, c]) => c > 0),
    formatted: FORMATTED.map((k) => [k, s.col(k)] as const).filter(([, c]) => c > 0),
    commentary: s.col('commentary'),
  };
}

/** rowFormats' value for a column: what carries the number format of each number cell. */
function formatted(row: CabinetRow, key: (typeof FORMATTED)[number]): CabinetValue | undefined {
  switch (key) {
    case 'actual': return row.actual;
    case 'numerator': return row.numerator;
    case 'denominator': return row.denominator;
    case 'target': return row.targetValue;
    case 'benchmark': return row.benchmarkValue;
  }
}

function indicatorRow(s: Sheet, row: CabinetRow, layout: RowLayout, full = false, cells = rowCells(row)): number {
  const values = s.line(cells);
  // In full (the exceptions): the commentary cell put in the line, not a copy of the row's cells made to hold it.
  if (full && layout.commentary > 0) values[layout.commentary - 1] = commentaryText(row) || 'No commentary or action given';
  const r = s.put(values, ROW_STYLE);
  // Numeric columns right-aligned whatever they hold (`No target`, a band, `<5`), so figures line up.
  for (const [key, col] of layout.numeric) {
    if (cells[key] !== null && typeof cells[key] !== 'number') s.style(rect(r, col), RIGHT);
  }
  for (const [key, col] of layout.formatted) {
    const v = formatted(row, key);
    if (v === undefined) continue;
    if (v.numFmt && v.value !== undefined) s.style(rect(r, col), numberStyle(v.numFmt));
    else if (v.suppressed) s.style(rect(r, col), RIGHT_ITALIC);
  }
  // The note's words say Conflict; the shading only draws the eye to them.
  if (row.conflict && layout.commentary > 0) s.style(rect(r, layout.commentary), CONFLICT_STYLE);
  return r;
}

function tableHeader(s: Sheet): number {
  return s.header(s.columns.map((c) => c.header), HEADER_STYLE);
}

/** `✔ Green 8 · ▲ Amber 3 · ✖ Red 3 · ? Missing 1`: a priority's counts on its heading, each named. */
export function countsLine(model: CabinetModel, counts: CabinetCounts): string {
  return countRows(model).filter((r) => counts[r.status] > 0 || r.status === 'Green' || r.status === 'Amber' || r.status === 'Red')
    .map((r) => `${r.label} ${counts[r.status]}`).join(' · ');
}

/** The indicator tables, a page on from the summary: the column header, then a block per priority. Returns the header row. */
export function indicatorTable(s: Sheet, model: CabinetModel): number {
  s.newPage();
  const header = tableHeader(s);
  const layout = rowLayout(s);
  const cells = sectionCells(model);
  model.sections.forEach((sec, i) => {
    const first = heading(s, `${sec.id}: ${sec.title}`, countsLine(model, sec.counts));
    const own = cells[i] ?? [];
    sec.rows.forEach((row, j) => indicatorRow(s, row, layout, false, own[j]));
    s.rag(first + 1, s.row);
  });
  s.endTable();
  return header;
}

/** Every Red, with its commentary and action in full, on a page of its own, under its own header row. */
export function exceptions(s: Sheet, model: CabinetModel): void {
  s.skip();
  s.newPage();
  heading(s, 'Exceptions: every indicator shown as Red, with its commentary and action');
  if (model.exceptions.length === 0) {
    s.put(['No indicator is Red this period.'], NOTE_STYLE);
    return;
  }
  const first = tableHeader(s) + 1;
  const layout = rowLayout(s);
  for (const row of model.exceptions) indicatorRow(s, row, layout, true);
  s.endTable();
  s.rag(first, s.row);
}

/** Every indicator returns gave differently: each value given (file, cell, value), which was used and why. */
export function conflicts(s: Sheet, model: CabinetModel): void {
  s.skip();
  heading(s, 'Conflicts: indicators two or more returns gave differently, every value given and which was used');
  if (model.conflicts.length === 0) {
    s.put(['None: no two returns gave different values for the same indicator.'], NOTE_STYLE);
    return;
  }
  s.header(s.line({ ref: 'Ref', indicator: 'Indicator / return and cell', actual: 'Value', rag: 'RAG', dirPrevious: 'Used', dataPeriod: 'Return\u2019s sign-off', commentary: 'How it was settled' }), HEADER_STYLE);
  for (const c of model.conflicts) {
    const top = s.put(s.line({ ref: c.ref, indicator: `${c.title} (${c.service})`, commentary: c.settled }), { ...ROW_STYLE, fill: '#F3F2F1' });
    s.style(rect(top, 1, top, 2), { bold: true });
    for (const v of c.values) {
      const r = s.put(s.line({
        indicator: v.cell ? `${v.file}, ${v.cell}` : v.file, actual: v.actual.value !== undefined ? v.actual.value : (v.actual.text || null),
        rag: v.rag, dirPrevious: v.used ? 'Used' : 'Not used', dataPeriod: v.signOff,
      }), ROW_STYLE);
      if (v.actual.numFmt) s.style(rect(r, s.col('actual')), { numFmt: v.actual.numFmt, hAlign: 'right' });
      else if (v.actual.suppressed) s.style(rect(r, s.col('actual')), { hAlign: 'right', italic: true });
      if (v.used) s.style(rect(r, s.col('dirPrevious')), { bold: true });
    }
    s.rag(top + 1, s.row);
  }
  s.endTable();
}

export function missing(s: Sheet, model: CabinetModel): void {
  s.skip();
  heading(s, 'Missing returns: indicators due this period that no return gave');
  if (model.missing.length === 0) {
    s.put(['None: every indicator due this period was returned.'], NOTE_STYLE);
    return;
  }
  s.header(s.line({ ref: 'Ref', indicator: 'Indicator', commentary: 'Service' }), HEADER_STYLE);
  for (const m of model.missing) s.put(s.line({ ref: m.ref, indicator: m.title, commentary: m.service }), ROW_STYLE);
  s.endTable();
}

/** Catalogue changes since the previous period: a page of their own when there are any. */
export function changes(s: Sheet, model: CabinetModel): void {
  s.skip();
  if (model.changes.length > 0) s.newPage();
  heading(s, 'Catalogue changes since the previous period (changes under delegated authority are marked)');
  if (model.changes.length === 0) {
    s.put(['No changes to indicators or targets this period.'], NOTE_STYLE);
    return;
  }
  s.header(s.line({ ref: 'Ref', indicator: 'Indicator', target: 'Change', actual: 'From', rag: 'To', dirPrevious: 'Date', dataPeriod: 'Delegated', commentary: 'Reason / authority' }), HEADER_STYLE);
  for (const c of model.changes) {
    const r = s.put(s.line({
      ref: c.ref, indicator: c.title || null, target: c.change, actual: c.from || null, rag: c.to || null,
      dirPrevious: peopleDate(c.date), dataPeriod: c.delegated ? 'Yes' : 'No', commentary: `${c.reason}\nAuthority: ${c.authority}`,
    }), ROW_STYLE);
    s.style(rect(r, s.col('actual'), r, s.col('rag')), { hAlign: 'right' });
  }
  s.endTable();
}

/**
 * A closing note for people: what the paper is, where the benchmarks come from, and how a copy is
 * checked. The paper's details (plan, catalogue, date, fingerprint) are in every page's footer.
 */
export function closing(s: Sheet, model: CabinetModel): void {
  s.skip();
  heading(s, 'About this paper');
  const benchmarks = model.sections.flatMap((sec) => sec.rows).filter((r) => r.benchmarkLabel && r.benchmarkValue && s.col('benchmark') > 0);
  const lines: [string, string][] = [
    ['This paper', `${model.scope ? `${model.scope.title}, prepared for ${model.scope.audience}: its indicators only. ` : ''}${model.organisation}, ${model.plan}: the quarter\u2019s results for ${model.period}, from the returns services sent and signed off, checked against the corporate indicator catalogue (${catalogueWords(model.catalogueVersion)}).`],
    ['Small numbers', 'Counts about fewer than a handful of people are shown as <5 (or <N) and never worked out from other figures, to protect the people counted.'],
    ...(model.secondarySuppressed.length > 0 ? [['Secondary suppression', `Some further figures show as Suppressed because, with those beside them (a percentage with its parts, a 12-month figure with its quarters on the Trends sheet), they would reveal a small number. Applied to: ${model.secondarySuppressed.join(', ')}.`] as [string, string]] : []),
    ...(benchmarks.length > 0 ? [['Benchmarks', benchmarks.map((r) => `${r.ref}: ${r.benchmarkLabel ?? ''}`).join('; ')] as [string, string]] : []),
    ['Checking a copy', 'The sheet is locked against accidental edits; that is not security. Every page\u2019s footer carries the data fingerprint: the Business Intelligence team can tell from it whether the figures in a copy are the ones they published.'],
  ];
  for (const [label, text] of lines) noteRow(s, label, text, { fontSize: 9 });
}

function catalogueWords(version: string): string {
  const date = peopleDate(version);
  return date === version ? `version ${version}` : `as at ${date}`;
}
