/**
 * XML as ExcelJS 4.4's XmlStream writes it (lib/utils/xml-stream.js), for the package parts that
 * sheet-writer.ts and book-parts.ts make in its place: attributes in the order given, undefined
 * ones left out, every value through String() and xmlEncode (xmlText); an element with no
 * content closed as `<a/>`, one whose content is the empty string as `<a></a>`.
 */
const ENTITY: Readonly<Record<string, string>> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const NEEDS_ESCAPE = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/;
const ESCAPES = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g;

/**
 * Text as ExcelJS 4.4 puts it in XML (lib/utils/utils.js xmlEncode): the five markup characters as
 * entities; C0 controls other than tab, LF and CR, and DEL, dropped (XML 1.0 cannot hold them).
 * `_x0041_`-like text is left as it is, as ExcelJS leaves it.
 */
export function xmlText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPES, (ch) => ENTITY[ch] ?? '') : text;
}

type Value = string | number | boolean | undefined | null;
export type Attributes = Readonly<Record<string, Value>> | readonly (readonly [string, Value])[];

/** ` name="value"` for each attribute given (an object, or name and value pairs), in order. */
export function attrs(attributes: Attributes | undefined): string {
  let out = '';
  if (attributes) for (const [name, value] of Array.isArray(attributes) ? attributes : Object.entries(attributes)) {
    if (value !== undefined) out += ` ${name}="${xmlText(String(value))}"`;
  }
  return out;
}

/** Attributes as given, or already written out by attrs. */
const head = (name: string, attributes: Attributes | string | undefined): string => `<${name}${typeof attributes === 'string' ? attributes : attrs(attributes)}`;

/** `<name …/>`, or with `text` (escaped) `<name …>text</name>`. */
export function leaf(name: string, attributes?: Attributes | string, text?: string | number): string {
  return text === undefined ? `${head(name, attributes)}/>` : `${head(name, attributes)}>${xmlText(String(text))}</${name}>`;
}

/** `<name …>inner</name>`, where `inner` is XML already; `<name …/>` when it is empty. */
export function node(name: string, attributes: Attributes | string | undefined, inner = ''): string {
  return inner ? `${head(name, attributes)}>${inner}</${name}>` : `${head(name, attributes)}/>`;
}

/** A colour element as ColorXform writes it (§18.8.9 CT_Color): rgb, else theme (with tint), else indexed, else auto; nothing without one. */
export function colorXml(tag: string, c: { argb?: string; theme?: number; tint?: number; indexed?: number } | undefined): string {
  if (!c) return '';
  if (c.argb) return leaf(tag, { rgb: c.argb });
  if (c.theme !== undefined) return leaf(tag, { theme: c.theme, tint: c.tint });
  if (c.indexed !== undefined) return leaf(tag, { indexed: c.indexed });
  return leaf(tag, { auto: '1' });
}

/** The declaration XmlStream.openXml writes (with its newline) before a part's root. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
