import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../src/cli/main';

/**
 * `scorecard demo` once per run: a dozen scenario suites start from its returns, master and paper,
 * and each used to run it for itself. test/helpers/demo.ts copies it into a suite's own folder.
 */
export default async function globalSetup(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-demo-cache-'));
  let err = '';
  const code = await main(['demo', '--out', 'demo'], { stdout: () => undefined, stderr: (t) => { err += t; }, env: {}, cwd: dir });
  if (code !== 0) throw new Error(`scorecard demo failed in the test set-up (exit ${code}): ${err}`);
  process.env.SCORECARD_TEST_DEMO = path.join(dir, 'demo');
}
