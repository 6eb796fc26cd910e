/**
 * Just enough XML for the values-only reader (fast-read.ts): indexOf scans over well-formed parts
 * written by Excel, LibreOffice or ExcelJS, decoding text as an XML parser would.
 */
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

/** Attributes of a start tag's inside (`name="v" r:id='x'`), values decoded. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  for (;;) {
    const eq = tag.indexOf('=', i);
    if (eq < 0) return out;
    const name = tag.slice(i, eq).trim();
    let q = eq + 1;
    while (tag[q] === ' ' || tag[q] === '\n' || tag[q] === '\t' || tag[q] === '\r') q++;
    const quote = tag[q];
    if (quote !== '"' && quote !== "'") return out;
    const end = tag.indexOf(quote, q + 1);
    if (end < 0) return out;
    out[name] = decodeXml(tag.slice(q + 1, end).replace(/[\t\n\r]/g, ' '));
    i = end + 1;
  }
}

/** Start of the next `<name` element at or after `from` (not `<nameX`), or -1. */
export function findTag(xml: string, name: string, from: number, until = xml.length): number {
  let i = from;
  for (;;) {
    i = xml.indexOf(`<${name}`, i);
    if (i < 0 || i >= until) return -1;
    const ch = xml.charCodeAt(i + name.length + 1);
    if (ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13) return i;
    i += name.length + 1;
  }
}

export interface Element { attrs: string; inner: string | undefined; end: number }
/** The element starting at `start`: its attribute text, inner text (undefined when self-closing) and end. */
export function element(xml: string, name: string, start: number): Element | undefined {
  const gt = xml.indexOf('>', start);
  if (gt < 0) return undefined;
  const selfClosing = xml.charCodeAt(gt - 1) === 47;
  const attrs = xml.slice(start + name.length + 1, selfClosing ? gt - 1 : gt);
  if (selfClosing) return { attrs, inner: undefined, end: gt + 1 };
  const close = xml.indexOf(`</${name}>`, gt);
  if (close < 0) return undefined;
  return { attrs, inner: xml.slice(gt + 1, close), end: close + name.length + 3 };
}

const unescapeX = (s: string): string => (s.includes('_x') ? s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s);

/** Text of a string item (`<si>` or `<is>`): null when it has no `<t>` at all, as ExcelJS makes `<si/>` no value. */
export function itemText(inner: string, shared: boolean): string | null {
  const body = inner.includes('<rPh') ? inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : inner;
  const rich = findTag(body, 'r', 0) >= 0;
  let text: string | null = null;
  for (let i = findTag(body, 't', 0); i >= 0;) {
    const el = element(body, 't', i);
    if (!el) return text;
    const t = decodeXml(el.inner ?? '');
    // ExcelJS undoes Excel's _xHHHH_ escapes in shared strings and rich runs, not in plain inline text.
    text = (text ?? '') + (shared || rich ? unescapeX(t) : t);
    i = findTag(body, 't', el.end);
  }
  return text;
}

export function sharedStrings(xml: string): (string | null)[] {
  const out: (string | null)[] = [];
  for (let i = findTag(xml, 'si', 0); i >= 0;) {
    const el = element(xml, 'si', i);
    if (!el) break;
    out.push(el.inner === undefined ? null : itemText(el.inner, true));
    i = findTag(xml, 'si', el.end);
  }
  return out;
}

