import { effectiveCatalogue } from '../catalogue/effective';
import type { Catalogue, Indicator } from '../catalogue/schema';
import { QUALITATIVE_STATUSES } from '../catalogue/constants';
import { cellA1, rect, type Rect } from '../address';
import { formatPeriod, type Period } from '../period';
import { HEADER, LABEL, RETURN_SHEET } from '../return/layout';
import { ragConditionalFormats } from './palette';
import { numberFormula, ragFormula, ragRuleCells, roundedFormula, scaleFormula, type RagFormulaColumns } from './rag-formula';
import type { CellBlock, ColumnPlan, DataValidationPlan, PlanValue, SheetPlan, StyleRange } from './types';
import { textRowHeights, type RowHeight } from './row-heights';
import { MARGINS } from '../cabinet/print';
import { isDue, decimalsOf, targetFor, targetsToBeSet } from '../catalogue/accessors';
import { entryNumberFormat, TARGET_TO_BE_SET } from '../format';

type ColumnKey = 'ref' | 'indicator' | 'priority' | 'service' | 'unit' | 'polarity' | 'target' | 'actual' | 'status'
  | 'numerator' | 'denominator' | 'rag' | 'commentary' | 'action' | HiddenKey;
type HiddenKey = 'number' | 'scale' | 'rounded' | 'kind' | 'decimals' | 'ruleTarget' | 'amberFrom' | 'amberTo' | 'bandMin' | 'bandMax'
  | 'blue' | 'due' | 'suppressBelow' | 'suppressedRag';

/**
 * The template's columns in order; the last ones are hidden helpers holding `ragRule`'s numbers.
 * Widths (Excel characters, for 10 pt body text and 9 pt headers) make the visible columns about
 * 170 characters, so the return prints one A4 landscape page wide at about 82 % (margins: cabinet/print MARGINS): body text about 8.2 pt.
 * Text columns wrap and rows grow to fit (RETURN_FONT, textRowHeights).
 */
const COLUMNS: readonly { key: ColumnKey; header: string; width: number; hidden?: boolean }[] = [
  { key: 'ref', header: HEADER.ref, width: 11 }, { key: 'indicator', header: HEADER.indicator, width: 28 },
  { key: 'priority', header: 'Priority', width: 7 }, { key: 'service', header: 'Service', width: 11 },
  { key: 'unit', header: 'Unit', width: 7.5 }, { key: 'polarity', header: 'Polarity', width: 9 },
  { key: 'target', header: HEADER.target, width: 9 }, { key: 'actual', header: HEADER.actual, width: 9 },
  { key: 'status', header: HEADER.status, width: 9 }, { key: 'numerator', header: HEADER.numerator, width: 9 },
  { key: 'denominator', header: HEADER.denominator, width: 10 }, { key: 'rag', header: HEADER.rag, width: 8 },
  { key: 'commentary', header: HEADER.commentary, width: 24 }, { key: 'action', header: HEADER.action, width: 20 },
  ...([
    ['number', 'Actual number'], ['scale', 'Actual scale'], ['rounded', 'Rounded actual'], ['kind', 'Rule kind'], ['decimals', 'Rule decimals'], ['ruleTarget', 'Rule target'],
    ['amberFrom', 'Rule amber from'], ['amberTo', 'Rule amber to'], ['bandMin', 'Rule band min'],
    ['bandMax', 'Rule band max'], ['blue', 'Rule blue'], ['due', 'Rule due'],
    ['suppressBelow', 'Rule suppress below'], ['suppressedRag', 'Rule suppressed RAG'],
  ] as const).map(([key, header]) => ({ key: key as ColumnKey, header, width: 10, hidden: true })),
];

/** 1-based column of each template column. */
export const TEMPLATE_COLUMN: Readonly<Record<ColumnKey, number>> = Object.fromEntries(
  COLUMNS.map((c, i) => [c.key, i + 1]),
) as Record<ColumnKey, number>;

/** The cells the RAG formula reads: the display Target is for people, the hidden rule target is compared. */
export const TEMPLATE_FORMULA_COLUMNS: RagFormulaColumns = { ...TEMPLATE_COLUMN, target: TEMPLATE_COLUMN.ruleTarget };

/** Rows of the template: labels from row 3 (label in A, value in B), the header after them. */
export const TEMPLATE_LABEL_ROW = 3;
const LABELS = [LABEL.period, LABEL.service, LABEL.organisation, LABEL.catalogueVersion, LABEL.preparedBy,
  LABEL.ready, LABEL.signedOffBy, LABEL.role, LABEL.signedOffOn, LABEL.fingerprint] as const;
/** Value cells a person types (and the fingerprint, which the add-in writes without unprotecting). */
const TYPED = new Set<string>([LABEL.preparedBy, LABEL.ready, LABEL.signedOffBy, LABEL.role, LABEL.signedOffOn, LABEL.fingerprint]);
export const TEMPLATE_HEADER_ROW = TEMPLATE_LABEL_ROW + LABELS.length + 1;
const LAST_VISIBLE = TEMPLATE_COLUMN.action;

const POLARITY_TEXT: Readonly<Record<string, string>> = {
  higher: 'Higher is better', lower: 'Lower is better', range: 'Within band', none: 'Tracking only',
};

function targetCell(ind: Indicator, year: string): PlanValue {
  const t = targetFor(ind, year);
  if (ind.kind === 'qualitative') return null;
  if (targetsToBeSet(ind)) return TARGET_TO_BE_SET;
  if (t === null) return null;
  return typeof t === 'number' ? t : `${t.min} to ${t.max}`;
}

function indicatorRow(ind: Indicator, cat: Catalogue, period: Period, row: number): PlanValue[] {
  const { target: ruleTarget, ...ruleValues } = ragRuleCells(ind, period, cat.defaults);
  const q = ind.kind === 'qualitative';
  const v: Record<string, PlanValue> = {
    ref: ind.id, indicator: ind.title, priority: ind.priority, service: ind.service,
    unit: q ? 'status' : (ind.unit ?? null), polarity: q ? 'Qualitative' : (POLARITY_TEXT[ind.polarity ?? 'none'] ?? null),
    target: targetCell(ind, period.year), actual: null, status: null, numerator: null, denominator: null,
    rag: { formula: ragFormula(row, TEMPLATE_FORMULA_COLUMNS) }, commentary: null, action: null,
    number: q ? null : { formula: numberFormula(row, TEMPLATE_FORMULA_COLUMNS) },
    scale: q ? null : { formula: scaleFormula(row, TEMPLATE_FORMULA_COLUMNS) },
    rounded: q ? null : { formula: roundedFormula(row, TEMPLATE_FORMULA_COLUMNS) },
    ...ruleValues, ruleTarget,
  };
  return COLUMNS.map((c) => v[c.key] ?? null);
}

function entryValidations(ind: Indicator, row: number): DataValidationPlan[] {
  const col = (k: ColumnKey): Rect => rect(row, TEMPLATE_COLUMN[k]);
  if (ind.kind === 'qualitative') {
    return [{ range: col('status'), rule: { type: 'list', values: QUALITATIVE_STATUSES }, allowBlank: true, errorStyle: 'stop',
      prompt: { title: HEADER.status, message: 'Choose On track, At risk, Off track or Complete.' },
      error: { title: 'Status', message: 'Choose On track, At risk, Off track or Complete.' } }];
  }
  const sb = ind.suppressBelow ?? null;
  const unitWords = ind.unit === 'percent' ? ' (80 means 80%)' : '';
  const limits = `${ind.range?.min ?? 'any'} to ${ind.range?.max ?? 'any'}`;
  const counts = (['numerator', 'denominator'] as const).map((k): DataValidationPlan => ({
    range: col(k), rule: { type: 'decimal', min: 0 }, allowBlank: true, errorStyle: 'warning',
    error: { title: k === 'numerator' ? 'Numerator' : 'Denominator', message: 'Expected a number of 0 or more.' },
  }));
  return [...counts, {
    range: col('actual'), rule: { type: 'decimal', min: ind.range?.min, max: ind.range?.max }, allowBlank: true,
    // Excel's stop style rejects text, so `<5` is only typable behind a warning.
    errorStyle: sb !== null ? 'warning' : 'stop',
    // The title names the column, not the indicator (its Ref is frozen beside it): rows with the
    // same rule then share one validation, which keeps a 10,000-row template to one write.
    prompt: { title: HEADER.actual, message: `A number from ${limits}${unitWords}.${sb !== null ? ` Counts below ${sb}: type <${sb}.` : ''}` },
    error: { title: 'Actual', message: `Expected a number from ${limits}${sb !== null ? ` or <${sb}` : ''}.` },
  }];
}

/** Body text of the Return sheet, in points; the column headers are 9 pt. */
export const RETURN_FONT = 10;
const HEADER_FONT = 9;

/**
 * Every row's height from its text: the title, the labels (wrapped in the Ref column), the header
 * and each indicator row, at least two lines so a short commentary fits as typed. A filled return
 * (sample/fill.ts) is measured again with its commentary and action.
 */
export function returnRowHeights(plan: Pick<SheetPlan, 'cells' | 'styles' | 'columns'>, last: number): RowHeight[] {
  const H = TEMPLATE_HEADER_ROW;
  return [
    { row: 1, height: 19 },
    ...textRowHeights(plan, TEMPLATE_LABEL_ROW, H - 2, RETURN_FONT),
    ...textRowHeights(plan, H, H, HEADER_FONT),
    ...textRowHeights(plan, H + 1, last, RETURN_FONT, 2),
  ];
}

export function templatePlan(full: Catalogue, period: Period, options: { service?: string }): SheetPlan {
  // The period's targets (a year-to-date measure's profile step), as validation will rate them.
  const catalogue = effectiveCatalogue(full, period);
  const asked = options.service?.trim();
  // The catalogue's spelling when it knows the service, as typed otherwise.
  const service = asked && (catalogue.indicators.find((i) => i.service.trim().toLowerCase() === asked.toLowerCase())?.service.trim() ?? asked);
  const priorityOrder = new Map(catalogue.priorities.map((p, i) => [p.id, i]));
  const indicators = catalogue.indicators
    .filter((ind) => isDue(ind, period))
    .filter((ind) => !service || ind.service.trim().toLowerCase() === service.toLowerCase())
    .map((ind, i) => ({ ind, i }))
    .sort((a, b) => (priorityOrder.get(a.ind.priority) ?? 1e9) - (priorityOrder.get(b.ind.priority) ?? 1e9) || a.i - b.i)
    .map(({ ind }) => ind);
  const H = TEMPLATE_HEADER_ROW;
  const first = H + 1;
  const last = Math.max(first, H + indicators.length);
  const labelValue: Record<string, PlanValue> = {
    [LABEL.period]: formatPeriod(period), [LABEL.service]: service || null,
    [LABEL.organisation]: catalogue.organisation, [LABEL.catalogueVersion]: catalogue.version,
  };
  const cells: CellBlock[] = [
    { row: 1, col: 1, values: [[`${catalogue.organisation}: performance return ${formatPeriod(period)}${service ? `, ${service}` : ''}`]] },
    { row: 2, col: 1, values: [['Type in the white cells. RAG updates as you type. Red or Amber needs commentary and an action.']] },
    { row: TEMPLATE_LABEL_ROW, col: 1, values: LABELS.map((l) => [l, labelValue[l] ?? null]) },
    { row: H, col: 1, values: [COLUMNS.map((c) => c.header)] },
  ];
  if (indicators.length > 0) cells.push({ row: first, col: 1, values: indicators.map((ind, i) => indicatorRow(ind, catalogue, period, first + i)) });
  else cells.push({ row: first, col: 1, values: [[null, `No indicators are due in ${formatPeriod(period)}${service ? ` for ${service}` : ''}.`]] });

  const col = TEMPLATE_COLUMN;
  const rows = (k: ColumnKey): Rect => rect(first, col[k], last, col[k]);
  const styles: StyleRange[] = [
    { range: rect(1, 1), style: { bold: true, fontSize: 14 } },
    { range: rect(2, 1), style: { italic: true } },
    { range: rect(TEMPLATE_LABEL_ROW, 1, H - 2, 1), style: { bold: true, wrap: true, fontSize: RETURN_FONT, vAlign: 'top' } },
    { range: rect(TEMPLATE_LABEL_ROW, 2, H - 2, 2), style: { border: true, hAlign: 'left', fontSize: RETURN_FONT, vAlign: 'top' } },
    ...LABELS.flatMap((l, i) => (TYPED.has(l) ? [{ range: rect(TEMPLATE_LABEL_ROW + i, 2), style: { locked: false, fill: '#FFFFFF' } }] : [])),
    // An ISO date reads the same everywhere; the reader gets a serial with a date format.
    { range: rect(TEMPLATE_LABEL_ROW + LABELS.indexOf(LABEL.signedOffOn), 2), style: { numFmt: 'yyyy-mm-dd' } },
    { range: rect(H, 1, H, LAST_VISIBLE), style: { bold: true, fill: '#1D4F91', fontColor: '#FFFFFF', wrap: true, vAlign: 'middle', border: true, fontSize: HEADER_FONT } },
    { range: rect(first, 1, last, LAST_VISIBLE), style: { border: true, vAlign: 'top', fill: '#F3F2F1', fontSize: RETURN_FONT } },
    { range: rows('indicator'), style: { wrap: true } },
    { range: rows('service'), style: { wrap: true } },
    { range: rows('polarity'), style: { wrap: true } },
    { range: rows('commentary'), style: { wrap: true, locked: false, fill: '#FFFFFF' } },
    { range: rows('action'), style: { wrap: true, locked: false, fill: '#FFFFFF' } },
    { range: rows('rag'), style: { bold: true, hAlign: 'center' } },
  ];
  const validations: DataValidationPlan[] = [
    { range: rect(TEMPLATE_LABEL_ROW + LABELS.indexOf(LABEL.ready), 2), rule: { type: 'list', values: ['Yes', 'No'] }, allowBlank: true, errorStyle: 'stop' },
    ...(['commentary', 'action'] as const).map((k): DataValidationPlan => ({
      range: rows(k), rule: { type: 'textLength', max: 2000 }, allowBlank: true, errorStyle: 'stop',
      error: { title: 'Too long', message: 'Keep it to 2,000 characters or fewer.' },
    })),
  ];
  indicators.forEach((ind, i) => {
    const r = first + i;
    const entry: ColumnKey[] = ind.kind === 'qualitative' ? ['status'] : ['actual', 'numerator', 'denominator'];
    for (const k of entry) styles.push({ range: rect(r, col[k]), style: { locked: false, fill: '#FFFFFF' } });
    if (ind.kind === 'quantitative') {
      const fmt = entryNumberFormat(ind.unit, decimalsOf(ind, catalogue.defaults));
      for (const k of ['target', 'actual'] as const) styles.push({ range: rect(r, col[k]), style: { numFmt: fmt } });
    }
    validations.push(...entryValidations(ind, r));
  });
  // The Ref column is as wide as the longest ref (a code of capitals and digits) needs; the labels above it wrap.
  const refWidth = Math.max(COLUMNS[0]?.width ?? 11, ...indicators.map((ind) => Math.ceil((ind.id.length * 1.05 + 2) * 2) / 2));
  const columns: ColumnPlan[] = COLUMNS.map((c, i) => ({ col: i + 1, width: c.key === 'ref' ? refWidth : c.width, ...(c.hidden ? { hidden: true } : {}) }));
  const shape = { cells, styles, columns };
  return {
    name: RETURN_SHEET, cells, styles, columns, validations,
    conditionalFormats: [
      // Formula text: the RAG cell of the first row, column fixed for the Actual rule.
      ...ragConditionalFormats(rows('rag'), cellA1(first, col.rag), 1),
      ...ragConditionalFormats(rows('actual'), cellA1(first, col.rag, { col: true }), 20),
    ],
    protection: { allowSelectLockedCells: true, allowSelectUnlockedCells: true, allowFormatColumns: true, allowFormatRows: true },
    freeze: { rows: H, cols: 2 },
    rowHeights: returnRowHeights(shape, last),
    print: {
      orientation: 'landscape', paperSize: 'A4', fitToWidth: 1, fitToHeight: 0, repeatRows: { first: H, last: H },
      printArea: rect(1, 1, last, LAST_VISIBLE),
      margins: MARGINS,
      footer: { left: `${catalogue.organisation.replace(/&/g, '&&')}: return ${formatPeriod(period)}`, right: 'Page &P of &N' },
    },
    names: [
      { name: 'ReturnPeriod', range: rect(TEMPLATE_LABEL_ROW, 2) },
      { name: 'ReturnFingerprint', range: rect(TEMPLATE_LABEL_ROW + LABELS.indexOf(LABEL.fingerprint), 2) },
    ],
  };
}
