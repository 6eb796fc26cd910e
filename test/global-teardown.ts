import * as fs from 'node:fs';
import * as path from 'node:path';

/** The demo test/global-setup.ts made is removed once the run is over. */
export default async function globalTeardown(): Promise<void> {
  const made = process.env.SCORECARD_TEST_DEMO;
  if (made && /scorecard-demo-cache-/.test(made)) fs.rmSync(path.dirname(made), { recursive: true, force: true });
}
