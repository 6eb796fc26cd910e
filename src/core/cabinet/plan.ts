import { rect } from '../address';
import type { HeaderFooterSections, SheetPlan, WorkbookPlan } from '../plan/types';
import { cabinetFingerprint, sheetFingerprintOfPlan } from './fingerprint';
import { cabinetSheetName, PROPERTY, TITLE } from './layout';
import type { CabinetModel } from './model';
import { MARGINS } from './print';
import { changes, closing, conflicts, exceptions, indicatorTable, missing, summary, tableColumns, titleBlock } from './sections';
import { Sheet } from './sheet';
import { peopleDate } from '../words';

/** Excel header/footer text: `&` starts a code, so a literal one is doubled. */
const hf = (s: string): string => s.replace(/&/g, '&&');

/** The running header and footer of every printed page of the Cabinet workbook: period, page X of Y, fingerprint. */
export function paperHeaderFooter(model: Pick<CabinetModel, 'organisation' | 'period' | 'scope'>, fingerprint: string): { header: HeaderFooterSections; footer: HeaderFooterSections } {
  return {
    header: { left: `&8${hf(model.organisation)}`, right: `&8${hf(model.scope ? `${TITLE}, ${model.scope.title}` : TITLE)}` },
    footer: { left: `&8Period ${hf(model.period)}   Page &P of &N`, right: `&7Data fingerprint (SHA-256) ${fingerprint}` },
  };
}

/** What the paper is, for every page's footer: the plan, the catalogue it was checked against, the day it was made. */
export function aboutLine(model: Pick<CabinetModel, 'plan' | 'catalogueVersion' | 'generatedAt'>): string {
  const catalogue = peopleDate(model.catalogueVersion);
  return [
    model.plan,
    catalogue === model.catalogueVersion ? `catalogue version ${catalogue}` : `catalogue of ${catalogue}`,
    ...(model.generatedAt ? [`produced ${peopleDate(model.generatedAt)}`] : []),
  ].filter((p) => p !== '').join(' · ');
}

export interface CabinetPlanOptions {
  readonly password?: string;
}

/**
 * The locked, print-ready Cabinet sheet. Values only: every cell is a number or plain text (text that
 * starts with = + - @ stays text), every cell locked, protection on. Everything shown comes from
 * the model, which has already been through suppression.
 */
export function cabinetPlan(model: CabinetModel, options: CabinetPlanOptions = {}): WorkbookPlan {
  const fingerprint = cabinetFingerprint(model);
  const s = new Sheet(tableColumns(model));
  // Page 1 is the summary (counts, at a glance, data quality); the indicator tables follow, then
  // the exceptions on a page of their own with conflicts and missing returns, the catalogue changes
  // (a page of their own when there are any) and a closing note. The sheet breaks its own pages and
  // writes each table's header row at the top of every page it runs onto: no print titles. On
  // screen the paper's header (title, organisation, period, date) stays frozen above the scroll;
  // freezing down to the table's header would freeze the whole summary page.
  titleBlock(s, model);
  const header = s.row;
  summary(s, model);
  indicatorTable(s, model);
  exceptions(s, model);
  conflicts(s, model);
  missing(s, model);
  changes(s, model);
  closing(s, model);
  const body = s.row;
  s.style(rect(1, 1, body, s.lastCol), { locked: true });
  const paper = paperHeaderFooter(model, fingerprint);
  const sheet: SheetPlan = {
    name: cabinetSheetName(model.period),
    cells: s.cells,
    styles: s.styles,
    columns: s.columns.map((c, i) => ({ col: i + 1, width: c.width })),
    rowHeights: s.heights.map((height, i) => ({ row: i + 1, height })),
    ...(s.merges.length > 0 ? { merges: s.merges } : {}),
    validations: [],
    conditionalFormats: s.cfs,
    freeze: { rows: header, cols: 0 },
    protection: {
      ...(options.password ? { password: options.password } : {}),
      allowSelectLockedCells: true, allowSelectUnlockedCells: true,
      allowFormatColumns: false, allowFormatRows: false, allowSort: false, allowAutoFilter: false,
    },
    print: {
      orientation: 'landscape', paperSize: 'A4', fitToWidth: 1, fitToHeight: 0,
      header: paper.header,
      footer: { ...paper.footer, center: `&7${hf(aboutLine(model))}` },
      printArea: rect(1, 1, body, s.lastCol),
      rowBreaks: s.breaks,
      margins: MARGINS,
    },
    tabColor: '#1F3864',
    marker: 'cabinet',
  };
  return {
    sheets: [sheet],
    properties: {
      title: `${model.organisation} ${TITLE} ${model.scope ? `${model.scope.title} ` : ''}${model.period}`,
      subject: `${TITLE} for ${model.scope?.audience ?? 'Cabinet'}`,
      company: model.organisation,
      keywords: 'scorecard; Cabinet; performance',
      custom: {
        [PROPERTY.fingerprint]: fingerprint,
        [PROPERTY.sheetFingerprint]: sheetFingerprintOfPlan(sheet),
        [PROPERTY.period]: model.period,
        [PROPERTY.catalogueVersion]: model.catalogueVersion,
        [PROPERTY.generated]: model.generatedAt,
      },
    },
  };
}
