import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFiles, sitePath } from '../lib/output/html-files.ts';
import { transformRenderedPages } from '../lib/output/rendered-pages.ts';
import {
  emptyHashes,
  emptyPlayerOrigins,
  headersFile,
  inlineHashes,
  mergeHashes,
  mergePlayerOrigins,
  pagePolicy,
  playerOrigins,
  policy,
  withPolicyMeta,
} from '../lib/security/hashed-policy.ts';
import { downloadHeaders } from '../lib/export/download-formats.ts';

const NAME = 'archive:content-security-policy';

/**
 * Gives every page a Content-Security-Policy in a <meta http-equiv> element, with the hashes of that
 * page's own inline scripts and styles, and writes `_headers` with the same policy for hosts that
 * read one (see src/lib/security/hashed-policy.ts). Each page gets its policy as it is
 * rendered, from the HTML that is then written (src/lib/output/rendered-pages.ts), so the hashes are
 * of exactly what is served; a page the build wrote without rendering it is given its policy on disk
 * when the build is done. `astro dev` has no policy. `_headers` also types the transcript downloads.
 */
export function contentSecurityPolicy(): AstroIntegration {
  const all = emptyHashes();
  const allPlayers = emptyPlayerOrigins();
  const handled = new Set<string>();
  const withPolicy = (file: string, html: string, known?: ReturnType<typeof pagePolicy>) => {
    const hashes = known?.hashes ?? inlineHashes(html);
    const players = known?.players ?? playerOrigins(html);
    mergeHashes(all, hashes);
    mergePlayerOrigins(allPlayers, players);
    handled.add(file);
    return withPolicyMeta(html, policy(hashes, { players }));
  };
  return {
    name: NAME,
    hooks: {
      'astro:build:start': () => {
        transformRenderedPages(NAME, withPolicy);
      },
      'astro:build:done': ({ dir, logger }) => {
        transformRenderedPages(NAME, undefined);
        const outDir = fileURLToPath(dir);
        const pages = htmlFiles(outDir);
        let onDisk = 0;
        for (const path of pages) {
          if (handled.has(sitePath(outDir, path))) continue;
          // A page kept from the last build (not rendered again) has its policy already, made from
          // its inline code: its hashes are read back from it, and the policy made again in case
          // the policy's own directives changed since.
          const html = readFileSync(path, 'utf8');
          const withItsPolicy = withPolicy('', html, pagePolicy(html));
          if (withItsPolicy !== html) writeFileSync(path, withItsPolicy);
          onDisk += 1;
        }
        // The transcript downloads' types ride along: _headers is one file for every rule.
        writeFileSync(join(outDir, '_headers'), `${headersFile(all, allPlayers)}\n${downloadHeaders()}`);
        logger.info(
          `policy in ${pages.length} pages (${onDisk} of them kept from the last build or read after writing; ${all.scripts.size} inline scripts, ${all.styles.size + all.styleAttributes.size} inline styles hashed) and in _headers`,
        );
      },
    },
  };
}
