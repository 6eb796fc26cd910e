import { readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve, sep } from 'path';
import ts from 'typescript';

/**
 * src/core must run anywhere (task pane, CLI, tests) without Office, the DOM, files or Node.
 * The scan reads the syntax tree, so comments and strings that mention `Office.js` or a
 * "document." do not count; only real imports and references do.
 */
const CORE = resolve(__dirname, '../../src/core');
const FORBIDDEN_MODULE = /^(react|react-dom|exceljs|jszip|office-js|@microsoft\/office-js|fs|path|os|child_process|crypto|buffer|stream|util)(\/.*)?$|^@fluentui\/|^node:/;
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

/** Problems in one file's text: `line: what`. `file` is used to resolve relative imports. */
function impurities(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const at = (node: ts.Node): number => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const checkModule = (node: ts.Node, spec: string): void => {
    if (FORBIDDEN_MODULE.test(spec)) out.push(`${at(node)}: imports ${spec}`);
    else if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      if (target !== CORE && !target.startsWith(CORE + sep)) out.push(`${at(node)}: imports ${spec}, outside src/core`);
    } else if (!/^zod(\/|$)/.test(spec)) out.push(`${at(node)}: imports ${spec}; src/core may import only zod and itself`);
  };
  for (const ref of sf.typeReferenceDirectives) out.push(`reference types="${ref.fileName}"`);
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      checkModule(node, node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      checkModule(node, node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) checkModule(node, arg.text);
      else out.push(`${at(node)}: dynamic import of a computed name`);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      checkModule(node, node.argument.literal.text);
    } else if (ts.isIdentifier(node) && FORBIDDEN_GLOBAL.has(node.text) && !isLabel(node)) {
      out.push(`${at(node)}: uses ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('src/core is pure', () => {
  const files = sourceFiles(CORE);

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [relative(CORE, f), f]))('%s imports only zod and src/core, and touches no host globals', (_name, file) => {
    expect(impurities(file, readFileSync(file, 'utf8'))).toEqual([]);
  });
});

describe('the purity scan itself', () => {
  const file = join(CORE, 'catalogue', 'example.ts');
  it.each([
    ["import React from 'react';", 'imports react'],
    ["import { createRoot } from 'react-dom/client';", 'imports react-dom/client'],
    ["import type { Workbook } from 'exceljs';", 'imports exceljs'],
    ["export { default } from 'jszip';", 'imports jszip'],
    ["import { Button } from '@fluentui/react-components';", 'imports @fluentui/react-components'],
    ["import { readFileSync } from 'fs';", 'imports fs'],
    ["import { join } from 'path';", 'imports path'],
    ["import { readFile } from 'node:fs/promises';", 'imports node:fs/promises'],
    ["const x = require('fs');", 'uses require'],
    ["async function f() { return import('exceljs'); }", 'imports exceljs'],
    ["let w: import('exceljs').Workbook;", 'imports exceljs'],
    ["import { x } from '../../../src/taskpane/services';", 'outside src/core'],
    ["import left from 'left-pad';", 'may import only zod'],
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
    "import type { Period } from './period';",
    "import { excelRound } from '../excel-round';",
    '// Office.js gives `range.values`; window.open is not ours. document.title neither.',
    "const message = 'Save the document. Then close the window. Process the Buffer.';",
    'const o = { document: 1, window: 2, process: 3 }; const v = o.document + o.window + o.process;',
    'interface Cell { readonly Office: string; readonly Buffer: number }',
  ])('does not flag %s', (text) => {
    expect(impurities(file, text)).toEqual([]);
  });
});
