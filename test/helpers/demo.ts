import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../src/cli/main';

/**
 * The demo's output (`scorecard demo --out demo`) in `dir`/demo: copied from the one the test set-up
 * made (test/global-setup.ts), or made here when a suite runs without it.
 */
export async function demoIn(dir: string): Promise<void> {
  const made = process.env.SCORECARD_TEST_DEMO;
  if (made && fs.existsSync(made)) {
    fs.cpSync(made, path.join(dir, 'demo'), { recursive: true });
    return;
  }
  let err = '';
  const code = await main(['demo', '--out', 'demo'], { stdout: () => undefined, stderr: (t) => { err += t; }, env: {}, cwd: dir });
  if (code !== 0) throw new Error(`scorecard demo failed (exit ${code}): ${err}`);
}

/** The .xlsx files in `dir`/`sub`, sorted, as paths relative to `dir` (how a user types them). */
export function workbooksIn(dir: string, sub: string): string[] {
  return fs.readdirSync(path.join(dir, sub)).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(sub, f));
}
