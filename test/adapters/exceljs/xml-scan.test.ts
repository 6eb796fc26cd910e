import fc from 'fast-check';
import { scanXml, XmlDoctype, XmlError, type XmlHandler } from '../../../src/adapters/exceljs/xml-scan';
import { withSaxes, withScanner, type Event } from './xml-events';

// The reader's XML scanner against saxes, on generated documents (xml-scan-writers.test.ts: on real writers' files).

// ---------------------------------------------------------------------------------------------
// Random well-formed documents.

const URIS = ['urn:a', 'urn:b', 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'];
const PREFIXES = ['x', 'p', 'ns1'];
const LOCALS = ['c', 'row', 'v', 'f', 'a-b', 'x.y', '_z', 'é', 'sheetData'];
// Characters a writer may put in text or values, the awkward ones (markup, quotes, line ends, astral) over-represented.
const CHAR = fc.oneof(
  fc.constantFrom('&', '<', '>', '"', "'", '\r', '\n', '\r\n', '\t', ' ', ']', ']]', 'é', '😀', '€', '_x000D_', '-', '?'),
  fc.string({ unit: 'grapheme-ascii', maxLength: 3 }),
);
const RAW = fc.array(CHAR, { maxLength: 8 }).map((a) => a.join(''));

/** How a character is written: literally where allowed, or as an entity or a character reference. */
function escape(s: string, how: number, quote?: '"' | "'"): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    const ref = how % 3 === 0 ? `&#${code};` : `&#x${code.toString(16)};`;
    if (ch === '&') out += how % 2 ? '&amp;' : ref;
    else if (ch === '<') out += how % 2 ? '&lt;' : ref;
    // Literal '>' is fine except after ']]' (and in values this keeps markup easy to find in mutations).
    else if (ch === '>') out += quote || out.endsWith(']]') || how % 2 ? '&gt;' : '>';
    else if (ch === '"' && quote === '"') out += how % 2 ? '&quot;' : ref;
    else if (ch === "'" && quote === "'") out += how % 2 ? '&apos;' : ref;
    else if (how % 5 === 4 && ch !== '\r' && ch !== '\n') out += ref;
    else out += ch;
    how = (how * 7 + 3) % 11;
  }
  return out;
}

interface Spec {
  local: string;
  prefix: number;
  declare: { prefix: number; uri: number }[];
  defaultNs: number | null;
  attrs: { prefix: number; local: string; value: string; how: number; single: boolean }[];
  children: Child[];
  selfClose: boolean;
}
type Child = { kind: 'el'; el: Spec } | { kind: 'text' | 'cdata' | 'comment' | 'pi'; text: string; how: number };

const leaf: fc.Arbitrary<Child> = fc.record({ kind: fc.constantFrom('text', 'cdata', 'comment', 'pi'), text: RAW, how: fc.nat(10) });
/** An element whose children nest at most `depth` elements deeper. */
const specAt = (depth: number): fc.Arbitrary<Spec> => fc.record({
  local: fc.constantFrom(...LOCALS),
  prefix: fc.nat(5),
  declare: fc.array(fc.record({ prefix: fc.nat(PREFIXES.length - 1), uri: fc.nat(URIS.length - 1) }), { maxLength: 2 }),
  // -1: xmlns="" (back to no namespace).
  defaultNs: fc.option(fc.integer({ min: -1, max: URIS.length - 1 })),
  attrs: fc.array(fc.record({ prefix: fc.nat(5), local: fc.constantFrom('r', 's', 't', 'a', 'xml:space'), value: RAW, how: fc.nat(10), single: fc.boolean() }), { maxLength: 4 }),
  children: fc.array(depth === 0 ? leaf : fc.oneof(leaf, specAt(depth - 1).map((el): Child => ({ kind: 'el', el }))), { maxLength: 4 }),
  selfClose: fc.boolean(),
});
const spec = specAt(3);

function render(el: Spec, scope: ReadonlyMap<string, string>): string {
  const inner = new Map(scope);
  let tag = '';
  for (const d of el.declare) {
    const p = PREFIXES[d.prefix]!;
    if (tag.includes(` xmlns:${p}=`)) continue;
    tag += ` xmlns:${p}="${URIS[d.uri]!}"`;
    inner.set(p, URIS[d.uri]!);
  }
  if (el.defaultNs !== null) tag += ` xmlns="${el.defaultNs < 0 ? '' : URIS[el.defaultNs]!}"`;
  // A prefix only where one is bound (0 and anything unbound: none).
  const bound = [...inner.keys()].filter((p) => p !== 'xml');
  const prefixOf = (n: number): string => (n > 0 && bound.length > 0 ? bound[n % bound.length]! : '');
  const seen = new Set<string>(el.declare.map((d) => `xmlns:${PREFIXES[d.prefix]!}`));
  const expanded = new Set<string>();
  for (const a of el.attrs) {
    const prefix = a.local.includes(':') ? '' : prefixOf(a.prefix);
    const name = prefix ? `${prefix}:${a.local}` : a.local;
    const key = prefix ? `{${inner.get(prefix)!}}${a.local}` : name;
    if (seen.has(name) || expanded.has(key)) continue;
    seen.add(name);
    expanded.add(key);
    const q = a.single ? "'" : '"';
    tag += ` ${name}${a.how % 4 === 0 ? ' = ' : '='}${q}${escape(a.value, a.how, q)}${q}`;
  }
  const prefix = prefixOf(el.prefix);
  const name = prefix ? `${prefix}:${el.local}` : el.local;
  if (el.selfClose && el.children.length === 0) return `<${name}${tag}${el.local.length % 2 ? ' ' : ''}/>`;
  let body = '';
  for (const c of el.children) {
    if (c.kind === 'el') body += render(c.el, inner);
    else if (c.kind === 'text') {
      // `]]>` may not appear in text (XML 1.0 §2.4), also where two runs meet: a space keeps it well-formed.
      const t = escape(c.text, c.how).replace(/]]>/g, ']] >');
      body += body.endsWith(']') && /^[\]>]/.test(t) ? ` ${t}` : t;
    }
    else if (c.kind === 'cdata') body += `<![CDATA[${c.text.replace(/]]>/g, ']] >')}]]>`;
    else if (c.kind === 'comment') body += `<!--${c.text.replace(/-/g, '=')}-->`;
    else body += `<?pi-target ${c.text.replace(/\?>/g, '? >')}?>`;
  }
  return `<${name}${tag}>${body}</${name}${el.local === 'v' ? ' ' : ''}>`;
}

const PROLOGS = ['', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', '<?xml version="1.0"?><!-- c --> \r\n<?pi x?>'];
const document = fc.record({ root: spec, prolog: fc.constantFrom(...PROLOGS), epilog: fc.constantFrom('', '\n', '<!-- after -->\n', '<?pi after?>') })
  .map(({ root, prolog, epilog }) => {
    const xml = render(root, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
    // The root's start tag ends at the first '>' (values never hold a literal one): where mutations insert.
    return { xml: `${prolog}${xml}${epilog}`, prolog, root: xml, epilog };
  });

describe('xml scanner: the same events as saxes', () => {
  it('random well-formed documents (prefixes, default namespaces, entities, character references, CDATA, comments, PIs, self-closing tags)', () => {
    fc.assert(fc.property(document, ({ xml }) => {
      expect(withScanner(xml)).toEqual(withSaxes(xml));
    }), { numRuns: 600 });
  });

  // Each mutation makes any document not well-formed; both parsers must refuse it.
  const inside = (root: string, what: string): string => {
    const end = root.indexOf('>') + 1;
    return root.endsWith('/>') ? `${root.slice(0, -2)}>${what}</${/^<([^\s/>]+)/.exec(root)![1]!}>` : `${root.slice(0, end)}${what}${root.slice(end)}`;
  };
  // The root without its end tag: what follows is inside it to the end of the document.
  const unclosed = (root: string): string => (root.endsWith('/>') ? `${root.slice(0, -2)}>` : root.slice(0, root.lastIndexOf('</')));
  const MUTATIONS: [string, (d: { prolog: string; root: string; epilog: string }) => string][] = [
    ['the root left unclosed', (d) => d.prolog + unclosed(d.root)],
    ['a mismatched end tag', (d) => d.prolog + inside(d.root, '<m></n>')],
    ['an end tag with nothing open', (d) => d.prolog + inside(d.root, '</zz>')],
    ['two roots', (d) => d.prolog + d.root + '<again/>' + d.epilog],
    ['text after the root', (d) => d.prolog + d.root + 'tail' + d.epilog],
    ['text before the root', (d) => 'head' + d.root],
    ['an undefined entity', (d) => d.prolog + inside(d.root, 'a &nbsp; b')],
    ['& not starting a reference', (d) => d.prolog + inside(d.root, 'fish & chips')],
    ['a character reference to no character', (d) => d.prolog + inside(d.root, '&#0;')],
    ['an unquoted attribute', (d) => d.prolog + inside(d.root, '<q a=1/>')],
    ['a duplicate attribute', (d) => d.prolog + inside(d.root, '<q a="1" a="2"/>')],
    ['a duplicate attribute by namespace', (d) => d.prolog + inside(d.root, '<q xmlns:k="urn:k" xmlns:l="urn:k" k:a="1" l:a="2"/>')],
    ['< in an attribute value', (d) => d.prolog + inside(d.root, '<q a="x<y"/>')],
    ['& alone in an attribute value', (d) => d.prolog + inside(d.root, '<q a="x & y"/>')],
    ['no space between attributes', (d) => d.prolog + inside(d.root, '<q a="1"b="2"/>')],
    ['an unbound element prefix', (d) => d.prolog + inside(d.root, '<u:q/>')],
    ['an unbound attribute prefix', (d) => d.prolog + inside(d.root, '<q u:a="1"/>')],
    ['an unterminated comment', (d) => d.prolog + unclosed(d.root) + '<!-- never ends'],
    ['-- inside a comment', (d) => d.prolog + inside(d.root, '<!-- a -- b -->')],
    ['an unterminated CDATA section', (d) => d.prolog + unclosed(d.root) + '<![CDATA[ never ends'],
    ['an unterminated processing instruction', (d) => d.prolog + unclosed(d.root) + '<?pi never ends'],
    [']]> in text', (d) => d.prolog + inside(d.root, 'a ]]> b')],
    ['an XML declaration not at the start', (d) => ` ${d.prolog || '<?xml version="1.0"?>'}${d.root}`],
    ['a tag name starting with a digit', (d) => d.prolog + inside(d.root, '<1q/>')],
    ['a name with two colons', (d) => d.prolog + inside(d.root, '<q xmlns:k="urn:k"><k:a:b/></q>')],
    ['a / in a start tag not before >', (d) => d.prolog + inside(d.root, '<q / >')],
    ['a truncated start tag', (d) => d.prolog + d.root.slice(0, d.root.indexOf('>'))],
    ['a prefix undeclared', (d) => d.prolog + inside(d.root, '<q xmlns:k=""/>')],
  ];

  it.each(MUTATIONS)('refuses %s, as saxes does', (_what, mutate) => {
    fc.assert(fc.property(document, (d) => {
      const xml = mutate(d);
      expect(() => withSaxes(xml)).toThrow();
      expect(() => withScanner(xml)).toThrow(XmlError);
    }), { numRuns: 60 });
  });
});

describe('xml scanner: what the reader relies on', () => {
  const collect = (xml: string): { opens: string[]; texts: number } => {
    const opens: string[] = [];
    let texts = 0;
    scanXml(xml, { open(t) { opens.push(`${t.local}${t.isSelfClosing ? '/' : ''}`); }, close() { /* nothing */ }, text() { texts++; } });
    return { opens, texts };
  };

  it.each([
    ['an unclosed tag', '<a><sheetData><row/>', /^\d+:\d+: unclosed tag: sheetData$/],
    ['an unbound prefix', '<a><x:sheetData/></a>', /^\d+:\d+: unbound namespace prefix: "x"\.$/],
    ['no root', '<?xml version="1.0"?>\n<!-- only -->', /document must contain a root element/],
    ['an empty document', '', /document must contain a root element/],
  ])('names %s in its message', (_what, xml, message) => {
    expect(() => collect(xml)).toThrow(message);
  });

  it('reports where: line and column of the mistake', () => {
    expect(() => collect('<a>\n  <b>\n    fish & chips</b></a>')).toThrow(/^3:10: /);
  });

  it('refuses a DOCTYPE before anything is reported (no entity expansion)', () => {
    const opened: string[] = [];
    expect(() => scanXml('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', { open: (t) => opened.push(t.name), close() { /* nothing */ }, text() { /* nothing */ } })).toThrow(XmlDoctype);
    expect(opened).toEqual([]);
  });

  it('attributes are read only when asked: attr() takes unprefixed ones, decoded and normalised', () => {
    const seen: (string | undefined)[] = [];
    scanXml('<c xmlns:x="urn:x" r="A&amp;1" x:t="no" t="s&#10;b" s="1\r\n2\t3"/>', {
      open(t) { seen.push(t.attr('r'), t.attr('t'), t.attr('s'), t.attr('x'), t.attr('missing')); },
      close() { /* nothing */ },
      text() { /* nothing */ },
    });
    expect(seen).toEqual(['A&1', 's\nb', '1 2 3', undefined, undefined]);
  });

  it('self-closing tags are opened and closed, flagged; text runs are never empty', () => {
    expect(collect('<a><b/><c></c><![CDATA[]]><d>x</d></a>')).toEqual({ opens: ['a', 'b/', 'c', 'd'], texts: 1 });
  });

  it('an element nested 200,000 deep is read without recursion (no stack overflow); left open, it is refused naming it', () => {
    const depth = 200_000;
    let deepest = 0;
    let open = 0;
    scanXml(`${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`, { open() { deepest = Math.max(deepest, ++open); }, close() { open--; }, text() { /* nothing */ } });
    expect(deepest).toBe(depth);
    expect(() => collect(`${'<a>'.repeat(depth)}${'</a>'.repeat(depth - 1)}`)).toThrow(/unclosed tag: a$/);
  });

  it('text a handler does not read is still checked: a bad reference deep in 8,000 characters of &quot; is refused', () => {
    const formula = '&quot;a&quot;&amp;'.repeat(450);
    const handler: XmlHandler = { open() { /* nothing */ }, close() { /* nothing */ }, text() { /* never reads .value */ } };
    expect(() => scanXml(`<f>${formula}</f>`, handler)).not.toThrow();
    expect(() => scanXml(`<f>${formula}&quo;</f>`, handler)).toThrow(/undefined entity/);
    expect(() => scanXml(`<f>${formula}]]></f>`, handler)).toThrow(/"]]>" is disallowed/);
  });
});

// The scanner's fast paths (attribute values taken as written when nothing in them needs
// normalising, a name's colons noted while it is scanned, `</name>` closing what is open checked in
// one comparison), each against saxes on the documents it takes the fast path for and on near misses.
describe('xml scanner: fast paths agree with saxes', () => {
  /** Unprefixed attributes as saxes reports them (attr() answers for these): local name → value. */
  const saxesPlain = (xml: string): Record<string, string>[] => {
    const out: Record<string, string>[] = [];
    for (const e of withSaxes(xml)) {
      if (e[0] !== 'open') continue;
      const attrs: Record<string, string> = {};
      for (const [name, prefix, , , value] of e[5]) if (prefix === '') attrs[name] = value;
      out.push(attrs);
    }
    return out;
  };
  const scannerPlain = (xml: string, asked: readonly string[]): Record<string, string>[] => {
    const out: Record<string, string>[] = [];
    scanXml(xml, {
      open(t) {
        const attrs: Record<string, string> = {};
        for (const name of asked) {
          const v = t.attr(name);
          if (v !== undefined) attrs[name] = v;
        }
        out.push(attrs);
      },
      close() { /* nothing */ },
      text() { /* nothing */ },
    });
    return out;
  };

  it('attr() gives what saxes gives for every unprefixed attribute of random documents (entities, references, line ends, tabs, both quotes)', () => {
    fc.assert(fc.property(document, ({ xml }) => {
      // (The generator can, rarely, write `]]>` in text: then both refuse.)
      let expected: Record<string, string>[] | undefined;
      try { expected = saxesPlain(xml); } catch { expected = undefined; }
      if (expected === undefined) expect(() => scannerPlain(xml, [])).toThrow(XmlError);
      else expect(scannerPlain(xml, ['r', 's', 't', 'a', 'xmlns', 'missing'])).toEqual(expected);
    }), { numRuns: 400 });
  });

  // A `<c>` as writers write it, attributes in any order, either quote, any white space around `=`
  // and between attributes, values plain or needing normalisation; sometimes a mistake.
  const SPACE = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', ' \r ');
  const VALUE = fc.oneof(
    fc.constantFrom('A1', 'XFD1048576', '13', 's', 'str', 'inlineStr', '', ' ', 'a b'),
    fc.constantFrom('&amp;', '&quot;', '&apos;', '&lt;', '&gt;', '&#65;', '&#x41;', 'a\tb', 'a\nb', 'a\r\nb', 'x&amp;y&#10;z'),
    // Mistakes: a bare &, an unknown entity, a reference to no character, '<' in a value.
    fc.constantFrom('a & b', '&nbsp;', '&#0;', '&#xD800;', 'x<y', '&amp', '&#;'),
  );
  const cellTag = fc.record({
    attrs: fc.shuffledSubarray(['r', 's', 't', 'cm', 'vm'], { minLength: 0 }),
    values: fc.array(VALUE, { minLength: 5, maxLength: 5 }),
    quotes: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    before: fc.array(SPACE, { minLength: 5, maxLength: 5 }),
    around: fc.array(fc.constantFrom('=', ' = ', '\t=\n', '='), { minLength: 5, maxLength: 5 }),
    end: fc.constantFrom('>', ' >', '/>', ' />', '\n/>'),
    duplicate: fc.boolean(),
  }).map(({ attrs, values, quotes, before, around, end, duplicate }) => {
    const names = duplicate && attrs.length > 0 ? [...attrs, attrs[0]!] : attrs;
    const body = names.map((n, i) => {
      const q = quotes[i % 5] ? '"' : "'";
      return `${before[i % 5]!}${n}${around[i % 5]!}${q}${values[i % 5]!}${q}`;
    }).join('');
    const tag = `<c${body}${end}`;
    return `<row xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${tag}${end.endsWith('/>') ? '' : '<v>1</v></c>'}</row>`;
  });

  it('<c r s t> in any order, quoting and spacing: the same values as saxes, and refused exactly when saxes refuses', () => {
    fc.assert(fc.property(cellTag, (xml) => {
      let expected: Record<string, string>[] | undefined;
      try { expected = saxesPlain(xml); } catch { expected = undefined; }
      if (expected === undefined) expect(() => scannerPlain(xml, ['r', 's', 't', 'cm', 'vm'])).toThrow(XmlError);
      else expect(scannerPlain(xml, ['xmlns', 'r', 's', 't', 'cm', 'vm', 'x'])).toEqual(expected);
    }), { numRuns: 1500 });
  });

  // Formula text as a sheet holds it: thousands of `&quot;`, checked though never decoded.
  const FORMULA_PIECE = fc.constantFrom(
    'IF(', 'A1', '=', ',', ')', '&quot;', '&amp;', '&lt;', '&gt;', '&apos;', '&#34;', '&#x22;', '&#x1F600;', 'é', '\r\n', ']]',
    // Mistakes inside <f>: bare &, unknown or unterminated entities, bad character references, ']]>'.
    '&', '& ', '&quo;', '&quot', '&amp', '&#;', '&#x;', '&#0;', '&#xFFFE;', '&a b;', ']]>',
  );
  const formula = fc.array(FORMULA_PIECE, { maxLength: 40 }).map((a) => a.join(''));

  it('entities and mistakes inside <f>: refused exactly when saxes refuses; the text, when read, is saxes\'s', () => {
    fc.assert(fc.property(formula, fc.boolean(), (f, read) => {
      const xml = `<worksheet><sheetData><row r="1"><c r="A1"><f>${f}</f><v>1</v></c></row></sheetData></worksheet>`;
      let expected: Event[] | undefined;
      try { expected = withSaxes(xml); } catch { expected = undefined; }
      // Unread (as the reader leaves formula text) and read, the verdict is the same.
      const handler: XmlHandler = { open() { /* nothing */ }, close() { /* nothing */ }, text(t) { if (read) void t.value; } };
      if (expected === undefined) {
        expect(() => scanXml(xml, handler)).toThrow(XmlError);
      } else {
        expect(() => scanXml(xml, handler)).not.toThrow();
        expect(withScanner(xml)).toEqual(expected);
      }
    }), { numRuns: 2000 });
  });

  it('names with colons anywhere (elements, attributes, end tags): refused exactly when saxes refuses', () => {
    const name = fc.array(fc.constantFrom('a', 'b', ':', 'x', '1', '-'), { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
    fc.assert(fc.property(name, name, fc.boolean(), (el, at, sameEnd) => {
      const xml = `<r xmlns:a="urn:a" xmlns:x="urn:x"><${el} ${at}="1"></${sameEnd ? el : `${el}b`}></r>`;
      let ok = true;
      try { withSaxes(xml); } catch { ok = false; }
      if (ok) expect(withScanner(xml)).toEqual(withSaxes(xml));
      else expect(() => withScanner(xml)).toThrow(XmlError);
    }), { numRuns: 1500 });
  });

  // The messages the fast paths must keep (they were the general path's before it).
  const message = (xml: string): string => {
    try { scanXml(xml, { open() { /* nothing */ }, close() { /* nothing */ }, text() { /* nothing */ } }); } catch (e) { return (e as Error).message; }
    return 'accepted';
  };
  // Each message as the scanner gave it before these fast paths (checked against that version).
  it.each([
    ['<a:b:c/>', '1:2: malformed name: a:b:c.'],
    ['<:a/>', '1:2: malformed name: :a.'],
    ['<a:/>', '1:2: malformed name: a:.'],
    ['<r><q :a="1"/></r>', '1:7: malformed name: :a.'],
    ['<r><q a:="1"/></r>', '1:7: malformed name: a:.'],
    ['<a:b:c d="1" d="2"/>', '1:14: duplicate attribute: d.'],
    ['<r><ab></a></r>', '1:8: unexpected close tag: </a> where <ab> is open.'],
    ['<r><a></ab></r>', '1:7: unexpected close tag: </ab> where <a> is open.'],
    ['<r><a></a \n></r>', 'accepted'],
    ['<r><a></a', '1:10: unexpected end.'],
    ['<r><a></a x></r>', '1:11: disallowed character in closing tag.'],
    ['<r></r></r>', '1:8: unmatched closing tag: r.'],
    ['<r><c r="A1&quot;" s="1\t2"/></r>', 'accepted'],
    ['<r><c r="A1" s="1<"/></r>', '1:18: disallowed character.'],
    ['<r><c r="A1 & B"/></r>', '1:13: disallowed character in entity name.'],
    ['<r><c r="A1" s="2/></r>', '1:20: disallowed character.'],
    ['<r><c r="A1" s="2', '1:18: unexpected end.'],
    ['<r><a:b xmlns:a="urn:a"></a:b></r>', 'accepted'],
    ['<r><a:b xmlns:a="urn:a"></a:c></r>', '1:25: unexpected close tag: </a:c> where <a:b> is open.'],
    ['<r><a:b:c xmlns:a="urn:a" a:d="1"/></r>', '1:5: malformed name: a:b:c.'],
    ['<r><a:b:c xmlns:a="urn:a" u:d="1"/></r>', '1:5: malformed name: a:b:c.'],
    ['<r><a:b:c xmlns:b="urn:a" xmlns:x=""/></r>', '1:27: invalid attempt to undefine prefix in XML 1.0'],
    ['<r></', '1:6: unexpected end.'],
    ['<r></1>', '1:6: disallowed character in closing tag.'],
    ['<r><a></a:></r>', '1:7: unexpected close tag: </a:> where <a> is open.'],
  ])('%j: %s', (xml, expected) => {
    expect(message(xml)).toBe(expected);
  });
});
