import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative, resolve } from 'path';
import ts from 'typescript';

/**
 * src/core and src/app must run anywhere (task pane, CLI, tests) without Office, the DOM, files or Node.
 * What it may import is checked with every other layer in imports.test.ts; this scan finds the
 * rest: host globals used without an import, and `/// <reference types>`. It reads the syntax
 * tree, so comments and strings that mention `Office.js` or a "document." do not count.
 */
const SRC = resolve(__dirname, '../../src');
const CORE = join(SRC, 'core');
const FORBIDDEN_GLOBAL = new Set(['Office', 'Excel', 'document', 'window', 'process', 'Buffer', 'navigator', 'localStorage', 'require']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(name) ? [full] : [];
  });
}

/** Where a name is only a label (a property, a member, a key), not a use of a global. */
function isLabel(node: ts.Identifier): boolean {
  const p = node.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === node) return !(ts.isIdentifier(p.expression) && ['globalThis', 'self'].includes(p.expression.text));
  if (ts.isQualifiedName(p) && p.right === node) return true;
  return (ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p)
    || ts.isMethodSignature(p) || ts.isEnumMember(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p)) && p.name === node;
}

/** Problems in one file's text: `line: what`. */
function impurities(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const at = (node: ts.Node): number => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  for (const ref of sf.typeReferenceDirectives) out.push(`reference types="${ref.fileName}"`);
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && FORBIDDEN_GLOBAL.has(node.text) && !isLabel(node)) {
      out.push(`${at(node)}: uses ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('src/core and src/app use no host global', () => {
  const files = [...sourceFiles(CORE), ...sourceFiles(join(SRC, 'app'))];

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [relative(SRC, f), f]))('%s touches no host globals', (_name, file) => {
    expect(impurities(file, readFileSync(file, 'utf8'))).toEqual([]);
  });
});

describe('the purity scan itself', () => {
  const file = join(CORE, 'catalogue', 'example.ts');
  it.each([
    ["const x = require('fs');", 'uses require'],
    ['/// <reference types="office-js" />\nexport {};', 'reference types="office-js"'],
    ['Excel.run(async (ctx) => ctx.sync());', 'uses Excel'],
    ['Office.onReady();', 'uses Office'],
    ["const r: Excel.Range | undefined = undefined;", 'uses Excel'],
    ["document.title = 'x';", 'uses document'],
    ['window.alert(1);', 'uses window'],
    ['const e = process.env.HOME;', 'uses process'],
    ["const b = Buffer.from('x');", 'uses Buffer'],
    ['const d = globalThis.document;', 'uses document'],
  ])('catches %s', (text, fragment) => {
    expect(impurities(file, text).join('\n')).toContain(fragment);
  });

  it.each([
    "import { z } from 'zod';",
    "import type { Period } from '../core/period';",
    "import { excelRound } from '../excel-round';",
    '// Office.js gives `range.values`; window.open is not ours. document.title neither.',
    "const message = 'Save the document. Then close the window. Process the Buffer.';",
    'const o = { document: 1, window: 2, process: 3 }; const v = o.document + o.window + o.process;',
    'interface Cell { readonly Office: string; readonly Buffer: number }',
  ])('does not flag %s', (text) => {
    expect(impurities(file, text)).toEqual([]);
  });
});
