/**
 * Two projects. `fast` is the inner loop (`npm run test:fast`, about a minute); `slow` holds the
 * suites that drive outside tools (LibreOffice, poppler, the built CLI) or run at scale (three
 * years of quarters, 100,000-row returns, 10,000-row workbooks). `npm test` and plain `npx jest`
 * run both; a missing tool fails in CI and skips with a note elsewhere (test/helpers/tools.ts).
 * ts-jest only transpiles (isolatedModules): the types are checked once, by the tsc stage of npm test.
 */
const SLOW = [
  'test/adapters/exceljs/print/cabinet-pdf.test.ts',
  'test/adapters/exceljs/print/trends-return-pdf.test.ts',
  'test/adapters/exceljs/libreoffice-rag.test.ts',
  'test/adapters/exceljs/xml-scan-writers.test.ts',
  'test/adapters/exceljs/xstring.test.ts',
  'test/adapters/exceljs/stream-rows-readers.test.ts',
  'test/adapters/exceljs/template-validator.test.ts',
  'test/adapters/office/sync-counts.test.ts',
  'test/cli/bin.test.ts',
  'test/scripts/start.test.ts',
  'test/cli/history/three-years.test.ts',
  'test/cli/reliability/hard-data.test.ts',
].map((p) => `<rootDir>/${p}`);

const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }],
    // office-addin-manifest pulls ESM-only strip-bom and uuid (TOOLCHAIN.md).
    '^.+\\.m?js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'CommonJS', esModuleInterop: true, isolatedModules: true }, diagnostics: false }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(.*/)?node_modules/)(?!(strip-bom|uuid)/)'],
  setupFiles: ['<rootDir>/test/setup.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...shared, displayName: 'fast', testMatch: ['**/*.test.ts', '**/*.test.tsx'], testPathIgnorePatterns: ['/node_modules/', ...SLOW] },
    { ...shared, displayName: 'slow', testMatch: SLOW },
  ],
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
