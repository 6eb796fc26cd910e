import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultCatalogue } from '../../src/catalogue';
import { run, tempDir } from './helpers';

describe('catalogue commands', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('export then import gives back the embedded catalogue exactly', async () => {
    expect((await run(dir, ['catalogue', 'export', '--out', 'cat.xlsx'])).code).toBe(0);
    const imported = await run(dir, ['catalogue', 'import', 'cat.xlsx', '--out', 'cat.json']);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'cat.json'), 'utf8'))).toEqual(defaultCatalogue());
  });

  it('checks a JSON file and a workbook alike', async () => {
    expect((await run(dir, ['catalogue', 'check', 'cat.json'])).out).toMatch(new RegExp(`cat\\.json: valid\\. .*${defaultCatalogue().indicators.length} indicators`));
    expect((await run(dir, ['catalogue', 'check', 'cat.xlsx'])).code).toBe(0);
    expect((await run(dir, ['catalogue', 'export', 'cat.json', '--out', 'again.xlsx', '-q'])).code).toBe(0);
  });

  it('refuses an import that would write an invalid catalogue', async () => {
    fs.writeFileSync(path.join(dir, 'not.xlsx'), 'x');
    const r = await run(dir, ['catalogue', 'import', 'not.xlsx', '--out', 'x.json']);
    expect(r.code).toBe(2);
    expect(fs.existsSync(path.join(dir, 'x.json'))).toBe(false);
  });

  it.each([[['catalogue']], [['catalogue', 'frob']], [['catalogue', 'import']]])('%j is a usage error', async (argv) => {
    const r = await run(dir, argv);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
