import { rect } from '../address';
import type { HeaderFooterSections, SheetPlan, WorkbookPlan } from '../plan/types';
import { cabinetFingerprint, sheetFingerprintOfPlan } from './fingerprint';
import { cabinetSheetName, COLUMNS, PROPERTY, TITLE } from './layout';
import type { CabinetModel } from './model';
import { MARGINS, pageBreaks, pageCapacity } from './print';
import { about, changes, conflicts, dataQualityLine, dataQualityNote, exceptions, indicatorTable, missing, summary, titleLine } from './sections';
import { LAST_COL, Sheet, WIDTHS } from './sheet';

/** Excel header/footer text: `&` starts a code, so a literal one is doubled. */
const hf = (s: string): string => s.replace(/&/g, '&&');

/** The running header and footer of every printed page of the Cabinet workbook: period, page X of Y, fingerprint. */
export function paperHeaderFooter(model: Pick<CabinetModel, 'organisation' | 'period' | 'scope'>, fingerprint: string): { header: HeaderFooterSections; footer: HeaderFooterSections } {
  return {
    header: { left: `&8${hf(model.organisation)}`, right: `&8${hf(model.scope ? `${TITLE}, ${model.scope.title}` : TITLE)}` },
    footer: { left: `&8Period ${hf(model.period)}   Page &P of &N`, right: `&7Data fingerprint (SHA-256) ${fingerprint}` },
  };
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
  const s = new Sheet();
  // Only the title line, the one-line data-quality headline and the column header are frozen (not
  // a title block and a summary): the full data-quality note, the summary and the paper's details
  // follow the table.
  titleLine(s, model);
  dataQualityLine(s, model);
  const header = indicatorTable(s, model);
  dataQualityNote(s, model);
  summary(s, model);
  exceptions(s, model);
  conflicts(s, model);
  changes(s, model);
  missing(s, model);
  about(s, model, fingerprint);
  const body = s.row;
  s.style(rect(1, 1, body, LAST_COL), { locked: true });
  const rowBreaks = pageBreaks(s.heights, s.blocks, pageCapacity(WIDTHS), header);
  const sheet: SheetPlan = {
    name: cabinetSheetName(model.period),
    cells: s.cells,
    styles: s.styles,
    columns: COLUMNS.map((c, i) => ({ col: i + 1, width: c.width })),
    rowHeights: s.heights.map((height, i) => ({ row: i + 1, height })),
    ...(s.merges.length > 0 ? { merges: s.merges } : {}),
    validations: [],
    conditionalFormats: s.cfs,
    protection: {
      ...(options.password ? { password: options.password } : {}),
      allowSelectLockedCells: true, allowSelectUnlockedCells: true,
      allowFormatColumns: false, allowFormatRows: false, allowSort: false, allowAutoFilter: false,
    },
    freeze: { rows: header, cols: 0 },
    print: {
      orientation: 'landscape', paperSize: 'A4', fitToWidth: 1, fitToHeight: 0,
      repeatRows: { first: header, last: header },
      ...paperHeaderFooter(model, fingerprint),
      printArea: rect(1, 1, body, LAST_COL),
      rowBreaks,
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
