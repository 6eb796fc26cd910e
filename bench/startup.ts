// Start-up of the command line (issue 19): `scorecard --help` and `scorecard validate ONE.xlsx`, each
// as a ratio to `node -e 0` on the same machine. The three are run alternately, each round in a
// rotated order, and each ratio is the median of the rounds' own ratios (paired), so a machine that
// slows down part-way through slows both sides of a pair.
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

export interface StartupFigures {
  /** Rounds run; every figure is a median over them. */
  runs: number;
  nodeMs: number;
  helpMs: number;
  validateMs: number;
  /** Median of each round's `scorecard --help` ÷ `node -e 0`. */
  helpRatio: number;
  /** Median of each round's `scorecard validate ONE.xlsx` ÷ `node -e 0`. */
  validateRatio: number;
}

const ROOT = path.join(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'scorecard.js');
const BUILT = path.join(ROOT, 'build', 'cli', 'cli', 'main.js');
const SOURCES = ['src/cli', 'src/app', 'src/core', 'src/adapters/exceljs', 'src/catalogue'];

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** The bin runs build/cli (what `npm install` builds): rebuild it when the sources are newer, so the figures are this tree's. */
function ensureBuilt(log: (t: string) => void): void {
  const built = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
  if (SOURCES.every((s) => newest(path.join(ROOT, s)) <= built)) return;
  log('  building the command line (npm run build:cli)…');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench: build:cli failed\n${r.stdout}${r.stderr}`);
}

function timed(args: readonly string[], cwd: string): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`bench: node ${args.join(' ')} exited ${r.status ?? r.signal}\n${r.stderr}`);
  return ms;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

export function measureStartup(runs: number, log: (t: string) => void): StartupFigures {
  ensureBuilt(log);
  const dir = mkdtempSync(path.join(tmpdir(), 'scorecard-bench-startup-'));
  try {
    // One demo return, as a lead would check it: a real filled workbook, the embedded catalogue.
    timed([BIN, 'demo', '--out', 'demo', '--quiet'], dir);
    const one = path.join('demo', 'returns', 'adult-social-care.xlsx');
    const commands: Record<'node' | 'help' | 'validate', readonly string[]> = {
      node: ['-e', '0'],
      help: [BIN, '--help'],
      validate: [BIN, 'validate', one],
    };
    const names = Object.keys(commands) as (keyof typeof commands)[];
    // A first, unmeasured round warms the file cache for all three alike.
    for (const n of names) timed(commands[n], dir);
    const ms: Record<keyof typeof commands, number[]> = { node: [], help: [], validate: [] };
    for (let i = 0; i < runs; i++) {
      for (let j = 0; j < names.length; j++) {
        const n = names[(i + j) % names.length]!;
        ms[n].push(timed(commands[n], dir));
      }
    }
    const ratio = (n: 'help' | 'validate'): number => median(ms[n].map((t, i) => t / (ms.node[i] ?? t)));
    const r2 = (x: number): number => Math.round(x * 100) / 100;
    return {
      runs, nodeMs: Math.round(median(ms.node)), helpMs: Math.round(median(ms.help)), validateMs: Math.round(median(ms.validate)),
      helpRatio: r2(ratio('help')), validateRatio: r2(ratio('validate')),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
