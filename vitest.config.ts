import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // Reads the built site in dist/: run after `npm run build` (npm test does).
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'] } },
    ],
  },
});
