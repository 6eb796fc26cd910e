import JSZip from 'jszip';

/**
 * Conformant rewrites of an .xlsx package (ECMA-376 Part 1 §18 and Part 2): each changes how the
 * file is written, never what it says, the way other writers differ from ExcelJS (.NET Open XML
 * SDK prefixes, writers that leave out the optional `r`, CDATA, inline strings, UTF-16, part name
 * case). A reader that follows the standard reads every rewrite to the same grid. They work on
 * the regular XML ExcelJS and renderWorkbook write; test use only.
 */
export type Rewrite = 'inlineStrings' | 'xEscapes' | 'dropRefs' | 'firstRefOnly' | 'charRefs' | 'cdata' | 'comments' | 'whitespace' | 'singleQuotes' | 'prefixes' | 'utf16' | 'partCase' | 'stored';

/** In the order they compose (textual ones first, then prefixes, then encoding and the zip). */
export const REWRITES: readonly Rewrite[] = ['inlineStrings', 'xEscapes', 'dropRefs', 'firstRefOnly', 'charRefs', 'cdata', 'comments', 'whitespace', 'singleQuotes', 'prefixes', 'utf16', 'partCase', 'stored'];

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const ENT: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string): string => s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, e: string) =>
  (e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENT[e] ?? `&${e};`));
const isSheet = (name: string): boolean => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
const isXml = (name: string): boolean => /\.(xml|rels)$/i.test(name);

const colOf = (ref: string): number => [...(/^[A-Z]+/.exec(ref)?.[0] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const rowOf = (ref: string): number => Number(/\d+$/.exec(ref)?.[0] ?? 0);

/** Cells without `r`: each is the one after the previous cell of its row (empty `<c/>` fill gaps). */
function dropRefs(xml: string, keepFirst: boolean): string {
  let prevRow = 0;
  return xml.replace(/<row\b([^>]*?)(\/>|>([\s\S]*?)<\/row>)/g, (_m, attrs: string, _end: string, body: string | undefined) => {
    const r = Number(/\br="(\d+)"/.exec(attrs)?.[1] ?? prevRow + 1);
    const rowAttrs = r === prevRow + 1 && !keepFirst ? attrs.replace(/\s*\br="\d+"/, '') : attrs;
    prevRow = r;
    if (body === undefined) return `<row${rowAttrs}/>`;
    let col = 0;
    let first = true;
    const cells = body.replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (_c, cAttrs: string, cEnd: string) => {
      const ref = /\br="([A-Z]+\d+)"/.exec(cAttrs)?.[1];
      const target = ref ? colOf(ref) : col + 1;
      let out = '';
      if (keepFirst && first) {
        out = `<c${cAttrs}${cEnd}`;
      } else {
        for (let c = col + 1; c < target; c++) out += '<c/>';
        out += `<c${cAttrs.replace(/\s*\br="[A-Z]+\d+"/, '')}${cEnd}`;
      }
      first = false;
      col = target;
      return out;
    });
    return `<row${rowAttrs}>${cells}</row>`;
  });
}

function inlineStrings(xml: string, sst: string | undefined): string {
  if (!sst) return xml;
  const items = [...sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1]);
  return xml.replace(/<c\b([^>]*?)\bt="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (m, a: string, b: string, i: string) => {
    const inner = items[Number(i)];
    // A shared item without <t> has no inline form that means the same; leave it shared.
    return inner === undefined || !inner.includes('<t') ? m : `<c${a}t="inlineStr"${b}><is>${inner}</is></c>`;
  });
}

/** `n` written as `_x006E_` in every `<t>` (ST_Xstring: any character may be escaped so). */
const xEscapes = (xml: string): string => xml.replace(/(<t\b[^>]*>)([^<]*)(<\/t>)/g, (_, a: string, t: string, b: string) => `${a}${t.replace(/n/g, '_x006E_')}${b}`);

const charRefs = (xml: string): string => xml.replace(/>([^<]+)</g, (_, t: string) => `>${[...t].map((ch) => ((ch.codePointAt(0) ?? 0) > 127 ? `&#x${(ch.codePointAt(0) ?? 0).toString(16)};` : ch)).join('')}<`);

const cdata = (xml: string): string => xml.replace(/(<(t|v)\b[^>]*>)([^<]+)(<\/\2>)/g, (_, a: string, _n: string, t: string, b: string) =>
  `${a}<![CDATA[${decode(t).replace(/\r\n?/g, '\n').split(']]>').join(']]]]><![CDATA[>')}]]>${b}`);

const comments = (xml: string): string => xml.replace(/(<\/row>|<\/si>|<\/Relationship>|\/>)(?=<)/g, '$1<!-- rewritten --><?scorecard test?>');

const whitespace = (xml: string): string => xml.replace(/(<\/[^>]+>|\/>)(?=<)/g, '$1\n  ');

const singleQuotes = (xml: string): string => xml.replace(/(\s[\w:]+)="([^"']*)"/g, "$1='$2'");

/** Every SpreadsheetML element as `x:name` (xmlns:x), relationships as `pr:name`, as the Open XML SDK writes them. */
function prefixes(xml: string): string {
  const ns = xml.includes(`xmlns="${MAIN}"`) ? MAIN : /xmlns="(http:\/\/schemas\.openxmlformats\.org\/package\/2006\/relationships)"/.exec(xml)?.[1];
  if (!ns) return xml;
  const p = ns === MAIN ? 'x' : 'pr';
  return xml.replace(`xmlns="${ns}"`, `xmlns:${p}="${ns}"`).replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, `<$1${p}:$2`);
}

function utf16(xml: string): Uint8Array {
  const text = xml.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"');
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff; out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) { const c = text.charCodeAt(i); out[2 + i * 2] = c & 0xff; out[3 + i * 2] = c >> 8; }
  return out;
}

const partCase = (name: string): string => name.replace(/(^|\/)([a-z])/g, (_, s: string, ch: string) => s + ch.toUpperCase());

/** The package with `rewrites` applied (in REWRITES order, whatever order they are given in). */
export async function rewrite(bytes: Uint8Array, rewrites: readonly Rewrite[]): Promise<Uint8Array> {
  const on = new Set(rewrites);
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  const sst = await zip.file('xl/sharedStrings.xml')?.async('string');
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    let name = file.name;
    let data: string | Uint8Array = await file.async('uint8array');
    if (isXml(name)) {
      let xml = Buffer.from(data).toString('utf8');
      if (isSheet(name)) {
        if (on.has('inlineStrings')) xml = inlineStrings(xml, sst);
        if (on.has('firstRefOnly')) xml = dropRefs(xml, true);
        else if (on.has('dropRefs')) xml = dropRefs(xml, false);
      }
      if (on.has('xEscapes') && (isSheet(name) || /sharedStrings/i.test(name))) xml = xEscapes(xml);
      if (on.has('charRefs')) xml = charRefs(xml);
      if (on.has('cdata')) xml = cdata(xml);
      if (on.has('comments')) xml = comments(xml);
      if (on.has('whitespace')) xml = whitespace(xml);
      if (on.has('singleQuotes')) xml = singleQuotes(xml);
      if (on.has('prefixes')) xml = prefixes(xml);
      data = on.has('utf16') && !name.endsWith('].xml') ? utf16(xml) : xml;
    }
    if (on.has('partCase') && name.startsWith('xl/')) name = partCase(name);
    out.file(name, data);
  }
  return out.generateAsync({ type: 'uint8array', compression: on.has('stored') ? 'STORE' : 'DEFLATE' });
}
