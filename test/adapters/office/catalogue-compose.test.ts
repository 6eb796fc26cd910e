import { catalogueLoader } from '../../../src/app/load-catalogue';
import { defaultCatalogue } from '../../../src/catalogue/index';
import { createServices } from '../../../src/composition';

const loader = (fetchImpl: typeof fetch, timeoutMs = 50) => catalogueLoader({ fetch: fetchImpl, readWorkbookGrids: async () => [], timeoutMs });
const okFetch = (body: string, headers: Record<string, string> = {}) => (async () => new Response(body, { status: 200, headers })) as unknown as typeof fetch;

describe('loading a catalogue', () => {
  it.each(['http://example.org/c.json', 'ftp://example.org/c.json', 'not a url'])('rejects %s without fetching', async (url) => {
    let fetched = false;
    const load = loader((async () => { fetched = true; return new Response('{}'); }) as unknown as typeof fetch);
    const r = await load({ kind: 'url', url });
    expect(r.ok).toBe(false);
    expect(fetched).toBe(false);
  });

  it('loads a valid catalogue over HTTPS', async () => {
    const r = await loader(okFetch(JSON.stringify(defaultCatalogue())))({ kind: 'url', url: 'https://example.org/c.json' });
    expect(r.ok).toBe(true);
  });

  it('refuses a body over 2 MB', async () => {
    const r = await loader(okFetch('x'.repeat(2 * 1024 * 1024 + 1)))({ kind: 'url', url: 'https://example.org/c.json' });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/2 MB/) });
  });

  it('gives up after the timeout', async () => {
    const hang = ((_u: string, init: RequestInit) => new Promise((_r, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))))) as unknown as typeof fetch;
    const r = await loader(hang, 20)({ kind: 'url', url: 'https://example.org/c.json' });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/did not answer/) });
  });

  it('keeps the last good catalogue when a load fails, and says so', async () => {
    const load = loader(okFetch('{"schemaVersion": 2}'));
    await load({ kind: 'default' });
    const r = await load({ kind: 'url', url: 'https://example.org/bad.json' });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/Still using/) });
    if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
  });

  it('reads a JSON file', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(defaultCatalogue()));
    expect((await loader(okFetch(''))({ kind: 'file', name: 'c.json', bytes })).ok).toBe(true);
  });
});

describe('composition root', () => {
  it('falls back to the browser preview when Office.js is absent', async () => {
    const s = await createServices({ globals: {} });
    expect(s.host).toMatchObject({ inExcel: false, label: 'Browser preview — not running in Excel' });
  }, 60000);

  it('falls back to the browser preview when Office.onReady says there is no host (a plain browser)', async () => {
    const Office = { onReady: async () => ({ host: null, platform: null }) };
    const s = await createServices({ globals: { Office } });
    expect(s.host.inExcel).toBe(false);
    const result = await s.validate(defaultCatalogue(), { period: '2024-25 Q2' });
    expect(result.rows.length).toBeGreaterThan(0);
  }, 60000);

  it('waits for a slow Office.onReady inside Excel: no timeout into the preview', async () => {
    let ready: (info: { host: string; platform: string }) => void = () => undefined;
    const Office = {
      onReady: () => new Promise((resolve) => { ready = resolve; }),
      context: { platform: 'OfficeOnline', document: { settings: {} }, requirements: { isSetSupported: () => true } },
    };
    const Excel = { run: async () => undefined };
    let settled: boolean | undefined;
    const started = createServices({ globals: { Office, Excel } }).then((s) => { settled = s.host.inExcel; return s; });
    await new Promise((r) => setTimeout(r, 1700));
    expect(settled).toBeUndefined();
    ready({ host: 'Excel', platform: 'OfficeOnline' });
    expect((await started).host.inExcel).toBe(true);
  }, 60000);

  it('refuses another Office host instead of pretending to be the preview', async () => {
    const Office = { onReady: async () => ({ host: 'Word', platform: 'PC' }), context: {} };
    await expect(createServices({ globals: { Office } })).rejects.toThrow(/runs in Excel; it was opened in Word/);
  });

  it('uses Excel.run inside Excel', async () => {
    let ran = 0;
    const Excel = { run: async (...args: unknown[]) => { ran++; expect(typeof args[0]).toBe('function'); return undefined; } };
    const Office = {
      onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
      context: { platform: 'OfficeOnline', document: { settings: {} }, requirements: { isSetSupported: () => true } },
    };
    const s = await createServices({ globals: { Office, Excel } });
    expect(s.host).toMatchObject({ inExcel: true, label: 'Excel on the web', limitations: [] });
    await s.selectCell('Return!A1');
    expect(ran).toBe(1);
  });
});
