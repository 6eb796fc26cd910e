/**
 * RAG is never colour alone: every RAG cell of the Cabinet plan carries the status as text with a
 * symbol that tells Red, Amber and Green apart in grey print, and every colour the plan paints
 * (conditional formats and fixed fills) has text at 4.5:1 contrast or more (WCAG AA).
 */
import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import { cabinetModel, WITHHELD_LABEL } from '../../../src/core/cabinet/model';
import { cabinetPlan } from '../../../src/core/cabinet/plan';
import { readCabinetTable } from '../../../src/core/cabinet/previous';
import { cellA1 } from '../../../src/core/address';
import { contrastRatio, RAG_STYLE, ragLabel } from '../../../src/core/plan/palette';
import type { CellStyle, SheetPlan, WorkbookPlan } from '../../../src/core/plan/types';
import { RAG_STATUSES, type RagStatus } from '../../../src/core/rag';
import { consolidationOf, planToGrid, Q2, type Entry } from './helpers';
import { miniCatalogue } from '../fixtures/mini-catalogue';

const cat = miniCatalogue();
const DEFAULT_TEXT = '#000000';
const DEFAULT_FILL = '#FFFFFF';

function sheetOf(plan: WorkbookPlan): SheetPlan {
  const s = plan.sheets[0];
  if (!s) throw new Error('no sheet');
  return s;
}

/** Entries that give each indicator some value, so the statuses vary with the numbers. */
const entriesArb = fc.record({
  MC01: fc.double({ min: 60, max: 100, noNaN: true }),
  MC02: fc.double({ min: 5, max: 40, noNaN: true }),
  MC06: fc.integer({ min: 0, max: 30 }),
  MC08: fc.double({ min: 20, max: 80, noNaN: true }),
  MC09: fc.double({ min: 80, max: 100, noNaN: true }),
  MC05: fc.constantFrom('On track', 'At risk', 'Off track', 'Complete' as const),
  drop: fc.subarray(['MC01', 'MC02', 'MC07', 'MC09']),
}).map((r): Entry[] => {
  const all: Entry[] = [
    { ref: 'MC01', actual: r.MC01, commentary: 'c', action: 'a' }, { ref: 'MC02', actual: r.MC02, commentary: 'c', action: 'a' },
    { ref: 'MC03', actual: 1200 }, { ref: 'MC06', actual: r.MC06 }, { ref: 'MC07', actual: 92 },
    { ref: 'MC08', actual: r.MC08, commentary: 'c', action: 'a' }, { ref: 'MC09', actual: r.MC09 },
    { ref: 'MC05', qualitative: r.MC05, commentary: 'c', action: 'a' },
  ];
  return all.filter((e) => !r.drop.includes(e.ref));
});

function planFor(entries: Entry[]): WorkbookPlan {
  const present = new Set(entries.map((e) => e.ref));
  const missing = cat.indicators.map((i) => i.id).filter((id) => !present.has(id));
  return cabinetPlan(cabinetModel(cat, consolidationOf(cat, Q2, entries, missing)));
}

/** The first conditional format (by priority) whose formula is TRUE for this text, evaluated by a spreadsheet engine. */
const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
const hfSheet = hf.getSheetId(hf.addSheet('s')) ?? 0;
function paintedBy(sheet: SheetPlan, text: string): { fill?: string; fontColor?: string } | undefined {
  const rules = [...sheet.conditionalFormats].sort((a, b) => a.priority - b.priority);
  hf.setCellContents({ sheet: hfSheet, row: 0, col: 0 }, [[text]]);
  for (const rule of rules) {
    const top = /^([A-Z]+)(\d+)$/.exec(cellA1(rule.range.top, rule.range.left));
    const ref = top ? new RegExp(`\\$?${top[1]}\\$?${top[2]}\\b`, 'g') : /$^/;
    hf.setCellContents({ sheet: hfSheet, row: 0, col: 1 }, [[`=${rule.formula.replace(ref, 'A1')}`]]);
    if (hf.getCellValue({ sheet: hfSheet, row: 0, col: 1 }) === true) return rule.style;
  }
  return undefined;
}

function mergedStyles(sheet: SheetPlan): Map<string, CellStyle> {
  const out = new Map<string, CellStyle>();
  for (const { range, style } of sheet.styles) {
    for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) out.set(`${r},${c}`, { ...out.get(`${r},${c}`), ...style });
  }
  return out;
}

describe('RAG colours and symbols on the Cabinet sheet', () => {
  it('gives Red, Amber and Green symbols that differ from each other and from every other status', () => {
    const symbols = RAG_STATUSES.map((s) => RAG_STYLE[s].symbol);
    for (const s of ['Red', 'Amber', 'Green'] as const) {
      expect(symbols.filter((x) => x === RAG_STYLE[s].symbol)).toHaveLength(1);
    }
  });

  it('has every RAG rule’s text colour at 4.5:1 or more against its fill', () => {
    fc.assert(fc.property(entriesArb, (entries) => {
      const sheet = sheetOf(planFor(entries));
      expect(sheet.conditionalFormats.length).toBeGreaterThan(0);
      for (const rule of sheet.conditionalFormats) {
        const ratio = contrastRatio(rule.style.fontColor ?? DEFAULT_TEXT, rule.style.fill ?? DEFAULT_FILL);
        expect({ formula: rule.formula, ok: ratio >= 4.5 }).toEqual({ formula: rule.formula, ok: true });
      }
    }), { numRuns: 25 });
  });

  it('has every fixed fill (headers, headings, summary) with text at 4.5:1 or more', () => {
    const sheet = sheetOf(planFor([{ ref: 'MC01', actual: 70, commentary: 'c', action: 'a' }]));
    const filled = [...mergedStyles(sheet)].filter(([, s]) => s.fill !== undefined);
    expect(filled.length).toBeGreaterThan(0);
    for (const [cell, s] of filled) {
      const ratio = contrastRatio(s.fontColor ?? DEFAULT_TEXT, s.fill ?? DEFAULT_FILL);
      expect({ cell, ok: ratio >= 4.5 }).toEqual({ cell, ok: true });
    }
  });

  it('writes every RAG cell as symbol and status, and the rules paint it in that status’s colours', () => {
    fc.assert(fc.property(entriesArb, (entries) => {
      const plan = planFor(entries);
      const sheet = sheetOf(plan);
      const table = readCabinetTable(planToGrid(plan));
      const col = table?.columns.rag;
      if (!table || col === undefined) throw new Error('no RAG column');
      expect(table.rows).toHaveLength(cat.indicators.length);
      for (const row of table.rows) {
        const text = String(row[col]);
        if (text === WITHHELD_LABEL) {
          expect(paintedBy(sheet, text)).toBeUndefined();
          continue;
        }
        const status = RAG_STATUSES.find((s) => text === ragLabel(s));
        expect({ text, status: status !== undefined }).toEqual({ text, status: true });
        const painted = paintedBy(sheet, text);
        expect(painted).toMatchObject({ fill: RAG_STYLE[status as RagStatus].fill, fontColor: RAG_STYLE[status as RagStatus].fontColor });
      }
    }), { numRuns: 15 });
  });

  it('puts the symbol beside the status in the summary, the section headings and the title line', () => {
    const plan = planFor([{ ref: 'MC01', actual: 70, commentary: 'c', action: 'a' }, { ref: 'MC02', actual: 9 }]);
    const values = planToGrid(plan).values;
    // The summary's rows are named by symbol and status.
    for (const s of ['Green', 'Amber', 'Red'] as const) expect(values.some((r) => r[0] === ragLabel(s))).toBe(true);
    const texts = values.flat().filter((v): v is string => typeof v === 'string');
    const countLines = texts.filter((t) => /Red \d/.test(t));
    expect(countLines.length).toBeGreaterThanOrEqual(1);
    for (const line of countLines) {
      for (const s of ['Green', 'Amber', 'Red'] as const) expect(line).toMatch(new RegExp(`${RAG_STYLE[s].symbol} ${s} \\d+`));
    }
  });
});
