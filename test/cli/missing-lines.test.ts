import * as fs from 'node:fs';
import fc from 'fast-check';
import { defaultCatalogue } from '../../src/catalogue';
import type { Catalogue } from '../../src/core/catalogue/schema';
import { LIST_ALL_UP_TO, missingLines } from '../../src/cli/missing';
import { run, tempDir } from './helpers';
import { demoIn } from '../helpers/demo';

/** The count each grouped line gives: `  Service: 12 indicators (…)` or `  … and 3 more services, 40 indicators between them`. */
function countsOf(lines: readonly string[]): number {
  return lines.slice(1).reduce((n, l) => n + Number(/(\d+) indicators? (?:\(|between)/.exec(l)?.[1] ?? NaN), 0);
}

function syntheticCatalogue(services: number, perService: number): Catalogue {
  const base = defaultCatalogue();
  const template = base.indicators[0]!;
  const indicators = [];
  for (let s = 0; s < services; s++) for (let i = 0; i < perService; i++) indicators.push({ ...template, id: `S${s}X${i}`, service: `Service ${s}` });
  return { ...base, indicators };
}

describe('the Missing lines of a consolidate report', () => {
  const big = syntheticCatalogue(60, 40);
  const refs = big.indicators.map((i) => i.id);

  it('lists a handful of refs on one line, as it always has', () => {
    fc.assert(fc.property(fc.subarray(refs, { minLength: 1, maxLength: LIST_ALL_UP_TO }), (missing) => {
      expect(missingLines(big, missing)).toEqual([`Missing (due, no return gave them): ${missing.join(', ')}`]);
    }));
    expect(missingLines(big, [])).toEqual([]);
  });

  it('groups thousands by service: every missing ref counted once, in at most 22 short lines', () => {
    fc.assert(fc.property(fc.subarray(refs, { minLength: LIST_ALL_UP_TO + 1 }), (missing) => {
      const lines = missingLines(big, missing);
      expect(lines.length).toBeLessThanOrEqual(22);
      expect(lines[0]).toContain(`${missing.length} indicators from `);
      expect(countsOf(lines)).toBe(missing.length);
      for (const l of lines) expect(l.length).toBeLessThan(200);
      // The services with most missing come first: whose return to chase.
      const shown = lines.slice(1).map((l) => Number(/(\d+) indicators? \(/.exec(l)?.[1] ?? 0)).filter((n) => n > 0);
      expect([...shown].sort((a, b) => b - a)).toEqual(shown);
    }), { numRuns: 50 });
  });

  it('names refs the catalogue does not hold under their own heading', () => {
    const missing = [...refs.slice(0, 25), 'ZZ01'];
    expect(missingLines(big, missing).some((l) => l.startsWith('  (not in the catalogue): 1 indicator (ZZ01)'))).toBe(true);
  });
});

describe('scorecard consolidate with most returns not sent (the analyst\'s seat)', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  beforeAll(() => demoIn(dir));

  it('says per service what is missing, and --json still lists every ref', async () => {
    const one = ['consolidate', 'demo/returns/finance.xlsx', '--period', '2024-25 Q2', '--force'];
    const text = await run(dir, [...one, '--out', 'one.xlsx']);
    const json = await run(dir, [...one, '--out', 'one-json.xlsx', '--json']);
    expect(text.code).toBe(1);
    const missing = (JSON.parse(json.out) as { missing: string[] }).missing;
    expect(missing.length).toBeGreaterThan(LIST_ALL_UP_TO);
    const lines = text.out.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Missing (due, no return gave them): '));
    expect(lines[at]).toContain(`${missing.length} indicators from `);
    const group = lines.slice(at, at + 1 + lines.slice(at + 1).findIndex((l) => !l.startsWith('  ')));
    expect(countsOf(group)).toBe(missing.length);
    expect(text.out).toContain('  Customer Services: ');
  });
});
