import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve, sep } from 'path';
import ts from 'typescript';

/**
 * The direction of the house (docs/architecture.md), checked on every import in src: static,
 * type-only, `export … from`, `import()` and `require`, as TypeScript's own pre-processor finds
 * them. A layer imports only the layers listed for it and only the packages listed for it; and no
 * file reaches itself again through its imports (no cycle, type-only imports included).
 * eslint.config.js says the same per folder, so an editor flags a wrong import as it is typed.
 */

const SRC = resolve(__dirname, '../../src');

export type Layer =
  | 'core' | 'app' | 'catalogue' | 'host' | 'exceljs' | 'office' | 'taskpane' | 'composition'
  | 'cli' | 'fake-excel' | 'preview' | 'preview-grid' | 'commands';

/** The layer of a file, from its path under src (`/`-separated). */
export function layerOf(path: string): Layer | undefined {
  const [top, second] = path.split('/');
  if (top === 'adapters') return second === 'exceljs' ? 'exceljs' : second === 'office' ? 'office' : undefined;
  if (top === 'preview') return second === 'fake-excel' ? 'fake-excel' : second === 'grid' ? 'preview-grid' : 'preview';
  if (top === 'composition.ts') return 'composition';
  return (['core', 'app', 'catalogue', 'host', 'taskpane', 'cli', 'commands'] as const).find((l) => l === top);
}

const NODE = ['fs', 'path', 'os', 'child_process', 'crypto', 'stream', 'util', 'url', 'zlib', 'node:*'];

/** What each layer may import besides itself: layers of src, and packages (`x/*` allows subpaths). */
export const RULES: Readonly<Record<Layer, { readonly layers: readonly Layer[]; readonly packages: readonly string[]; readonly why: string }>> = {
  core: { layers: [], packages: ['zod', '@noble/hashes/*', '@noble/curves/*'], why: 'the core is pure: it runs in the pane, the CLI and tests alike (the @noble hash and signature are pure JS too)' },
  app: { layers: ['core', 'catalogue'], packages: ['zod'], why: 'use cases are pure: both faces call them, and they know no host' },
  catalogue: { layers: ['core'], packages: [], why: 'the embedded catalogue is data with its parser' },
  host: { layers: [], packages: [], why: 'the host API subset describes Excel and imports nothing of ours' },
  exceljs: { layers: ['core', 'app', 'catalogue'], packages: ['exceljs', 'jszip', 'saxes', 'yazl', ...NODE], why: 'an adapter implements ports of the app; it never reaches up to a face' },
  office: { layers: ['core', 'app', 'catalogue', 'host'], packages: [], why: 'an adapter implements ports of the app; the faces and other adapters are given to it by the composition root' },
  taskpane: { layers: ['app', 'core', 'catalogue', 'composition'], packages: ['react', 'react/*', 'react-dom', 'react-dom/*', '@fluentui/*'], why: 'components receive services; the composition root alone picks the adapters' },
  composition: { layers: ['app', 'core', 'catalogue', 'host', 'office', 'exceljs', 'preview'], packages: [], why: 'the pane’s one composition root wires adapters to the app' },
  cli: { layers: ['app', 'core', 'catalogue', 'exceljs'], packages: [...NODE], why: 'the command line runs the use cases on files; it has no Office, pane or preview' },
  'fake-excel': { layers: ['core', 'host'], packages: [], why: 'the fake stands in for Excel, not for our adapter' },
  preview: { layers: ['app', 'core', 'catalogue', 'host', 'office', 'exceljs', 'fake-excel', 'taskpane', 'preview-grid'], packages: ['react', 'react/*', 'react-dom', 'react-dom/*', '@fluentui/*'], why: 'the browser preview wires the real adapter to the fake workbook, and its page mounts the pane beside the grid' },
  'preview-grid': { layers: ['core', 'fake-excel'], packages: ['@univerjs/*'], why: 'the grid bridge shows the fake in Univer; only it (a lazy, preview-only chunk) loads Univer' },
  commands: { layers: [], packages: [], why: 'the ribbon’s function file only opens the pane' },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

const posix = (p: string): string => p.split(sep).join('/');

/** The file a relative import names (src-relative), or undefined when there is none. */
function resolveImport(fromFile: string, spec: string): string | undefined {
  const base = resolve(dirname(fromFile), spec);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  return found ? posix(relative(SRC, found)) : undefined;
}

/** `x` allows x and x/…; `x/*` the same; `node:*` anything that starts `node:`. */
function packageAllowed(spec: string, allowed: readonly string[]): boolean {
  return allowed.some((a) => {
    const name = a.endsWith('/*') ? a.slice(0, -2) : a;
    if (name.endsWith('*')) return spec.startsWith(name.slice(0, -1));
    return spec === name || spec.startsWith(`${name}/`);
  });
}

/** Why `from` (src-relative) may not import `spec`, or undefined when it may. `target` is the resolved file for a relative spec. */
export function violation(from: string, spec: string, target: string | undefined): string | undefined {
  const layer = layerOf(from);
  if (!layer) return `${from} is in no layer: add its folder to the rules`;
  const rule = RULES[layer];
  if (!spec.startsWith('.')) {
    return packageAllowed(spec, rule.packages) ? undefined : `${layer} may not import the package ${spec}: ${rule.why}`;
  }
  if (target === undefined || target.startsWith('..')) return `${spec} is not a file in src`;
  const to = layerOf(target);
  if (to === layer) return undefined;
  // The preview runs the app on the fake through the adapter's services; its workbook is opened
  // straight into the fake (fake-excel/open-plan.ts), never written by the adapter it is there to try.
  if (layer === 'preview' && to === 'office' && !/^adapters\/office\/(services|settings)\.ts$/.test(target)) {
    return `preview may import the Office adapter's services and settings only, not ${target}: its sample workbook is opened into the fake, not written by the adapter`;
  }
  if (to && rule.layers.includes(to)) return undefined;
  return `${layer} may not import ${to ?? target} (${target}): ${rule.why}`;
}

interface Edge { readonly from: string; readonly spec: string; readonly line: number; readonly target: string | undefined }

function importsOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const info = ts.preProcessFile(text, true, true);
  const from = posix(relative(SRC, file));
  const lineOf = (pos: number): number => text.slice(0, pos).split('\n').length;
  const edges = info.importedFiles.map((f) => ({
    from, spec: f.fileName, line: lineOf(f.pos), target: f.fileName.startsWith('.') ? resolveImport(file, f.fileName) : undefined,
  }));
  // `/// <reference types="office-js" />` pulls a host into a file as surely as an import does.
  return [...edges, ...info.typeReferenceDirectives.map((r) => ({ from, spec: r.fileName, line: lineOf(r.pos), target: undefined }))];
}

/** Every cycle in the graph, each once, as the chain of files (Tarjan's strongly connected components). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) as number, idx.get(w) as number));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}

describe('the direction of dependencies in src', () => {
  const files = sourceFiles(SRC);
  const edges = files.flatMap(importsOf);

  it('finds the layers it checks', () => {
    const seen = new Set(files.map((f) => layerOf(posix(relative(SRC, f)))));
    for (const layer of ['core', 'app', 'exceljs', 'office', 'taskpane', 'cli', 'fake-excel'] as const) expect(seen).toContain(layer);
    expect(edges.length).toBeGreaterThan(300);
  });

  it('has no upward or forbidden import', () => {
    const bad = edges.flatMap((e) => {
      const why = violation(e.from, e.spec, e.target);
      return why ? [`src/${e.from}:${e.line} imports '${e.spec}': ${why}`] : [];
    });
    expect(bad).toEqual([]);
  });

  it('has no import cycle', () => {
    const graph = new Map<string, string[]>(files.map((f) => [posix(relative(SRC, f)), []]));
    for (const e of edges) if (e.target && graph.has(e.target)) graph.get(e.from)?.push(e.target);
    expect(cycles(graph).map((c) => c.map((f) => `src/${f}`).join(' ⇄ '))).toEqual([]);
  });
});

describe('the rules themselves', () => {
  it.each([
    ['adapters/office/render.ts', '../../taskpane/App', 'taskpane/App.tsx', 'office may not import taskpane'],
    ['adapters/exceljs/render.ts', '../../cli/main', 'cli/main.ts', 'exceljs may not import cli'],
    ['adapters/office/services.ts', '../exceljs/render', 'adapters/exceljs/render.ts', 'office may not import exceljs'],
    ['preview/fake-excel/range.ts', '../../adapters/office/render-cells', 'adapters/office/render-cells.ts', 'fake-excel may not import office'],
    ['taskpane/App.tsx', '../adapters/office/services', 'adapters/office/services.ts', 'taskpane may not import office'],
    ['taskpane/App.tsx', '../preview/workbook', 'preview/workbook.ts', 'taskpane may not import preview'],
    ['preview/workbook.ts', '../adapters/office/render', 'adapters/office/render.ts', 'preview may import the Office adapter\'s services and settings only'],
    ['cli/main.ts', '../adapters/office/read', 'adapters/office/read.ts', 'cli may not import office'],
    ['cli/main.ts', '../taskpane/periods', 'taskpane/periods.ts', 'cli may not import taskpane'],
    ['app/consolidate.ts', '../adapters/exceljs/read', 'adapters/exceljs/read.ts', 'app may not import exceljs'],
    ['app/consolidate.ts', 'exceljs', undefined, 'app may not import the package exceljs'],
    ['app/consolidate.ts', 'react', undefined, 'app may not import the package react'],
    ['app/consolidate.ts', 'node:fs', undefined, 'app may not import the package node:fs'],
    ['core/rag.ts', '../app/ports', 'app/ports.ts', 'core may not import app'],
    ['core/rag.ts', 'fs', undefined, 'core may not import the package fs'],
    ['core/rag.ts', '@microsoft/office-js', undefined, 'core may not import the package @microsoft/office-js'],
    ['taskpane/App.tsx', 'exceljs', undefined, 'taskpane may not import the package exceljs'],
    ['core/rag.ts', 'office-js', undefined, 'core may not import the package office-js'],
  ])('%s importing %s is refused', (from, spec, target, why) => {
    expect(violation(from, spec, target)).toContain(why);
  });

  it.each([
    ['core/rag.ts', 'zod', undefined],
    ['core/rag.ts', './period', 'core/period.ts'],
    ['app/consolidate.ts', '../core/consolidate', 'core/consolidate.ts'],
    ['adapters/office/services.ts', '../../app/ports', 'app/ports.ts'],
    ['adapters/office/services.ts', '../../host/office-api', 'host/office-api.ts'],
    ['preview/fake-excel/range.ts', '../../host/office-api', 'host/office-api.ts'],
    ['taskpane/App.tsx', '../composition', 'composition.ts'],
    ['taskpane/App.tsx', '@fluentui/react-components', undefined],
    ['cli/main.ts', '../adapters/exceljs/read', 'adapters/exceljs/read.ts'],
    ['cli/main.ts', 'node:path', undefined],
    ['composition.ts', './adapters/office/services', 'adapters/office/services.ts'],
    ['preview/workbook.ts', '../adapters/office/services', 'adapters/office/services.ts'],
    ['cli/load.ts', '../catalogue', 'catalogue/index.ts'],
  ])('%s may import %s', (from, spec, target) => {
    expect(violation(from, spec, target)).toBeUndefined();
  });

  it('finds cycles, type-only ones included, and only cycles', () => {
    const g = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']], ['e', ['e']], ['f', []]]);
    expect(cycles(g)).toEqual([['a', 'b', 'c'], ['e']]);
  });
});
