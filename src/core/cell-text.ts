import type { HeaderFooterSections, PlanValue, SheetPlan, WorkbookPlan } from './plan/types';

/**
 * Text Excel always opens. Excel holds at most 32,767 characters in a cell ("Excel specifications
 * and limits") and 255 in a page header or footer; XML 1.0 cannot hold control characters other
 * than tab, line feed and carriage return, lone surrogates, U+FFFE or U+FFFF, so a workbook
 * carrying one is not well-formed and Excel "repairs" it. Every writer passes its plan through
 * safePlan, so whatever a return held, the file written opens.
 */
export const EXCEL_CELL_CHARS = 32_767;
export const EXCEL_HEADER_FOOTER_CHARS = 255;
/** What ends a cell cut at Excel's limit: the reader sees that there is more, and where. */
export const CONTINUED = '…(continued in the return)';

// C0 controls but tab, LF, CR; lone surrogates; the two non-characters XML excludes.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML 1.0 cannot hold. */
export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML, '');
}

/** `text` cut to at most `max` UTF-16 units, never inside a surrogate pair. */
function cutAt(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Text as a cell can hold it: XML-safe and, past Excel's limit, cut with CONTINUED at the end. */
export function excelCellText(text: string): string {
  const safe = xmlSafeText(text);
  return safe.length <= EXCEL_CELL_CHARS ? safe : cutAt(safe, EXCEL_CELL_CHARS - CONTINUED.length) + CONTINUED;
}

/**
 * Sections whose file form (`&L…&C…&R…`, three codes of two characters) fits Excel's 255
 * characters: the longest section is cut first, ending `…`.
 */
export function fitHeaderFooter(sections: HeaderFooterSections): HeaderFooterSections {
  const keys = (['left', 'center', 'right'] as const).filter((k) => sections[k]);
  const out: Record<'left' | 'center' | 'right', string> = { left: '', center: '', right: '' };
  for (const k of keys) out[k] = xmlSafeText(sections[k] ?? '');
  const total = (): number => keys.reduce((n, k) => n + 2 + out[k].length, 0);
  while (total() > EXCEL_HEADER_FOOTER_CHARS) {
    const longest = keys.reduce((a, b) => (out[b].length > out[a].length ? b : a));
    const over = total() - EXCEL_HEADER_FOOTER_CHARS;
    // A trailing lone '&' would start a format code: drop it with the cut.
    out[longest] = `${cutAt(out[longest], Math.max(0, out[longest].length - over - 1)).replace(/&+$/, '')}…`;
  }
  const result: { left?: string; center?: string; right?: string } = {};
  for (const k of keys) result[k] = out[k];
  return result;
}

/** One cell cut at Excel's limit: the sheet, 1-based row and column, and the length it had. */
export interface CutCell { readonly sheet: string; readonly row: number; readonly col: number; readonly length: number }

function safeValue(v: PlanValue, at: () => Omit<CutCell, 'length'>, cut: CutCell[]): PlanValue {
  if (typeof v !== 'string') return v;
  const safe = excelCellText(v);
  if (safe.length < v.length && safe.endsWith(CONTINUED) && xmlSafeText(v).length > EXCEL_CELL_CHARS) cut.push({ ...at(), length: xmlSafeText(v).length });
  return safe;
}

/** A sheet plan every writer can write: cell text and header and footer within Excel's limits. */
export function safeSheetPlan(sheet: SheetPlan, cut: CutCell[] = []): SheetPlan {
  let changed = false;
  // Only a row holding a cut or cleaned text is copied: copying every row of a 30,000-row Cabinet
  // to change none of them was 16 MB of a big run's peak (issue 19).
  const cells = sheet.cells.map((block) => {
    let values: PlanValue[][] | undefined;
    block.values.forEach((row, i) => {
      let copy: PlanValue[] | undefined;
      row.forEach((v, j) => {
        const s = safeValue(v, () => ({ sheet: sheet.name, row: block.row + i, col: block.col + j }), cut);
        if (s !== v) (copy ??= [...row])[j] = s;
      });
      if (copy) (values ??= [...block.values] as PlanValue[][])[i] = copy;
    });
    if (!values) return block;
    changed = true;
    return { ...block, values };
  });
  const print = sheet.print && (sheet.print.header || sheet.print.footer)
    ? { ...sheet.print, ...(sheet.print.header ? { header: fitHeaderFooter(sheet.print.header) } : {}), ...(sheet.print.footer ? { footer: fitHeaderFooter(sheet.print.footer) } : {}) }
    : sheet.print;
  return { ...sheet, cells: changed ? cells : sheet.cells, ...(print ? { print } : {}) };
}

/** The workbook plan with every sheet made safe (safeSheetPlan), and the cells that were cut. */
export function safePlan(plan: WorkbookPlan): { readonly plan: WorkbookPlan; readonly cut: readonly CutCell[] } {
  const cut: CutCell[] = [];
  return { plan: { ...plan, sheets: plan.sheets.map((s) => safeSheetPlan(s, cut)) }, cut };
}
