import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';

export interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Run the CLI in-process in `cwd`, capturing both streams (stderr as a terminal's with `terminal`). */
export async function run(cwd: string, argv: string[], env: Record<string, string> = {}, options: { terminal?: boolean } = {}): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), env, cwd, ...options });
  return { code, out, err };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-cli-'));
}

/** Header name (lower case) → column, and ref → row, found the way a person would: by reading. */
export function layout(ws: ExcelJS.Worksheet): { headerRow: number; col: Record<string, number>; row: Record<string, number> } {
  let headerRow = 0;
  ws.eachRow((r, n) => {
    if (headerRow === 0 && r.values && (r.values as unknown[]).some((v) => v === 'Ref')) headerRow = n;
  });
  const col: Record<string, number> = {};
  ws.getRow(headerRow).eachCell((c, n) => {
    if (typeof c.value === 'string' && !(c.value.toLowerCase() in col)) col[c.value.toLowerCase()] = n;
  });
  const row: Record<string, number> = {};
  ws.eachRow((r, n) => {
    const v = r.getCell(col.ref ?? 1).value;
    if (n > headerRow && typeof v === 'string') row[v] = n;
  });
  return { headerRow, col, row };
}

/** Type entries into a template like a lead: by header name, into the ref's row. */
export async function fillReturn(dir: string, from: string, to: string, entries: Record<string, Record<string, ExcelJS.CellValue>>, labels: Record<string, string> = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, from));
  const ws = wb.getWorksheet('Return');
  if (!ws) throw new Error('no Return sheet');
  const { col, row } = layout(ws);
  for (const [ref, values] of Object.entries(entries)) {
    for (const [header, value] of Object.entries(values)) ws.getCell(row[ref] ?? 0, col[header.toLowerCase()] ?? 0).value = value;
  }
  ws.eachRow((r) => {
    const label = r.getCell(1).value;
    if (typeof label === 'string' && label in labels) r.getCell(2).value = labels[label] ?? null;
  });
  await wb.xlsx.writeFile(path.join(dir, to));
}
