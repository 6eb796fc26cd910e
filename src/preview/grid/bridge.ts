import { LocaleType, Univer, mergeLocales, type IWorkbookData } from '@univerjs/core';
import { FUniver } from '@univerjs/core/facade';
import { defaultTheme } from '@univerjs/themes';
import { UniverSheetsCorePreset } from '@univerjs/preset-sheets-core';
import sheetsCoreEnUS from '@univerjs/preset-sheets-core/locales/en-US';
import { ConditionalFormattingService, UniverSheetsConditionalFormattingPreset } from '@univerjs/preset-sheets-conditional-formatting';
import sheetsCfEnUS from '@univerjs/preset-sheets-conditional-formatting/locales/en-US';
import { UniverSheetsDataValidationPreset } from '@univerjs/preset-sheets-data-validation';
import sheetsDvEnUS from '@univerjs/preset-sheets-data-validation/locales/en-US';
import '@univerjs/preset-sheets-core/lib/index.css';
import '@univerjs/preset-sheets-conditional-formatting/lib/index.css';
import '@univerjs/preset-sheets-data-validation/lib/index.css';
import { columnLetters, parseA1 } from '../../core/address';
import type { FakeExcel } from '../fake-excel/index';
import type { FakeSheet } from '../fake-excel/state';
import { keepAccessible } from './a11y';
import { cssColour, hexColour } from './colour';
import { univerSheetId, workbookData } from './to-univer';
import { addValidations } from './validation';

type Plugins = { plugins: unknown[] };
type FWorkbook = NonNullable<ReturnType<FUniver['getActiveWorkbook']>>;

const UNIT = 'preview';

function createUniver(container: HTMLElement): { univer: Univer; api: FUniver } {
  const univer = new Univer({
    locale: LocaleType.EN_US,
    locales: { [LocaleType.EN_US]: mergeLocales(sheetsCoreEnUS, sheetsCfEnUS, sheetsDvEnUS) },
    theme: defaultTheme,
  });
  const presets: Plugins[] = [
    UniverSheetsCorePreset({ container, header: true, toolbar: false, footer: { sheetBar: true, statisticBar: false, menus: false, zoomSlider: false } } as Parameters<typeof UniverSheetsCorePreset>[0]),
    UniverSheetsConditionalFormattingPreset(),
    UniverSheetsDataValidationPreset(),
  ];
  for (const preset of presets) {
    for (const p of preset.plugins) {
      const [plugin, config] = Array.isArray(p) ? p : [p];
      (univer.registerPlugin as (plugin: unknown, config?: unknown) => void)(plugin, config);
    }
  }
  return { univer, api: FUniver.newAPI(univer) };
}

const qualified = (sheet: string, row: number, col: number): string => `'${sheet.replace(/'/g, "''")}'!${columnLetters(col)}${row}`;

/** Conditional formats: Univer's custom-formula and data-bar rules, the ones our plans write. */
function addConditionalFormats(book: FWorkbook, sheet: FakeSheet): void {
  const ws = book.getSheetBySheetId(univerSheetId(sheet));
  if (!ws) return;
  const ordered = [...sheet.conditionalFormats].sort((a, b) => a.priority - b.priority);
  for (const cf of ordered) {
    const range = { startRow: cf.rect.top - 1, endRow: cf.rect.bottom - 1, startColumn: cf.rect.left - 1, endColumn: cf.rect.right - 1 };
    const builder = ws.newConditionalFormattingRule();
    if (cf.type === 'DataBar') {
      const bar = cssColour(cf.barColor) ?? '#638EC6';
      ws.addConditionalFormattingRule(builder.setDataBar({ min: { type: 'min' as never, value: 0 }, max: { type: 'max' as never, value: 0 }, positiveColor: bar, nativeColor: bar, isGradient: false }).setRanges([range]).build());
      continue;
    }
    if (!cf.formula) continue;
    let rule = builder.whenFormulaSatisfied(cf.formula);
    const fill = cssColour(cf.fill);
    const font = cssColour(cf.fontColor);
    if (fill) rule = rule.setBackground(fill);
    if (font) rule = rule.setFontColor(font);
    if (cf.bold) rule = rule.setBold(true);
    ws.addConditionalFormattingRule(rule.setRanges([range]).build());
  }
}

export interface GridHandle {
  readonly api: FUniver;
  /**
   * The fill the grid paints in a cell (`#RRGGBB`): the conditional format's, as Univer composes it,
   * else the cell's own; undefined while Univer has not evaluated the formats yet. For tests.
   */
  paintedFill(sheet: string, a1: string): string | undefined;
  /** Resolves once the grid shows the current state of the fake (after the pending re-render). */
  rendered(): Promise<void>;
  dispose(): void;
}

/**
 * The Univer bridge: shows the fake workbook in a real spreadsheet and turns a person's typing in
 * it into the fake's `type()` (so the pane's onChanged listeners hear it as in Excel). The fake stays
 * the one implementation of Excel's semantics: protection is its check (a refused edit is put back),
 * and the formula results Univer computes are written back into the fake's cached values.
 * Differences from Excel live here only (docs/excel-behaviour.md).
 */
export function mountGrid(container: HTMLElement, fake: FakeExcel): GridHandle {
  const { univer, api } = createUniver(container);
  let book: FWorkbook | undefined;
  let rendering = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let quiet = false;
  const state = fake.workbook;

  const sheetById = (id: string): FakeSheet | undefined => state.sheets.find((s) => univerSheetId(s) === id);

  /** Formula results Univer computed, into the fake's cached values, so the pane reads what the grid shows. */
  const copyResults = (): void => {
    if (!book) return;
    for (const s of state.sheets) {
      const ws = book.getSheetBySheetId(univerSheetId(s));
      if (!ws) continue;
      for (const [key, cell] of s.cells) {
        if (cell.formula === undefined) continue;
        const [row, col] = key.split(',').map(Number) as [number, number];
        const raw = ws.getRange(row - 1, col - 1).getRawValue();
        if (typeof raw === 'string' && raw.startsWith('#')) { cell.value = raw; cell.error = raw; }
        else { cell.value = raw ?? ''; delete cell.error; }
      }
    }
  };

  /** What the fake said last time: a change there (the pane selected a cell) moves the grid; else the grid keeps the person's tab. */
  let shown = '';
  const showSelection = (personSheetId: string | undefined): void => {
    if (!book) return;
    const sel = state.selection;
    const wanted = `${state.activeSheetId ?? ''}|${sel?.sheet ?? ''}|${sel?.address ?? ''}`;
    const fakeMoved = wanted !== shown;
    shown = wanted;
    if (!fakeMoved && personSheetId) {
      const ws = book.getSheetBySheetId(personSheetId);
      if (ws) book.setActiveSheet(ws);
      return;
    }
    const active = state.sheets.find((s) => s.id === state.activeSheetId);
    const ws = active && book.getSheetBySheetId(univerSheetId(active));
    if (!ws || !active) return;
    book.setActiveSheet(ws);
    const rect = sel && sel.sheet === active.name ? parseA1(sel.address) : undefined;
    if (rect) ws.getRange(rect.top - 1, rect.left - 1, rect.bottom - rect.top + 1, rect.right - rect.left + 1).activate();
  };

  /** The whole workbook again: simple and, at a few hundred cells a sheet, quick enough for a preview. */
  const render = async (): Promise<void> => {
    quiet = true;
    try {
      const personSheetId = book?.getActiveSheet().getSheetId();
      if (book) api.disposeUnit(UNIT);
      const hasFormulas = state.sheets.some((sh) => [...sh.cells.values()].some((c) => c.formula !== undefined));
      book = api.createWorkbook(workbookData(state, UNIT) as unknown as Partial<IWorkbookData>);
      for (const s of state.sheets) {
        addConditionalFormats(book, s);
        addValidations(api, book, s);
      }
      showSelection(personSheetId);
      // The load starts a calculation; wait for its end (bounded, in case a sheet has no formula).
      const ended = api.getFormula().onCalculationEnd();
      if (hasFormulas) await Promise.race([ended, new Promise((r) => setTimeout(r, 5_000))]);
      copyResults();
    } finally {
      quiet = false;
    }
  };

  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => { rendering = rendering.then(render, render); }, 20);
  };

  const offCommit = fake.onCommit(schedule);
  // Univer computes asynchronously after a load or an edit; every finished calculation is copied back.
  const calculated = api.getFormula().calculationEnd(() => setTimeout(copyResults, 0));

  const edited = api.addEvent(api.Event.SheetEditEnded, (e) => {
    if (quiet || !book) return;
    const sheet = sheetById(e.worksheet.getSheetId());
    if (!sheet) return;
    const range = e.worksheet.getRange(e.row, e.column);
    const formula = range.getFormula();
    const raw = range.getRawValue();
    const input = formula ? formula : raw === undefined ? null : raw;
    try {
      fake.type(qualified(sheet.name, e.row + 1, e.column + 1), input as string | number | boolean | null);
    } catch {
      // Refused by the fake (a locked cell on a protected sheet, or a typed entry a Stop validation
      // refuses): put the cell back, as Excel never takes the edit.
      schedule();
      return;
    }
    void api.getFormula().whenComputingCompleteAsync(5_000).then(copyResults);
  });

  const stopA11y = keepAccessible(container);
  schedule();
  const paintedFill = (sheetName: string, a1: string): string | undefined => {
    const ws = book?.getSheetByName(sheetName);
    const at = parseA1(a1);
    if (!ws || !at) return undefined;
    const cf = univer.__getInjector().get(ConditionalFormattingService).composeStyle(UNIT, ws.getSheetId(), at.top - 1, at.left - 1);
    const rgb = cf?.style?.bg?.rgb ?? ws.getRange(at.top - 1, at.left - 1).getBackground();
    return hexColour(rgb ?? undefined);
  };
  return {
    api,
    paintedFill,
    rendered: async () => {
      await new Promise((r) => setTimeout(r, 30));
      await rendering;
    },
    dispose: () => {
      offCommit();
      stopA11y();
      edited.dispose();
      calculated.dispose();
      clearTimeout(timer);
    },
  };
}
