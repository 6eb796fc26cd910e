import fc from 'fast-check';
import { defaultCatalogue } from '../../../src/catalogue';
import { checkChangeLog, diffCatalogues, stableJson, type DiffEntry } from '../../../src/core/catalogue/diff';
import type { Catalogue, CatalogueChange, Indicator } from '../../../src/core/catalogue/schema';
import { miniCatalogue } from '../fixtures/mini-catalogue';

const edit = (c: Catalogue, id: string, f: (i: Indicator) => Indicator): Catalogue => ({ ...c, indicators: c.indicators.map((i) => (i.id === id ? f(i) : i)) });
const short = (e: DiffEntry): unknown[] => [e.indicator, e.change, e.year ?? e.field ?? '', e.from, e.to];
const log = (c: Partial<CatalogueChange> & Pick<CatalogueChange, 'indicator' | 'change'>): CatalogueChange => ({ date: '2024-11-01', reason: 'Met early', authority: 'Delegated: Head of Service', ...c });

const old = miniCatalogue();
const newIndicator: Indicator = { ...(old.indicators[0] as Indicator), id: 'MC99', title: 'New measure' };

describe('diffCatalogues', () => {
  it.each<[string, (c: Catalogue) => Catalogue, unknown[][]]>([
    ['nothing', (c) => c, []],
    ['a target for one year', (c) => edit(c, 'MC01', (i) => ({ ...i, targets: { ...i.targets, '2024-25': 84 } })), [['MC01', 'target', '2024-25', 82, 84]]],
    ['a target set where there was none', (c) => edit(c, 'MC01', (i) => ({ ...i, targets: { ...i.targets, '2026-27': 86 } })), [['MC01', 'target', '2026-27', null, 86]]],
    ['a target band', (c) => edit(c, 'MC07', (i) => ({ ...i, targets: { ...i.targets, '2024-25': { min: 30, max: 50 } } })), [['MC07', 'target', '2024-25', { min: 90, max: 95 }, { min: 30, max: 50 }]]],
    ['the tolerance', (c) => edit(c, 'MC01', (i) => ({ ...i, tolerance: { absolute: 2 } })), [['MC01', 'tolerance', '', { relative: 5 }, { absolute: 2 }]]],
    ['the polarity', (c) => edit(c, 'MC01', (i) => ({ ...i, polarity: 'lower' })), [['MC01', 'polarity', '', 'higher', 'lower']]],
    ['a floor', (c) => edit(c, 'MC08', (i) => ({ ...i, floor: { ...i.floor, '2024-25': 60 } })), [['MC08', 'floor', '2024-25', 38, 60]]],
    ['the definition', (c) => edit(c, 'MC01', (i) => ({ ...i, definition: 'New words' })), [['MC01', 'definition', '', null, 'New words']]],
    ['the title', (c) => edit(c, 'MC01', (i) => ({ ...i, title: 'Calls answered in 60s' })), [['MC01', 'title', '', '% of calls answered within 60 seconds', 'Calls answered in 60s']]],
    ['only spaces around the title', (c) => edit(c, 'MC01', (i) => ({ ...i, title: ` ${i.title} ` })), []],
    ['the due quarters', (c) => edit(c, 'MC01', (i) => ({ ...i, dueQuarters: ['Q2', 'Q4'] })), [['MC01', 'other', 'dueQuarters', ['Q1', 'Q2', 'Q3', 'Q4'], ['Q2', 'Q4']]]],
    ['an addition', (c) => ({ ...c, indicators: [...c.indicators, newIndicator] }), [['MC99', 'added', '', undefined, 'New measure']]],
    ['a removal', (c) => ({ ...c, indicators: c.indicators.filter((i) => i.id !== 'MC03') }), [['MC03', 'removed', '', 'Number of residents contacting the council', undefined]]],
  ])('finds %s', (_label, change, want) => {
    const got = diffCatalogues(old, change(miniCatalogue())).entries.map(short);
    expect(got).toEqual(want);
  });

  it('a change to the defaults shows on each indicator it moves, and not on those with their own', () => {
    const now = { ...miniCatalogue(), defaults: { tolerance: { relative: 10 }, decimals: 1 } };
    const moved = diffCatalogues(old, now).entries.map((e) => e.indicator);
    const own = old.indicators.filter((i) => i.kind === 'quantitative' && !i.tolerance).map((i) => i.id);
    expect(moved).toEqual(own);
    expect(moved.length).toBeGreaterThan(0);
  });

  it('gives the path in the new catalogue', () => {
    const now = edit(miniCatalogue(), 'MC01', (i) => ({ ...i, targets: { ...i.targets, '2024-25': 84 } }));
    expect(diffCatalogues(old, now).entries[0]?.path).toBe('indicators[0].targets["2024-25"]');
  });
});

describe('checkChangeLog', () => {
  const raised = (changes: CatalogueChange[]): Catalogue => ({ ...edit(miniCatalogue(), 'MC01', (i) => ({ ...i, targets: { ...i.targets, '2024-25': 84 } })), changes });
  const codes = (now: Catalogue, before: Catalogue = old): unknown[][] => checkChangeLog(before, now).map((i) => [i.severity, i.code, i.ref]);

  it.each<[string, CatalogueChange[], unknown[][]]>([
    ['logged', [log({ indicator: 'MC01', change: 'target', year: '2024-25', from: 82, to: 84 })], []],
    ['logged without from/to', [log({ indicator: 'mc01', change: 'target', year: '2024-25' })], []],
    ['logged with the year taken from the date', [log({ indicator: 'MC01', change: 'target', date: '2024-11-01' })], []],
    ['not logged', [], [['error', 'change-not-logged', 'MC01']]],
    ['logged for another year', [log({ indicator: 'MC01', change: 'target', year: '2025-26' })], [['error', 'change-not-logged', 'MC01']]],
    ['logged for another indicator', [log({ indicator: 'MC02', change: 'target', year: '2024-25' })], [['error', 'change-not-logged', 'MC01']]],
    ['logged as another kind', [log({ indicator: 'MC01', change: 'definition' })], [['error', 'change-not-logged', 'MC01']]],
    ['logged with no authority', [log({ indicator: 'MC01', change: 'target', year: '2024-25', authority: ' ' })], [['error', 'change-log-incomplete', 'MC01']]],
    ['logged with the wrong figures', [log({ indicator: 'MC01', change: 'target', year: '2024-25', from: 82, to: 85 })], [['warning', 'change-log-mismatch', 'MC01']]],
  ])('a raised target, %s', (_label, changes, want) => {
    expect(codes(raised(changes))).toEqual(want);
  });

  it('an entry already in the old log does not cover a new change', () => {
    const entry = log({ indicator: 'MC01', change: 'target', year: '2024-25', from: 80, to: 82 });
    const before = { ...miniCatalogue(), changes: [entry] };
    expect(codes(raised([entry]), before)).toEqual([['error', 'change-not-logged', 'MC01']]);
  });

  it('a catalogue-wide entry (indicator "*") covers a defaults change on every indicator', () => {
    const now = { ...miniCatalogue(), defaults: { tolerance: { relative: 10 }, decimals: 1 } };
    expect(codes(now).length).toBeGreaterThan(0);
    expect(codes({ ...now, changes: [log({ indicator: '*', change: 'tolerance', from: { relative: 5 }, to: { relative: 10 } })] })).toEqual([]);
  });

  it.each<[string, (c: Catalogue) => Catalogue, CatalogueChange]>([
    ['an addition', (c) => ({ ...c, indicators: [...c.indicators, newIndicator] }), log({ indicator: 'MC99', change: 'added', to: 'New measure' })],
    ['a removal', (c) => ({ ...c, indicators: c.indicators.filter((i) => i.id !== 'MC03') }), log({ indicator: 'MC03', change: 'removed' })],
  ])('%s needs its own entry', (_label, change, entry) => {
    const now = change(miniCatalogue());
    expect(codes(now)).toHaveLength(1);
    expect(codes({ ...now, changes: [entry] })).toEqual([]);
  });

  it('the message says what changed and what the log lacks', () => {
    expect(checkChangeLog(old, raised([]))[0]?.message).toBe("MC01's 2024-25 target changed from 82 to 84, and the change log has no new entry for it (date, reason and authority).");
  });

  it('the embedded default\'s own log covers its history: CS03 2024-25 target 91 → 92', () => {
    const now = defaultCatalogue();
    const before = edit(now, 'CS03', (i) => ({ ...i, targets: { ...i.targets, '2024-25': 91 } }));
    expect(checkChangeLog({ ...before, changes: [] }, now)).toEqual([]);
  });
});

/** The same value with every object's keys in reverse order. */
function reversedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversedKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversedKeys(x)]));
}

describe('properties', () => {
  const base = defaultCatalogue();
  const rated = base.indicators.filter((i) => i.kind === 'quantitative' && i.polarity !== 'none' && i.polarity !== 'range');
  const yearArb = fc.constantFrom(...base.financialYears);
  const targetEdit = fc.tuple(fc.constantFrom(...rated.map((i) => i.id)), yearArb, fc.integer({ min: 1, max: 500 }));

  it('diff(a, a) is empty, for the default and for edited catalogues, whatever the key order', () => {
    fc.assert(fc.property(fc.array(targetEdit, { maxLength: 5 }), (edits) => {
      const a = edits.reduce((c, [id, year, t]) => edit(c, id, (i) => ({ ...i, targets: { ...i.targets, [year]: t } })), base);
      expect(diffCatalogues(a, a).entries).toEqual([]);
      expect(diffCatalogues(a, reversedKeys(a) as Catalogue).entries).toEqual([]);
      expect(stableJson(reversedKeys(a))).toBe(stableJson(a));
    }));
  });

  it('one target edit is exactly one diff entry, and one matching log entry satisfies the check', () => {
    fc.assert(fc.property(targetEdit, ([id, year, t]) => {
      const from = base.indicators.find((i) => i.id === id)?.targets?.[year] ?? null;
      fc.pre(from !== t);
      const now = edit(base, id, (i) => ({ ...i, targets: { ...i.targets, [year]: t } }));
      expect(diffCatalogues(base, now).entries.map(short)).toEqual([[id, 'target', year, from, t]]);
      const logged = { ...now, changes: [...(now.changes ?? []), log({ indicator: id, change: 'target', year, from, to: t })] };
      expect(checkChangeLog(base, logged)).toEqual([]);
      expect(checkChangeLog(base, now).map((i) => i.code)).toEqual(['change-not-logged']);
    }));
  });
});
