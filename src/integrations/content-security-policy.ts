import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFiles } from '../lib/site/html-files.ts';
import { emptyHashes, headersFile, inlineHashes, mergeHashes, policy, withPolicyMeta } from '../lib/security/content-security-policy.ts';

/**
 * Gives every written page a Content-Security-Policy in a <meta http-equiv> element, with the
 * hashes of that page's own inline scripts and styles, and writes `_headers` with the same policy
 * for hosts that read one (see src/lib/security/content-security-policy.ts). Runs after the pages
 * are written, so it hashes exactly what is served; `astro dev` has no policy.
 */
export function contentSecurityPolicy(): AstroIntegration {
  return {
    name: 'archive:content-security-policy',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const all = emptyHashes();
        const pages = htmlFiles(outDir);
        for (const file of pages) {
          const html = readFileSync(file, 'utf8');
          const hashes = inlineHashes(html);
          mergeHashes(all, hashes);
          writeFileSync(file, withPolicyMeta(html, policy(hashes)));
        }
        writeFileSync(join(outDir, '_headers'), headersFile(all));
        logger.info(`policy in ${pages.length} pages (${all.scripts.size} inline scripts, ${all.styles.size + all.styleAttributes.size} inline styles hashed) and in _headers`);
      },
    },
  };
}
