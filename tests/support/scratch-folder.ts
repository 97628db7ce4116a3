import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';

// A fresh folder inside the project's cache folder, for tests whose builds must resolve the project's
// own packages (a folder under the system's temporary folder cannot). The cache folder does not exist
// in a fresh clone until something makes it, so it is made here first.
export function scratchFolderInProject(root: string, prefix: string): string {
  const parent = join(root, 'node_modules', '.cache');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, prefix));
}
