import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // Reads the built site in dist/: run after `npm run build` (npm test does).
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'] } },
      // Drives Debian's Chromium against dist/ served locally: run after `npm run build`.
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000, fileParallelism: false } },
    ],
    // `npm run test:unit` measures how much of the code the unit tests run, and fails below these
    // figures: what the unit tests covered when the threshold was set (browser code and pages are
    // covered by the browser and site tests instead, which this does not count).
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'scripts/**/*.ts'],
      reporter: ['text-summary'],
      thresholds: { statements: 61.5, branches: 60.5, functions: 61, lines: 62.5 },
    },
  },
});
