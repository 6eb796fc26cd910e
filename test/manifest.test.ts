import { readFileSync } from 'fs';
import path from 'path';
import { execFileSync } from 'child_process';
import { OfficeAddinManifest } from 'office-addin-manifest';

const root = path.join(__dirname, '..');
const xml = readFileSync(path.join(root, 'manifest.xml'), 'utf8');

function children(tag: string, source = xml): string[] {
  const body = new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`).exec(source)?.[1] ?? '';
  return [...body.matchAll(/^\s{2,4}<([A-Za-z]+)[\s/>]/gm)].map((m) => m[1] as string);
}

describe('manifest.xml', () => {
  it('is read by office-addin-manifest as an Excel task pane add-in', async () => {
    const info = await OfficeAddinManifest.readManifestFile(path.join(root, 'manifest.xml'));
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.defaultLocale).toBe('en-GB');
  });

  it('keeps the element order the schema requires', () => {
    const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
      'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    const top = [...xml.matchAll(/^ {2}<([A-Za-z]+)[\s/>]/gm)].map((m) => m[1]);
    expect(top).toEqual(order);
  });

  it('asks for ExcelApi 1.9 and opens the pane from a Home tab button', () => {
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1\.9"\/>/);
    expect(xml).toMatch(/<OfficeTab id="TabHome">[\s\S]*<Action xsi:type="ShowTaskpane">/);
  });

  it('resolves every resid to a resource', () => {
    const ids = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(ids).toContain(id);
  });

  it('uses only https URLs and ships every icon it names', () => {
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1] as string);
    for (const url of urls) expect(url.startsWith('https://')).toBe(true);
    for (const size of [16, 32, 64, 80, 128]) {
      const png = readFileSync(path.join(root, 'assets', `icon-${size}.png`));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(size);
    }
    expect(children('Hosts')).toContain('Host');
  });

  it('gives the ribbon group and button every icon size the icon guidelines list, each a PNG of that size', () => {
    // https://learn.microsoft.com/office/dev/add-ins/design/add-in-icons: 16, 20, 24, 32, 40, 48, 64, 80 px.
    const sizes = [16, 20, 24, 32, 40, 48, 64, 80];
    const icons = [...xml.matchAll(/<Icon>([\s\S]*?)<\/Icon>/g)].map((m) => m[1] as string);
    expect(icons).toHaveLength(2);
    for (const icon of icons) {
      const listed = [...icon.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"\/>/g)].map((m) => ({ size: Number(m[1]), resid: m[2] as string }));
      expect(listed.map((i) => i.size)).toEqual(sizes);
      for (const { size, resid } of listed) {
        const url = new RegExp(`<bt:Image id="${resid.replace('.', '\\.')}" DefaultValue="https://[^"]+/assets/([^"]+)"/>`).exec(xml)?.[1];
        expect(url).toBe(`icon-${size}.png`);
        const png = readFileSync(path.join(root, 'assets', url as string));
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      }
    }
  });

  it('leaves no localhost in the production manifest', () => {
    const out = path.join(root, 'dist-manifest-test');
    execFileSync(process.execPath, [path.join(root, 'scripts', 'production-manifest.js'), '--out', out], {
      env: { ...process.env, SCORECARD_PRODUCTION_URL: 'https://scorecard.harrow.example/' },
    });
    const prod = readFileSync(path.join(out, 'manifest.xml'), 'utf8');
    require('fs').rmSync(out, { recursive: true, force: true });
    expect(prod).not.toMatch(/localhost/);
    expect(prod).toContain('https://scorecard.harrow.example/taskpane.html');
    expect(prod).toContain('<AppDomain>https://scorecard.harrow.example</AppDomain>');
  });
});
