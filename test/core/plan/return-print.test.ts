import fc from 'fast-check';
import { fitScale, MARGINS, rowHeightFor } from '../../../src/core/cabinet/print';
import { makePeriod } from '../../../src/core/period';
import { textRowHeights, WRAP_SLACK } from '../../../src/core/plan/row-heights';
import { RETURN_FONT, TEMPLATE_COLUMN, TEMPLATE_HEADER_ROW, templatePlan } from '../../../src/core/plan/template';
import type { SheetPlan } from '../../../src/core/plan/types';
import { fillReturnPlan } from '../../../src/core/sample/fill';
import { catalogue } from './fixtures';

/**
 * The printed return, as a Head of Service signs it off on paper: A4 landscape, one page wide with
 * body text of 8 pt or more, the hidden helper columns out of the print, and every row as tall as
 * its wrapped text (LibreOffice prints a row at the height the file gives, so a row without one
 * runs its commentary over the next).
 */

const Q2 = makePeriod(2023, 2);
const plan = templatePlan(catalogue(), Q2, {});
const H = TEMPLATE_HEADER_ROW;
const heightOf = (p: SheetPlan, row: number): number | undefined => p.rowHeights?.find((h) => h.row === row)?.height;
const width = (key: keyof typeof TEMPLATE_COLUMN): number => plan.columns.find((c) => c.col === TEMPLATE_COLUMN[key])?.width ?? 0;
const visible = plan.columns.filter((c) => !c.hidden && c.col <= TEMPLATE_COLUMN.action).map((c) => c.width);
const rows = plan.cells.find((b) => b.row === H + 1)?.values.length ?? 0;

describe('the Return template printed', () => {
  it('is A4 landscape, one page wide, the header on every page, the helper columns hidden and out of the print area', () => {
    expect(plan.print).toMatchObject({ orientation: 'landscape', paperSize: 'A4', fitToWidth: 1, fitToHeight: 0, repeatRows: { first: H, last: H }, margins: MARGINS });
    expect(plan.print?.printArea).toMatchObject({ left: 1, right: TEMPLATE_COLUMN.action });
    expect(plan.columns.filter((c) => c.col > TEMPLATE_COLUMN.action).every((c) => c.hidden)).toBe(true);
    expect(plan.columns.find((c) => c.col === TEMPLATE_COLUMN.ruleTarget)?.hidden).toBe(true);
  });

  it('prints its body text at 8 pt or more once fitted to the page width', () => {
    expect(RETURN_FONT * fitScale(visible)).toBeGreaterThanOrEqual(8);
    const body = plan.styles.filter((s) => s.range.top === H + 1 && s.style.fontSize !== undefined);
    expect(body.map((s) => s.style.fontSize)).toContain(RETURN_FONT);
  });

  it('gives every indicator row a height for at least two lines, and more for a name that wraps further', () => {
    const two = rowHeightFor(['a\nb'], [10], RETURN_FONT);
    for (let r = H + 1; r < H + 1 + rows; r++) expect({ row: r, tall: (heightOf(plan, r) ?? 0) >= two }).toEqual({ row: r, tall: true });
    const cat = catalogue();
    const first = cat.indicators[0];
    if (!first) throw new Error('empty fixture');
    first.title = `${first.title}, counted across every service the council commissions or runs itself, including partners`;
    const longer = templatePlan(cat, Q2, {});
    const row = longer.cells.find((b) => b.row === H + 1)?.values.findIndex((v) => v[0] === first.id) ?? -1;
    expect(row).toBeGreaterThanOrEqual(0);
    expect(heightOf(longer, H + 1 + row)).toBeGreaterThanOrEqual(rowHeightFor([first.title], [width('indicator')], RETURN_FONT));
    expect(heightOf(longer, H + 1 + row) ?? 0).toBeGreaterThan(two);
  });

  it('wraps the labels in the Ref column and sizes their rows, so none is cut', () => {
    const label = plan.styles.find((s) => s.range.left === 1 && s.range.right === 1 && s.range.top === 3 && s.style.bold);
    expect(label?.style.wrap).toBe(true);
    for (let r = 3; r < H - 1; r++) expect(heightOf(plan, r)).toBeGreaterThan(0);
  });
});

describe('a filled return printed', () => {
  const commentary = 'Demand rose by about 15% on the same quarter last year and the backlog is not yet cleared; two vacancies were filled in September and the new starters are still training.';
  const action = 'Backlog sessions every Saturday until the end of November; progress reported to the Director each fortnight.';
  const ref = plan.cells.find((b) => b.row === H + 1)?.values[0]?.[0];
  const filled = fillReturnPlan(plan, [{ ref: String(ref), actual: 50, commentary, action }]);

  it('grows the row with its commentary and action, measured in their columns', () => {
    const want = rowHeightFor([commentary, action], [width('commentary'), width('action')], RETURN_FONT);
    expect(heightOf(filled, H + 1)).toBeGreaterThanOrEqual(want);
    expect(heightOf(filled, H + 1)).toBeGreaterThan(heightOf(plan, H + 1) ?? 0);
    // The rows above the header keep the template's heights.
    for (let r = 1; r <= H; r++) expect(heightOf(filled, r)).toBe(heightOf(plan, r));
  });
});

describe('textRowHeights', () => {
  const sheet = (text: string): Pick<SheetPlan, 'cells' | 'styles' | 'columns'> => ({
    cells: [{ row: 1, col: 1, values: [[text, 'hidden text that would need many lines in a narrow column']] }],
    styles: [{ range: { top: 1, left: 1, bottom: 1, right: 2 }, style: { wrap: true } }],
    columns: [{ col: 1, width: 20 }, { col: 2, width: 3, hidden: true }],
  });

  it('never makes a row shorter for more text, and leaves hidden columns out', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (a, b) => {
      const [one] = textRowHeights(sheet(a), 1, 1, 10);
      const [both] = textRowHeights(sheet(`${a} ${b}`), 1, 1, 10);
      expect(both?.height ?? 0).toBeGreaterThanOrEqual(one?.height ?? 0);
      expect(one?.height).toBe(Math.max(rowHeightFor(['x'], [10], 10), rowHeightFor([a], [20 - WRAP_SLACK], 10)));
    }));
  });
});
