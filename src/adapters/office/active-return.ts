import type { Catalogue } from '../../core/catalogue/schema';
import { ABSOLUTE, cellA1, rect, refA1 } from '../../core/address';
import type { SheetPlan } from '../../core/plan/types';
import { sha256Hex } from '../../core/sha256';
import type { Grid } from '../../core/grid';
import type { Period } from '../../core/period';
import { isReturnGrid } from '../../core/return/find';
import { RETURN_SHEET } from '../../core/return/layout';
import type { SignOff, ValidationResult } from '../../core/return/types';
import type { PreviousValue } from '../../core/return/validate-row';
import type { SignOffResult } from '../../app/ports';
import type { SignOffDecision } from '../../app/sign-off';
import { officeCode, officeErrorText } from '../../app/office-errors';
import { validateSheet } from '../../app/validate-return';
import { textInput } from './cell-input';
import type { XContext } from '../../host/office-api';
import { loadGrid, loadWorkbookMarkers } from './read';
import { loadSheetState, renderSheetPlan, type SheetState } from './render';

/** What is on the return already that validate's RAG formats depend on (loaded in the read sync). */
export interface RagInPlace {
  /** The sheet's RAG markers: names `_ScorecardRag_<hash of the formats written>`. */
  readonly markers: readonly string[];
  /** Conditional formats on the return's sheet. */
  readonly rules: number;
}

/**
 * The active sheet when it is a return, else the sheet named Return: one read sync in the usual
 * case (the lead is on their return), a second only when the active sheet is something else
 * (a sheet this product wrote, such as the Cabinet sheet, is something else: never a return).
 * The sheet state render needs, the workbook's defined names and what RAG formats are in place are
 * loaded in the same sync; a long return's columns follow in blocks (read.ts).
 */
export async function readActiveReturn(ctx: XContext): Promise<{ grid: Grid; state: SheetState; rag: RagInPlace } | undefined> {
  const active = ctx.workbook.worksheets.getActiveWorksheet();
  const pending = loadGrid(active);
  // A ClientResult: its value is there after the sync, no load() (the lint rule does not know it).
  // Counted on the whole sheet, not on the used range: a method of a null object (an empty sheet)
  // is not documented.
  const rules = active.getRange(WHOLE_SHEET).conditionalFormats.getCount();
  const protection = ctx.workbook.worksheets.getActiveWorksheet().protection;
  protection.load(['protected', 'options']);
  ctx.workbook.worksheets.load('items/name');
  const workbookMarks = loadWorkbookMarkers(ctx);
  const mark = (g: Grid): Grid => workbookMarks([g])[0] ?? g;
  await ctx.sync();
  const names = ctx.workbook.worksheets.items.map((s) => s.name);
  const found = await pending.finish(ctx, mark);
  if (isReturnGrid(found)) {
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const rag = { markers: pending.names().filter(isRagMarker), rules: rules.value ?? 0 };
    return { grid: found, state: { sheetNames: names, takenNames: [], protected: protection.protected, protectionOptions: protection.options }, rag };
  }
  if (!names.some((n) => n.toLowerCase() === RETURN_SHEET.toLowerCase())) return undefined;
  const ret = ctx.workbook.worksheets.getItem(RETURN_SHEET);
  const second = loadGrid(ret);
  const secondRules = ret.getRange(WHOLE_SHEET).conditionalFormats.getCount();
  const state = loadSheetState(ctx, { name: RETURN_SHEET }, 'existing');
  await ctx.sync();
  const g = await second.finish(ctx, mark);
  if (!isReturnGrid(g)) return undefined;
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
  return { grid: g, state: state(), rag: { markers: second.names().filter(isRagMarker), rules: secondRules.value ?? 0 } };
}

const WHOLE_SHEET = 'A:XFD';
const RAG_MARKER = '_ScorecardRag_';
const isRagMarker = (name: string): boolean => name.startsWith(RAG_MARKER);

/** The marker of a RAG format plan: a name that changes whenever the formats would. */
export function ragMarker(plan: SheetPlan): string {
  return RAG_MARKER + sha256Hex(JSON.stringify([plan.conditionalFormats, plan.styles])).slice(0, 16);
}

/**
 * Validate the active return and refresh its RAG colours (formatting only: no value is written).
 * A failure to colour is a warning; the findings stand.
 *
 * Protection's protect and unprotect clear the lead's undo history
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities#unsupported-apis),
 * so formats already in place (the sheet's RAG marker names these very formats, and its conditional
 * formats are still there) are not written again: re-validating touches neither formats nor
 * protection. With `write: false` (live validation) nothing is written at all.
 */
export async function validateActive(ctx: XContext, catalogue: Catalogue, options: { period?: Period; previous?: PreviousValue }, opts: { documentProperties: boolean; rangeAreas?: boolean; write?: boolean }): Promise<ValidationResult> {
  const found = await readActiveReturn(ctx);
  const { result, formats } = validateSheet(catalogue, found?.grid, options);
  // Live validation (write false) reads and reports only: nothing is written to the sheet.
  if (!found || !formats || opts.write === false) return result;
  if (formats.conditionalFormats.length === 0 && formats.styles.length === 0) return result;
  const marker = ragMarker(formats);
  if (found.rag.markers.includes(marker) && found.rag.rules >= formats.conditionalFormats.length) return result;
  try {
    // The marker goes with the formats, in render's closing sync; older markers go.
    const sheet = ctx.workbook.worksheets.getItem(formats.name);
    for (const old of found.rag.markers) sheet.names.getItem(old).delete();
    sheet.names.add(marker, `=${refA1(formats.name, rect(1, 1), ABSOLUTE)}`);
    await renderSheetPlan(ctx, formats, { mode: 'existing', pageLayout: false, documentProperties: opts.documentProperties, rangeAreas: opts.rangeAreas ?? false, known: found.state });
  } catch (e) {
    const shown = whyColoursFailed(e, found.state.protected);
    return { ...result, issues: [...result.issues, { severity: 'warning', code: 'colours-not-updated', params: { shown } }] };
  }
  return result;
}

/**
 * Why the RAG colours could not be refreshed, from the cause Excel gave: a password only when Excel
 * said the password was wrong (BadPassword), protection only when the sheet is protected and Excel
 * refused the change (AccessDenied), else the plain sentence for the error's code (or our own text).
 */
export function whyColoursFailed(e: unknown, sheetProtected: boolean): string {
  const code = officeCode(e);
  const keep = 'its own RAG rules still colour it; unprotect it on the Review tab to refresh them';
  if (sheetProtected && code === 'BadPassword') return `the sheet is protected with a password (${keep})`;
  if (sheetProtected && code === 'AccessDenied') return `the sheet is protected (${keep})`;
  return officeErrorText(e) ?? (e instanceof Error ? e.message : String(e));
}

/**
 * Run a sign-off step on the active return: the use case decides from the grid (validating it), and
 * the cells it asks for are written into the return's own labelled cells, as text ('' clears one).
 */
export async function writeSignOff(ctx: XContext, decide: (grid: Grid | undefined) => SignOffDecision): Promise<SignOffResult> {
  const found = await readActiveReturn(ctx);
  const decision = decide(found?.grid);
  if (!decision.ok) return decision;
  const { read, write } = decision;
  const out: Record<string, unknown> = { ...read.signOff };
  for (const [key, value] of Object.entries(write) as [keyof SignOff['cells'], string][]) {
    const cell = read.signOff.cells[key];
    if (!cell) {
      if (value === '') continue;
      throw new Error(`This return has no cell for "${key}" next to its label: add the label above the header row.`);
    }
    ctx.workbook.worksheets.getItem(read.sheet).getRange(cellA1(cell.row, cell.col)).values = [[textInput(value)]];
    if (key === 'ready') continue;
    if (value === '') delete out[key];
    else out[key] = value;
  }
  await ctx.sync();
  return { ok: true, signOff: { ...(out as unknown as SignOff), ready: write.ready !== undefined ? true : read.signOff.ready } };
}
