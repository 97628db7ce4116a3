import { execFile } from 'node:child_process';
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

export interface SiteIndex {
  /** Pages Pagefind indexed. */
  pages: number;
  /** What Pagefind printed, for the build's log. */
  output: string;
}

/**
 * Indexes the HTML pages written below `siteDir` into `<siteDir>/pagefind/` with Pagefind's own
 * indexer, which reads the written pages in its own process, and rejects with what Pagefind said
 * when it fails or finds no page to index.
 */
export function indexWrittenSite(siteDir: string): Promise<SiteIndex> {
  return new Promise((done, fail) => {
    execFile(pagefindBinary(), ['--site', siteDir, '--force-language', 'en'], { maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      const pages = Number(/Indexed (\d+) pages?/.exec(output)?.[1] ?? 0);
      if (error) return fail(new Error(`Pagefind failed indexing ${siteDir}:\n${output || error.message}`));
      if (/\berror\b/i.test(stderr)) return fail(new Error(`Pagefind reported an error indexing ${siteDir}:\n${output}`));
      if (pages === 0) return fail(new Error(`Pagefind found no page with data-pagefind-body in ${siteDir}:\n${output}`));
      done({ pages, output });
    });
  });
}
