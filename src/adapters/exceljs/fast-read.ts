import type JSZip from 'jszip';
import { gridFromCells, MAX_COLS, type CellValue, type Grid, type PlacedCell } from '../../core/grid';
import type { DefinedName } from '../../core/product-sheet';
import { attributes, decodeXml, element, findTag, itemText, sharedStrings } from './xml-scan';

export { decodeXml } from './xml-scan';

/**
 * Values-only .xlsx reader: the same Grids as ExcelJS's full load gives through read.ts, from the
 * parts that hold values (workbook, rels, shared strings, number formats, sheetData, mergeCells),
 * scanned with indexOf instead of a SAX parse of every part. Anything it does not expect makes it
 * answer undefined, and read.ts falls back to ExcelJS, so odd files keep ExcelJS's behaviour and errors.
 */
export interface FastWorkbook {
  readonly names: readonly string[];
  /** The workbook's defined names (`<definedNames>`), each scoped one with its sheet. */
  readonly definedNames: readonly DefinedName[];
  /** The sheet at `index` (tab order), or undefined when this reader cannot read it. */
  grid(index: number): Promise<Grid | undefined>;
}

const DAY_MS = 86_400_000;
// ExcelJS's own built-in number formats (ids it does not list give no format, as in ExcelJS).
const BUILT_IN: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm',
  21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};
/** Number format of each cellXfs index (undefined for General), as ExcelJS resolves it. */
function cellFormats(xml: string): (string | undefined)[] {
  const custom = new Map<number, string>();
  const nf = findTag(xml, 'numFmts', 0);
  const nfEnd = nf < 0 ? -1 : xml.indexOf('</numFmts>', nf);
  for (let i = nf < 0 ? -1 : findTag(xml, 'numFmt', nf + 8, nfEnd); i >= 0;) {
    // A format code may hold a raw '>' ([>=100]0), so the tag ends at the first '>' outside quotes.
    const m = /^<numFmt((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/.exec(xml.slice(i, i + 2000));
    if (!m) break;
    const a = attributes(m[1] ?? '');
    custom.set(parseInt(a.numFmtId ?? '', 10), a.formatCode ?? '');
    i = findTag(xml, 'numFmt', i + m[0].length, nfEnd);
  }
  const out: (string | undefined)[] = [];
  const xfs = findTag(xml, 'cellXfs', 0);
  const xfsEnd = xfs < 0 ? -1 : xml.indexOf('</cellXfs>', xfs);
  for (let i = xfs < 0 ? -1 : findTag(xml, 'xf', xfs, xfsEnd); i >= 0;) {
    const gt = xml.indexOf('>', i);
    const id = parseInt(attributes(xml.slice(i + 3, gt)).numFmtId ?? '', 10);
    out.push(id ? custom.get(id) || BUILT_IN[id] : undefined);
    i = findTag(xml, 'xf', gt, xfsEnd);
  }
  return out;
}

/** ExcelJS's test for a date format: y m d h s b outside quotes and brackets. */
export function isDateFormat(fmt: string | undefined): boolean {
  return fmt ? /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '')) : false;
}

/** A serial as ExcelJS's Date round trip leaves it: rounded to the millisecond. */
function dateSerial(v: number, date1904: boolean): CellValue {
  const ms = Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  if (!(Math.abs(ms) <= 8.64e15)) return { error: '#VALUE!' };
  return (ms === 0 ? 0 : ms) / DAY_MS + (date1904 ? 24107 : 25569);
}

function numberValue(text: string, fmt: string | undefined, date1904: boolean): { value: CellValue; date: boolean } {
  const n = parseFloat(text);
  if (isDateFormat(fmt)) return { value: dateSerial(n, date1904), date: true };
  return { value: Number.isFinite(n) ? n : { error: '#NUM!' }, date: false };
}

export async function openFastWorkbook(zip: JSZip): Promise<FastWorkbook | undefined> {
  const text = async (p: string): Promise<string | undefined> => zip.file(p)?.async('string');
  const [workbook, rels] = await Promise.all([text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels')]);
  if (!workbook || !rels || findTag(workbook, 'sheets', 0) < 0) return undefined;
  const targets = new Map<string, { type: string; path: string }>();
  for (let i = findTag(rels, 'Relationship', 0); i >= 0; i = findTag(rels, 'Relationship', i + 13)) {
    const a = attributes(rels.slice(i + 13, rels.indexOf('>', i)));
    const t = a.Target ?? '';
    const path = t.startsWith('/') ? t.slice(1) : `xl/${t}`.replace(/[^/]+\/\.\.\//g, '');
    if (a.Id) targets.set(a.Id, { type: a.Type ?? '', path });
  }
  const partOf = (kind: string): string | undefined => [...targets.values()].find((r) => r.type.endsWith(`/${kind}`))?.path;
  const pr = findTag(workbook, 'workbookPr', 0);
  const flag = pr < 0 ? undefined : attributes(workbook.slice(pr + 11, workbook.indexOf('>', pr))).date1904;
  // ExcelJS takes only "1"; "true" is as valid in OOXML and means the same.
  const date1904 = flag === '1' || flag === 'true';
  const sheets: { name: string; path: string }[] = [];
  for (let i = findTag(workbook, 'sheet', 0); i >= 0; i = findTag(workbook, 'sheet', i + 6)) {
    const a = attributes(workbook.slice(i + 6, workbook.indexOf('>', i)));
    const rid = Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
    const rel = rid === undefined ? undefined : targets.get(rid);
    if (a.name === undefined || !rel || !rel.type.endsWith('/worksheet')) return undefined;
    sheets.push({ name: a.name, path: rel.path });
  }
  const ssPath = partOf('sharedStrings');
  const stPath = partOf('styles');
  const [ss, st] = await Promise.all([ssPath ? text(ssPath) : undefined, stPath ? text(stPath) : undefined]);
  const strings = ss ? sharedStrings(ss) : [];
  const formats = st ? cellFormats(st) : [];
  return {
    names: sheets.map((s) => s.name),
    definedNames: definedNames(workbook, sheets.map((s) => s.name)),
    async grid(index) {
      const sheet = sheets[index];
      const xml = sheet ? await text(sheet.path) : undefined;
      return sheet && xml !== undefined ? scanSheet(xml, sheet.name, { strings, formats, date1904 }) : undefined;
    },
  };
}

/** `<definedName name="…" localSheetId="2">'Cabinet'!$A$1</definedName>` as DefinedNames. */
function definedNames(workbook: string, sheetNames: readonly string[]): DefinedName[] {
  const out: DefinedName[] = [];
  const at = findTag(workbook, 'definedNames', 0);
  if (at < 0) return out;
  const end = workbook.indexOf('</definedNames>', at);
  for (let i = findTag(workbook, 'definedName', at + 13, end < 0 ? workbook.length : end); i >= 0;) {
    const el = element(workbook, 'definedName', i);
    if (!el) break;
    const a = attributes(el.attrs);
    const local = a.localSheetId === undefined ? undefined : sheetNames[parseInt(a.localSheetId, 10)];
    if (a.name !== undefined) out.push({ name: a.name, ref: decodeXml(el.inner ?? ''), ...(local !== undefined ? { scope: local } : {}) });
    i = findTag(workbook, 'definedName', el.end, end < 0 ? workbook.length : end);
  }
  return out;
}

interface Context { strings: (string | null)[]; formats: (string | undefined)[]; date1904: boolean }
/** A cell as ExcelJS holds it: `live` is any type but Null (what makes ExcelJS count its row). */
interface Cell { value: CellValue; live: boolean; format: string | undefined }
interface Row { format: string | undefined; cells: (Cell | undefined)[] }

const styleFormat = (ctx: Context, s: string | undefined): string | undefined => {
  const id = s === undefined ? NaN : parseInt(s, 10);
  return id ? ctx.formats[id] : undefined;
};

function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) n = n * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) n = n * 26 + ch - 96;
    else if (ch !== 36) break;
  }
  return n;
}

/** The value of one `<c>`, or null when ExcelJS would not create the cell, or undefined to give up. */
function readCell(attrs: Record<string, string>, inner: string | undefined, ctx: Context): Cell | null | undefined {
  const t = attrs.t;
  const own = styleFormat(ctx, attrs.s);
  const body = inner ?? '';
  const vAt = findTag(body, 'v', 0);
  const vEl = vAt < 0 ? undefined : element(body, 'v', vAt);
  const v = vEl?.inner ? decodeXml(vEl.inner) : undefined;
  const fAt = findTag(body, 'f', 0);
  const fEl = fAt < 0 ? undefined : element(body, 'f', fAt);
  const formula = fEl !== undefined && (Boolean(fEl.inner) || attributes(fEl.attrs).t !== undefined);
  const cell = (value: CellValue, date = false): Cell => ({ value, live: true, format: own || (date ? 'yyyy-mm-dd' : undefined) });
  if (formula || v !== undefined) {
    if (formula && v === undefined) return cell(null);
    const text = v ?? '';
    switch (t) {
      case 's': {
        if (formula) break;
        const s = ctx.strings[parseInt(text, 10)];
        return s === undefined ? undefined : cell(s);
      }
      // ExcelJS decodes str text a second time (&amp;lt; becomes <); one decode is what the file says.
      case 'str': return cell(text);
      case 'b': return cell(parseInt(text, 10) !== 0);
      case 'e': return cell({ error: text });
      // ExcelJS reads an ISO date cell with parseFloat (2023-09-30 → 2023); Excel means the date.
      case 'd': if (!formula) {
        const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`);
        return cell(Number.isNaN(ms) ? { error: '#VALUE!' } : ms / DAY_MS + (ctx.date1904 ? 24107 : 25569), true);
      }
    }
    const n = numberValue(text, own, ctx.date1904);
    return cell(n.value, n.date);
  }
  if (t === 'inlineStr' && inner !== undefined) {
    const isAt = findTag(body, 'is', 0);
    const isEl = isAt < 0 ? undefined : element(body, 'is', isAt);
    const s = isEl?.inner === undefined ? null : itemText(isEl.inner, false);
    if (s !== null && (s !== '' || findTag(isEl?.inner ?? '', 'r', 0) >= 0)) return cell(s);
  }
  return attrs.s !== undefined && parseInt(attrs.s, 10) ? { value: null, live: false, format: own } : null;
}

function scanSheet(xml: string, name: string, ctx: Context): Grid | undefined {
  const start = findTag(xml, 'sheetData', 0);
  if (start < 0) return undefined;
  const colFormats: (string | undefined)[] = [];
  for (let i = findTag(xml, 'col', 0, start); i >= 0; i = findTag(xml, 'col', i + 4, start)) {
    const a = attributes(xml.slice(i + 4, xml.indexOf('>', i)));
    const f = styleFormat(ctx, a.style);
    if (f) for (let c = Number(a.min); c <= Number(a.max) && c <= MAX_COLS; c++) colFormats[c] = f;
  }
  const data = element(xml, 'sheetData', start);
  if (!data) return undefined;
  const rows = new Map<number, Row>();
  const sd = data.inner ?? '';
  for (let i = findTag(sd, 'row', 0); i >= 0;) {
    const rowEl = element(sd, 'row', i);
    if (!rowEl) return undefined;
    const ra = attributes(rowEl.attrs);
    const r = parseInt(ra.r ?? '', 10);
    if (!(r > 0)) return undefined;
    const row: Row = { format: styleFormat(ctx, ra.s), cells: [] };
    rows.set(r, row);
    const body = rowEl.inner ?? '';
    let prev = 0;
    for (let j = findTag(body, 'c', 0); j >= 0;) {
      const cEl = element(body, 'c', j);
      if (!cEl) return undefined;
      const a = attributes(cEl.attrs);
      const col = a.r === undefined ? (prev > 0 ? prev + 1 : 0) : columnOf(a.r);
      if (!(col > 0)) return undefined;
      const cell = readCell(a, cEl.inner, ctx);
      if (cell === undefined) return undefined;
      if (cell !== null) { row.cells[col - 1] = cell; prev = col; }
      j = findTag(body, 'c', cEl.end);
    }
    i = findTag(sd, 'row', rowEl.end);
  }
  if (!applyMerges(xml, data.end, rows, colFormats)) return undefined;
  return gridOf(name, rows, colFormats);
}

/** Merged ranges: every cell but the top-left becomes an empty Merge cell, as ExcelJS loads them. */
function applyMerges(xml: string, from: number, rows: Map<number, Row>, colFormats: (string | undefined)[]): boolean {
  const at = findTag(xml, 'mergeCells', from);
  if (at < 0) return true;
  const end = xml.indexOf('</mergeCells>', at);
  for (let i = findTag(xml, 'mergeCell', at + 11, end < 0 ? xml.length : end); i >= 0; i = findTag(xml, 'mergeCell', i + 10, end)) {
    const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(attributes(xml.slice(i + 10, xml.indexOf('>', i))).ref ?? '');
    if (!m) return false;
    const [r1, c1, r2, c2] = [Number(m[2]), columnOf(m[1] ?? ''), Number(m[4] ?? m[2]), columnOf(m[3] ?? m[1] ?? '')];
    for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++) {
      let row = rows.get(r);
      if (!row) rows.set(r, (row = { format: undefined, cells: [] }));
      for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) {
        const own = row.cells[c - 1] ?? { value: null, live: false, format: row.format || colFormats[c] };
        const master = r === Math.min(r1, r2) && c === Math.min(c1, c2);
        row.cells[c - 1] = master ? own : { value: null, live: true, format: own.format };
      }
    }
  }
  return true;
}

function gridOf(name: string, rows: Map<number, Row>, colFormats: (string | undefined)[]): Grid {
  const cells: PlacedCell[] = [];
  for (const [r, row] of rows) {
    if (!row.cells.some((x) => x?.live)) continue;
    for (let c = 1; c <= row.cells.length; c++) {
      const x = row.cells[c - 1];
      const value = x ? x.value : null;
      const format = x ? x.format : row.format || colFormats[c];
      if (value !== null || format) cells.push({ r, c, value, format });
    }
  }
  return gridFromCells(name, cells);
}
