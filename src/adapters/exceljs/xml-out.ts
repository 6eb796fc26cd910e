import { xmlText } from './stream-rows';

/**
 * XML as ExcelJS 4.4's XmlStream writes it (lib/utils/xml-stream.js), for the package parts that
 * sheet-writer.ts and book-parts.ts make in its place: attributes in the order given, undefined
 * ones left out, every value through String() and xmlEncode (xmlText); an element with no
 * content closed as `<a/>`, one whose content is the empty string as `<a></a>`.
 */
export type Attributes = Readonly<Record<string, string | number | boolean | undefined | null>>;

export function attrs(attributes: Attributes | undefined): string {
  let out = '';
  if (attributes) for (const name of Object.keys(attributes)) {
    const value = attributes[name];
    if (value !== undefined) out += ` ${name}="${xmlText(String(value))}"`;
  }
  return out;
}

/** `<name …/>`, or with `text` (escaped) `<name …>text</name>`. */
export function leaf(name: string, attributes?: Attributes, text?: string | number): string {
  const head = `<${name}${attrs(attributes)}`;
  return text === undefined ? `${head}/>` : `${head}>${xmlText(String(text))}</${name}>`;
}

/** `<name …>inner</name>`, where `inner` is XML already; `<name …/>` when it is empty. */
export function node(name: string, attributes: Attributes | undefined, inner: string): string {
  const head = `<${name}${attrs(attributes)}`;
  return inner ? `${head}>${inner}</${name}>` : `${head}/>`;
}

/** The declaration XmlStream.openXml writes (with its newline) before a part's root. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
