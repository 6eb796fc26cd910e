import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { inCi } from '../helpers/tools';
import { fillReturn, run, tempDir } from './helpers';

/**
 * The golden Cabinet paper. Fixed input (test/golden/catalogue.json and cabinet-input.json: two
 * quarters of returns, a BI master, fixed clock) goes through the real CLI: template, a lead types
 * the values, consolidate. The second quarter's data fingerprint must equal the literal below and
 * its workbook must hold, sheet by sheet and cell by cell, the values of the committed
 * test/golden/cabinet.xlsx (values, not zip bytes: ExcelJS stamps the zip with the time).
 *
 * Papers already sent to members are verified against this fingerprint definition, so a change in
 * the algorithm or in what the Cabinet paper says fails here. If the change is meant:
 *   SCORECARD_UPDATE_GOLDEN=1 npx jest test/cli/golden-cabinet.test.ts
 * rewrites cabinet.xlsx; copy the new fingerprint it reports into FINGERPRINT by hand, and say
 * in the commit why exported papers change.
 */
// Fingerprint v3 (issue 18.4): the data text is v2's under a new first line, so the hash changed;
// test/golden/cabinet.xlsx stays a v2 paper, the older version that must still verify.
const FINGERPRINT = 'dca7cc111b89e99aede57884dd6196f4868c60f4fa738607826ba08dca921119';
/** The v2 fingerprint test/golden/cabinet.xlsx was exported with (its footer says so). */
const GOLDEN_V2_FINGERPRINT = '7f7c7bbb137afd6a15ea2c03769caf272d36550dd3f7df4161102a61e4904d7a';

const golden = path.join(__dirname, '..', 'golden');
const goldenBook = path.join(golden, 'cabinet.xlsx');
const update = process.env.SCORECARD_UPDATE_GOLDEN === '1';

interface Quarter {
  readonly period: string;
  readonly now: string;
  readonly returns: readonly {
    readonly file: string;
    readonly service: string;
    readonly labels: Record<string, string>;
    readonly entries: Record<string, Record<string, ExcelJS.CellValue>>;
  }[];
}

/** Every non-empty cell of every sheet as `address → value`, with ExcelJS's value shapes made plain. */
async function cellValues(bytes: Uint8Array): Promise<{ sheets: string[]; cells: Record<string, Record<string, unknown>> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const cells: Record<string, Record<string, unknown>> = {};
  for (const ws of wb.worksheets) {
    const sheet: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => {
      const v = plain(cell.value);
      if (v !== null && v !== '') sheet[cell.address] = v;
    }));
    cells[ws.name] = sheet;
  }
  return { sheets: wb.worksheets.map((ws) => ws.name), cells };
}

function plain(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return { date: v.toISOString() };
  if (typeof v !== 'object') return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return { formula: 'formula' in v ? v.formula : v.sharedFormula, result: plain((v.result ?? null) as ExcelJS.CellValue) };
  if ('error' in v) return { error: v.error };
  if ('hyperlink' in v) return { text: plain(v.text as ExcelJS.CellValue), hyperlink: v.hyperlink };
  return v;
}

describe('the golden Cabinet workbook', () => {
  const input = JSON.parse(fs.readFileSync(path.join(golden, 'cabinet-input.json'), 'utf8')) as { quarters: Quarter[] };
  const dir = tempDir();
  let fingerprint = '';
  let bytes: Uint8Array;

  beforeAll(async () => {
    if (update && inCi()) throw new Error('SCORECARD_UPDATE_GOLDEN is for a person regenerating the golden file, never for CI');
    fs.copyFileSync(path.join(golden, 'catalogue.json'), path.join(dir, 'catalogue.json'));
    for (const q of input.quarters) {
      const files: string[] = [];
      for (const r of q.returns) {
        const blank = `blank-${r.file}`;
        const t = await run(dir, ['template', '--catalogue', 'catalogue.json', '--period', q.period, '--service', r.service, '--out', blank, '--force', '--quiet']);
        if (t.code !== 0) throw new Error(`template for ${r.service} exited ${t.code}: ${t.err}`);
        await fillReturn(dir, blank, r.file, r.entries, r.labels);
        files.push(r.file);
      }
      const out = `cabinet-${q.period.replace(/\s/g, '-')}.xlsx`;
      const c = await run(dir, ['consolidate', ...files, '--catalogue', 'catalogue.json', '--period', q.period, '--history', 'master.json', '--out', out, '--json', '--force'], { SCORECARD_NOW: q.now });
      if (c.code === 2) throw new Error(`consolidate ${q.period} could not run: ${c.err}`);
      fingerprint = String((JSON.parse(c.out) as { fingerprint: unknown }).fingerprint);
      bytes = new Uint8Array(fs.readFileSync(path.join(dir, out)));
    }
    if (update) {
      fs.writeFileSync(goldenBook, bytes);
      console.warn(`Wrote ${goldenBook}. Its data fingerprint is ${fingerprint}: put it in FINGERPRINT.`);
    }
  }, 60_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('has the data fingerprint written down here, literally', () => {
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint).toBe(FINGERPRINT);
  });

  it('holds, sheet by sheet, the values of test/golden/cabinet.xlsx', async () => {
    const fresh = await cellValues(bytes);
    const expected = await cellValues(new Uint8Array(fs.readFileSync(goldenBook)));
    expect(fresh.sheets).toEqual(expected.sheets);
    for (const sheet of expected.sheets) expect({ sheet, cells: fresh.cells[sheet] }).toEqual({ sheet, cells: expected.cells[sheet] });
  });

  it('verifies as unchanged: a paper exported before today still checks out (data and sheet fingerprints)', async () => {
    const v = await run(dir, ['verify', goldenBook]);
    expect(v.err).toBe('');
    expect(v.out).toMatch(/unchanged/);
    expect(v.out).toMatch(/older version \(scorecard-fingerprint v2\), which does not cover number formats, hidden rows/);
    expect(v.code).toBe(0);
  });

  it('verifies the paper exported today as unchanged, without the older-version note', async () => {
    fs.writeFileSync(path.join(dir, 'fresh.xlsx'), bytes);
    const v = await run(dir, ['verify', 'fresh.xlsx']);
    expect(v.err).toBe('');
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/unchanged/);
    expect(v.out).not.toMatch(/older version/);
  });

  it('verifies a paper made with the v1 fingerprint (before issue 15: Target as text, directions without arrows) as unchanged', async () => {
    const v = await run(dir, ['verify', path.join(golden, 'cabinet-v1.xlsx')]);
    expect(v.err).toBe('');
    expect(v.out).toMatch(/unchanged/);
    expect(v.code).toBe(0);
  });

  it('shows the literal fingerprint on the paper itself: in the footer of every printed page', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(goldenBook) as unknown as ExcelJS.Buffer);
    const cabinet = wb.worksheets.find((ws) => ws.name.startsWith('Cabinet'));
    expect(cabinet?.headerFooter.oddFooter ?? '').toContain(GOLDEN_V2_FINGERPRINT);
    const fresh = new ExcelJS.Workbook();
    await fresh.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(fresh.worksheets.find((ws) => ws.name.startsWith('Cabinet'))?.headerFooter.oddFooter ?? '').toContain(FINGERPRINT);
  });
});
