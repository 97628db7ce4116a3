import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';

/**
 * The Pagefind binary the `pagefind` package installed for this platform, found as that package
 * finds it; PAGEFIND_BINARY_PATH names another.
 */
export function pagefindBinary(): string {
  if (process.env['PAGEFIND_BINARY_PATH']) return process.env['PAGEFIND_BINARY_PATH'];
  const require = createRequire(import.meta.resolve('pagefind'));
  const os = platform() === 'win32' ? 'windows' : platform();
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return require.resolve(`@pagefind/${os}-${arch()}/bin/${name}`);
    } catch {
      // try the next
    }
  }
  throw new Error(`no Pagefind binary for ${os}-${arch()} in node_modules/@pagefind/`);
}
