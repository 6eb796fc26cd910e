import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { renderWorkbook } from '../src/adapters/exceljs/render';
import type { Catalogue } from '../src/core/catalogue/schema';
import type { Period } from '../src/core/period';
import { templatePlan } from '../src/core/plan/template';
import { fillReturnPlan } from '../src/core/sample/fill';
import { LABEL } from '../src/core/return/layout';
import type { ChildMode } from './cli-child';
import { findPeer, runPeer } from './peer';
import { BENCH_PERIOD, syntheticCatalogue, syntheticEntries } from './synthetic';

export interface PeerFigures {
  python: string;
  openpyxl: string;
  seconds: number;
  peakRssMb: number;
  /** consolidate's median time over the peer's. */
  ratio: number;
}

export interface CliFigures {
  files: number;
  indicatorsPerFile: number;
  seconds: number;
  exceljsReadSeconds: number;
  ratioVsExceljsRead: number;
  /** Unzipping every return and scanning its sheet XML in one process: no reader can be faster. */
  floorSeconds: number;
  /** consolidate's median time over the floor's. */
  ratioVsFloor: number;
  /** bench/peers/openpyxl_consolidate.py on the same files; null (with peerNote) without openpyxl. */
  peer: PeerFigures | null;
  peerNote?: string;
  peakRssMb: number;
  /** Floor, read, consolidate and peer were run this many times, alternately; seconds are medians, RSS the highest. */
  runs: number;
  /** Peak RSS with a quarter of the files: flat means each workbook is released. */
  peakRssMbQuarterFiles: number;
}

/** Filled returns, one per service of the catalogue, written as real .xlsx files into `returns`. */
export async function writeReturns(catalogue: Catalogue, services: number, returns: string, period: Period = BENCH_PERIOD): Promise<void> {
  mkdirSync(returns, { recursive: true });
  for (let s = 1; s <= services; s++) {
    const service = `Service ${s}`;
    const plan = fillReturnPlan(templatePlan(catalogue, period, { service }), syntheticEntries(catalogue, service), { [LABEL.ready]: 'Yes' });
    const bytes = await renderWorkbook({ sheets: [plan], properties: { custom: {} } });
    writeFileSync(path.join(returns, `return-${String(s).padStart(3, '0')}.xlsx`), bytes);
  }
  if (readdirSync(returns).length !== services) throw new Error('bench: returns were not all written');
}

export interface ChildResult { seconds: number; peakRssMb: number }

export function child(mode: ChildMode, dir: string, returns: string, limit: number): ChildResult {
  const script = path.join(__dirname, 'cli-child.js');
  const out = execFileSync(process.execPath, [script, mode, dir, returns, String(limit)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const last = out.trim().split('\n').pop() ?? '{}';
  return JSON.parse(last) as ChildResult;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

export const round = (x: number): number => Math.round(x * 100) / 100;

/**
 * `consolidate` of many returns against, on the same files, the floor, a bare ExcelJS read and the
 * openpyxl peer, each in its own process, alternated `runs` times: on a noisy machine one run can
 * differ by a third either way.
 */
export async function measureCli(files: number, perFile: number, log: (t: string) => void, runs = 1): Promise<CliFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'scorecard-bench-'));
  try {
    log(`  writing ${files} returns × ${perFile} indicators…`);
    const catalogue = syntheticCatalogue(files * perFile, files);
    writeFileSync(path.join(dir, 'catalogue.json'), JSON.stringify(catalogue));
    const returns = path.join(dir, 'returns');
    await writeReturns(catalogue, files, returns);
    const inputs = readdirSync(returns).sort().map((f) => path.join(returns, f));
    const found = findPeer();
    const floors: ChildResult[] = [];
    const reads: ChildResult[] = [];
    const fulls: ChildResult[] = [];
    const peers: ChildResult[] = [];
    for (let i = 1; i <= runs; i++) {
      log(`  run ${i} of ${runs}: the floor, a bare ExcelJS read, scorecard consolidate${'python' in found ? ', the openpyxl peer' : ''}…`);
      floors.push(child('floor', dir, returns, files));
      reads.push(child('read', dir, returns, files));
      fulls.push(child('consolidate', dir, returns, files));
      if ('python' in found) peers.push(runPeer(found.python, path.join(dir, 'catalogue.json'), BENCH_PERIOD.year, path.join(dir, `peer-${i}.xlsx`), inputs));
    }
    const quarter = child('consolidate', dir, returns, Math.max(1, Math.floor(files / 4)));
    const seconds = median(fulls.map((r) => r.seconds));
    const readSeconds = median(reads.map((r) => r.seconds));
    const floorSeconds = median(floors.map((r) => r.seconds));
    const peerSeconds = median(peers.map((r) => r.seconds));
    return {
      files, indicatorsPerFile: perFile,
      seconds: round(seconds), exceljsReadSeconds: round(readSeconds),
      ratioVsExceljsRead: round(seconds / readSeconds),
      floorSeconds: round(floorSeconds), ratioVsFloor: round(seconds / floorSeconds),
      ...('python' in found
        ? { peer: { python: found.python, openpyxl: found.openpyxl, seconds: round(peerSeconds), peakRssMb: Math.round(Math.max(...peers.map((r) => r.peakRssMb))), ratio: round(seconds / peerSeconds) } }
        : { peer: null, peerNote: found.note }),
      peakRssMb: Math.round(Math.max(...fulls.map((r) => r.peakRssMb))), runs,
      peakRssMbQuarterFiles: Math.round(quarter.peakRssMb),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
