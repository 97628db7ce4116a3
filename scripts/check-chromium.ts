/**
 * `npm test` runs this first: the browser tests drive Debian's Chromium (CHROMIUM_PATH names
 * another) and never download one, so where it is missing the tests stop here, at once, with the
 * one line that installs it instead of a browser test's stack trace.
 *
 * Usage: node scripts/check-chromium.ts
 */
import { accessSync, constants, statSync } from 'node:fs';
import { CHROMIUM } from './helpers/chromium-path.ts';

function usable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

if (!usable(CHROMIUM)) {
  const where = process.env['CHROMIUM_PATH'] ? `CHROMIUM_PATH (${CHROMIUM})` : CHROMIUM;
  console.error(
    `The browser tests need Chromium, and there is none at ${where}: install it with "sudo apt-get install -y chromium", or set CHROMIUM_PATH to a Chromium binary.`,
  );
  process.exitCode = 1;
}
