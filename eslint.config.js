// Lint: Office.js load/sync discipline (eslint-plugin-office-addins) and the house's direction of
// dependencies, one no-restricted-imports rule per folder (the layers and why: docs/architecture.md).
'use strict';
const tseslint = require('typescript-eslint');
const officeAddins = require('eslint-plugin-office-addins');

// Folders a layer may not reach, as import patterns (relative imports, at any depth).
const at = (...folders) => folders.flatMap((f) => [`./${f}`, `./${f}/*`, `../${f}`, `../${f}/*`, `**/${f}`, `**/${f}/*`]);
const UP = {
  core: at('app', 'adapters', 'taskpane', 'cli', 'preview', 'host', 'composition'), // src/catalogue is caught by the imports test (core has its own catalogue folder)
  app: at('adapters', 'taskpane', 'cli', 'preview', 'host', 'composition'),
  exceljs: at('office', 'taskpane', 'cli', 'preview', 'composition'),
  office: at('exceljs', 'taskpane', 'cli', 'preview', 'composition'),
  taskpane: at('adapters', 'cli', 'preview'),
  cli: at('office', 'taskpane', 'preview', 'composition'),
  fakeExcel: at('adapters', 'app', 'taskpane', 'cli', 'composition'),
};
const HOSTS = ['react', 'react-dom', 'react/*', 'exceljs', 'jszip', 'saxes', '@fluentui/*', '@microsoft/office-js', 'fs', 'path', 'node:*', 'os', 'child_process'];

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'demo/**'] },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportAllDeclaration', message: 'No export * barrels: name what you export.' }],
    },
  },
  // The direction of the house (docs/architecture.md); test/architecture/imports.test.ts checks the same.
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: HOSTS, message: 'src/core is pure: no Office.js, React, DOM, ExcelJS or Node.' },
        { group: UP.core, message: 'src/core imports only itself (and zod).' },
      ] }],
      'no-restricted-globals': ['error', 'document', 'window', 'Excel', 'Office', 'process', 'Buffer'],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: HOSTS, message: 'src/app is pure use cases: no Office.js, React, DOM, ExcelJS or Node.' },
        { group: UP.app, message: 'src/app imports only core and the embedded catalogue; adapters are given to it through ports.' },
      ] }],
      'no-restricted-globals': ['error', 'document', 'window', 'Excel', 'Office', 'process', 'Buffer'],
    },
  },
  {
    files: ['src/host/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['./*', '../*', '**/*'], message: 'src/host describes the Office API; it imports nothing.' }] }] },
  },
  {
    files: ['src/adapters/exceljs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: UP.exceljs, message: 'An adapter imports core and app only: never the pane, the CLI, the preview or another adapter.' }] }] },
  },
  {
    files: ['src/adapters/office/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: UP.office, message: 'An adapter imports core, app and host only: never the pane, the CLI, the preview or another adapter (the composition root gives it what it needs).' }] }] },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['exceljs', ...UP.taskpane], message: 'Components receive services; they never touch the workbook, a renderer, the CLI or the preview (only src/composition.ts wires those).' },
      ] }],
      'no-restricted-globals': ['error', 'Excel'],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: UP.cli, message: 'The CLI runs app and core on files through the ExcelJS adapter: no Office, pane or preview.' }] }] },
  },
  {
    files: ['src/preview/fake-excel/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: UP.fakeExcel, message: 'The fake stands in for Excel, not for our adapter: it imports core and host only.' }] }] },
  },
);
