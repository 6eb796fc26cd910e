import type { Catalogue, Indicator } from '../src/core/catalogue/schema';
import { makePeriod, type Period } from '../src/core/period';
import type { ReturnEntry } from '../src/core/sample/fill';

/** A catalogue of `n` quarterly indicators in `services` services: the size a benchmark needs. */
export function syntheticCatalogue(n: number, services = 1): Catalogue {
  const indicators: Indicator[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 10 === 9 ? 'qualitative' : 'quantitative';
    const base = {
      id: `B${String(i + 1).padStart(6, '0')}`,
      title: `Benchmark indicator ${i + 1}`,
      priority: `P${(i % 3) + 1}`,
      directorate: 'Resources',
      service: `Service ${(i % services) + 1}`,
      kind,
      frequency: 'quarterly',
      dueQuarters: ['Q1', 'Q2', 'Q3', 'Q4'],
    } as const;
    indicators.push(
      kind === 'qualitative'
        ? { ...base, dueQuarters: [...base.dueQuarters] }
        : {
            ...base, dueQuarters: [...base.dueQuarters], unit: 'percent', decimals: 1, polarity: i % 2 ? 'higher' : 'lower',
            targets: { '2024-25': 80 }, tolerance: { relative: 5 }, range: { min: 0, max: 100 },
            ...(i % 7 === 0 ? { suppressBelow: 5, unit: 'number' as const, decimals: 0, range: { min: 0 } } : {}),
          },
    );
  }
  return {
    schemaVersion: 1, organisation: 'Benchmark Borough', plan: 'Benchmark plan', version: 'bench',
    financialYears: ['2024-25'], defaults: { tolerance: { relative: 5 }, decimals: 1 },
    priorities: [1, 2, 3].map((k) => ({ id: `P${k}`, title: `Priority ${k}` })),
    flagshipActions: [], indicators, changes: [],
  };
}

export const BENCH_PERIOD: Period = makePeriod(2024, 2);

/** Entries a lead would type: near target, some Red with commentary. */
export function syntheticEntries(catalogue: Catalogue, service?: string): ReturnEntry[] {
  return catalogue.indicators
    .filter((ind) => service === undefined || ind.service === service)
    .map((ind, i): ReturnEntry => {
      if (ind.kind === 'qualitative') return { ref: ind.id, status: i % 4 === 0 ? 'At risk' : 'On track', commentary: 'Milestones on plan.', action: 'Keep under review.' };
      const actual = ind.unit === 'number' ? 3 + (i % 40) : 60 + ((i * 37) % 40) + 0.5;
      return { ref: ind.id, actual, commentary: 'Performance discussed at DMT.', action: 'Recovery plan agreed.' };
    });
}
