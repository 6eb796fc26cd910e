import type { Catalogue } from '../../core/catalogue/schema';
import { cellA1 } from '../../core/address';
import type { Grid } from '../../core/grid';
import { parsePeriod } from '../../core/period';
import { ragFormatPlan } from '../../core/plan/rag-format';
import { HEADER, RETURN_SHEET, normaliseHeader } from '../../core/return/layout';
import { readReturn } from '../../core/return/read';
import { entriesFingerprint } from '../../core/return/signoff';
import type { ReadReturn, SignOff, ValidationResult } from '../../core/return/types';
import { validateReturn } from '../../core/return/validate';
import { textInput } from './cell-input';
import type { XContext } from '../../host/office-api';
import { loadGrid } from './read';
import { loadSheetState, renderSheetPlan, type SheetState } from './render';

const REF = normaliseHeader(HEADER.ref);
const isReturnGrid = (g: Grid | undefined): g is Grid => !!g && g.values.some((row) => row.some((v) => typeof v === 'string' && normaliseHeader(v) === REF));

/**
 * The active sheet when it is a return, else the sheet named Return: one read sync in the usual
 * case (the lead is on their return), a second only when the active sheet is something else.
 * The sheet state render needs is loaded in the same sync.
 */
export async function readActiveReturn(ctx: XContext): Promise<{ grid: Grid; state: SheetState } | undefined> {
  const active = ctx.workbook.worksheets.getActiveWorksheet();
  const grid = loadGrid(active);
  const protection = ctx.workbook.worksheets.getActiveWorksheet().protection;
  protection.load(['protected', 'options']);
  ctx.workbook.worksheets.load('items/name');
  await ctx.sync();
  const names = ctx.workbook.worksheets.items.map((s) => s.name);
  const found = grid();
  if (isReturnGrid(found)) {
    return { grid: found, state: { sheetNames: names, takenNames: [], protected: protection.protected, protectionOptions: protection.options } };
  }
  if (!names.some((n) => n.toLowerCase() === RETURN_SHEET.toLowerCase())) return undefined;
  const ret = ctx.workbook.worksheets.getItem(RETURN_SHEET);
  const second = loadGrid(ret);
  const state = loadSheetState(ctx, { name: RETURN_SHEET }, 'existing');
  await ctx.sync();
  const g = second();
  return isReturnGrid(g) ? { grid: g, state: state() } : undefined;
}

export function periodOption(period: string | undefined): { period?: ReturnType<typeof parsePeriod> & object } {
  const p = period ? parsePeriod(period) : undefined;
  return p ? { period: p } : {};
}

export async function validateActive(ctx: XContext, catalogue: Catalogue, period: string | undefined, opts: { documentProperties: boolean; rangeAreas?: boolean }): Promise<ValidationResult> {
  const found = await readActiveReturn(ctx);
  if (!found) {
    const read = readReturn({ sheet: RETURN_SHEET, values: [] });
    const result = validateReturn(catalogue, read, periodOption(period));
    return { ...result, issues: [{ severity: 'error', code: 'no-return-sheet', params: {} }, ...result.issues] };
  }
  const read = readReturn(found.grid);
  const result = validateReturn(catalogue, read, periodOption(period));
  const plan = ragFormatPlan(read, result);
  try {
    await renderSheetPlan(ctx, plan, { mode: 'existing', pageLayout: false, documentProperties: opts.documentProperties, rangeAreas: opts.rangeAreas ?? false, known: found.state });
  } catch (e) {
    // Colours are a convenience: the findings stand, and the lead is told why the colours did not change.
    const shown = found.state.protected
      ? 'the sheet is protected with a password (its own RAG rules still colour it; unprotect it to refresh them)'
      : e instanceof Error ? e.message : String(e);
    return { ...result, issues: [...result.issues, { severity: 'warning', code: 'colours-not-updated', params: { shown } }] };
  }
  return result;
}

type SignOffWrite = Partial<Record<keyof SignOff['cells'], string>>;

/** Write sign-off values into the return's own labelled cells, as text. */
export async function writeSignOff(ctx: XContext, build: (read: ReadReturn) => SignOffWrite): Promise<SignOff> {
  const found = await readActiveReturn(ctx);
  if (!found) throw new Error('No Return sheet in this workbook to sign off.');
  const read = readReturn(found.grid);
  const values = build(read);
  const out: Record<string, unknown> = { ...read.signOff };
  for (const [key, value] of Object.entries(values) as [keyof SignOff['cells'], string][]) {
    const cell = read.signOff.cells[key];
    if (!cell) throw new Error(`This return has no cell for "${key}" next to its label: add the label above the header row.`);
    ctx.workbook.worksheets.getItem(read.sheet).getRange(cellA1(cell.row, cell.col)).values = [[textInput(value)]];
    out[key === 'ready' ? 'readyText' : key] = value;
  }
  await ctx.sync();
  delete out.readyText;
  return { ...(out as unknown as SignOff), ready: values.ready !== undefined ? true : read.signOff.ready };
}

export function fingerprintOf(read: ReadReturn): string {
  return entriesFingerprint(read);
}
