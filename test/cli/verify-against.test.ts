import * as fs from 'node:fs';
import * as path from 'node:path';
import { run, tempDir } from './helpers';
import { demoIn, workbooksIn } from '../helpers/demo';

/**
 * verify --against MASTER.json (issue 18.4): the paper's numbers against the BI master's record of
 * its quarter. The demo's master holds four earlier quarters; closing 2024-25 Q2 on a copy of it
 * makes a paper and a record of the same quarter to compare.
 */
let dir = '';
type Master = { organisation: string; periods: { period: string; values: { ref: string; actual: unknown; status: string }[] }[] };
const readMaster = (file: string): Master => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Master;
const writeMaster = (file: string, m: Master): void => fs.writeFileSync(path.join(dir, file), JSON.stringify(m));

beforeAll(async () => {
  dir = tempDir();
  await demoIn(dir);
  fs.copyFileSync(path.join(dir, 'demo', 'bi-master.json'), path.join(dir, 'master.json'));
  const c = await run(dir, ['consolidate', ...workbooksIn(dir, path.join('demo', 'returns')), '--catalogue', path.join('demo', 'catalogue.json'), '--period', '2024-25 Q2', '--history', 'master.json', '--out', 'paper.xlsx']);
  expect(c.err).toBe('');
  expect(c.code).toBeLessThan(2);
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('says the paper is the same as the master\'s record of its quarter (exit 0)', async () => {
  const r = await run(dir, ['verify', 'paper.xlsx', '--against', 'master.json']);
  expect(r.err).toBe('');
  expect(r.out).toMatch(/paper\.xlsx: the same as the BI master's record of 2024-25 Q2 in master\.json \(actual and RAG of \d+ indicators/);
  expect(r.code).toBe(0);
});

it('names each ref whose actual or RAG differs from the record (exit 1)', async () => {
  const m = readMaster('master.json');
  const q = m.periods.find((p) => p.period === '2024-25 Q2');
  const v = q?.values.find((x) => typeof x.actual === 'number');
  if (!q || !v) throw new Error('no numeric value recorded for 2024-25 Q2');
  v.actual = (v.actual as number) + 1;
  writeMaster('edited.json', m);
  const r = await run(dir, ['verify', 'paper.xlsx', '--against', 'edited.json']);
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/DIFFERS from the BI master's record of 2024-25 Q2/);
  expect(r.out).toContain(`  ${v.ref}: actual `);
  expect(r.out.split('\n').filter((l) => /^ {2}[A-Z]+\d+:/.test(l))).toHaveLength(1);
});

it('compares a suppressed count as suppressed: the paper\'s <5 matches any count 1 to 4 recorded, never shows the raw one', async () => {
  const m = readMaster('master.json');
  const q = m.periods.find((p) => p.period === '2024-25 Q2');
  // CSC06 (suppressBelow 5 in the demo catalogue) was returned as a small count; the paper says <5.
  const v = q?.values.find((x) => x.ref === 'CSC06');
  expect(typeof v?.actual === 'number' && v.actual >= 1 && v.actual < 5).toBe(true);
  if (!v) return;
  const small = v.actual as number;
  v.actual = small === 4 ? 1 : small + 1;
  writeMaster('other-small.json', m);
  const same = await run(dir, ['verify', 'paper.xlsx', '--against', 'other-small.json']);
  expect(same.code).toBe(0);
  v.actual = 7;
  writeMaster('not-small.json', m);
  const differs = await run(dir, ['verify', 'paper.xlsx', '--against', 'not-small.json']);
  expect(differs.code).toBe(1);
  expect(differs.out).toContain('  CSC06: actual <5 on the paper, 7 in the master');
});

it('exits 2 with one line when the master has no record of the quarter', async () => {
  const r = await run(dir, ['verify', 'paper.xlsx', '--against', path.join('demo', 'bi-master.json')]);
  expect(r.code).toBe(2);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(/bi-master\.json: has no record of 2024-25 Q2/);
  expect(r.out).toBe('');
});

it('exits 2 with one line when the master is another council\'s', async () => {
  writeMaster('other.json', { ...readMaster('master.json'), organisation: 'Royal Borough of Elsewhere' });
  const r = await run(dir, ['verify', 'paper.xlsx', '--against', 'other.json']);
  expect(r.code).toBe(2);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(/other\.json: is the BI master of Royal Borough of Elsewhere/);
});

it('names the results carried forward from a quarter the master does not hold as not checked, and counts only the rest', async () => {
  const m = readMaster('master.json');
  const all = await run(dir, ['verify', 'paper.xlsx', '--against', 'master.json']);
  const checkedAll = Number(/RAG of (\d+) indicators/.exec(all.out)?.[1]);
  m.periods = m.periods.filter((p) => p.period === '2024-25 Q2');
  writeMaster('only-q2.json', m);
  const r = await run(dir, ['verify', 'paper.xlsx', '--against', 'only-q2.json']);
  expect(r.code).toBe(0);
  const notChecked = r.out.split('\n').filter((l) => l.startsWith('  Not checked: '));
  // The demo's annual and carried-forward measures come from 2023-24 Q4 and 2024-25 Q1.
  expect(notChecked.length).toBeGreaterThan(0);
  const refs = notChecked.flatMap((l) => /Not checked: (.*?) shows? /.exec(l)?.[1]?.split(', ') ?? []);
  for (const l of notChecked) expect(l).toMatch(/carried forward from 20\d\d-\d\d Q\d, which the master does not hold\.$/);
  expect(Number(/RAG of (\d+) indicators/.exec(r.out)?.[1])).toBe(checkedAll - refs.length);
  expect(all.out).not.toContain('Not checked');
});
