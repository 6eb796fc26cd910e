// One measured run in a fresh process, so peak RSS belongs to that run alone.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';
import { main } from '../src/cli/main';
import { scanReturns } from './floor';

export type ChildMode = 'floor' | 'read' | 'consolidate' | 'consolidate-history' | 'validate' | 'template';

async function scorecard(args: string[], dir: string): Promise<void> {
  const sink = { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: dir };
  const code = await main([...args, '--catalogue', path.join(dir, 'catalogue.json'), '--period', '2024-25 Q2', '--quiet'], sink);
  if (code === 2) throw new Error(`scorecard ${args[0]} could not run (exit ${code})`);
}

async function work(mode: ChildMode, dir: string, files: string[]): Promise<void> {
  const out = path.join(dir, `${mode}-${files.length}-${process.pid}`);
  switch (mode) {
    case 'floor':
      if ((await scanReturns(files)) === 0) throw new Error('the floor scan found no cells');
      return;
    case 'read': {
      // Loaded inside the timer, as each command loads what it needs: the peer counts loading openpyxl too.
      const { Workbook } = await import('exceljs');
      for (const f of files) await new Workbook().xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
      return;
    }
    case 'consolidate':
      return scorecard(['consolidate', ...files, '--out', `${out}.xlsx`], dir);
    case 'consolidate-history':
      return scorecard(['consolidate', ...files, '--out', `${out}.xlsx`, '--history', `${out}.json`], dir);
    case 'validate':
      return scorecard(['validate', ...files], dir);
    case 'template':
      return scorecard(['template', '--all-services', '--out-dir', out], dir);
  }
}

async function run(): Promise<void> {
  const [mode, dir, returns, limitText] = process.argv.slice(2) as [ChildMode, string, string, string];
  const files = readdirSync(returns).filter((f) => f.endsWith('.xlsx')).sort().slice(0, Number(limitText)).map((f) => path.join(returns, f));
  // The BI master of the quarters before, copied so every run adds the same quarter to the same master.
  const master = path.join(dir, 'master.json');
  if (mode === 'consolidate-history' && existsSync(master)) copyFileSync(master, path.join(dir, `${mode}-${files.length}-${process.pid}.json`));
  const start = process.hrtime.bigint();
  await work(mode, dir, files);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ seconds, peakRssMb })}\n`);
}

run().catch((e: unknown) => {
  process.stderr.write(`bench child: ${(e as Error).message}\n`);
  process.exit(1);
});
