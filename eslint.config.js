// Lint: Office.js load/sync discipline (eslint-plugin-office-addins) and the house's direction of
// dependencies (core imports no host; the pane never reaches into the adapters' internals).
'use strict';
const tseslint = require('typescript-eslint');
const officeAddins = require('eslint-plugin-office-addins');

const HOSTS = ['react', 'react-dom', 'react/*', 'exceljs', 'jszip', '@fluentui/*', '@microsoft/office-js', 'fs', 'path', 'node:*', 'os', 'child_process'];

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
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: HOSTS, message: 'src/core is pure: no Office.js, React, DOM, ExcelJS or Node.' }] }],
      'no-restricted-globals': ['error', 'document', 'window', 'Excel', 'Office', 'process', 'Buffer'],
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['exceljs', '**/adapters/**'], message: 'Components receive services; they never touch the workbook or a renderer.' },
      ] }],
      'no-restricted-globals': ['error', 'Excel'],
    },
  },
);
