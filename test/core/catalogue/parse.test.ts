import {
  describeCatalogueError, findIndicator, parseCatalogue, parseCatalogueText,
} from '../../../src/core/catalogue/parse';
import type { Catalogue, Indicator } from '../../../src/core/catalogue/schema';
import { miniCatalogue } from '../fixtures/mini-catalogue';
import { formatPath, type CatalogueError } from '../../../src/core/catalogue/errors';

type Fault = (c: Catalogue) => void;

function ind(c: Catalogue, i: number): Indicator {
  const found = c.indicators[i];
  if (!found) throw new Error(`fixture has no indicator ${i}`);
  return found;
}
/** Set fields the types would refuse: the point is to feed the parser what a person might type. */
function patch(target: object | undefined, fields: Record<string, unknown>): void {
  Object.assign(target ?? {}, fields);
}
function drop(target: object | undefined, key: string): void {
  delete (target as Record<string, unknown>)[key];
}
function errorsOf(fault: Fault): readonly CatalogueError[] {
  const c = miniCatalogue();
  fault(c);
  const result = parseCatalogue(c);
  return result.errors;
}

describe('the mini catalogue fixture', () => {
  it('is valid and comes back unchanged', () => {
    const result = parseCatalogue(miniCatalogue());
    expect(result.errors).toEqual([]);
    expect(result.ok && result.catalogue).toEqual(miniCatalogue());
  });

  it('is a fresh object each call', () => {
    const a = miniCatalogue();
    ind(a, 0).title = 'changed';
    expect(ind(miniCatalogue(), 0).title).not.toBe('changed');
  });
});

// One fault each: the exact path, a fragment of the reason, and nothing else reported.
const schemaFaults: ReadonlyArray<[string, Fault, string, string]> = [
  ['an unknown polarity', (c) => patch(ind(c, 1), { polarity: 'up' }), 'indicators[1].polarity', 'must be one of: higher, lower, none, range'],
  ['an unknown unit', (c) => patch(ind(c, 0), { unit: 'pct' }), 'indicators[0].unit', 'must be one of: percent'],
  ['an unknown kind', (c) => patch(ind(c, 4), { kind: 'narrative' }), 'indicators[4].kind', 'quantitative, qualitative'],
  ['an unknown frequency', (c) => patch(ind(c, 0), { frequency: 'weekly' }), 'indicators[0].frequency', 'monthly, quarterly, annual'],
  ['a missing title', (c) => drop(ind(c, 0), 'title'), 'indicators[0].title', 'is required'],
  ['a blank title', (c) => patch(ind(c, 2), { title: '   ' }), 'indicators[2].title', 'must not be empty'],
  ['a bad id', (c) => patch(ind(c, 2), { id: 'MC 03' }), 'indicators[2].id', 'letters, digits'],
  ['fractional decimals', (c) => patch(ind(c, 0), { decimals: 1.5 }), 'indicators[0].decimals', 'whole number'],
  ['too many decimals', (c) => patch(ind(c, 0), { decimals: 9 }), 'indicators[0].decimals', '6 or less'],
  ['a negative relative tolerance', (c) => patch(ind(c, 0), { tolerance: { relative: -5 } }), 'indicators[0].tolerance.relative', '0 or more'],
  ['a negative absolute tolerance', (c) => patch(ind(c, 1), { tolerance: { absolute: -2 } }), 'indicators[1].tolerance.absolute', '0 or more'],
  ['a tolerance both relative and absolute', (c) => patch(ind(c, 1), { tolerance: { relative: 5, absolute: 2 } }), 'indicators[1].tolerance', '{ "relative": p } or { "absolute": a }'],
  ['a negative default tolerance', (c) => patch(c, { defaults: { tolerance: { relative: -1 } } }), 'defaults.tolerance.relative', '0 or more'],
  ['a target written as text', (c) => patch(ind(c, 0).targets, { '2023-24': '80' }), 'indicators[0].targets["2023-24"]', 'must be a number, a band'],
  ['a quarter that does not exist', (c) => patch(ind(c, 0), { dueQuarters: ['Q5'] }), 'indicators[0].dueQuarters[0]', 'Q1, Q2, Q3, Q4'],
  ['no due quarters', (c) => patch(ind(c, 0), { dueQuarters: [] }), 'indicators[0].dueQuarters', 'at least one quarter'],
  ['suppressBelow of zero', (c) => patch(ind(c, 5), { suppressBelow: 0 }), 'indicators[5].suppressBelow', '1 or more'],
  ['suppressBelow past the maximum', (c) => patch(ind(c, 5), { suppressBelow: 1e9 }), 'indicators[5].suppressBelow', '100 or less: it hides counts below it'],
  ['statutory as text', (c) => patch(ind(c, 5), { statutory: 'yes' }), 'indicators[5].statutory', 'true or false'],
  ['a band with an unknown field', (c) => patch(ind(c, 6).targets, { '2023-24': { min: 90, max: 95, mid: 92 } }), 'indicators[6].targets["2023-24"]', 'does not allow here: mid'],
  ['schema version 2', (c) => patch(c, { schemaVersion: 2 }), 'schemaVersion', 'must be 1'],
  ['a financial year with a slash', (c) => patch(c, { financialYears: ['2023/24', '2024-25', '2025-26'] }), 'financialYears[0]', 'written like 2023-24'],
  ['no priorities', (c) => patch(c, { priorities: [] }), 'priorities', 'at least one priority'],
  ['indicators not a list', (c) => patch(c, { indicators: 'none' }), 'indicators', 'must be a list'],
  ['a change dated the British way', (c) => patch(c.changes?.[0], { date: '30/09/2023' }), 'changes[0].date', 'YYYY-MM-DD'],
  ['a change of an unknown kind', (c) => patch(c.changes?.[0], { change: 'renamed' }), 'changes[0].change', 'must be one of: added, removed'],
  ['a change without authority', (c) => drop(c.changes?.[0], 'authority'), 'changes[0].authority', 'is required'],
];

const crossFaults: ReadonlyArray<[string, Fault, string, string]> = [
  ['a year that does not follow on (2026-28)', (c) => c.financialYears.push('2026-28'), 'financialYears[3]', '2026-27 follows 2026'],
  ['a year listed twice', (c) => c.financialYears.push('2023-24'), 'financialYears[3]', 'listed twice'],
  ['a duplicate indicator id', (c) => patch(ind(c, 3), { id: 'MC01' }), 'indicators[3].id', 'ids must be unique'],
  ['a duplicate indicator id in other case', (c) => patch(ind(c, 3), { id: 'mc01' }), 'indicators[3].id', 'ids must be unique'],
  ['a duplicate priority id', (c) => c.priorities.push({ id: 'p1', title: 'Again' }), 'priorities[2].id', 'ids must be unique'],
  ['a duplicate flagship id', (c) => c.flagshipActions?.push({ id: 'FA01', priority: 'P1', title: 'Again' }), 'flagshipActions[1].id', 'ids must be unique'],
  ['a flagship action under an unknown priority', (c) => c.flagshipActions?.push({ id: 'FA02', priority: 'P9', title: 'x' }), 'flagshipActions[1].priority', 'does not match any priority id'],
  ['an indicator under an unknown priority', (c) => patch(ind(c, 2), { priority: 'P9' }), 'indicators[2].priority', 'does not match any priority id'],
  ['an unknown flagship action', (c) => patch(ind(c, 0), { flagship: 'FA99' }), 'indicators[0].flagship', 'does not match any flagship action id'],
  ['a flagship action of another priority', (c) => patch(ind(c, 5), { flagship: 'FA01' }), 'indicators[5].flagship', 'belongs to priority P1, not P2'],
  ['a range with min above max', (c) => patch(ind(c, 2), { range: { min: 10, max: 0 } }), 'indicators[2].range', 'min above max'],
  ['a target below the range', (c) => patch(ind(c, 0).targets, { '2024-25': -1 }), 'indicators[0].targets["2024-25"]', 'below the valid range minimum 0'],
  ['a target above the range', (c) => patch(ind(c, 0).targets, { '2024-25': 101 }), 'indicators[0].targets["2024-25"]', 'above the valid range maximum 100'],
  ['a band edge above the range', (c) => patch(ind(c, 6).targets, { '2024-25': { min: 90, max: 105 } }), 'indicators[6].targets["2024-25"]', 'above the valid range maximum 100'],
  ['a band with min above max', (c) => patch(ind(c, 6).targets, { '2023-24': { min: 95, max: 90 } }), 'indicators[6].targets["2023-24"]', 'min above max'],
  ['a plain target for polarity range', (c) => patch(ind(c, 6).targets, { '2024-25': 92 }), 'indicators[6].targets["2024-25"]', 'must be a band'],
  ['a band target for polarity higher', (c) => patch(ind(c, 0).targets, { '2024-25': { min: 80, max: 90 } }), 'indicators[0].targets["2024-25"]', 'band is only for polarity "range"'],
  ['a target for a year not in the catalogue', (c) => patch(ind(c, 0).targets, { '2026-27': 85 }), 'indicators[0].targets["2026-27"]', 'not in financialYears'],
  ['a quantitative indicator without a unit', (c) => drop(ind(c, 1), 'unit'), 'indicators[1].unit', 'required for a quantitative'],
  ['a quantitative indicator without a polarity', (c) => drop(ind(c, 1), 'polarity'), 'indicators[1].polarity', 'required for a quantitative'],
  ['a floor above the target (higher)', (c) => patch(ind(c, 7).floor, { '2023-24': 45 }), 'indicators[7].floor["2023-24"]', 'above that year\'s target 40'],
  ['a floor below the target (lower)', (c) => patch(ind(c, 1), { floor: { '2023-24': 15 } }), 'indicators[1].floor["2023-24"]', 'below that year\'s target 20'],
  ['a floor for a year not in the catalogue', (c) => patch(ind(c, 7).floor, { '2030-31': 30 }), 'indicators[7].floor["2030-31"]', 'not in financialYears'],
  ['a floor on a range indicator', (c) => patch(ind(c, 6), { floor: { '2023-24': 80 } }), 'indicators[6].floor', 'does not apply to polarity "range"'],
  ['an annual measure due twice', (c) => patch(ind(c, 3), { dueQuarters: ['Q2', 'Q4'] }), 'indicators[3].dueQuarters', 'exactly one quarter'],
  ['a quarter listed twice', (c) => patch(ind(c, 0), { dueQuarters: ['Q1', 'Q1', 'Q3'] }), 'indicators[0].dueQuarters', 'lists a quarter twice'],
  ['a change to an unknown indicator', (c) => patch(c.changes?.[0], { indicator: 'ZZ99' }), 'changes[0].indicator', 'does not match any indicator id'],
  ['a change for a year not in the catalogue', (c) => patch(c.changes?.[0], { year: '2030-31' }), 'changes[0].year', 'not in financialYears'],
];

describe.each([
  ['schema', schemaFaults],
  ['cross-check', crossFaults],
])('one %s fault gives one error at its path', (_phase, faults) => {
  it.each(faults)('%s', (_name, fault, path, fragment) => {
    const errors = errorsOf(fault);
    expect(errors.map((e) => e.path)).toEqual([path]);
    expect(errors[0]?.message).toContain(fragment);
  });
});

describe('what an error carries', () => {
  it('keeps the offending value, and says it in the description', () => {
    const [e] = errorsOf((c) => patch(ind(c, 1), { polarity: 'up' }));
    expect(e?.value).toBe('up');
    expect(e && describeCatalogueError(e)).toBe('indicators[1].polarity must be one of: higher, lower, none, range (found "up")');
  });

  it('has no value for a field that is missing', () => {
    const [e] = errorsOf((c) => drop(ind(c, 0), 'title'));
    expect(e).toEqual({ path: 'indicators[0].title', message: 'is required' });
    expect(e && describeCatalogueError(e)).toBe('indicators[0].title is required');
  });

  it('cuts a long value short in the description', () => {
    const text = describeCatalogueError({ path: 'x', message: 'is wrong', value: 'a'.repeat(500) });
    expect(text.length).toBeLessThan(120);
  });
});

describe('several faults', () => {
  it('are all collected by the schema', () => {
    const errors = errorsOf((c) => {
      patch(ind(c, 1), { polarity: 'up' });
      patch(ind(c, 0), { decimals: -1 });
      drop(ind(c, 8), 'service');
      patch(c.changes?.[0], { date: 'soon' });
    });
    expect(errors.map((e) => e.path).sort()).toEqual(
      ['changes[0].date', 'indicators[0].decimals', 'indicators[1].polarity', 'indicators[8].service'],
    );
  });

  it('are all collected by the cross-checks', () => {
    const errors = errorsOf((c) => {
      patch(ind(c, 3), { id: 'MC01' });
      patch(ind(c, 2), { priority: 'P9' });
      patch(ind(c, 0).targets, { '2024-25': 120 });
      patch(c.changes?.[0], { indicator: 'ZZ99' });
      c.financialYears.push('2026-28');
    });
    expect(errors.map((e) => e.path).sort()).toEqual([
      'changes[0].indicator', 'financialYears[3]', 'indicators[0].targets["2024-25"]', 'indicators[2].priority', 'indicators[3].id',
    ]);
  });
});

describe('things that are allowed', () => {
  it.each<[string, Fault]>([
    ['a qualitative indicator with no unit, polarity or targets', (c) => c.indicators.push({ ...ind(c, 4), id: 'MC10' })],
    ['a tracking-only indicator with no targets', (c) => patch(ind(c, 2), { targets: {} })],
    ['a null target for one year', (c) => patch(ind(c, 0).targets, { '2025-26': null })],
    ['a removal logged for an indicator no longer listed', (c) => c.changes?.push({ date: '2024-04-01', indicator: 'OLD1', change: 'removed', reason: 'Replaced', authority: 'Cabinet' })],
    ['a zero tolerance', (c) => patch(ind(c, 0), { tolerance: { absolute: 0 } })],
    ['a range open at one end', (c) => patch(ind(c, 1), { range: { min: 0 } })],
    ['a floor equal to the target', (c) => patch(ind(c, 7).floor, { '2023-24': 40 })],
    ['references in another case', (c) => patch(ind(c, 0), { priority: 'p1', flagship: 'fa01' })],
    ['no flagship actions and no change log', (c) => { drop(c, 'flagshipActions'); drop(c, 'changes'); drop(ind(c, 0), 'flagship'); drop(ind(c, 4), 'flagship'); }],
  ])('%s', (_name, change) => {
    expect(errorsOf(change)).toEqual([]);
  });

  it('keeps fields it does not know, at every level, through a round trip', () => {
    const c = miniCatalogue();
    patch(c, { 'x-generatedBy': 'BI script 2.1' });
    patch(ind(c, 0), { owner: 'Jo Bloggs', notes: ['a', 'b'] });
    patch(ind(c, 0).benchmark ?? undefined, { year: '2022-23' });
    patch(c.priorities[0], { colour: '#00703c' });
    patch(c.changes?.[0], { ticket: 'BI-42' });
    const first = parseCatalogue(c);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.catalogue).toEqual(c);
    const again = parseCatalogueText(JSON.stringify(first.catalogue));
    expect(again.ok && again.catalogue).toEqual(c);
  });

  it('does not change the object it was given', () => {
    const c = miniCatalogue();
    patch(ind(c, 0), { title: '  padded  ' });
    const before = JSON.stringify(c);
    parseCatalogue(c);
    expect(JSON.stringify(c)).toBe(before);
  });
});

describe('catalogue text', () => {
  it.each([
    ['a trailing comma', '{"schemaVersion": 1,}'],
    ['nothing at all', ''],
    ['a truncated file', JSON.stringify(miniCatalogue()).slice(0, 200)],
  ])('that is not JSON (%s) gives one error at the root', (_name, text) => {
    const result = parseCatalogueText(text);
    expect(result.ok).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.path).toBe('(root)');
    expect(result.errors[0]?.message).toMatch(/^is not valid JSON/);
  });

  it('that is JSON but not an object gives one root error', () => {
    expect(parseCatalogueText('[1, 2]').errors).toEqual([{ path: '(root)', message: 'must be an object { … }', value: [1, 2] }]);
  });

  it('may start with a byte order mark (Excel and Notepad write one)', () => {
    expect(parseCatalogueText(`\uFEFF${JSON.stringify(miniCatalogue())}`).ok).toBe(true);
  });

  it('with a key given twice is refused at that key, not read as the last value', () => {
    // The mini catalogue's first indicator says "suppressBelow": null; a line above it sets 5.
    const text = JSON.stringify(miniCatalogue()).replace('"indicators":[{', '"indicators":[{"suppressBelow":5,');
    expect(parseCatalogue(JSON.parse(text)).ok).toBe(true);
    const result = parseCatalogueText(text);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([{ path: 'indicators[0].suppressBelow', message: expect.stringMatching(/^is given twice in the same object/) }]);
  });
});

describe('formatPath', () => {
  it.each<[PropertyKey[], string]>([
    [[], '(root)'],
    [['indicators', 1, 'polarity'], 'indicators[1].polarity'],
    [['indicators', 0, 'targets', '2023-24'], 'indicators[0].targets["2023-24"]'],
    [['financialYears', 3], 'financialYears[3]'],
    [[0], '[0]'],
    [['a b'], '["a b"]'],
  ])('%j → %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('findIndicator', () => {
  it.each([['MC06', 'MC06'], ['mc06', 'MC06'], [' MC06 ', 'MC06'], ['MC99', undefined]])('%j → %s', (ref, id) => {
    expect(findIndicator(miniCatalogue(), ref)?.id).toBe(id);
  });
});
