import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroBuildProgram } from './astro-build-program.ts';

/**
 * The least an Astro site over the same talks can do: one page per talk file, its Markdown body
 * rendered by markdown-it into a bare HTML page, and nothing else (no ids, quotes, policy, search,
 * speaker or topic pages). The bench builds it to show how much of our build time is Astro itself.
 *
 * Writes the project into `dir`, using this project's installed packages (`node_modules` is linked),
 * and returns `dir`. Build it with `node --input-type=module --eval <bareSiteBuild(dir)>` and
 * `BARE_SITE_TALKS=<talks folder>`; the site is written to `<dir>/dist/talks/<file name>/`.
 */
export function writeBareAstroSite(dir: string, projectRoot: string): string {
  mkdirSync(join(dir, 'src', 'pages', 'talks'), { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'bare-astro-site', private: true, type: 'module' })}\n`);
  writeFileSync(join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n");
  writeFileSync(join(dir, 'src', 'pages', 'talks', '[slug].astro'), PAGE);
  return dir;
}

const PAGE = `---
import { readdirSync, readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';

export function getStaticPaths() {
  const folder = process.env.BARE_SITE_TALKS;
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ params: { slug: name.slice(0, -3) }, props: { file: folder + '/' + name } }));
}

const markdown = new MarkdownIt();
const body = readFileSync(Astro.props.file, 'utf8').replace(/^---\\n[\\s\\S]*?\\n---\\n/, '');
---
<html lang="en">
  <head><meta charset="utf-8" /><title>{Astro.params.slug}</title></head>
  <body><main data-pagefind-body><Fragment set:html={markdown.render(body)} /></main></body>
</html>
`;

/** A Node program that builds the bare site in `dir`, with Astro's cache inside it too. */
export function bareSiteBuild(dir: string): string {
  return astroBuildProgram({ root: dir, cacheDir: join(dir, '.astro-cache'), logLevel: 'warn' });
}
