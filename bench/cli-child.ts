// One measured run in a fresh process, so peak RSS belongs to that run alone.
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';

async function run(): Promise<void> {
  const [mode, dir, returns, limitText] = process.argv.slice(2) as [string, string, string, string];
  const files = readdirSync(returns).filter((f) => f.endsWith('.xlsx')).sort().slice(0, Number(limitText)).map((f) => path.join(returns, f));
  const start = process.hrtime.bigint();
  if (mode === 'read') {
    for (const f of files) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
    }
  } else {
    const out = path.join(dir, `cabinet-${files.length}-${process.pid}.xlsx`);
    const sink = { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: dir };
    const code = await main(['consolidate', ...files, '--period', '2024-25 Q2', '--catalogue', path.join(dir, 'catalogue.json'), '--out', out, '--quiet'], sink);
    if (code === 2) throw new Error(`consolidate could not run (exit ${code})`);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ seconds, peakRssMb })}\n`);
}

run().catch((e: unknown) => {
  process.stderr.write(`bench child: ${(e as Error).message}\n`);
  process.exit(1);
});
