// A council's real quarter: about 40 returns and 300 indicators. What a BI analyst runs each
// quarter — templates for every service, validate every return, consolidate with the BI master —
// each timed in its own process and given as a ratio to the floor on the same files.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { main } from '../src/cli/main';
import { makePeriod } from '../src/core/period';
import { child, median, round, writeReturns, type ChildResult } from './cli';
import { syntheticCatalogue } from './synthetic';

export interface QuarterFigures {
  services: number;
  indicators: number;
  runs: number;
  floorSeconds: number;
  templateSeconds: number;
  validateSeconds: number;
  consolidateSeconds: number;
  /** Each command's median over the floor's. */
  templateRatio: number;
  validateRatio: number;
  consolidateRatio: number;
  /** consolidate (with the BI master) over validate of the same files: the budget is ≤ 1.5. */
  consolidateVsValidate: number;
  peakRssMb: number;
}

export async function measureQuarter(services: number, indicators: number, log: (t: string) => void, runs = 1): Promise<QuarterFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'scorecard-quarter-'));
  try {
    log(`  writing ${services} returns of ${indicators} indicators in all, and a BI master holding Q1…`);
    const catalogue = syntheticCatalogue(indicators, services);
    writeFileSync(path.join(dir, 'catalogue.json'), JSON.stringify(catalogue));
    const returns = path.join(dir, 'returns');
    await writeReturns(catalogue, services, returns);
    const q1 = path.join(dir, 'returns-q1');
    await writeReturns(catalogue, services, q1, makePeriod(2024, 1));
    // The BI master holding Q1, made by the command line itself (not timed); each run adds Q2 to a copy.
    const q1Files = readdirSync(q1).sort().map((f) => path.join(q1, f));
    const sink = { stdout: () => undefined, stderr: (t: string) => void log(`  ${t.trim()}`), env: {}, cwd: dir };
    const code = await main(['consolidate', ...q1Files, '--period', '2024-25 Q1', '--catalogue', path.join(dir, 'catalogue.json'), '--out', path.join(dir, 'q1.xlsx'), '--history', path.join(dir, 'master.json'), '--quiet'], sink);
    if (code === 2) throw new Error('bench: the Q1 BI master could not be written');
    const seen: Record<'floor' | 'template' | 'validate' | 'consolidate', ChildResult[]> = { floor: [], template: [], validate: [], consolidate: [] };
    for (let i = 1; i <= runs; i++) {
      log(`  run ${i} of ${runs}: the floor, template --all-services, validate, consolidate --history…`);
      seen.floor.push(child('floor', dir, returns, services));
      seen.template.push(child('template', dir, returns, services));
      seen.validate.push(child('validate', dir, returns, services));
      seen.consolidate.push(child('consolidate-history', dir, returns, services));
    }
    const [floor, template, validate, consolidate] = (['floor', 'template', 'validate', 'consolidate'] as const).map((k) => median(seen[k].map((r) => r.seconds))) as [number, number, number, number];
    return {
      services, indicators, runs,
      floorSeconds: round(floor), templateSeconds: round(template), validateSeconds: round(validate), consolidateSeconds: round(consolidate),
      templateRatio: round(template / floor), validateRatio: round(validate / floor), consolidateRatio: round(consolidate / floor),
      // Each run's validate and consolidate ran back to back: the median of those pairs' ratios, so a
      // stretch of machine load lands on both sides of a ratio.
      consolidateVsValidate: round(median(seen.consolidate.map((c, i) => c.seconds / (seen.validate[i]?.seconds ?? NaN)))),
      peakRssMb: Math.round(Math.max(...Object.values(seen).flat().map((r) => r.peakRssMb))),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
