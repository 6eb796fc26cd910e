import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findPeer } from '../../bench/peer';
import { writeReturns } from '../../bench/cli';
import { BENCH_PERIOD, syntheticCatalogue, syntheticEntries } from '../../bench/synthetic';
import { rag } from '../../src/core/rag';
import { describeWith } from '../helpers/tools';

// The peer must do the work it stands for, or the ratio to it means nothing: read every row of
// every return and RAG it as the product does. Checked by reading its output back with openpyxl.
const found = findPeer();

describeWith(['openpyxl'], 'the openpyxl peer test')('bench/peers/openpyxl_consolidate.py', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'scorecard-peer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives one row per return row, RAG as the core gives it for every quantitative indicator', async () => {
    const catalogue = syntheticCatalogue(60, 3);
    writeFileSync(path.join(dir, 'catalogue.json'), JSON.stringify(catalogue));
    const returns = path.join(dir, 'returns');
    mkdirSync(returns);
    await writeReturns(catalogue, 3, returns);
    const python = (found as { python: string }).python;
    const script = path.join(__dirname, '..', '..', 'bench', 'peers', 'openpyxl_consolidate.py');
    const out = path.join(dir, 'peer.xlsx');
    const files = ['return-001.xlsx', 'return-002.xlsx', 'return-003.xlsx'].map((f) => path.join(returns, f));
    const run = spawnSync(python, [script, path.join(dir, 'catalogue.json'), BENCH_PERIOD.year, out, ...files], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const read = spawnSync(python, ['-c', 'import json, sys, openpyxl; print(json.dumps([list(r) for r in openpyxl.load_workbook(sys.argv[1]).active.iter_rows(values_only=True)]))', out], { encoding: 'utf8' });
    const [header, ...rows] = JSON.parse(read.stdout) as (string | number | null)[][];
    expect(header).toEqual(['File', 'Ref', 'Indicator', 'Service', 'Target', 'Actual', 'RAG', 'Commentary', 'Action']);
    expect(rows).toHaveLength(catalogue.indicators.length);
    const entries = new Map([1, 2, 3].flatMap((s) => syntheticEntries(catalogue, `Service ${s}`)).map((e) => [e.ref, e]));
    const colours = new Set<unknown>();
    for (const row of rows) {
      const indicator = catalogue.indicators.find((i) => i.id === row[1]);
      if (!indicator) throw new Error(`the peer wrote an unknown ref ${String(row[1])}`);
      const entry = entries.get(indicator.id) as { actual?: number };
      if (indicator.kind === 'qualitative') {
        expect(row[6]).toBeNull();
        continue;
      }
      expect(row[5]).toBe(entry.actual);
      expect(row[6]).toBe(rag({ indicator, period: BENCH_PERIOD, defaults: catalogue.defaults, actual: entry.actual }).status);
      colours.add(row[6]);
    }
    expect([...colours].sort()).toEqual(['Amber', 'Green', 'Red']);
  });
});
