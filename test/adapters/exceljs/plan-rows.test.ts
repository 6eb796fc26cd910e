import fc from 'fast-check';
import { planRows } from '../../../src/adapters/exceljs/plan-rows';
import { cabinetModel } from '../../../src/core/cabinet/model';
import { cabinetPlan } from '../../../src/core/cabinet/plan';
import type { CellStyle, PlanValue, SheetPlan } from '../../../src/core/plan/types';
import { miniCatalogue } from '../../core/fixtures/mini-catalogue';
import { consolidationOf, Q2 } from '../../core/cabinet/helpers';

interface Obvious { row: number; cells: { col: number; value: PlanValue; style: CellStyle | undefined }[]; height?: number; pageBreak: boolean }

/**
 * The obvious reading of a plan, for the sweep to be held to: every cell of every block and every
 * range in a map, styles merged property by property in plan order (later wins), rows in order.
 */
function obviousRows(sheet: SheetPlan): Obvious[] {
  const values = new Map<string, PlanValue>();
  const styles = new Map<string, CellStyle>();
  const rowsSeen = new Set<number>();
  sheet.cells.forEach((b) => b.values.forEach((line, i) => line.forEach((v, j) => {
    if (v === null) return;
    values.set(`${b.row + i},${b.col + j}`, v);
    rowsSeen.add(b.row + i);
  })));
  for (const s of sheet.styles) {
    for (let r = s.range.top; r <= s.range.bottom; r++) {
      for (let c = s.range.left; c <= s.range.right; c++) {
        styles.set(`${r},${c}`, { ...styles.get(`${r},${c}`), ...s.style });
        rowsSeen.add(r);
      }
    }
  }
  const heights = new Map((sheet.rowHeights ?? []).map((h) => [h.row, h.height]));
  const breaks = new Set(sheet.print?.rowBreaks ?? []);
  for (const r of [...heights.keys(), ...breaks]) rowsSeen.add(r);
  return [...rowsSeen].sort((a, b) => a - b).map((row) => {
    const cols = new Set<number>();
    for (const k of [...values.keys(), ...styles.keys()]) if (Number(k.split(',')[0]) === row) cols.add(Number(k.split(',')[1]));
    const cells = [...cols].sort((a, b) => a - b).map((col) => ({ col, value: values.get(`${row},${col}`) ?? null, style: styles.get(`${row},${col}`) }));
    return { row, cells, ...(heights.has(row) ? { height: heights.get(row) } : {}), pageBreak: breaks.has(row) };
  });
}

/** What planRows yields, copied out of its reused lists, styles by content. */
function swept(sheet: SheetPlan): Obvious[] {
  const plan = planRows(sheet);
  const out: Obvious[] = [];
  for (const r of plan.rows()) {
    const cells = Array.from({ length: r.count }, (_, i) => {
      const id = r.styles[i];
      return { col: r.cols[i] as number, value: r.values[i] as PlanValue, style: id === undefined ? undefined : plan.style(id) };
    });
    out.push({ row: r.row, cells, ...(r.height !== undefined ? { height: r.height } : {}), pageBreak: r.pageBreak });
  }
  return out;
}

const value: fc.Arbitrary<PlanValue> = fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 3 }), fc.boolean());
const style: fc.Arbitrary<CellStyle> = fc.record({
  numFmt: fc.constantFrom('0', '0.0', '0.0%'), bold: fc.boolean(), fill: fc.constantFrom('#FF0000', '#00FF00'),
  hAlign: fc.constantFrom('left', 'right'), locked: fc.boolean(),
}, { requiredKeys: [] });
const span = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 3 }))
  .map(([top, h, left, w]) => ({ top, bottom: top + h, left, right: left + w }));
const sheet: fc.Arbitrary<SheetPlan> = fc.record({
  blocks: fc.array(fc.record({ row: fc.integer({ min: 1, max: 12 }), col: fc.integer({ min: 1, max: 6 }), values: fc.array(fc.array(value, { maxLength: 4 }), { maxLength: 3 }) }), { maxLength: 8 }),
  // Ranges share style objects, as a plan's do, and also repeat a style's content in a new object.
  styles: fc.array(fc.tuple(span, style, fc.boolean()), { maxLength: 12 }),
  heights: fc.array(fc.tuple(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 5, max: 40 })), { maxLength: 4 }),
  breaks: fc.array(fc.integer({ min: 1, max: 16 }), { maxLength: 3 }),
}).map(({ blocks, styles, heights, breaks }) => {
  let previous: CellStyle = {};
  return {
    name: 'S', cells: blocks, validations: [], conditionalFormats: [], columns: [],
    styles: styles.map(([range, st, reuse]) => ({ range, style: (previous = reuse ? previous : { ...st }) })),
    rowHeights: [...new Map(heights)].map(([row, height]) => ({ row, height })),
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: 1, fitToHeight: 0, rowBreaks: breaks },
  } as SheetPlan;
});

describe('planRows (the sweep the renderers write from)', () => {
  it('gives every row, cell, merged style, height and page break the obvious reading gives', () => {
    fc.assert(fc.property(sheet, (s) => {
      expect(swept(s)).toEqual(obviousRows(s));
    }), { numRuns: 500 });
  });

  it('agrees with the obvious reading on a Cabinet sheet', () => {
    const cat = miniCatalogue();
    const model = cabinetModel(cat, consolidationOf(cat, Q2, [{ ref: 'MC01', actual: 81.24, commentary: 'On track' }, { ref: 'MC03', actual: 12345 }], ['MC07']), { generatedAt: '2023-10-20' });
    const s = cabinetPlan(model).sheets[0] as SheetPlan;
    expect(swept(s)).toEqual(obviousRows(s));
    expect(swept(s).length).toBeGreaterThan(20);
  });

  it('gives one id to every cell whose merged style has the same content', () => {
    const a: CellStyle = { bold: true };
    const s = { name: 'S', cells: [], validations: [], conditionalFormats: [], columns: [],
      styles: [{ range: { top: 1, left: 1, bottom: 1, right: 1 }, style: a }, { range: { top: 2, left: 1, bottom: 2, right: 1 }, style: { bold: true } }] } as SheetPlan;
    const ids = [...planRows(s).rows()].map((r) => r.styles[0]);
    expect(ids[0]).toBeDefined();
    expect(ids[1]).toBe(ids[0]);
  });
});
