import * as fs from 'node:fs';
import * as path from 'node:path';
import { readWorkbookGrids } from '../../src/adapters/exceljs/read';
import { directionText } from '../../src/core/cabinet/cells';
import { readCabinetTable } from '../../src/core/cabinet/previous';
import type { Grid } from '../../src/core/grid';
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

  it('builds a BI master of the four quarters before, so the paper has direction of travel and trends', async () => {
    const master = JSON.parse(fs.readFileSync(path.join(dir, 'demo', 'bi-master.json'), 'utf8'));
    expect(master.periods.map((p: { period: string }) => p.period)).toEqual(['2023-24 Q2', '2023-24 Q3', '2023-24 Q4', '2024-25 Q1']);
    expect(fs.readdirSync(path.join(dir, 'demo', 'earlier'))).toEqual(['2023-24-q2', '2023-24-q3', '2023-24-q4', '2024-25-q1']);
    const cabinet = fs.readdirSync(path.join(dir, 'demo')).find((f) => /^cabinet-.*\.xlsx$/.test(f)) ?? '';
    const book = await readWorkbookGrids(new Uint8Array(fs.readFileSync(path.join(dir, 'demo', cabinet))));
    expect(book.sheets.map((g) => g.sheet)).toEqual(['Cabinet 2024-25 Q2', 'Trends 2024-25 Q2']);
    const table = readCabinetTable(book.sheets[0] as Grid);
    const col = table?.columns.dirPrevious ?? -1;
    const yearCol = table?.columns.dirLastYear ?? -1;
    const directions = (table?.rows ?? []).map((r) => [r[col], r[yearCol]]);
    // Each direction is an arrow and a word: `↑ Improving`, `↓ Worsening`.
    expect(directions.filter(([p]) => p === '↑ Improving' || p === '↓ Worsening').length).toBeGreaterThan(20);
    expect(directions.filter(([, y]) => y === '↑ Improving' || y === '↓ Worsening').length).toBeGreaterThan(20);
    // A lead's check with the master: each row's direction against the quarter before.
    const json = await run(dir, ['validate', 'demo/returns/customer-services.xlsx', '--history', 'demo/bi-master.json', '--json']);
    const rows: { ref: string; direction: string }[] = JSON.parse(json.out).files[0].rows;
    const cs01 = table?.rows.find((r) => r[table.columns.ref ?? 0] === 'CS01');
    expect(directionText(rows.find((r) => r.ref === 'CS01')?.direction ?? '')).toBe(cs01?.[col]);
    expect(rows.every((r) => ['Improving', 'Worsening', 'No change', ''].includes(r.direction))).toBe(true);
    expect(rows.filter((r) => r.direction !== '').length).toBeGreaterThan(2);
    expect((await run(dir, ['validate', 'demo/returns/customer-services.xlsx', '--history', 'demo/bi-master.json'])).out).toMatch(/Direction vs last quarter: \d+ (improving|worsening)/);
    expect(JSON.parse((await run(dir, ['validate', 'demo/returns/customer-services.xlsx', '--json'])).out).files[0].rows.every((r: { direction: string }) => r.direction === '')).toBe(true);
    const bad = await run(dir, ['validate', 'demo/returns/customer-services.xlsx', '--history', 'demo/nope.json']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^scorecard: demo\/nope\.json: no such file\n$/);
    // Rerunning the BI step on the demo's master records the quarter, as the README says.
    const closed = await run(dir, ['consolidate', ...fs.readdirSync(path.join(dir, 'demo', 'returns')).map((f) => `demo/returns/${f}`), '--history', 'demo/bi-master.json', '--out', 'closed.xlsx', '--quiet']);
    expect(closed.code).toBe(1);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'demo', 'bi-master.json'), 'utf8')).periods).toHaveLength(5);
  }, 120000);

  it('validates the demo returns as a batch: progress on a terminal\'s stderr (cleared), one JSON document on stdout, exit 1 for the planted errors', async () => {
    const returns = fs.readdirSync(path.join(dir, 'demo', 'returns')).map((f) => `demo/returns/${f}`);
    const r = await run(dir, ['validate', ...returns, '--json'], {}, { terminal: true });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).files).toHaveLength(returns.length);
    expect(r.err).toContain(`validated 21/${returns.length} files`);
    expect(r.err.endsWith('\r\u001b[K')).toBe(true);
    expect((await run(dir, ['validate', ...returns, '--json'])).err).toBe('');
    expect((await run(dir, ['validate', ...returns, '--json', '--quiet'], {}, { terminal: true })).err).toBe('');
  }, 120000);

  it('refuses a folder that is not empty, unless --force', async () => {
    const again = await run(dir, ['demo', '--out', 'demo']);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/^scorecard: demo: is not empty/);
    expect((await run(dir, ['demo', '--out', 'demo', '--force', '--quiet'])).code).toBe(0);
  }, 120000);
});
