import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describeWith } from '../helpers/tools';
import { demoIn } from '../helpers/demo';
import { tempDir } from './helpers';

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

  // Start-up (issue 19): a command loads only what it needs. Before, every command's modules (ExcelJS,
  // archiver, zod, JSZip) loaded before `--help` printed a word: 6× the time of `node -e 0`.
  const HEAVY = ['exceljs', 'archiver', 'zod', 'jszip', 'saxes'];
  function loaded(cwd: string, args: readonly string[]): { status: number; heavy: string[] } {
    const script = `const m = require(${JSON.stringify(path.join(root, 'build', 'cli', 'cli', 'main.js'))});
      const io = { stdout: () => {}, stderr: () => {}, env: {}, cwd: process.cwd() };
      m.main(${JSON.stringify(args)}, io).then((code) => {
        const heavy = ${JSON.stringify(HEAVY)}.filter((p) => Object.keys(require.cache).some((f) => f.includes('/node_modules/' + p + '/')));
        process.stdout.write(JSON.stringify({ status: code, heavy }));
      });`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8' });
    return JSON.parse(r.stdout) as { status: number; heavy: string[] };
  }

  it('scorecard --help loads none of the heavy libraries', () => {
    expect(loaded(root, ['--help'])).toEqual({ status: 0, heavy: [] });
  });

  it('scorecard validate ONE.xlsx loads only the zip reader: no ExcelJS, archiver, zod or saxes (the reader scans XML itself)', async () => {
    const dir = tempDir();
    await demoIn(dir);
    expect(loaded(dir, ['validate', path.join('demo', 'returns', 'adult-social-care.xlsx')])).toEqual({ status: 0, heavy: ['jszip'] });
  });

  it('scorecard consolidate loads no ExcelJS code (its theme text only), no archiver, no Ed25519 (no --sign)', async () => {
    const dir = tempDir();
    await demoIn(dir);
    const script = `const m = require(${JSON.stringify(path.join(root, 'build', 'cli', 'cli', 'main.js'))});
      const io = { stdout: () => {}, stderr: () => {}, env: {}, cwd: process.cwd() };
      m.main(['consolidate', 'demo/returns/adult-social-care.xlsx', '--period', '2024-25 Q2', '--out', 'paper.xlsx'], io).then((code) => {
        const files = Object.keys(require.cache);
        const has = (end) => files.some((f) => f.includes(end));
        process.stdout.write(JSON.stringify({ status: code, exceljs: files.filter((f) => f.includes('/node_modules/exceljs/')).map((f) => f.split('/node_modules/')[1]),
          archiver: has('/node_modules/archiver/'), saxes: has('/node_modules/saxes/'), ed25519: has('/@noble/curves/') }));
      });`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
    // Exit 1: a paper with warnings (the other services' returns are missing).
    expect(JSON.parse(r.stdout)).toEqual({ status: 1, exceljs: ['exceljs/lib/xlsx/xml/theme1.js'], archiver: false, saxes: false, ed25519: false });
    expect(existsSync(path.join(dir, 'paper.xlsx'))).toBe(true);
  });
});
