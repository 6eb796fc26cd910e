// The peer: bench/peers/openpyxl_consolidate.py, what a BI analyst would write instead. Timed by a
// small harness inside the same Python process (runpy), so like consolidate it counts loading its
// library and the work, not the interpreter's start.
import { spawnSync } from 'child_process';
import path from 'path';

export interface PeerRun { seconds: number; peakRssMb: number }

/** Debian's python3-openpyxl lives under /usr/bin/python3; the PATH python3 may be another one. */
const CANDIDATES = ['/usr/bin/python3', 'python3'];

/** The first Python that imports openpyxl, with its version; or why there is none. */
export function findPeer(): { python: string; openpyxl: string } | { note: string } {
  for (const python of CANDIDATES) {
    const r = spawnSync(python, ['-c', 'import openpyxl; print(openpyxl.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) return { python, openpyxl: r.stdout.trim() };
  }
  return { note: `no Python with openpyxl (tried ${CANDIDATES.join(', ')}; apt-get install python3-openpyxl): peer skipped` };
}

const HARNESS = [
  'import resource, runpy, sys, time',
  'script = sys.argv[1]',
  'sys.argv = sys.argv[1:]',
  't = time.perf_counter()',
  "runpy.run_path(script, run_name='__main__')",
  'seconds = time.perf_counter() - t',
  "print('{\"seconds\": %f, \"peakRssMb\": %f}' % (seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))",
].join('\n');

export function runPeer(python: string, catalogue: string, year: string, out: string, files: readonly string[]): PeerRun {
  const script = path.join(__dirname, '..', '..', '..', 'bench', 'peers', 'openpyxl_consolidate.py');
  const r = spawnSync(python, ['-c', HARNESS, script, catalogue, year, out, ...files], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`the openpyxl peer failed: ${r.stderr.trim().split('\n').pop() ?? r.status}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as PeerRun;
}
