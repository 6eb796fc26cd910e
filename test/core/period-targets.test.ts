import { defaultCatalogue } from '../../src/catalogue';
import { cabinetModel } from '../../src/core/cabinet/model';
import { effectiveCatalogue } from '../../src/core/catalogue/effective';
import type { Catalogue } from '../../src/core/catalogue/schema';
import { consolidate } from '../../src/core/consolidate';
import { formatPeriod, parsePeriod, type Period } from '../../src/core/period';
import { validateGrid } from '../../src/core/return/find';
import { templatePlan } from '../../src/core/plan/template';
import { miniCatalogue } from './fixtures/mini-catalogue';
import { returnGrid } from './return/helpers';

// One answer to "what was the target?" wherever a return is looked at: the lead's template and
// validation, the BI team's consolidation and the Cabinet paper. Before this they disagreed.
const P = (s: string): Period => parsePeriod(s) as Period;
const Q2 = P('2024-25 Q2');
const cat = defaultCatalogue();

function everywhere(catalogue: Catalogue, period: Period, ref: string, actual: number) {
  const grid = returnGrid({ period: formatPeriod(period), rows: [{ Ref: ref, Actual: actual, Commentary: 'c', Action: 'a' }] });
  const validation = validateGrid(catalogue, grid, { period });
  const consolidation = consolidate(catalogue, period, [{ file: 'r.xlsx', validation }]);
  const model = cabinetModel(catalogue, consolidation);
  const row = model.sections.flatMap((s) => s.rows).find((r) => r.ref === ref);
  const template = templatePlan(catalogue, period, {});
  const templateRow = template.cells.flatMap((b) => b.values).find((r) => r.includes(ref));
  return { validated: validation.rows[0]?.status, consolidated: consolidation.rows.find((r) => r.ref === ref)?.status, cabinet: row?.status, cabinetTarget: row?.target, templateRow };
}

describe('the period’s targets, the same everywhere', () => {
  it('a year-to-date measure is rated against its quarter’s profile step by validate, consolidate and the Cabinet, and the template shows that step', () => {
    // REV01 (Council Tax collected, year to date): 57.6 by Q2 against 96.8 for the year.
    const r = everywhere(cat, Q2, 'REV01', 58.9);
    expect(r).toMatchObject({ validated: 'Green', consolidated: 'Green', cabinet: 'Green', cabinetTarget: '57.6%' });
    expect(r.templateRow).toContain(57.6);
    expect(r.templateRow).not.toContain(96.8);
  });

  it('a target changed later in the year does not apply to the quarters before the change', () => {
    const base = miniCatalogue();
    const mc01 = base.indicators.find((i) => i.id === 'MC01');
    const year = '2023-24';
    const before = mc01?.targets?.[year];
    if (typeof before !== 'number') throw new Error('MC01 needs a numeric 2023-24 target');
    const raised: Catalogue = {
      ...base,
      indicators: base.indicators.map((i) => (i.id === 'MC01' ? { ...i, targets: { ...i.targets, [year]: before + 10 } } : i)),
      changes: [...(base.changes ?? []), { date: '2024-01-15', indicator: 'MC01', change: 'target', year, from: before, to: before + 10, reason: 'r', authority: 'a' }],
    };
    const q2 = P('2023-24 Q2');
    const r = everywhere(raised, q2, 'MC01', before + 1);
    expect([r.validated, r.consolidated, r.cabinet]).toEqual(['Green', 'Green', 'Green']);
    expect(r.templateRow).toContain(before);
    expect(everywhere(raised, P('2023-24 Q4'), 'MC01', before + 1).validated).not.toBe('Green');
  });

  it('effectiveCatalogue is idempotent and answers the same object for the same catalogue and period', () => {
    const once = effectiveCatalogue(cat, Q2);
    expect(effectiveCatalogue(cat, Q2)).toBe(once);
    expect(effectiveCatalogue(once, Q2)).toBe(once);
    const copy = structuredClone(once);
    expect(effectiveCatalogue(copy, Q2)).toEqual(once);
  });
});
