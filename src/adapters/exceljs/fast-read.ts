import type JSZip from 'jszip';
import { cellAddress, checkGridExtent, gridExtent, MAX_COLS, MAX_ROWS, type CellValue, type Grid } from '../../core/grid';
import type { DefinedName } from '../../core/product-sheet';
import { scanXml, XmlDoctype, XmlError, type XmlHandler, type XmlTag, type XmlText } from './xml-scan';

/**
 * The .xlsx reader: values, number formats, merges and defined names, as ExcelJS's full load gives
 * them through read.ts, from the package as ECMA-376 defines it. Every part is read with one
 * namespace-aware, well-formedness-checking XML scanner (xml-scan.ts, tested against saxes), so any
 * prefix, CDATA, character reference or optional attribute any conformant writer uses reads the
 * same; parts are found through the package relationships (Part 2), names compared ignoring ASCII case.
 *
 * Resources are bounded (READ_LIMITS): declared and inflated part sizes, cells in a sheet, and the
 * extent from A1 to the last value, so a zip bomb or a stray value in XFD1048576 is refused in
 * seconds with a reason instead of exhausting memory. Anything it cannot read rejects with an Error
 * whose message is one short sentence naming the part or sheet and what is wrong.
 */
export interface FastWorkbook {
  readonly names: readonly string[];
  /** The workbook's defined names (`<definedNames>`), each scoped one with its sheet. */
  readonly definedNames: readonly DefinedName[];
  /** The sheet at `index` (tab order). */
  grid(index: number): Promise<Grid | undefined>;
  /** Custom document properties (docProps/custom.xml), every value as text. */
  properties(): Promise<Record<string, string>>;
}

const MB = 1024 * 1024;
/** What one read may take. A return is a few hundred rows; these leave room for any honest workbook. */
export const READ_LIMITS = {
  /** Inflated size of one XML part. */
  partBytes: 64 * MB,
  /** Inflated size of all the parts one read inflates. */
  totalBytes: 200 * MB,
  /** `<c>` elements in one sheet. */
  cells: 300_000,
  /** Entries in the zip. */
  entries: 20_000,
} as const;

const megabytes = (n: number): string => `${Math.round(n / MB)} MB`;

const MAIN_NS = new Set(['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main', '']);
const REL_NS = new Set(['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships']);

const DAY_MS = 86_400_000;
// ExcelJS's own built-in number formats (ids it does not list give no format, as in ExcelJS).
const BUILT_IN: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm',
  21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Text as an XML parser hands it: line ends normalised, entities and character references decoded. */
export function decodeXml(raw: string): string {
  const s = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e: string) => {
    try {
      if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    } catch { return m; }
    return ENTITIES[e] ?? m;
  });
}

/** Excel's `_xHHHH_` escapes (ST_Xstring, Part 1 §22.9.2.19) undone, as Excel shows the text. */
export function unescapeXstring(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
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

// ---------------------------------------------------------------------------------------------
// The package (Part 2): parts by name ignoring ASCII case, relationships, bounded inflation.

interface Inflation {
  on(event: 'data', f: (chunk: Uint8Array) => void): Inflation;
  on(event: 'error', f: (e: Error) => void): Inflation;
  on(event: 'end', f: () => void): Inflation;
  resume(): Inflation;
  pause(): Inflation;
}
type Entry = JSZip.JSZipObject & { internalStream?: (type: 'uint8array') => Inflation; _data?: { uncompressedSize?: number } };

class Package {
  private readonly parts = new Map<string, Entry>();
  private inflated = 0;
  constructor(zip: JSZip) {
    zip.forEach((_, file) => { if (!file.dir) this.parts.set(file.name.toLowerCase(), file as Entry); });
  }

  has(name: string): boolean {
    return this.parts.has(name.toLowerCase());
  }

  /** The part's bytes through `sink` as they inflate, refused past its declared or actual limit. */
  stream(name: string, sink: (chunk: Uint8Array) => void): Promise<void> {
    const file = this.parts.get(name.toLowerCase());
    if (!file) return Promise.reject(new Error(`${name} is missing from the package`));
    const declared = file._data?.uncompressedSize;
    const tooBig = (): Error => new Error(`${name} inflates to more than ${megabytes(READ_LIMITS.partBytes)}, the most one part of a workbook may hold here`);
    if (typeof declared === 'number' && declared > READ_LIMITS.partBytes) return Promise.reject(tooBig());
    if (typeof file.internalStream !== 'function') {
      return file.async('uint8array').then((b) => {
        const over = this.take(name, b.length, tooBig);
        if (over) throw over;
        sink(b);
      });
    }
    const stream = file.internalStream('uint8array');
    return new Promise<void>((resolve, reject) => {
      let size = 0;
      let done = false;
      const fail = (e: Error): void => {
        if (done) return;
        done = true;
        stream.pause();
        reject(e);
      };
      stream.on('data', (chunk) => {
        if (done) return;
        size += chunk.length;
        const over = size > READ_LIMITS.partBytes ? tooBig() : this.take(name, chunk.length, tooBig);
        if (over) return fail(over);
        try { sink(chunk); } catch (e) { fail(e instanceof Error ? e : new Error(String(e))); }
      });
      stream.on('error', (e) => fail(new Error(`${name} could not be inflated (${e.message.split('\n')[0] ?? 'corrupt'})`)));
      stream.on('end', () => { if (!done) { done = true; resolve(); } });
      stream.resume();
    });
  }

  private take(name: string, n: number, tooBig: () => Error): Error | undefined {
    this.inflated += n;
    if (this.inflated > READ_LIMITS.totalBytes) return new Error(`${name}: the workbook inflates to more than ${megabytes(READ_LIMITS.totalBytes)}, more than any return needs`);
    return n > READ_LIMITS.partBytes ? tooBig() : undefined;
  }

  /**
   * Parse one XML part with `handler`. The part is decoded whole (it is bounded by
   * READ_LIMITS.partBytes) so the scanner can find markup with indexOf instead of going
   * character by character. Its bytes are gathered and decoded once: decoding chunk by chunk and
   * joining the pieces cost twice as much (a 400 KB sheet arrives in 16 KB chunks).
   */
  async parse(name: string, handler: XmlHandler): Promise<void> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let broken: unknown;
    try {
      await this.stream(name, (chunk) => { chunks.push(chunk); size += chunk.length; });
    } catch (e) {
      // A part that stops inflating (corrupt, over a limit, longer than it declared) is still read
      // as far as it got: what the reader refuses in that text is reported first, in document
      // order, as when the part was parsed while it inflated.
      if (chunks.length === 0) throw e;
      broken = e;
    }
    let bytes = chunks.length === 1 ? chunks[0]! : new Uint8Array(size);
    if (chunks.length > 1) {
      let at = 0;
      for (const c of chunks) { bytes.set(c, at); at += c.length; }
    }
    chunks.length = 0;
    // Part 2 allows UTF-8 and UTF-16; UTF-16 carries its byte-order mark (the decoder drops it).
    const label = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
    const text = new TextDecoder(label).decode(bytes);
    bytes = new Uint8Array(0);
    try {
      scanXml(text, handler);
    } catch (e) {
      // Text cut short is not well-formed because the part is broken: the reason is the break.
      if (broken !== undefined && e instanceof XmlError) throw broken;
      if (e instanceof XmlDoctype) throw new Error(`${name} has a DTD, which Office Open XML does not allow`);
      if (e instanceof XmlError) throw new Error(`${name} is not well-formed XML (at ${e.message})`);
      throw e;
    }
    if (broken !== undefined) throw broken;
  }

  /** Relationships of `source` (a part name, '' for the package): Id → type and target part. */
  async relationships(source: string): Promise<Map<string, { type: string; target: string }>> {
    const slash = source.lastIndexOf('/');
    const relsName = `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
    const out = new Map<string, { type: string; target: string }>();
    if (!this.has(relsName)) return out;
    await this.parse(relsName, {
      open(tag) {
        if (tag.local !== 'Relationship') return;
        const a = plain(tag);
        if (a.Id === undefined || a.Target === undefined || a.TargetMode === 'External') return;
        out.set(a.Id, { type: a.Type ?? '', target: resolveTarget(source, a.Target) });
      },
      close() { /* nothing */ },
      text() { /* nothing */ },
    });
    return out;
  }
}

/** Unprefixed attributes of a tag (they are in no namespace), by local name. */
function plain(tag: XmlTag): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of tag.attributes()) if (a.uri === '') out[a.local] = a.value;
  return out;
}

/** A relationship's Target resolved against its source part (Part 2 §9.3): a part name without the leading '/'. */
function resolveTarget(source: string, target: string): string {
  let t = target;
  try { t = decodeURIComponent(t); } catch { /* keep it as written */ }
  const base = t.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

// A part's elements share one namespace string (the scanner's), so the last answer is almost
// always the one: an identity check instead of hashing and comparing a long URI per element.
let lastUri: string | undefined;
let lastIsMain = false;
/** The SpreadsheetML local name of an element, or undefined for another vocabulary's. */
const ours = (tag: XmlTag): string | undefined => {
  const { uri } = tag;
  if (uri !== lastUri) { lastUri = uri; lastIsMain = MAIN_NS.has(uri); }
  return lastIsMain ? tag.local : undefined;
};

// ---------------------------------------------------------------------------------------------
// Workbook, shared strings, styles, custom properties.

type SheetState = 'visible' | 'hidden' | 'veryHidden';
interface SheetRef { name: string; path: string; state: SheetState; opensFirst: boolean }
interface Context { strings: (string | null)[]; formats: (string | undefined)[]; date1904: boolean; dates: Map<string, boolean> }

/** isDateFormat, asked once per format of a workbook rather than once per number (a workbook has a few formats). */
function isDate(ctx: Context, fmt: string | undefined): boolean {
  if (fmt === undefined) return false;
  let date = ctx.dates.get(fmt);
  if (date === undefined) ctx.dates.set(fmt, (date = isDateFormat(fmt)));
  return date;
}

async function readWorkbookPart(pkg: Package, path: string): Promise<{ sheets: { name: string; rid: string | undefined; state: SheetState }[]; date1904: boolean; activeTab: number; names: { name: string; local: string | undefined; ref: string }[] }> {
  const sheets: { name: string; rid: string | undefined; state: SheetState }[] = [];
  let activeTab: number | undefined;
  const names: { name: string; local: string | undefined; ref: string }[] = [];
  let date1904 = false;
  let name: { name: string; local: string | undefined; ref: string } | undefined;
  let root = true;
  await pkg.parse(path, {
    open(tag) {
      const local = ours(tag);
      if (root && local !== 'workbook') throw new Error(`${path} is not a SpreadsheetML workbook (its root is <${tag.name}>)`);
      root = false;
      const a = plain(tag);
      if (local === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      else if (local === 'sheet') {
        const rid = tag.attributes().find((x) => x.local === 'id' && REL_NS.has(x.uri))?.value;
        if (a.name === undefined) throw new Error(`${path} lists a sheet without a name`);
        sheets.push({ name: a.name, rid, state: a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible' });
      } else if (local === 'workbookView' && activeTab === undefined) {
        // Part 1 §18.2.30: the first view's activeTab (default 0) is the sheet the workbook opens on.
        const n = Number(a.activeTab ?? '0');
        activeTab = Number.isInteger(n) && n >= 0 ? n : 0;
      } else if (local === 'definedName' && a.name !== undefined) name = { name: a.name, local: a.localSheetId, ref: '' };
    },
    close(tag) {
      if (ours(tag) === 'definedName' && name) { names.push(name); name = undefined; }
    },
    text(t) { if (name) name.ref += t.value; },
  });
  return { sheets, date1904, activeTab: activeTab ?? 0, names };
}

/** Text of string items (`<si>`): `<t>` and rich runs' `<t>`, phonetic runs left out; null when no `<t>`. */
class StringItem {
  text: string | null = null;
  private inT = false;
  private phonetic = 0;
  open(local: string | undefined): void {
    if (local === 'rPh') this.phonetic++;
    else if (local === 't' && this.phonetic === 0) { this.inT = true; this.text ??= ''; }
  }
  close(local: string | undefined): void {
    if (local === 'rPh') this.phonetic--;
    else if (local === 't') this.inT = false;
  }
  add(t: XmlText): void { if (this.inT) this.text += t.value; }
}

async function readSharedStrings(pkg: Package, path: string): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  let item: StringItem | undefined;
  await pkg.parse(path, {
    open(tag) {
      const local = ours(tag);
      if (local === 'si') item = new StringItem();
      else item?.open(local);
    },
    close(tag) {
      const local = ours(tag);
      if (local === 'si' && item) { out.push(item.text === null ? null : unescapeXstring(item.text)); item = undefined; }
      else item?.close(local);
    },
    text(t) { item?.add(t); },
  });
  return out;
}

/** Number format of each cellXfs index (undefined for General), as ExcelJS resolves it. */
async function readStyles(pkg: Package, path: string): Promise<(string | undefined)[]> {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  const stack: (string | undefined)[] = [];
  await pkg.parse(path, {
    open(tag) {
      const local = ours(tag);
      const parent = stack[stack.length - 1];
      // Only these two elements' attributes are wanted (styles hold fonts, fills, borders… by the hundred).
      if (local === 'numFmt' && parent === 'numFmts') custom.set(parseInt(tag.attr('numFmtId') ?? '', 10), tag.attr('formatCode') ?? '');
      else if (local === 'xf' && parent === 'cellXfs') xfs.push(parseInt(tag.attr('numFmtId') ?? '', 10));
      if (!tag.isSelfClosing) stack.push(local);
    },
    close(tag) { if (!tag.isSelfClosing) stack.pop(); },
    text() { /* nothing */ },
  });
  return xfs.map((id) => (id ? custom.get(id) || BUILT_IN[id] : undefined));
}

async function readCustomProperties(pkg: Package, path: string | undefined): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  if (!path || !pkg.has(path)) return out;
  let current: { name: string; value: string; depth: number } | undefined;
  let depth = 0;
  await pkg.parse(path, {
    open(tag) {
      depth++;
      if (tag.local === 'property') {
        const name = plain(tag).name;
        current = name === undefined ? undefined : { name, value: '', depth };
      }
    },
    close(tag) {
      if (tag.local === 'property' && current) { out[current.name] = current.value; current = undefined; }
      depth--;
    },
    text(t) { if (current && depth === current.depth + 1) current.value += t.value; },
  });
  return out;
}

export async function openFastWorkbook(zip: JSZip): Promise<FastWorkbook> {
  const pkg = new Package(zip);
  const root = await pkg.relationships('');
  const office = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.target;
  const path = office && pkg.has(office) ? office : 'xl/workbook.xml';
  if (!pkg.has(path)) throw new Error('not an .xlsx workbook (no xl/workbook.xml in the zip)');
  const [book, rels] = await Promise.all([readWorkbookPart(pkg, path), pkg.relationships(path)]);
  const partOf = (kind: string): string | undefined => [...rels.values()].find((r) => r.type.endsWith(`/${kind}`))?.target;
  const sheets: SheetRef[] = [];
  for (const [i, s] of book.sheets.entries()) {
    const rel = s.rid === undefined ? undefined : rels.get(s.rid);
    if (!rel) throw new Error(`sheet "${s.name}" has no part in the package`);
    // Chart sheets, dialog sheets and macro sheets hold no cells.
    if (rel.type.endsWith('/worksheet')) sheets.push({ name: s.name, path: rel.target, state: s.state, opensFirst: i === book.activeTab });
  }
  const ssPath = partOf('sharedStrings');
  const stPath = partOf('styles');
  const [strings, formats] = await Promise.all([
    ssPath && pkg.has(ssPath) ? readSharedStrings(pkg, ssPath) : [],
    stPath && pkg.has(stPath) ? readStyles(pkg, stPath) : [],
  ]);
  const tabNames = book.sheets.map((s) => s.name);
  const ctx: Context = { strings, formats, date1904: book.date1904, dates: new Map() };
  return {
    names: sheets.map((s) => s.name),
    definedNames: book.names.map((n) => {
      const scope = n.local === undefined ? undefined : tabNames[parseInt(n.local, 10)];
      return { name: n.name, ref: n.ref, ...(scope !== undefined ? { scope } : {}) };
    }),
    async grid(index) {
      const sheet = sheets[index];
      if (!sheet) return undefined;
      if (!pkg.has(sheet.path)) throw new Error(`sheet "${sheet.name}": its part ${sheet.path} is missing from the package`);
      return readSheet(pkg, sheet, ctx);
    },
    properties: () => readCustomProperties(pkg, [...root.values()].find((r) => r.type.endsWith('/custom-properties'))?.target ?? 'docProps/custom.xml'),
  };
}

// ---------------------------------------------------------------------------------------------
// Worksheets (Part 1 §18.3).

/** A cell as ExcelJS holds it: `live` is any type but Null (what makes ExcelJS count its row). */
/**
 * A row's cells by column, in three arrays rather than an object per cell (a sheet's cells all
 * live until its grid is made, so objects for them were garbage the collector had to carry):
 * `kinds[c]` is undefined where there is no cell, else CELL, with LIVE when ExcelJS would give it
 * a type other than Null (what makes ExcelJS count its row) and FORMULA when it holds one.
 */
interface Row { format: string | undefined; values: CellValue[]; formats: (string | undefined)[]; kinds: number[]; merged?: boolean }
const CELL = 1;
const LIVE = 2;
const FORMULA = 4;
const newRow = (format: string | undefined): Row => ({ format, values: [], formats: [], kinds: [] });

/** parseInt(s, 10), with what cells hold (a few digits: a style, a shared string) read without the general parse. */
export function decimal(s: string): number {
  const n = s.length;
  if (n === 0 || n > 9) return parseInt(s, 10);
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return parseInt(s, 10);
    v = v * 10 + d;
  }
  return v;
}

const styleFormat = (ctx: Context, s: string | undefined): string | undefined => {
  const id = s === undefined ? NaN : decimal(s);
  return id ? ctx.formats[id] : undefined;
};

/** `B12` or `$B$12` as row and column, or undefined when it is not an A1 reference inside Excel's sheet. */
export function cellRef(ref: string): { row: number; col: number } | undefined {
  // What writers write (`B12`) without a regular expression; anything else takes the general path.
  let col = 0;
  let i = 0;
  for (let c = ref.charCodeAt(0); c >= 65 && c <= 90 && i < 3; c = ref.charCodeAt(++i)) col = col * 26 + c - 64;
  if (i > 0) {
    let row = 0;
    let j = i;
    for (let c = ref.charCodeAt(j); c >= 48 && c <= 57 && j - i < 7; c = ref.charCodeAt(++j)) row = row * 10 + c - 48;
    if (j > i && j === ref.length) return row >= 1 && row <= MAX_ROWS && col <= MAX_COLS ? { row, col } : undefined;
  }
  return cellRefGeneral(ref);
}

function cellRefGeneral(ref: string): { row: number; col: number } | undefined {
  const m = /^\s*\$?([A-Za-z]{1,3})\$?([0-9]{1,7})\s*$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of (m[1] ?? '').toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  const row = Number(m[2]);
  return row >= 1 && row <= MAX_ROWS && col >= 1 && col <= MAX_COLS ? { row, col } : undefined;
}

/**
 * The `<c>` being read. One per sheet, reset for each cell: a sheet has thousands of cells and the
 * objects a cell needed (its attributes, its formula flags, a closure naming it) were most of the
 * garbage a read made.
 */
class Pending {
  active = false;
  t: string | undefined = undefined;
  s: string | undefined = undefined;
  v: string | undefined = undefined;
  /** A formula is there when it has text or a type (a shared formula's `<f t="shared" si="0"/>`); its text is never needed. */
  f = false;
  fWritten = false;
  fTyped = false;
  is: StringItem | undefined = undefined;
  capture: 'v' | 'f' | undefined = undefined;
  row = 0;
  col = 0;
  // What cellOf made of the cell.
  value: CellValue = null;
  format: string | undefined = undefined;

  start(t: string | undefined, s: string | undefined, row: number, col: number): void {
    this.active = true;
    this.t = t;
    this.s = s;
    this.v = undefined;
    this.f = false;
    this.fWritten = false;
    this.fTyped = false;
    this.is = undefined;
    this.capture = undefined;
    this.row = row;
    this.col = col;
  }
}

/** A live cell: its value and format left in `p`, its kind returned. */
function liveCell(p: Pending, value: CellValue, format: string | undefined, formula: boolean): number {
  p.value = value;
  p.format = format;
  return formula ? CELL | LIVE | FORMULA : CELL | LIVE;
}

/** The kind of one `<c>` (value and format left in `p`), or 0 when ExcelJS would not create the cell; `here` names the sheet. */
function cellOf(p: Pending, ctx: Context, here: string): number {
  const t = p.t;
  const own = styleFormat(ctx, p.s);
  const v = p.v === '' ? undefined : p.v;
  const formula = p.f && (p.fWritten || p.fTyped);
  if (formula || v !== undefined) {
    if (formula && v === undefined) return liveCell(p, null, own, formula);
    const text = v ?? '';
    switch (t) {
      case 's': {
        if (formula) break;
        const s = ctx.strings[decimal(text)];
        if (s === undefined) throw new Error(`${here} cell ${A1(p.row, p.col)} refers to shared string ${text.trim()}, which the workbook does not have`);
        return liveCell(p, s, own, formula);
      }
      // ExcelJS decodes str text a second time (&amp;lt; becomes <); one decode is what the file says.
      case 'str': return liveCell(p, text, own, formula);
      case 'b': return liveCell(p, parseInt(text, 10) !== 0 || text.trim() === 'true', own, formula);
      case 'e': return liveCell(p, { error: text }, own, formula);
      // ExcelJS reads an ISO date cell with parseFloat (2023-09-30 → 2023); Excel means the date.
      case 'd': if (!formula) {
        const iso = text.trim();
        const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`);
        return liveCell(p, Number.isNaN(ms) ? { error: '#VALUE!' } : ms / DAY_MS + (ctx.date1904 ? 24107 : 25569), own || 'yyyy-mm-dd', formula);
      }
    }
    const n = parseFloat(text);
    if (isDate(ctx, own)) return liveCell(p, dateSerial(n, ctx.date1904), own || 'yyyy-mm-dd', formula);
    return liveCell(p, Number.isFinite(n) ? n : { error: '#NUM!' }, own, formula);
  }
  if (t === 'inlineStr' && p.is) {
    // An inline string is the same text its shared form would be, empty text included (ExcelJS drops an empty one).
    if (p.is.text !== null) return liveCell(p, unescapeXstring(p.is.text), own, formula);
  }
  if (p.s === undefined || !decimal(p.s)) return 0;
  p.value = null;
  p.format = own;
  return CELL;
}

const A1 = (row: number, col: number): string => {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row}`;
};

async function readSheet(pkg: Package, sheet: SheetRef, ctx: Context): Promise<Grid> {
  const here = `sheet "${sheet.name}"`;
  const colRanges: { min: number; max: number; format: string }[] = [];
  const merges: { r1: number; c1: number; r2: number; c2: number }[] = [];
  const hiddenRows = new Set<number>();
  const hiddenCols: { min: number; max: number }[] = [];
  const rows = new Map<number, Row>();
  const stack: (string | undefined)[] = [];
  let lastRow = 0;
  let row: { index: number; fromCell: boolean; format: string | undefined; data: Row | undefined } | undefined;
  let col = 0;
  let count = 0;
  const pending = new Pending();
  let sawData = false;

  const rowData = (r: NonNullable<typeof row>): Row => {
    if (!r.data) {
      r.data = rows.get(r.index) ?? newRow(r.format);
      rows.set(r.index, r.data);
    }
    return r.data;
  };

  await pkg.parse(sheet.path, {
    open(tag) {
      const local = ours(tag);
      const parent = stack[stack.length - 1];
      if (!tag.isSelfClosing) stack.push(local);
      if (local === undefined) return;
      if (pending.active) {
        if (local === 'v' && parent === 'c') { pending.capture = 'v'; pending.v = ''; }
        else if (local === 'f' && parent === 'c') { pending.capture = 'f'; pending.f = true; pending.fWritten = false; pending.fTyped = tag.attr('t') !== undefined; }
        else if (local === 'is' && parent === 'c') pending.is = new StringItem();
        else if (pending.is && local !== 'is') pending.is.open(local);
        return;
      }
      if (local === 'row' && parent === 'sheetData') {
        const ra = tag.attr('r');
        const r = ra === undefined ? undefined : Number(ra);
        if (r !== undefined && !(Number.isInteger(r) && r >= 1 && r <= MAX_ROWS)) throw new Error(`${here}: row number "${ra ?? ''}" is not a row of Excel's (1 to 1,048,576)`);
        lastRow = r ?? lastRow + 1;
        if (lastRow > MAX_ROWS) throw new Error(`${here} has more rows than Excel's 1,048,576`);
        row = { index: lastRow, fromCell: r === undefined, format: styleFormat(ctx, tag.attr('s')), data: undefined };
        if (isTrue(tag.attr('hidden'))) hiddenRows.add(lastRow);
        col = 0;
      } else if (local === 'c' && parent === 'row' && row) {
        if (++count > READ_LIMITS.cells) throw new Error(`${here} has more than ${READ_LIMITS.cells.toLocaleString('en-GB')} cells; a return is a few hundred rows`);
        const cr = tag.attr('r');
        if (cr !== undefined) {
          const ref = cellRef(cr);
          if (!ref) throw new Error(`${here}: "${cr}" is not a cell reference inside Excel's 1,048,576 rows and 16,384 columns`);
          // A row without its number takes it from its first cell's reference.
          if (row.fromCell && !row.data) { row.index = ref.row; lastRow = ref.row; }
          col = ref.col;
        } else {
          // Part 1 §18.3.1.4: without r, a cell is the one after the previous cell of its row.
          col += 1;
          if (col > MAX_COLS) throw new Error(`${here}: row ${row.index} has more cells than Excel's 16,384 columns`);
        }
        row.fromCell = false;
        pending.start(tag.attr('t'), tag.attr('s'), row.index, col);
        if (tag.isSelfClosing) finishCell();
      } else if (local === 'sheetData') sawData = true;
      else if (local === 'col' && parent === 'cols') {
        const a = plain(tag);
        const format = styleFormat(ctx, a.style);
        const min = Number(a.min);
        const max = Math.min(Number(a.max), MAX_COLS);
        if (format && min >= 1 && max >= min) colRanges.push({ min, max, format });
        if (isTrue(a.hidden) && min >= 1 && max >= min) hiddenCols.push({ min, max });
      } else if (local === 'mergeCell' && parent === 'mergeCells') {
        const a = plain(tag);
        const [from, to] = (a.ref ?? '').split(':');
        const p = cellRef(from ?? '');
        const q = to === undefined ? p : cellRef(to);
        if (!p || !q) throw new Error(`${here}: merged range "${a.ref ?? ''}" is not a range of cells`);
        merges.push({ r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) });
      }
    },
    close(tag) {
      if (!tag.isSelfClosing) stack.pop();
      const local = ours(tag);
      if (!pending.active) {
        if (local === 'row') row = undefined;
        return;
      }
      if (local === 'c' && !tag.isSelfClosing && stack[stack.length - 1] === 'row') finishCell();
      else if (local === 'v' || local === 'f') pending.capture = undefined;
      else if (pending.is && local !== 'is') pending.is.close(local);
    },
    text(t) {
      if (!pending.active) return;
      if (pending.capture === 'v') pending.v += t.value;
      // Text is never empty, so its being there is all a formula needs; it is not decoded.
      else if (pending.capture === 'f' && pending.f) pending.fWritten = true;
      else pending.is?.add(t);
    },
  });

  function finishCell(): void {
    if (!pending.active) return;
    pending.active = false;
    if (!row) return;
    const kind = cellOf(pending, ctx, here);
    if (kind === 0) return;
    const data = rowData(row);
    data.values[pending.col] = pending.value;
    data.formats[pending.col] = pending.format;
    data.kinds[pending.col] = kind;
  }

  if (!sawData) throw new Error(`${sheet.path} has no <sheetData>, so it is not a worksheet`);
  const grid = gridOf(sheet.name, rows, colRanges, merges);
  const { rows: extentRows, cols: extentCols } = gridExtent(grid);
  const cols = new Set<number>();
  for (const h of hiddenCols) for (let c = h.min; c <= Math.min(h.max, extentCols); c++) cols.add(c);
  const view = {
    hiddenRows: [...hiddenRows].filter((r) => r <= extentRows).sort((a, b) => a - b),
    hiddenCols: [...cols].sort((a, b) => a - b),
    state: sheet.state,
    opensFirst: sheet.opensFirst,
  };
  return { ...grid, view };
}

/** An xsd:boolean attribute (`1` or `true`). */
const isTrue = (v: string | undefined): boolean => v === '1' || v === 'true';

function gridOf(name: string, rows: Map<number, Row>, colRanges: readonly { min: number; max: number; format: string }[], merges: readonly { r1: number; c1: number; r2: number; c2: number }[]): Grid {
  // The extent from A1 to the last value, checked before anything is laid out: a stray value far
  // away is refused here, not by running out of memory.
  let lastRow = 0;
  let lastCol = 0;
  // Plain loops over the (holey) cell arrays: forEach with a closure per row cost a third of this function.
  for (const [r, row] of rows) {
    const { kinds, values } = row;
    for (let c = kinds.length - 1; c > lastCol; c--) if (kinds[c] !== undefined && values[c] !== null) { lastCol = c; break; }
    if (r > lastRow) for (let c = 0; c < kinds.length; c++) if (kinds[c] !== undefined && values[c] !== null) { lastRow = r; break; }
  }
  checkGridExtent(name, lastRow, lastCol);
  const colFormats: (string | undefined)[] = [];
  for (const range of colRanges) for (let c = range.min; c <= Math.min(range.max, lastCol); c++) colFormats[c] = range.format;
  // Merged ranges: every cell but the top-left becomes an empty Merge cell, as ExcelJS loads them
  // (only the part within the extent matters: merges hold no values).
  for (const m of merges) {
    for (let r = m.r1; r <= Math.min(m.r2, lastRow); r++) {
      let row = rows.get(r);
      if (!row) rows.set(r, (row = newRow(undefined)));
      if (r > m.r1 || m.c2 > m.c1) row.merged = true;
      for (let c = m.c1; c <= Math.min(m.c2, lastCol); c++) {
        if (row.kinds[c] === undefined) {
          row.values[c] = null;
          row.formats[c] = row.format || colFormats[c];
          row.kinds[c] = CELL;
        }
        // Not the master: an empty live cell keeping the format (and no longer a formula).
        if (r > m.r1 || c > m.c1) {
          row.values[c] = null;
          row.kinds[c] = CELL | LIVE;
        }
      }
    }
  }
  // The grid gridFromCells would make of the placed cells, made in place: no object per cell.
  // Its extent is lastRow × lastCol, as every value is in a live row within it.
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = 0; r < lastRow; r++) {
    values.push(new Array<CellValue>(lastCol).fill(null));
    formats.push(new Array<string | null>(lastCol).fill(null));
  }
  const formulaCells: string[] = [];
  for (const [r, row] of rows) {
    let live = row.merged === true;
    const { kinds } = row;
    const n = kinds.length;
    for (let c = 0; c < n; c++) {
      const kind = kinds[c];
      if (kind === undefined) continue;
      if ((kind & FORMULA) !== 0 && formulaCells.length < 10) formulaCells.push(cellAddress(r, c));
      if ((kind & LIVE) !== 0) live = true;
    }
    if (r > lastRow || !live) continue;
    for (let c = 1; c <= Math.min(n - 1, lastCol); c++) {
      const there = kinds[c] !== undefined;
      const value = there ? row.values[c] ?? null : null;
      const format = there ? row.formats[c] : row.format || colFormats[c];
      if (value !== null || format) {
        values[r - 1]![c - 1] = value;
        formats[r - 1]![c - 1] = format ?? null;
      }
    }
  }
  const grid: Grid = { sheet: name, values, formats, origin: { row: 1, col: 1 } };
  return formulaCells.length > 0 ? { ...grid, formulaCells } : grid;
}
