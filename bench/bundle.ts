import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import path from 'path';
import { gzipSync } from 'zlib';

const root = path.join(__dirname, '..', '..', '..');

interface Stats {
  entrypoints: Record<string, { assets: { name: string }[] }>;
  assets: { name: string }[];
}

const gzipKb = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** Production build of the pane; gzipped JavaScript loaded at start vs in lazy chunks. */
export function measureBundle(outDir: string): { initialJsGzipKb: number; lazyJsGzipKb: number; initialFiles: string[] } {
  const statsFile = path.join(outDir, 'stats.json');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--output-path', outDir, '--json', statsFile], {
    cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=3072' },
  });
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as Stats;
  const initial = new Set((stats.entrypoints.taskpane?.assets ?? []).map((a) => a.name).filter((n) => n.endsWith('.js')));
  const commands = new Set((stats.entrypoints.commands?.assets ?? []).map((a) => a.name));
  const js = stats.assets.map((a) => a.name).filter((n) => n.endsWith('.js'));
  let initialKb = 0;
  let lazyKb = 0;
  for (const name of js) {
    if (commands.has(name) && !initial.has(name)) continue;
    const kb = gzipKb(path.join(outDir, name));
    if (initial.has(name)) initialKb += kb;
    else lazyKb += kb;
  }
  return { initialJsGzipKb: Math.round(initialKb), lazyJsGzipKb: Math.round(lazyKb), initialFiles: [...initial] };
}
