/**
 * A namespace-aware, well-formedness-checking XML scanner over one whole part (parts are bounded
 * by READ_LIMITS.partBytes, so holding one is fine). It reports the events a SAX parser would
 * (open, close, text) but does no work a reader does not ask for: it finds markup with indexOf,
 * parses an element's attributes only when the handler asks, and decodes text only when the
 * handler reads it. A worksheet written without cached values is mostly formula text full of
 * `&quot;`; the reader only needs to know a formula is there, so that text is checked, never built.
 *
 * What it refuses is what XML 1.0 + Namespaces refuse that a writer could get wrong: mismatched or
 * unclosed tags, text or elements outside the one root, bad attribute syntax (unquoted, duplicate,
 * `<` in a value), `&` not starting a predefined entity or character reference, unterminated
 * comments, CDATA sections and processing instructions, `]]>` in text, unbound prefixes, and any
 * DTD (Office Open XML allows none, and refusing it rules out entity expansion).
 * Simplifications, each of which no honest writer meets: names are checked against ASCII's name
 * characters only (every character from U+0080 counts as a name character), characters outside
 * XML's Char production in text are not refused, and the XML declaration's pseudo-attributes are
 * not checked.
 */

export interface XmlAttribute {
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  readonly uri: string;
  readonly value: string;
}

/** An element as the scanner reports it. The scanner reuses it: read it during the call only. */
export interface XmlTag {
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  readonly uri: string;
  readonly isSelfClosing: boolean;
  /** The value of the attribute `local` in no namespace (unprefixed), decoded; undefined when absent. */
  attr(local: string): string | undefined;
  /** Every attribute, decoded and with its namespace resolved, in document order. */
  attributes(): XmlAttribute[];
}

/** A run of character data inside the root, never empty. Reused like XmlTag. */
export interface XmlText {
  /** The text with line ends normalised and references decoded, built on first read. */
  readonly value: string;
}

export interface XmlHandler {
  open(tag: XmlTag): void;
  close(tag: XmlTag): void;
  /** Adjacent runs (text, CDATA) arrive as separate calls; comments and PIs between them are dropped. */
  text(text: XmlText): void;
}

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SLASH = 0x2f;
const EQ = 0x3d;
const DQ = 0x22;
const SQ = 0x27;
const COLON = 0x3a;
const HASH = 0x23;
const SEMI = 0x3b;
const BANG = 0x21;
const QMARK = 0x3f;

// 1: may start a name, 2: may continue one (ASCII only; from U+0080 everything counts, see above).
const NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) NAME[c] = 3;
  else if (/[0-9.-]/.test(ch)) NAME[c] = 2;
}
// (NaN, past the end, is neither.)
const isNameStart = (c: number): boolean => (c < 0x80 ? (NAME[c]! & 1) !== 0 : c >= 0x80);
const isNameChar = (c: number): boolean => (c < 0x80 ? NAME[c]! !== 0 : c >= 0x80);
const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
const isChar = (n: number): boolean => n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const decodeRef = (_m: string, e: string): string => (e.charCodeAt(0) === HASH
  ? String.fromCodePoint(e.charCodeAt(1) === 0x78 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
  : ENTITIES[e]!);

/** Text as XML hands it on (§2.11, §4.6): line ends as \n, references decoded. Only for checked text. */
function decodeText(raw: string): string {
  const s = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return s.includes('&') ? s.replace(REFERENCE, decodeRef) : s;
}

/** An attribute value normalised (§3.3.3): each white-space character a space, then references decoded. */
function decodeAttribute(raw: string): string {
  // Most values (`A1`, `3`, `s`) need nothing: one look at each character instead of two searches.
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x26 || c === 0x09 || c === 0x0a || c === 0x0d) {
      const s = raw.replace(/\r\n|[\t\n\r]/g, ' ');
      return s.includes('&') ? s.replace(REFERENCE, decodeRef) : s;
    }
  }
  return raw;
}

/** A `&` that is not one of the predefined entities: a character reference, or an error. */
const ODD_AMP = /&(?!(?:quot|amp|lt|gt|apos);)/g;

type Scope = ReadonlyMap<string, string>;
interface Frame { name: string; prefix: string; local: string; uri: string; scope: Scope }
const ROOT_SCOPE: Scope = new Map([['xml', XML_NAMESPACE], ['xmlns', XMLNS_NAMESPACE]]);

/** Thrown for any well-formedness error; `message` is `L:C: what`, the caller names the part. */
export class XmlError extends Error {}

/** Scans `xml` (a whole part, BOM already dropped), calling `handler`; throws XmlError when it is not well-formed. */
export function scanXml(xml: string, handler: XmlHandler): void {
  new Scanner(xml, handler).run();
}

// Attributes of the current start tag, six numbers each: name start, name end, colon (or -1), value
// start, value end, and 1 when the value holds '&' or a white-space character other than space (it
// must be normalised), else 0: most values (`A1`, `3`, `s`) are then sliced and never looked at again.
const FIELDS = 6;

class Scanner implements XmlTag, XmlText {
  // The XmlTag fields.
  name = '';
  prefix = '';
  local = '';
  uri = '';
  isSelfClosing = false;
  // The XmlText span.
  private textStart = 0;
  private textEnd = 0;
  private textCdata = false;

  /** The open elements, `depth` of them; frames past it are kept for reuse (a sheet opens thousands of `<c>`). */
  private readonly frames: Frame[] = [];
  private depth = 0;
  private scope: Scope = ROOT_SCOPE;
  /** The scope's default namespace, kept beside it: most elements are unprefixed. */
  private defaultUri = '';
  private attrs: number[] = [];
  private attrCount = 0;
  // What nameEnd saw of the name it last scanned.
  private colon = -1;
  private badColon = false;
  private sawRoot = false;
  // The next odd '&' (ODD_AMP) and ']]>' at or after some earlier position (xml.length for none):
  // each search only moves forward, so checking every text and value for them costs one pass in all.
  private nextAmp = -1;
  private nextCdataEnd = -1;

  // The handler's methods, taken once: every part's handler is a different kind of object, so
  // looking them up on it for each element cost more than calling them.
  private readonly onOpen: XmlHandler['open'];
  private readonly onClose: XmlHandler['close'];
  private readonly onText: XmlHandler['text'];

  constructor(private readonly xml: string, private readonly handler: XmlHandler) {
    this.onOpen = handler.open;
    this.onClose = handler.close;
    this.onText = handler.text;
  }

  run(): void {
    const { xml } = this;
    const len = xml.length;
    let i = 0;
    while (i < len) {
      // Markup mostly follows markup (`</v></c>`): look before searching.
      let lt = xml.charCodeAt(i) === LT ? i : xml.indexOf('<', i);
      if (lt === -1) lt = len;
      if (lt > i) this.chars(i, lt);
      if (lt === len) break;
      const c = xml.charCodeAt(lt + 1);
      if (c === SLASH) i = this.endTag(lt);
      else if (c === BANG) i = this.bang(lt);
      else if (c === QMARK) i = this.pi(lt);
      else i = this.startTag(lt);
    }
    if (!this.sawRoot) this.fail(len, 'document must contain a root element.');
    if (this.depth > 0) this.fail(len, `unclosed tag: ${this.frames[this.depth - 1]!.name}`);
  }

  // ---- XmlText
  get value(): string {
    const raw = this.xml.slice(this.textStart, this.textEnd);
    return this.textCdata ? (raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw) : decodeText(raw);
  }

  // ---- XmlTag
  attr(local: string): string | undefined {
    const { attrs, xml } = this;
    for (let k = 0; k < this.attrCount * FIELDS; k += FIELDS) {
      const start = attrs[k]!;
      if (attrs[k + 2] === -1 && attrs[k + 1]! - start === local.length && xml.startsWith(local, start)) return this.attributeValue(k);
    }
    return undefined;
  }

  attributes(): XmlAttribute[] {
    const out: XmlAttribute[] = [];
    for (let k = 0; k < this.attrCount * FIELDS; k += FIELDS) {
      const { name, prefix, local, uri } = this.attributeName(k);
      out.push({ name, prefix, local, uri, value: this.attributeValue(k) });
    }
    return out;
  }

  private attributeValue(k: number): string {
    const raw = this.xml.slice(this.attrs[k + 3], this.attrs[k + 4]);
    return this.attrs[k + 5] === 0 ? raw : decodeAttribute(raw);
  }

  private attributeName(k: number): { name: string; prefix: string; local: string; uri: string } {
    const { attrs, xml } = this;
    const start = attrs[k]!;
    const end = attrs[k + 1]!;
    const colon = attrs[k + 2]!;
    const name = xml.slice(start, end);
    if (colon === -1) return { name, prefix: '', local: name, uri: name === 'xmlns' ? XMLNS_NAMESPACE : '' };
    const prefix = xml.slice(start, colon);
    return { name, prefix, local: xml.slice(colon + 1, end), uri: this.scope.get(prefix) ?? '' };
  }

  // ---- Markup

  private startTag(lt: number): number {
    const { xml } = this;
    if (this.sawRoot && this.depth === 0) this.fail(lt, 'documents may contain only one root.');
    const nameStart = lt + 1;
    const nameEnd = this.nameEnd(nameStart, 'disallowed character in tag name.');
    // Refused after the attributes, as it was when names were checked for colons at this point.
    const colon = this.colon;
    const badColon = this.badColon;
    let p = nameEnd;
    this.attrCount = 0;
    let declares = false;
    let prefixedAttrs = 0;
    for (;;) {
      const before = p;
      while (isSpace(xml.charCodeAt(p))) p++;
      const c = xml.charCodeAt(p);
      if (c === GT) { this.isSelfClosing = false; p += 1; break; }
      if (c === SLASH) {
        if (xml.charCodeAt(p + 1) !== GT) this.fail(p, 'forward-slash in opening tag not followed by >.');
        this.isSelfClosing = true;
        p += 2;
        break;
      }
      if (Number.isNaN(c)) this.fail(p, 'unexpected end.');
      if (p === before) this.fail(p, 'no whitespace between attributes.');
      const aStart = p;
      const aEnd = this.nameEnd(aStart, 'disallowed character in attribute name.');
      if (this.badColon) this.malformedName(aStart, aEnd);
      const colon = this.colon;
      p = aEnd;
      while (isSpace(xml.charCodeAt(p))) p++;
      if (xml.charCodeAt(p) !== EQ) this.fail(p, 'attribute without value.');
      p++;
      while (isSpace(xml.charCodeAt(p))) p++;
      const q = xml.charCodeAt(p);
      if (q !== DQ && q !== SQ) this.fail(p, Number.isNaN(q) ? 'unexpected end.' : 'unquoted attribute value.');
      // Values are short (`A1`, `3`): walking them is cheaper than searching, and sees '<' and '&' on the way.
      const vStart = p + 1;
      let vEnd = vStart;
      let amp = false;
      let normalise = 0;
      for (let v = xml.charCodeAt(vEnd); v !== q; v = xml.charCodeAt(++vEnd)) {
        if (v > LT) continue;
        if (v === LT) this.fail(vEnd, 'disallowed character.');
        else if (v === AMP) { amp = true; normalise = 1; } else if (v === 0x09 || v === 0x0a || v === 0x0d) normalise = 1;
        else if (Number.isNaN(v)) this.fail(vEnd, 'unexpected end.');
      }
      if (amp) this.references(vStart, vEnd);
      const base = this.attrCount * FIELDS;
      this.attrs[base] = aStart;
      this.attrs[base + 1] = aEnd;
      this.attrs[base + 2] = colon;
      this.attrs[base + 3] = vStart;
      this.attrs[base + 4] = vEnd;
      this.attrs[base + 5] = normalise;
      this.attrCount++;
      if (xml.charCodeAt(aStart) === 0x78 && xml.startsWith('xmlns', aStart) && (aEnd - aStart === 5 || colon === aStart + 5)) declares = true;
      else if (colon !== -1) prefixedAttrs++;
      p = vEnd + 1;
    }
    this.duplicates();
    const name = xml.slice(nameStart, nameEnd);
    const parent = this.scope;
    if (declares) this.enter(this.declare());
    if (badColon) this.malformedName(nameStart, nameEnd);
    let prefix = '';
    let local = name;
    if (colon !== -1) {
      prefix = name.slice(0, colon - nameStart);
      local = name.slice(colon - nameStart + 1);
      if (prefix === 'xmlns') this.fail(lt, 'tags may not have "xmlns" as prefix.');
    }
    const uri = prefix === '' ? this.defaultUri : this.scope.get(prefix) ?? '';
    if (prefix !== '' && uri === '') this.fail(lt, `unbound namespace prefix: ${JSON.stringify(prefix)}.`);
    if (prefixedAttrs > 0) this.prefixedAttributes(lt, prefixedAttrs);
    this.sawRoot = true;
    this.name = name;
    this.prefix = prefix;
    this.local = local;
    this.uri = uri;
    this.onOpen.call(this.handler, this);
    if (this.isSelfClosing) {
      this.onClose.call(this.handler, this);
      this.enter(parent);
    } else {
      const frame = this.frames[this.depth];
      if (frame === undefined) this.frames.push({ name, prefix, local, uri, scope: parent });
      else {
        frame.name = name;
        frame.prefix = prefix;
        frame.local = local;
        frame.uri = uri;
        frame.scope = parent;
      }
      this.depth++;
    }
    return p;
  }

  private endTag(lt: number): number {
    const { xml } = this;
    const nameStart = lt + 2;
    const frame = this.depth > 0 ? this.frames[this.depth - 1]! : undefined;
    let p: number;
    // Almost always `</name>` closing what is open: then the general checks below cannot fail.
    if (frame !== undefined && xml.charCodeAt(nameStart + frame.name.length) === GT && xml.startsWith(frame.name, nameStart)) p = nameStart + frame.name.length;
    else {
      const nameEnd = this.nameEnd(nameStart, 'disallowed character in closing tag.');
      p = nameEnd;
      while (isSpace(xml.charCodeAt(p))) p++;
      if (xml.charCodeAt(p) !== GT) this.fail(p, Number.isNaN(xml.charCodeAt(p)) ? 'unexpected end.' : 'disallowed character in closing tag.');
      if (frame === undefined) this.fail(lt, `unmatched closing tag: ${xml.slice(nameStart, nameEnd)}.`);
      if (frame.name.length !== nameEnd - nameStart || !xml.startsWith(frame.name, nameStart)) {
        this.fail(lt, `unexpected close tag: </${xml.slice(nameStart, nameEnd)}> where <${frame.name}> is open.`);
      }
    }
    this.depth--;
    this.name = frame.name;
    this.prefix = frame.prefix;
    this.local = frame.local;
    this.uri = frame.uri;
    this.isSelfClosing = false;
    this.attrCount = 0;
    this.onClose.call(this.handler, this);
    this.enter(frame.scope);
    return p + 1;
  }

  /** `<!`: a comment, a CDATA section, or a DOCTYPE (refused). */
  private bang(lt: number): number {
    const { xml } = this;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('--', lt + 4);
      if (end === -1) this.fail(xml.length, 'unclosed comment.');
      if (xml.charCodeAt(end + 2) !== GT) this.fail(end, 'malformed comment.');
      return end + 3;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      if (this.depth === 0) this.fail(lt, 'text data outside of root node.');
      const start = lt + 9;
      const end = xml.indexOf(']]>', start);
      if (end === -1) this.fail(xml.length, 'unclosed CDATA section.');
      if (end > start) this.emitText(start, end, true);
      return end + 3;
    }
    if (xml.startsWith('<!DOCTYPE', lt)) throw new XmlDoctype();
    return this.fail(lt, 'incorrect syntax.');
  }

  /** `<?`: a processing instruction, skipped; `<?xml` only as the declaration at the very start. */
  private pi(lt: number): number {
    const { xml } = this;
    const targetEnd = this.nameEnd(lt + 2, 'disallowed character in processing instruction name.');
    const c = xml.charCodeAt(targetEnd);
    if (!isSpace(c) && !(c === QMARK && xml.charCodeAt(targetEnd + 1) === GT)) this.fail(targetEnd, 'disallowed character in processing instruction name.');
    const end = xml.indexOf('?>', targetEnd);
    if (end === -1) this.fail(xml.length, 'unclosed processing instruction.');
    if (targetEnd - lt - 2 === 3 && xml.slice(lt + 2, targetEnd).toLowerCase() === 'xml' && lt !== 0) {
      this.fail(lt, 'the XML declaration must appear at the start of the document.');
    }
    return end + 2;
  }

  /** Character data from `start` to `end` (both before the next markup). */
  private chars(start: number, end: number): void {
    const { xml } = this;
    if (this.depth === 0) {
      for (let p = start; p < end; p++) if (!isSpace(xml.charCodeAt(p))) this.fail(p, 'text data outside of root node.');
      return;
    }
    this.references(start, end);
    if (this.nextCdataEnd < start) this.nextCdataEnd = this.find(']]>', start);
    if (this.nextCdataEnd < end) this.fail(this.nextCdataEnd, 'the string "]]>" is disallowed in char data.');
    this.emitText(start, end, false);
  }

  private emitText(start: number, end: number, cdata: boolean): void {
    this.textStart = start;
    this.textEnd = end;
    this.textCdata = cdata;
    this.onText.call(this.handler, this);
  }

  // ---- Pieces

  /**
   * Where the name starting at `start` ends; a name must have at least one character. On the way it
   * notes the name's colon in `colon` (-1 for none) and whether the colons make it malformed as a
   * qualified name (first, last or twice: Namespaces §3) in `badColon`, for the caller to refuse.
   */
  private nameEnd(start: number, what: string): number {
    const { xml } = this;
    const first = xml.charCodeAt(start);
    if (!isNameStart(first)) this.fail(start, Number.isNaN(first) ? 'unexpected end.' : what);
    let colon = -1;
    let bad = first === COLON;
    let p = start + 1;
    for (let c = xml.charCodeAt(p); isNameChar(c); c = xml.charCodeAt(++p)) {
      if (c !== COLON) continue;
      if (colon !== -1) bad = true;
      colon = p;
    }
    this.colon = colon;
    this.badColon = bad || colon === p - 1;
    return p;
  }

  private malformedName(start: number, end: number): never {
    return this.fail(start, `malformed name: ${this.xml.slice(start, end)}.`);
  }

  /**
   * Every `&` from `start` to `end` starts a predefined entity or a character reference. A sheet's
   * formulas hold thousands of `&quot;`: one regular expression passes over them inside the engine,
   * and only the others (character references, mistakes) are looked at here.
   */
  private references(start: number, end: number): void {
    if (this.nextAmp < start) this.nextAmp = this.oddAmp(start);
    while (this.nextAmp < end) this.nextAmp = this.oddAmp(this.reference(this.nextAmp, end) + 1);
  }

  private oddAmp(from: number): number {
    ODD_AMP.lastIndex = from;
    return ODD_AMP.exec(this.xml)?.index ?? this.xml.length;
  }

  /** The `;` ending the reference at `amp`, which must end before `end`. */
  private reference(amp: number, end: number): number {
    const { xml } = this;
    const c = xml.charCodeAt(amp + 1);
    if (c === HASH) {
      const hex = xml.charCodeAt(amp + 2) === 0x78;
      let p = amp + (hex ? 3 : 2);
      const digits = p;
      for (;;) {
        const d = xml.charCodeAt(p);
        if ((d >= 0x30 && d <= 0x39) || (hex && ((d >= 0x41 && d <= 0x46) || (d >= 0x61 && d <= 0x66)))) p++;
        else break;
      }
      if (p === digits || p >= end || xml.charCodeAt(p) !== SEMI || !isChar(parseInt(xml.slice(digits, p), hex ? 16 : 10))) this.fail(amp, 'malformed character entity.');
      return p;
    }
    // The predefined entities; none of their characters is '<' or a quote, so a match ends before `end`.
    if (c === 0x71 && xml.startsWith('quot;', amp + 1)) return amp + 5;
    if (c === 0x61 && xml.startsWith('amp;', amp + 1)) return amp + 4;
    if (c === 0x61 && xml.startsWith('apos;', amp + 1)) return amp + 5;
    if ((c === 0x6c || c === 0x67) && xml.charCodeAt(amp + 2) === 0x74 && xml.charCodeAt(amp + 3) === SEMI) return amp + 3;
    let p = amp + 1;
    while (p < end && isNameChar(xml.charCodeAt(p))) p++;
    return this.fail(amp, p > amp + 1 && p < end && xml.charCodeAt(p) === SEMI && isNameStart(xml.charCodeAt(amp + 1)) ? 'undefined entity.' : 'disallowed character in entity name.');
  }

  /** Two attributes of one tag with the same name (prefixed ones are compared by namespace below). */
  private duplicates(): void {
    const { attrs, xml } = this;
    const n = this.attrCount;
    for (let a = 1; a < n; a++) {
      const aStart = attrs[a * FIELDS]!;
      const aLen = attrs[a * FIELDS + 1]! - aStart;
      for (let b = 0; b < a; b++) {
        const bStart = attrs[b * FIELDS]!;
        if (attrs[b * FIELDS + 1]! - bStart !== aLen) continue;
        let same = true;
        for (let k = 0; k < aLen && same; k++) same = xml.charCodeAt(aStart + k) === xml.charCodeAt(bStart + k);
        if (same) this.fail(aStart, `duplicate attribute: ${xml.slice(aStart, aStart + aLen)}.`);
      }
    }
  }

  /** Prefixed attributes: each prefix bound, no two with the same namespace and local name. */
  private prefixedAttributes(lt: number, count: number): void {
    const seen = count > 1 ? new Set<string>() : undefined;
    for (let k = 0; k < this.attrCount * FIELDS; k += FIELDS) {
      if (this.attrs[k + 2] === -1) continue;
      const { prefix, local, uri } = this.attributeName(k);
      if (prefix === 'xmlns') continue;
      if (uri === '') this.fail(lt, `unbound namespace prefix: ${JSON.stringify(prefix)}.`);
      const expanded = `{${uri}}${local}`;
      if (seen?.has(expanded)) this.fail(lt, `duplicate attribute: ${expanded}.`);
      seen?.add(expanded);
    }
  }

  /** The scope inside a tag that declares namespaces (Namespaces §3, §5). */
  private declare(): Scope {
    const scope = new Map(this.scope);
    for (let k = 0; k < this.attrCount * FIELDS; k += FIELDS) {
      const { name, local } = this.attributeName(k);
      const isDefault = name === 'xmlns';
      if (!isDefault && !name.startsWith('xmlns:')) continue;
      const prefix = isDefault ? '' : local;
      const uri = this.attributeValue(k).trim();
      const at = this.attrs[k]!;
      if (!isDefault && uri === '') this.fail(at, 'invalid attempt to undefine prefix in XML 1.0');
      if (prefix === 'xml' && uri !== XML_NAMESPACE) this.fail(at, `xml prefix must be bound to ${XML_NAMESPACE}.`);
      if (prefix === 'xmlns') this.fail(at, `xmlns prefix must be bound to ${XMLNS_NAMESPACE}.`);
      if (uri === XMLNS_NAMESPACE) this.fail(at, `may not assign a prefix (even "xmlns") to the URI ${XMLNS_NAMESPACE}.`);
      if (uri === XML_NAMESPACE && prefix !== 'xml') this.fail(at, prefix === '' ? `the default namespace may not be set to ${uri}.` : 'may not assign the xml namespace to another prefix.');
      scope.set(prefix, uri);
    }
    return scope;
  }

  private enter(scope: Scope): void {
    if (scope === this.scope) return;
    this.scope = scope;
    this.defaultUri = scope.get('') ?? '';
  }

  private find(what: string, from: number): number {
    const at = this.xml.indexOf(what, from);
    return at === -1 ? this.xml.length : at;
  }

  private fail(at: number, what: string): never {
    const { xml } = this;
    let line = 1;
    for (let p = xml.indexOf('\n'); p !== -1 && p < at; p = xml.indexOf('\n', p + 1)) line++;
    const column = at - (xml.lastIndexOf('\n', at - 1) + 1) + 1;
    throw new XmlError(`${line}:${column}: ${what}`);
  }
}

/** Thrown on a DOCTYPE, which the caller refuses in its own words. */
export class XmlDoctype extends Error {
  constructor() { super('has a DTD'); }
}
