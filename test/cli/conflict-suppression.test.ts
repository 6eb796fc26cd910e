import * as fs from 'node:fs';
import { fillReturn, run, tempDir } from './helpers';

/**
 * Issue 18.1 leftover: consolidate's plain-text conflict lines are an export as much as --json.
 * Two returns give HSG03 (individual-level, suppressBelow 5 in the embedded catalogue) different
 * small counts; before, the text said "a.xlsx … says 2" while the paper and --json said <5.
 */
let dir = '';

beforeAll(async () => {
  dir = tempDir();
  const t = await run(dir, ['template', '--period', '2024-25 Q2', '--service', 'Housing Needs', '--out', 'template.xlsx', '--quiet']);
  expect(t.code).toBe(0);
  await fillReturn(dir, 'template.xlsx', 'a.xlsx', { HSG03: { Actual: 2 } }, { 'Ready for sign-off': 'Yes' });
  await fillReturn(dir, 'template.xlsx', 'b.xlsx', { HSG03: { Actual: 3 } }, { 'Ready for sign-off': 'Yes' });
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('consolidate (text) prints a conflict of small counts as <N, as the paper and --json do', async () => {
  const r = await run(dir, ['consolidate', 'a.xlsx', 'b.xlsx', '--out', 'paper.xlsx']);
  expect(r.code).toBeLessThan(2);
  const lines = r.out.split('\n').filter((l) => /^\s+HSG03:/.test(l));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/a\.xlsx \S+ says <5 .*b\.xlsx \S+ says <5/);
  expect(lines[0]).not.toMatch(/says [23]\b/);
});
