import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import data from '../../src/catalogue/default-catalogue.json';
import { DEFAULT_CATALOGUE_NAME, defaultCatalogue } from '../../src/catalogue';
import { parseCatalogue } from '../../src/core/catalogue/parse';
import type { Indicator } from '../../src/core/catalogue/schema';
import { makePeriod } from '../../src/core/period';
import { rag } from '../../src/core/rag';

const cat = defaultCatalogue();
const YEARS = ['2023-24', '2024-25', '2025-26'];
const quantitative = cat.indicators.filter((i) => i.kind === 'quantitative');
const rated = quantitative.filter((i) => i.polarity !== 'none');
const byId = new Map(cat.indicators.map((i) => [i.id, i]));
const DELEGATED = 'Delegated: Head of Customer Service and Business Support, following consultation with the Portfolio Holder for Performance, Communications and Customer Experience';

describe('the embedded default catalogue', () => {
  it('passes the schema and every cross-check', () => {
    const result = parseCatalogue(JSON.parse(JSON.stringify(data)));
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('is what the schema makes of it, unchanged: defaultCatalogue() skips the schema at start-up (issue 19)', () => {
    const result = parseCatalogue(JSON.parse(JSON.stringify(data)));
    if (!result.ok) throw new Error('invalid');
    expect(defaultCatalogue()).toStrictEqual(result.catalogue);
    expect(JSON.parse(JSON.stringify(result.catalogue))).toStrictEqual(data);
  });

  it('returns a fresh copy each call, so one caller cannot change what the next gets', () => {
    const a = defaultCatalogue();
    a.indicators[0]!.title = 'changed';
    (a.indicators[0]!.targets as Record<string, unknown>)['2023-24'] = 1;
    const b = defaultCatalogue();
    expect(b.indicators[0]!.title).not.toBe('changed');
    expect(b).toEqual(cat);
  });

  it('names itself with its version', () => {
    expect(DEFAULT_CATALOGUE_NAME).toContain('Harrow');
    expect(DEFAULT_CATALOGUE_NAME).toContain(cat.version);
  });

  it('is Harrow\'s Corporate Plan 2023-26 over three financial years with the agreed defaults', () => {
    expect(cat.organisation).toBe('London Borough of Harrow');
    expect(cat.plan).toBe('Corporate Plan 2023-26');
    expect(cat.financialYears).toEqual(YEARS);
    expect(cat.defaults).toEqual({ tolerance: { relative: 5 }, decimals: 1 });
    expect(cat.version >= '2023-06-29').toBe(true);
  });

  it('has the seed\'s three priorities, word for word', () => {
    expect(cat.priorities.map((p) => [p.id, p.title])).toEqual([
      ['P1', 'A council that puts residents first'],
      ['P2', 'A borough that is clean and safe'],
      ['P3', 'A place where those in need are supported'],
    ]);
  });

  it('has 24 flagship actions FA01-FA24, each measured by at least one indicator', () => {
    const ids = (cat.flagshipActions ?? []).map((f) => f.id);
    expect(ids).toEqual(Array.from({ length: 24 }, (_, i) => `FA${String(i + 1).padStart(2, '0')}`));
    const unmeasured = ids.filter((id) => !cat.indicators.some((i) => i.flagship === id));
    expect(unmeasured).toEqual([]);
  });

  it('has at least 45 indicators with unique, stable-looking ids', () => {
    expect(cat.indicators.length).toBeGreaterThanOrEqual(45);
    const ids = cat.indicators.map((i) => i.id);
    expect(new Set(ids.map((id) => id.toUpperCase())).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[A-Z]{2,4}\d{2}$/.test(id))).toEqual([]);
  });

  it.each(['P1', 'P2', 'P3'])('priority %s has quantitative and qualitative indicators', (p) => {
    const kinds = new Set(cat.indicators.filter((i) => i.priority === p).map((i) => i.kind));
    expect([...kinds].sort()).toEqual(['qualitative', 'quantitative']);
  });

  it('spreads over several directorates', () => {
    const directorates = new Set(cat.indicators.map((i) => i.directorate));
    expect(directorates.size).toBeGreaterThanOrEqual(4);
  });

  it.each<[string, (i: Indicator) => boolean]>([
    ['qualitative', (i) => i.kind === 'qualitative'],
    ['annual', (i) => i.kind === 'quantitative' && i.frequency === 'annual' && i.dueQuarters.length === 1],
    ['tracking only', (i) => i.kind === 'quantitative' && i.polarity === 'none'],
    ['suppressBelow 5', (i) => i.suppressBelow === 5],
    ['statutory', (i) => i.statutory === true],
    ['benchmark', (i) => typeof i.benchmark?.value === 'number'],
    ['floor', (i) => i.floor !== undefined],
    ['range with band targets', (i) => i.polarity === 'range' && YEARS.every((y) => typeof i.targets?.[y] === 'object')],
    ['absolute tolerance', (i) => i.tolerance !== undefined && 'absolute' in i.tolerance],
    ['cumulative', (i) => i.aggregation === 'cumulative'],
    ['monthly, due every quarter', (i) => i.frequency === 'monthly' && i.dueQuarters.length === 4],
  ])('contains a %s indicator', (_label, pred) => {
    expect(cat.indicators.some(pred)).toBe(true);
  });

  it('has several qualitative indicators and several benchmarks', () => {
    expect(cat.indicators.filter((i) => i.kind === 'qualitative').length).toBeGreaterThanOrEqual(5);
    expect(cat.indicators.filter((i) => i.benchmark).length).toBeGreaterThanOrEqual(3);
  });

  it('gives council tax collection as a cumulative measure whose Q4 profile is the annual target', () => {
    const ct = cat.indicators.find((i) => /council tax collected/i.test(i.title));
    expect(ct?.aggregation).toBe('cumulative');
    for (const y of YEARS) expect(ct?.targetProfile?.[y]?.Q4).toBe(ct?.targets?.[y]);
  });

  it.each(cat.indicators.filter((i) => i.targetProfile).map((i) => [i.id, i] as const))(
    '%s: quarterly profile builds up to the annual target', (_id, ind) => {
      for (const y of YEARS) {
        const p = ind.targetProfile?.[y];
        const steps = [p?.Q1, p?.Q2, p?.Q3, p?.Q4] as number[];
        expect(steps.every((v, k) => typeof v === 'number' && (k === 0 || v > (steps[k - 1] as number)))).toBe(true);
        expect(p?.Q4).toBe(ind.targets?.[y]);
      }
    });

  it('uses suppressBelow only on counts', () => {
    const wrong = cat.indicators.filter((i) => i.suppressBelow != null && i.unit !== 'number').map((i) => i.id);
    expect(wrong).toEqual([]);
  });
});

describe('targets', () => {
  it('every rated quantitative indicator has a target for all three years', () => {
    const missing = rated.filter((i) => YEARS.some((y) => i.targets?.[y] == null)).map((i) => i.id);
    expect(missing).toEqual([]);
  });

  it('tracking-only and qualitative indicators carry no targets', () => {
    const wrong = cat.indicators.filter((i) => (i.kind === 'qualitative' || i.polarity === 'none') && i.targets).map((i) => i.id);
    expect(wrong).toEqual([]);
  });

  it('qualitative indicators carry no unit, polarity, tolerance or range', () => {
    const wrong = cat.indicators
      .filter((i) => i.kind === 'qualitative' && (i.unit || i.polarity || i.tolerance || i.range || i.decimals !== undefined))
      .map((i) => i.id);
    expect(wrong).toEqual([]);
  });

  it('percent indicators have a 0-100 range (or wider for a change) and targets inside 0-100', () => {
    for (const i of quantitative.filter((x) => x.unit === 'percent')) {
      expect(i.range?.max).toBe(100);
      for (const t of Object.values(i.targets ?? {})) {
        const values = t === null ? [] : typeof t === 'number' ? [t] : [t.min, t.max];
        for (const v of values) expect(v >= 0 && v <= 100).toBe(true);
      }
    }
  });

  it('never get easier from one year to the next, and most stretch', () => {
    const sign = (i: Indicator): number => (i.polarity === 'higher' ? 1 : -1);
    const directional = rated.filter((i) => i.polarity === 'higher' || i.polarity === 'lower');
    const easier = directional.filter((i) => {
      const t = YEARS.map((y) => i.targets?.[y] as number);
      return t.some((v, k) => k > 0 && sign(i) * (v - (t[k - 1] as number)) < 0);
    });
    expect(easier.map((i) => i.id)).toEqual([]);
    const stretching = directional.filter((i) => i.targets?.['2025-26'] !== i.targets?.['2023-24']);
    expect(stretching.length / directional.length).toBeGreaterThan(0.8);
  });

  it('rates hitting the target exactly as Green in every year and every due quarter (property)', () => {
    const cases = rated.flatMap((ind) => YEARS.map((year) => ({ ind, year })));
    fc.assert(fc.property(fc.constantFrom(...cases), fc.constantFrom(0, 1), ({ ind, year }, end) => {
      const t = ind.targets?.[year];
      const actual = typeof t === 'number' ? t : end === 0 ? t!.min : t!.max;
      const q = Number(ind.dueQuarters[0]!.slice(1));
      const r = rag({ indicator: ind, period: makePeriod(Number(year.slice(0, 4)), q), defaults: cat.defaults, actual });
      return r.status === 'Green';
    }));
  });

  it.each([
    [71, 'Amber'], [70, 'Amber'], [69.9, 'Red'], [75, 'Green'],
  ])('the planning floor: minor applications at %s%% in 2023-24 are %s', (actual, status) => {
    const ind = cat.indicators.find((i) => i.floor)!;
    const r = rag({ indicator: ind, period: makePeriod(2023, 2), defaults: cat.defaults, actual });
    expect(r.status).toBe(status);
  });
});

describe('the change log', () => {
  const changes = cat.changes ?? [];

  it.each(['target', 'added', 'definition'])('records a %s change about an indicator that exists', (kind) => {
    const found = changes.filter((c) => c.change === kind);
    expect(found.length).toBeGreaterThan(0);
    for (const c of found) expect(byId.has(c.indicator)).toBe(true);
  });

  it('dates every change inside 2023-24, no later than the catalogue version, with a reason and the delegated authority', () => {
    for (const c of changes) {
      expect(c.date >= '2023-04-01' && c.date <= '2024-03-31').toBe(true);
      expect(c.date <= cat.version).toBe(true);
      expect(c.reason.length).toBeGreaterThan(20);
      expect(c.authority).toBe(DELEGATED);
    }
  });

  it('agrees with the indicators as they now stand', () => {
    for (const c of changes) {
      const ind = byId.get(c.indicator)!;
      if (c.change === 'target') expect(ind.targets?.[c.year!]).toBe(c.to);
      if (c.change === 'definition') expect(ind.definition).toBe(c.to);
      if (c.change === 'tolerance') expect(ind.tolerance).toEqual(c.to);
      if (c.change === 'added') expect(ind.title).toBe(c.to);
    }
  });
});

describe('docs/catalogue-sources.md', () => {
  const doc = readFileSync(join(__dirname, '../../docs/catalogue-sources.md'), 'utf8');
  const rows = new Map(doc.split('\n').filter((l) => /^\|\s*[A-Z]{2,4}\d{2}\s*\|/.test(l)).map((l) => [l.split('|')[1]!.trim(), l]));

  it('has a row for every indicator and none for indicators that do not exist', () => {
    expect([...rows.keys()].sort()).toEqual(cat.indicators.map((i) => i.id).sort());
  });

  it('names a reference row or says "local measure" for each', () => {
    const unsourced = [...rows].filter(([, l]) => !/TSV row \d+|local measure/i.test(l)).map(([id]) => id);
    expect(unsourced).toEqual([]);
  });
});
