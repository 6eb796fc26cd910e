import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');
const built = fs.existsSync(path.join(root, 'build', 'cli', 'cli', 'main.js'));
if (!built) console.warn('bin test skipped: build/cli is not built (npm run build:cli; npm install runs it via prepare)');

(built ? describe : describe.skip)('the real bin', () => {
  it.each([
    [['--help'], 0, /Usage: scorecard <command>/, ''],
    [['validate', '--help'], 0, /Usage: scorecard validate/, ''],
    [['validate'], 2, /^$/, /^scorecard: validate: give at least one return/],
  ])('node bin/scorecard.js %j', (args, status, out, err) => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'scorecard.js'), ...args], { encoding: 'utf8' });
    expect(r.status).toBe(status);
    expect(r.stdout).toMatch(out);
    if (err) expect(r.stderr).toMatch(err);
  });
});
