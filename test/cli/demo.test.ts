import * as fs from 'node:fs';
import * as path from 'node:path';
import { run, tempDir } from './helpers';

describe('scorecard demo', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes returns, reports, the Cabinet workbook and a README, and prints a friendly summary', async () => {
    const r = await run(dir, ['demo', '--out', 'demo']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const files = fs.readdirSync(path.join(dir, 'demo'));
    expect(files).toEqual(expect.arrayContaining(['README.txt', 'catalogue.json', 'catalogue.xlsx', 'consolidation.json', 'returns', 'reports']));
    const cabinet = files.find((f) => /^cabinet-.*\.xlsx$/.test(f));
    expect(cabinet).toBeDefined();
    const returns = fs.readdirSync(path.join(dir, 'demo', 'returns'));
    expect(returns.length).toBeGreaterThanOrEqual(5);
    const reports = fs.readdirSync(path.join(dir, 'demo', 'reports'));
    expect(reports).toHaveLength(returns.length * 2);
    expect(r.out).toMatch(/Cabinet scorecard 2024-25 Q2: Green \d+/);
    expect(r.out).toMatch(/Where to look next/);
    expect(r.out).toMatch(/Conflicts/);
    expect(r.out).toMatch(/Missing/);
    const readme = fs.readFileSync(path.join(dir, 'demo', 'README.txt'), 'utf8');
    expect(readme).toMatch(/not security/);
    const consolidation = JSON.parse(fs.readFileSync(path.join(dir, 'demo', 'consolidation.json'), 'utf8'));
    expect(consolidation.conflicts.length).toBeGreaterThan(0);
    const states = consolidation.files.map((f: { signOff: string }) => f.signOff);
    expect(states).toContain('signed-off');
    expect(states.some((s: string) => s !== 'signed-off')).toBe(true);
    const errors = consolidation.files.flatMap((f: { issues: { code: string; severity: string }[] }) => f.issues.filter((i) => i.severity === 'error').map((i) => i.code));
    expect(errors).toEqual(expect.arrayContaining(['commentary-required', 'missing']));
    expect((await run(dir, ['verify', `demo/${cabinet}`])).code).toBe(0);
  }, 120000);

  it('validates the demo returns as a batch: progress on stderr, one JSON document on stdout, exit 1 for the planted errors', async () => {
    const returns = fs.readdirSync(path.join(dir, 'demo', 'returns')).map((f) => `demo/returns/${f}`);
    const r = await run(dir, ['validate', ...returns, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).files).toHaveLength(returns.length);
    expect(r.err).toContain(`validated ${returns.length}/${returns.length} files`);
    expect((await run(dir, ['validate', ...returns, '--json', '--quiet'])).err).toBe('');
  }, 120000);

  it('refuses a folder that is not empty, unless --force', async () => {
    const again = await run(dir, ['demo', '--out', 'demo']);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/^scorecard: demo: is not empty/);
    expect((await run(dir, ['demo', '--out', 'demo', '--force', '--quiet'])).code).toBe(0);
  }, 120000);
});
