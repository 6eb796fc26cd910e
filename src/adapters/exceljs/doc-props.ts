import type JSZip from 'jszip';

/** JSZip on first use, not when the command line starts (issue 19). */
async function loadZip(bytes: Uint8Array): Promise<JSZip> {
  const { default: Zip } = await import('jszip');
  return Zip.loadAsync(bytes);
}

/**
 * Custom document properties (docProps/custom.xml). ExcelJS neither writes nor reads them, so the
 * zip is edited directly: the part, its content-type override and the package relationship.
 */
export const CUSTOM_PART = 'docProps/custom.xml';
const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
// The FMTID every custom property carries (Office's "user defined properties" set).
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

function escapeXml(text: string): string {
  return text
    // Characters XML 1.0 cannot hold at all.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e] ?? '';
  });
}

export function customPropertiesXml(props: Readonly<Record<string, string>>): string {
  const items = Object.entries(props).map(([name, value], i) =>
    `<property fmtid="${FMTID}" pid="${i + 2}" name="${escapeXml(name)}"><vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property>`);
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
    `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${items.join('')}</Properties>`;
}

/** [Content_Types].xml with the custom properties part declared (once). */
export function withCustomType(types: string): string {
  if (types.includes(`PartName="/${CUSTOM_PART}"`)) return types;
  return types.replace('</Types>', `<Override PartName="/${CUSTOM_PART}" ContentType="${CUSTOM_TYPE}"/></Types>`);
}

/** The package relationships (_rels/.rels) with one to the custom properties part (once). */
export function withCustomRel(rels: string): string {
  if (rels.includes(CUSTOM_REL)) return rels;
  const used = new Set([...rels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
  let n = 1;
  while (used.has(`rIdCustom${n}`)) n++;
  return rels.replace('</Relationships>', `<Relationship Id="rIdCustom${n}" Type="${CUSTOM_REL}" Target="${CUSTOM_PART}"/></Relationships>`);
}

/** The workbook with its custom properties replaced by `props`. */
export async function writeCustomProperties(bytes: Uint8Array, props: Readonly<Record<string, string>>): Promise<Uint8Array> {
  const zip = await loadZip(bytes);
  zip.file(CUSTOM_PART, customPropertiesXml(props));
  const typesFile = zip.file('[Content_Types].xml');
  const relsFile = zip.file('_rels/.rels');
  if (!typesFile || !relsFile) throw new Error('not an .xlsx package (no [Content_Types].xml or _rels/.rels)');
  const types = await typesFile.async('string');
  const typed = withCustomType(types);
  if (typed !== types) zip.file('[Content_Types].xml', typed);
  const rels = await relsFile.async('string');
  const related = withCustomRel(rels);
  if (related !== rels) zip.file('_rels/.rels', related);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Custom properties of a loaded package, every value as text (numbers and booleans as written). */
export async function customPropertiesOf(zip: JSZip): Promise<Record<string, string>> {
  const rels = (await zip.file('_rels/.rels')?.async('string')) ?? '';
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(CUSTOM_REL));
  const target = rel ? /Target="([^"]+)"/.exec(rel)?.[1] : undefined;
  const xml = await zip.file((target ?? CUSTOM_PART).replace(/^\//, ''))?.async('string');
  const out: Record<string, string> = {};
  if (!xml) return out;
  for (const m of xml.matchAll(/<(?:\w+:)?property\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?property>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1] ?? '')?.[1];
    const value = /<(?:\w+:)?\w+>([\s\S]*?)<\/(?:\w+:)?\w+>/.exec(m[2] ?? '')?.[1] ?? '';
    if (name !== undefined) out[unescapeXml(name)] = unescapeXml(value);
  }
  return out;
}

export async function readCustomProperties(bytes: Uint8Array): Promise<Record<string, string>> {
  return customPropertiesOf(await loadZip(bytes));
}
