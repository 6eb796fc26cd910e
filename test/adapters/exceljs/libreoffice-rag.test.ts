import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { renderWorkbook } from '../../../src/adapters/exceljs/render';
import { TEMPLATE_COLUMN, TEMPLATE_HEADER_ROW, templatePlan } from '../../../src/core/plan/template';
import type { PlanValue } from '../../../src/core/plan/types';
import { catalogueOf, entryCell, expected, period, rowCases } from '../../plan/rag-cases';

/**
 * The live RAG formula computed by a real spreadsheet: LibreOffice opens the rendered template
 * (no cached values), recalculates, and its RAG column must equal core's rag() row by row.
 * Skipped where LibreOffice is not installed.
 */
const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
const maybe = soffice ? describe : describe.skip;

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else if (ch !== '\r') field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

maybe('live RAG formula in LibreOffice', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'scorecard-lo-'));
    // Always recalculate on load (OOXMLRecalcMode 0), in a profile of our own.
    const user = join(dir, 'profile', 'user');
    mkdirSync(user, { recursive: true });
    writeFileSync(join(user, 'registrymodifications.xcu'), `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('agrees with rag() on generated rows', async () => {
    const rows = fc.sample(rowCases(1000, 1000), { numRuns: 1, seed: 20230930 })[0]!;
    const indicators = rows.map(([ind]) => ind);
    const plan = templatePlan(catalogueOf(indicators), period, {});
    const first = TEMPLATE_HEADER_ROW + 1;
    const typed: PlanValue[][] = rows.map(([, e]) => [entryCell(e)]);
    const withEntries = { ...plan, cells: [...plan.cells, { row: first, col: TEMPLATE_COLUMN.actual, values: typed }] };
    const file = join(dir, 'return.xlsx');
    writeFileSync(file, await renderWorkbook({ sheets: [withEntries], properties: { custom: {} } }));
    execFileSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, file], { timeout: 120_000, stdio: 'pipe' });
    const csv = parseCsv(readFileSync(join(dir, 'return.csv'), 'utf8'));
    const got = rows.map((_, i) => csv[first - 1 + i]?.[TEMPLATE_COLUMN.rag - 1]);
    const want = rows.map(([ind, e]) => expected(ind, e));
    const diffs = rows.flatMap(([ind, e], i) => (got[i] === want[i] ? [] : [{ e, rule: ind, got: got[i], want: want[i] }]));
    expect(diffs).toEqual([]);
    expect(new Set(want).size).toBeGreaterThanOrEqual(6);
  }, 180_000);
});
