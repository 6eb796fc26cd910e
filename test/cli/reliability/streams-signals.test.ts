import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { demoIn } from '../../helpers/demo';
import { describeWith } from '../../helpers/tools';
import { removeTempFiles, stageWrite } from '../../../src/cli/files';
import { run, tempDir } from '../helpers';

/**
 * Issue 17 point 4: a run that fails prints its one line and nothing before it (progress only on
 * a terminal, and cleared); Ctrl+C leaves no temp file; a closed stdout is no stack trace.
 */
let dir = '';
let returns: string[] = [];
const root = path.join(__dirname, '..', '..', '..');

beforeAll(async () => {
  dir = tempDir();
  await demoIn(dir);
  returns = fs.readdirSync(path.join(dir, 'demo', 'returns')).map((f) => `demo/returns/${f}`);
  fs.writeFileSync(path.join(dir, 'bad.xlsx'), 'Ref,Actual\r\n');
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const visible = (err: string): string[] => err.split(/\r\u001b\[K|\n/).filter((l) => l !== '');

describe('a run that fails on a bad input', () => {
  it('prints one line and no progress before it (not a terminal)', async () => {
    const r = await run(dir, ['validate', ...returns, 'bad.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n').filter((l) => l !== '')).toEqual([expect.stringMatching(/^scorecard: bad\.xlsx: /)]);
  });

  it('on a terminal, the progress line is cleared before the one line', async () => {
    const r = await run(dir, ['validate', ...returns, 'bad.xlsx'], {}, { terminal: true });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/validated \d+\/23 files/);
    expect(r.err).toMatch(/\r\u001b\[Kscorecard: bad\.xlsx: [^\n]*\n$/);
    expect(visible(r.err).pop()).toMatch(/^scorecard: bad\.xlsx: /);
  });
});

describe('temp files', () => {
  it('a staged output not yet in place is removed by the interrupt clean-up, and the output is not made', () => {
    const staged = stageWrite(dir, 'staged.xlsx', 'x', false);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('.staged.xlsx.') && f.endsWith('.tmp'))).toBe(true);
    removeTempFiles();
    expect(fs.readdirSync(dir).filter((f) => f.includes('staged.xlsx'))).toEqual([]);
    staged.discard();
  });
});

describeWith(['cli-build'], 'the real process')('the real process', () => {
  const bin = path.join(root, 'bin', 'scorecard.js');

  it('stdout piped into something that stops reading (head): no stack trace', async () => {
    const child = spawn(process.execPath, [bin, 'validate', ...returns], { cwd: dir });
    let err = '';
    child.stderr.on('data', (b: Buffer) => { err += b.toString(); });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(err).not.toMatch(/EPIPE|Error|\n\s+at /);
  }, 60_000);

  it('Ctrl+C during consolidate: exit 130, one line, no temp file and no half-written output', async () => {
    const child = spawn(process.execPath, [bin, 'consolidate', ...returns, '--period', '2024-25 Q2', '--out', 'interrupted.xlsx'], { cwd: dir });
    let err = '';
    child.stderr.on('data', (b: Buffer) => { err += b.toString(); });
    // Once it has started (its first line printed), as a person presses Ctrl+C on a run under way.
    child.stdout.once('data', () => child.kill('SIGINT'));
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    const left = fs.readdirSync(dir).filter((f) => f.includes('interrupted'));
    if (code === null) {
      // The signal came while Node was already exiting after a finished run, when its handlers are
      // gone and the default action ends the process: the output must then be whole, nothing else left.
      expect(signal).toBe('SIGINT');
      expect(left).toEqual(['interrupted.xlsx']);
      await expect(JSZip.loadAsync(fs.readFileSync(path.join(dir, 'interrupted.xlsx')))).resolves.toBeDefined();
    } else if (code === 130) {
      expect(visible(err)).toEqual(['scorecard: stopped (SIGINT); no file was left half-written']);
      expect(left).toEqual([]);
    } else {
      // The run finished before the signal: the output is whole and nothing else is left.
      expect([0, 1]).toContain(code);
      expect(left).toEqual(['interrupted.xlsx']);
    }
  }, 60_000);
});
