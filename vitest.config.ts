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
  },
});
