import JSZip from 'jszip';

/**
 * A package's parts as [name, text], in the zip's own entry order (jszip lists the central
 * directory's order), with docProps/core.xml's two times (created, modified: when each was
 * written) set equal, so two writers' packages compare part for part.
 */
export async function packageParts(bytes: Uint8Array): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: [string, string][] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name]?.dir) continue;
    const text = await (zip.file(name) as JSZip.JSZipObject).async('string');
    out.push([name, name === 'docProps/core.xml' ? text.replace(/<dcterms:(created|modified)([^>]*)>[^<]*</g, '<dcterms:$1$2>T<') : text]);
  }
  return out;
}
