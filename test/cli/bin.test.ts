import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describeWith } from '../helpers/tools';

const root = path.join(__dirname, '..', '..');

describeWith(['cli-build'], 'the bin test')('the real bin', () => {
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
