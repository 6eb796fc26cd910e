import { parseCatalogue } from '../../../src/core/catalogue/parse';
import { catalogueWarnings } from '../../../src/core/catalogue/cross-check';
import type { Catalogue, Indicator } from '../../../src/core/catalogue/schema';
import { cabinetModel } from '../../../src/core/cabinet/model';
import { issueText } from '../../../src/core/messages';
import { parsePeriod, type Period } from '../../../src/core/period';
import { ragRuleCells } from '../../../src/core/plan/rag-formula';
import { TEMPLATE_COLUMN, TEMPLATE_HEADER_ROW, templatePlan } from '../../../src/core/plan/template';
import { rag } from '../../../src/core/rag';
import { readReturn } from '../../../src/core/return/read';
import { validateReturn } from '../../../src/core/return/validate';
import { miniCatalogue } from '../fixtures/mini-catalogue';
import { evaluate, planToArray, type Cell } from '../plan/hf-helpers';
import { returnGrid } from '../return/helpers';
import { consolidationOf, Q2 } from '../cabinet/helpers';

/** Targets still to be set ("baseline year, target to be set"): MC01 with no target for any year. */
function toBeSet(how: 'absent' | 'empty' | 'all null'): Catalogue {
  const c = miniCatalogue();
  const mc01 = c.indicators[0] as Indicator;
  if (how === 'absent') delete (mc01 as { targets?: unknown }).targets;
  else mc01.targets = how === 'empty' ? {} : { '2023-24': null, '2024-25': null };
  return c;
}
const period = parsePeriod('2023-24 Q2') as Period;

describe('an indicator whose targets are still to be set', () => {
  it.each(['absent', 'empty', 'all null'] as const)('is a valid catalogue (targets %s), with a warning naming it', (how) => {
    const result = parseCatalogue(toBeSet(how));
    expect(result.errors).toEqual([]);
    if (!result.ok) return;
    const warnings = catalogueWarnings(result.catalogue);
    expect(warnings).toEqual([expect.objectContaining({ path: 'indicators[0].targets' })]);
    expect(warnings[0]?.message).toContain('MC01');
    expect(warnings[0]?.message).toContain('to be set');
  });

  it('gives no warning for a full catalogue or a tracking-only measure (polarity none)', () => {
    expect(catalogueWarnings(miniCatalogue())).toEqual([]);
  });

  it('is rated Tracking, whatever the actual', () => {
    const ind = toBeSet('empty').indicators[0] as Indicator;
    for (const actual of [0, 50, 100]) expect(rag({ indicator: ind, period, actual }).status).toBe('Tracking');
    expect(rag({ indicator: ind, period, actual: null }).status).toBe('Missing');
  });

  it('validates with a warning naming it, in both places words are read, and no error', () => {
    const cat = toBeSet('absent');
    const r = validateReturn(cat, readReturn(returnGrid({ period: '2023-24 Q2', rows: [{ Ref: 'MC01', Target: 'To be set', Actual: 12 }] })));
    expect(r.rows.find((x) => x.ref === 'MC01')?.status).toBe('Tracking');
    const found = r.issues.filter((i) => i.code === 'target-to-be-set');
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', ref: 'MC01' })]);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const issue = found[0];
    if (!issue) return;
    expect(issueText(issue)).toMatch(/^MC01: the target is still to be set/);
    expect(issueText(issue, { place: 'beside' })).toMatch(/^The target is still to be set/);
  });

  it('the template shows "To be set" and its live RAG formula says Tracking', () => {
    const cat = toBeSet('empty');
    const ind = cat.indicators[0] as Indicator;
    expect(ragRuleCells(ind, period).kind).toBe('tracking');
    const plan = templatePlan(cat, period, { service: 'Customer Services' });
    const first = TEMPLATE_HEADER_ROW + 1;
    const overrides = new Map<string, Cell>([[`${first},${TEMPLATE_COLUMN.actual}`, 42]]);
    const get = evaluate(planToArray(plan, overrides));
    expect(get(first, TEMPLATE_COLUMN.ref)).toBe('MC01');
    expect(get(first, TEMPLATE_COLUMN.target)).toBe('To be set');
    expect(get(first, TEMPLATE_COLUMN.rag)).toBe('Tracking');
  });

  it('the Cabinet model shows its Target as "To be set" and rates it Tracking', () => {
    const cat = toBeSet('absent');
    const model = cabinetModel(cat, consolidationOf(cat, Q2, [{ ref: 'MC01', actual: 70 }]), { generatedAt: '2023-10-20T09:00:00Z' });
    const row = model.sections.flatMap((s) => s.rows).find((x) => x.ref === 'MC01');
    expect(row?.target).toBe('To be set');
    expect(row?.status).toBe('Tracking');
  });
});
