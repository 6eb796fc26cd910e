import type ExcelJS from 'exceljs';
import { cellA1, columnLetters, type Rect } from '../../core/address';
import type { PlanValue, SheetPlan } from '../../core/plan/types';
import { planRows } from './plan-rows';
import { excelStyle } from './sheet-chrome';
import { xmlText } from './xml-out';

/**
 * The Cabinet sheet's rows as SpreadsheetML, written straight to a streaming worksheet: this
 * product's sheet-writer.ts, or ExcelJS's WorksheetWriter that it follows (the tests' reference).
 *
 * Through ExcelJS's Row and Cell objects, a 30,000-row Cabinet made ~390,000 cell objects, their
 * models and an XmlStream per row: ~550 ms and ~600 MB of garbage of a 200-return consolidate
 * (issue 19). Here each plan row becomes one `<row>` string. The style ids come from the
 * workbook's style manager (style-book.ts, or ExcelJS's), and `<cols>`, merges, row breaks and the
 * rest of the sheet are written by the worksheet at commit.
 *
 * The XML is what ExcelJS 4.4 writes for the same plan through Row/Cell (render.ts writePlanRows
 * with streaming; lib/xlsx/xform/sheet/row-xform.js and cell-xform.js), byte for byte, including
 * its handling of merged cells; test/adapters/exceljs/stream-rows.test.ts holds it to that.
 * ECMA-376 Part 1: §18.3.1.73 row (r, ht, customHeight, spans), §18.3.1.4 c (r, s, t), §18.3.1.96 v,
 * §18.3.1.40 f; t="str" (a formula string type, ExcelJS's choice for text without shared strings),
 * t="b" boolean.
 */

/**
 * What this uses of a streaming worksheet (sheet-writer.ts; ExcelJS 4.4's WorksheetWriter,
 * lib/stream/xlsx/worksheet-writer.js, has the same):
 * the sheet part's stream; the flag and the two methods its `_writeRow` calls to put `<cols>` and
 * `<sheetData>` before the first row; the uncommitted rows (none must be there: they would be
 * written after ours); the merges and row breaks it writes at commit; the workbook's style manager.
 */
interface WorksheetWriterParts {
  readonly stream: { write(xml: string): unknown };
  startedData: boolean;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  readonly _rows: readonly unknown[] | null;
  readonly _merges: unknown[];
  readonly rowBreaks: { id: number; max: number; man: number }[];
  readonly workbook: { readonly styles: { addStyleModel(style: Partial<ExcelJS.Style>, cellType?: ExcelJS.ValueType): number } };
}

// ExcelJS's Cell.Types (lib/doc/enums.js), as its style manager takes them: as numbers, so that
// this file loads none of ExcelJS (stream-rows.test.ts holds them to ExcelJS.ValueType).
export const VALUE_TYPE = { Null: 0, Merge: 1, Number: 2, String: 3, Boolean: 9 } as const;
const NULL = VALUE_TYPE.Null as ExcelJS.ValueType;
const MERGE = VALUE_TYPE.Merge as ExcelJS.ValueType;
const NUMBER = VALUE_TYPE.Number as ExcelJS.ValueType;
const STRING = VALUE_TYPE.String as ExcelJS.ValueType;
const BOOLEAN = VALUE_TYPE.Boolean as ExcelJS.ValueType;

/** Style keys besides a plan style id: a plan cell with no style, and the fresh empty style ExcelJS gives a cell a merge made. */
const UNSTYLED = -1;
const MERGE_MADE = -2;

interface Merge extends Rect {
  /** Made at the plan row being written: its first row is still unwritten, so values on its hidden cells go to its first cell. */
  fresh: boolean;
  /** The first cell's value, when a hidden cell gave it one. */
  masterValue: PlanValue;
}

/** One cell of a row being written, in column order. */
interface Entry {
  col: number;
  value: PlanValue;
  style: number;
  /** A merged cell other than the first: written empty (ExcelJS's Merge cell). */
  hidden: boolean;
}

const typeOf = (value: PlanValue, hidden: boolean): ExcelJS.ValueType => {
  if (hidden) return MERGE;
  if (value === null) return NULL;
  switch (typeof value) {
    case 'number': return NUMBER;
    case 'string': return STRING;
    case 'boolean': return BOOLEAN;
    // A formula has no cached result in a plan: ExcelJS types it by its (absent) result. An empty
    // one is no formula to ExcelJS: it writes the object as JSON text.
    default: return value.formula ? NULL : STRING;
  }
};

/** Rows between two breaths: see Streaming.breathe in render.ts. */
const BREATHE_ROWS = 1000;
const FLUSH_CHARS = 32_768;

/**
 * Every plan row into the streaming worksheet `ws`, with heights, page breaks and merges, as
 * render.ts writePlanRows does through ExcelJS's Row/Cell objects. Call it after the sheet's
 * chrome (applySheetChrome with mergesWithRows) and before `ws.commit()`.
 */
export async function streamPlanRows(ws: ExcelJS.Worksheet, sheet: SheetPlan, breathe?: () => Promise<void>): Promise<void> {
  const w = ws as unknown as WorksheetWriterParts;
  if (!w._rows || w._rows.length > 0) throw new Error(`streamPlanRows: sheet ${sheet.name} already has rows in the writer`);
  const plan = planRows(sheet);
  const styles = w.workbook.styles;

  // ExcelJS remembers the id of a style object it has seen (by object, whatever the cell type), so
  // each style is registered once, at its first cell in a written row, as ExcelJS registers it.
  const ids: number[] = [];
  const styleId = (key: number, type: ExcelJS.ValueType): number => {
    let id = ids[key + 2];
    if (id === undefined) ids[key + 2] = id = styles.addStyleModel(key >= 0 ? excelStyle(plan.style(key)) : {}, type);
    return id;
  };
  const letters: string[] = [];
  const address = (col: number, row: number): string => (letters[col] ??= columnLetters(col)) + row;

  const cellXml = (e: Entry, row: number): string => {
    const s = styleId(e.style, typeOf(e.value, e.hidden));
    const v = e.value;
    if (!e.hidden && v === null && !s) return '';
    const head = s ? `<c r="${address(e.col, row)}" s="${s}"` : `<c r="${address(e.col, row)}"`;
    if (e.hidden || v === null) return `${head}/>`;
    switch (typeof v) {
      case 'number': return `${head}><v>${String(v)}</v></c>`;
      case 'string': return `${head} t="str"><v>${xmlText(v)}</v></c>`;
      case 'boolean': return `${head} t="b"><v>${v ? '1' : '0'}</v></c>`;
      default: return v.formula ? `${head}><f>${xmlText(v.formula)}</f></c>` : `${head} t="str"><v>${xmlText(JSON.stringify({ formula: v.formula }))}</v></c>`;
    }
  };

  // Rows go to the stream a few tens of kilobytes at a time: each write is a promise and a buffer.
  let out = '';
  const flush = (): void => {
    if (out) w.stream.write(out);
    out = '';
  };
  let started = false;
  const writeRow = (row: number, entries: readonly Entry[], count: number, height: number | undefined): void => {
    // Any row ExcelJS commits opens the sheet data, even one it then leaves out (as _writeRow does).
    if (!w.startedData) {
      w._writeColumns();
      w._writeOpenSheetData();
      w.startedData = true;
    }
    // ExcelJS writes a row with a value (a merged cell counts) or a height; a row of styled empty cells is dropped.
    let values = false;
    for (let i = 0; i < count && !values; i++) values = (entries[i] as Entry).hidden || (entries[i] as Entry).value !== null;
    if (!values && !height) return;
    if (!started) {
      started = true;
      // ExcelJS registers each row's (empty) style first: the first one adds the default font.
      styles.addStyleModel({});
    }
    let cells = '';
    for (let i = 0; i < count; i++) cells += cellXml(entries[i] as Entry, row);
    let xml = `<row r="${row}"`;
    if (height) xml += ` ht="${height}" customHeight="1"`;
    if (count > 0) xml += ` spans="${(entries[0] as Entry).col}:${(entries[count - 1] as Entry).col}"`;
    xml += ' x14ac:dyDescent="0.25"';
    out += cells ? `${xml}>${cells}</row>` : `${xml}/>`;
    if (out.length >= FLUSH_CHARS) flush();
  };

  const merges: Merge[] = [...(sheet.merges ?? [])]
    .map((m) => ({ top: Math.min(m.top, m.bottom), bottom: Math.max(m.top, m.bottom), left: Math.min(m.left, m.right), right: Math.max(m.left, m.right), fresh: false, masterValue: null }))
    .sort((a, b) => a.top - b.top);
  const made: Merge[] = [];
  let active: Merge[] = [];
  let nextMerge = 0;
  // Made as its first row comes up, as writePlanRows makes them (and so in the same order).
  const mergeUpTo = (row: number): void => {
    for (; nextMerge < merges.length && (merges[nextMerge] as Merge).top <= row; nextMerge++) {
      const m = merges[nextMerge] as Merge;
      // As ExcelJS's mergeCells refuses it.
      for (const o of made) if (o.top <= m.bottom && m.top <= o.bottom && o.left <= m.right && m.left <= o.right) throw new Error('Cannot merge already merged cells');
      made.push(m);
      // Read back by the writer at commit, as `<mergeCell ref>` (it writes each merge as `${range}`).
      w._merges.push(`${cellA1(m.top, m.left)}:${cellA1(m.bottom, m.right)}`);
      m.fresh = true;
      active.push(m);
    }
  };

  /** The cells merges put in `row` that the plan row does not have (`has`): first cells and hidden ones. */
  const mergeEntries = (row: number, out: Entry[], has: (col: number) => boolean): void => {
    for (const m of active) {
      if (m.top > row || m.bottom < row) continue;
      for (let c = m.left; c <= m.right; c++) {
        if (has(c)) continue;
        const first = row === m.top && c === m.left;
        out.push({ col: c, value: first ? m.masterValue : null, style: MERGE_MADE, hidden: !first });
      }
    }
  };
  const none = (): boolean => false;
  const mergeRow: Entry[] = [];
  let done = 0;
  // Rows only a merge made (no plan row): ExcelJS wrote them with the next row it committed.
  const writeMergeRowsBefore = (end: number): void => {
    if (active.length === 0) {
      done = Math.max(done, end - 1);
      return;
    }
    const last = Math.min(end - 1, Math.max(0, ...active.map((m) => m.bottom)));
    for (let row = done + 1; row <= last; row++) {
      mergeRow.length = 0;
      mergeEntries(row, mergeRow, none);
      if (mergeRow.length === 0) continue;
      mergeRow.sort((a, b) => a.col - b.col);
      writeRow(row, mergeRow, mergeRow.length, undefined);
    }
    done = Math.max(done, end - 1);
    active = active.filter((m) => m.bottom > done);
  };

  // The plan row being written; its Entry objects are reused from row to row.
  const entries: Entry[] = [];
  let planRowsSeen = 0;
  for (const r of plan.rows()) {
    const row = r.row;
    mergeUpTo(row);
    let count = r.count;
    for (let i = 0; i < count; i++) {
      const e = (entries[i] ??= { col: 0, value: null, style: UNSTYLED, hidden: false });
      e.col = r.cols[i] as number;
      e.value = r.values[i] as PlanValue;
      e.style = r.styles[i] ?? UNSTYLED;
      e.hidden = false;
    }
    if (active.some((m) => m.top <= row && m.bottom >= row)) {
      // ExcelJS sets a value given to a hidden cell on the merge's first cell (the last one given
      // wins): it shows if that cell's row is not yet written, i.e. the merge was made at this row.
      for (let i = 0; i < count; i++) {
        const e = entries[i] as Entry;
        const m = active.find((a) => a.top <= row && a.bottom >= row && a.left <= e.col && a.right >= e.col);
        if (!m) continue;
        const first = row === m.top && e.col === m.left;
        if (!first) e.hidden = true;
        if (e.value !== null && (first || m.fresh)) m.masterValue = e.value;
      }
      for (let i = 0; i < count; i++) {
        const e = entries[i] as Entry;
        const m = active.find((a) => a.top === row && a.left === e.col);
        if (m) e.value = m.masterValue;
      }
      const planned = new Set<number>();
      for (let i = 0; i < count; i++) planned.add((entries[i] as Entry).col);
      entries.length = count;
      mergeEntries(row, entries, (c) => planned.has(c));
      entries.sort((a, b) => a.col - b.col);
      count = entries.length;
    }
    // Earlier rows only a merge made go first: a hidden cell of this row may have just given their first cell its value.
    writeMergeRowsBefore(row);
    writeRow(row, entries, count, r.height);
    done = row;
    if (active.length > 0) {
      active = active.filter((m) => m.bottom > row);
      for (const m of active) m.fresh = false;
    }
    if (r.pageBreak) w.rowBreaks.push({ id: row, max: 16838, man: 1 });
    if (breathe && ++planRowsSeen % BREATHE_ROWS === 0) {
      flush();
      await breathe();
    }
  }
  mergeUpTo(Infinity);
  writeMergeRowsBefore(Infinity);
  flush();
}
