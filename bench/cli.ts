import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { renderWorkbook } from '../src/adapters/exceljs/render';
import { templatePlan } from '../src/core/plan/template';
import { fillReturnPlan } from '../src/core/sample/fill';
import { LABEL } from '../src/core/return/layout';
import { BENCH_PERIOD, syntheticCatalogue, syntheticEntries } from './synthetic';

export interface CliFigures {
  files: number;
  indicatorsPerFile: number;
  seconds: number;
  exceljsReadSeconds: number;
  ratioVsExceljsRead: number;
  peakRssMb: number;
  /** Read and consolidate were run this many times, alternately; seconds are medians, RSS the highest. */
  runs: number;
  /** Peak RSS with a quarter of the files: flat means each workbook is released. */
  peakRssMbQuarterFiles: number;
}

/** Returns for `files` services of `perFile` indicators each, written as real .xlsx files. */
async function writeReturns(dir: string, files: number, perFile: number): Promise<string> {
  const catalogue = syntheticCatalogue(files * perFile, files);
  writeFileSync(path.join(dir, 'catalogue.json'), JSON.stringify(catalogue));
  const returns = path.join(dir, 'returns');
  mkdirSync(returns);
  for (let s = 1; s <= files; s++) {
    const service = `Service ${s}`;
    const plan = fillReturnPlan(templatePlan(catalogue, BENCH_PERIOD, { service }), syntheticEntries(catalogue, service), { [LABEL.ready]: 'Yes' });
    const bytes = await renderWorkbook({ sheets: [plan], properties: { custom: {} } });
    writeFileSync(path.join(returns, `return-${String(s).padStart(3, '0')}.xlsx`), bytes);
  }
  return returns;
}

interface ChildResult { seconds: number; peakRssMb: number }

function child(mode: 'read' | 'consolidate', dir: string, returns: string, limit: number): ChildResult {
  const script = path.join(__dirname, 'cli-child.js');
  const out = execFileSync(process.execPath, [script, mode, dir, returns, String(limit)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const last = out.trim().split('\n').pop() ?? '{}';
  return JSON.parse(last) as ChildResult;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

/**
 * `consolidate` of many returns against a bare ExcelJS read of the same files, each in its own
 * process, alternated `runs` times: on a noisy machine one pair can differ by a third either way.
 */
export async function measureCli(files: number, perFile: number, log: (t: string) => void, runs = 1): Promise<CliFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'scorecard-bench-'));
  try {
    log(`  writing ${files} returns × ${perFile} indicators…`);
    const returns = await writeReturns(dir, files, perFile);
    if (readdirSync(returns).length !== files) throw new Error('bench: returns were not all written');
    const reads: ChildResult[] = [];
    const fulls: ChildResult[] = [];
    for (let i = 1; i <= runs; i++) {
      log(`  run ${i} of ${runs}: a bare ExcelJS read, then scorecard consolidate…`);
      reads.push(child('read', dir, returns, files));
      fulls.push(child('consolidate', dir, returns, files));
    }
    const quarter = child('consolidate', dir, returns, Math.max(1, Math.floor(files / 4)));
    const seconds = median(fulls.map((r) => r.seconds));
    const readSeconds = median(reads.map((r) => r.seconds));
    return {
      files, indicatorsPerFile: perFile,
      seconds: round(seconds), exceljsReadSeconds: round(readSeconds),
      ratioVsExceljsRead: round(seconds / readSeconds),
      peakRssMb: Math.round(Math.max(...fulls.map((r) => r.peakRssMb))), runs,
      peakRssMbQuarterFiles: Math.round(quarter.peakRssMb),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (x: number): number => Math.round(x * 100) / 100;
