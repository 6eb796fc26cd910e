import { DEFAULT_CATALOGUE_NAME, defaultCatalogue } from '../catalogue/index';
import { catalogueFromTables } from '../core/catalogue/table';
import { parseCatalogueText, type CatalogueResult } from '../core/catalogue/parse';
import type { Grid } from '../core/grid';
import type { CatalogueLoad, CatalogueSource } from './ports';
import { plural } from '../core/words';

export const MAX_CATALOGUE_BYTES = 2 * 1024 * 1024;
export const CATALOGUE_TIMEOUT_MS = 10_000;

export interface CatalogueLoaderDeps {
  readonly fetch?: typeof fetch;
  readonly readWorkbookGrids: (bytes: Uint8Array) => Promise<Grid[]>;
  readonly timeoutMs?: number;
}

const fail = (message: string): CatalogueLoad => ({ ok: false, message, errors: [{ path: '(root)', message }] });

function fromResult(result: CatalogueResult, label: string): CatalogueLoad {
  if (result.ok) return { ok: true, catalogue: result.catalogue, label };
  return { ok: false, message: `${label} is not a valid catalogue (${plural(result.errors.length, 'problem')}).`, errors: result.errors };
}

const decode = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

/**
 * Loads a catalogue from the embedded default, a file (JSON, or the BI team's .xlsx table) or an
 * HTTPS URL, always through the schema. A failed load keeps the last good catalogue in use.
 */
export function catalogueLoader(deps: CatalogueLoaderDeps): (source: CatalogueSource) => Promise<CatalogueLoad> {
  let lastGood: CatalogueLoad | undefined;
  const keep = (load: CatalogueLoad): CatalogueLoad => {
    if (load.ok) {
      lastGood = load;
      return load;
    }
    return lastGood?.ok ? { ...load, message: `${load.message} Still using ${lastGood.label}.` } : load;
  };
  return async (source) => keep(await loadOnce(source, deps));
}

async function loadOnce(source: CatalogueSource, deps: CatalogueLoaderDeps): Promise<CatalogueLoad> {
  if (source.kind === 'default') return { ok: true, catalogue: defaultCatalogue(), label: DEFAULT_CATALOGUE_NAME };
  if (source.kind === 'file') {
    if (source.bytes.byteLength > MAX_CATALOGUE_BYTES * 5) return fail(`${source.name} is too large for a catalogue.`);
    if (/\.xlsx$/i.test(source.name)) {
      let grids: Grid[];
      try {
        grids = await deps.readWorkbookGrids(source.bytes);
      } catch (e) {
        return fail(`${source.name} could not be read as an Excel workbook (${(e as Error).message}).`);
      }
      return fromResult(catalogueFromTables(grids), source.name);
    }
    return fromResult(parseCatalogueText(decode(source.bytes)), source.name);
  }
  return loadUrl(source.url, deps);
}

async function loadUrl(text: string, deps: CatalogueLoaderDeps): Promise<CatalogueLoad> {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return fail(`"${text}" is not a web address.`);
  }
  if (url.protocol !== 'https:') return fail(`The catalogue address must start with https:// (got ${url.protocol}//).`);
  const doFetch = deps.fetch ?? (typeof fetch === 'function' ? fetch : undefined);
  if (!doFetch) return fail('This host cannot fetch from the web.');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? CATALOGUE_TIMEOUT_MS);
  try {
    const response = await doFetch(url.href, { signal: controller.signal, credentials: 'omit', redirect: 'follow' });
    if (!response.ok) return fail(`${url.host} answered ${response.status} ${response.statusText}`.trim() + '.');
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_CATALOGUE_BYTES) return fail(`The catalogue at ${url.host} is over 2 MB.`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > MAX_CATALOGUE_BYTES) return fail(`The catalogue at ${url.host} is over 2 MB.`);
    return fromResult(parseCatalogueText(decode(bytes)), url.href);
  } catch (e) {
    if (controller.signal.aborted) return fail(`${url.host} did not answer within ${Math.round((deps.timeoutMs ?? CATALOGUE_TIMEOUT_MS) / 1000)} seconds.`);
    return fail(`The catalogue could not be fetched from ${url.host} (${(e as Error).message}).`);
  } finally {
    clearTimeout(timer);
  }
}
