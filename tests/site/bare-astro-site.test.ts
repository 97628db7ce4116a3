import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareSiteBuild, writeBareAstroSite } from '../../scripts/helpers/bare-astro-site.ts';
import { ROOT } from '../support/paths.ts';

const TALKS = join(ROOT, 'content', 'talks');

// The bench's floor: if this site stopped rendering every talk, the bench would time less work than it says.
describe('the bare Astro site the bench times as a floor', () => {
  let dir: string;

  beforeAll(async () => {
    const parent = join(ROOT, 'node_modules', '.cache', 'archive-sites');
    mkdirSync(parent, { recursive: true });
    dir = writeBareAstroSite(mkdtempSync(join(parent, 'bare-')), ROOT);
    await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', bareSiteBuild(dir)], {
      cwd: dir,
      env: { ...process.env, BARE_SITE_TALKS: TALKS },
    });
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one page per talk file, holding its Markdown body rendered whole', () => {
    const files = readdirSync(TALKS).filter((name) => name.endsWith('.md'));
    expect(files.length).toBeGreaterThan(10);
    const markdown = new MarkdownIt();
    for (const file of files) {
      const source = readFileSync(join(TALKS, file), 'utf8');
      const body = source.slice(source.indexOf('\n---\n', 4) + '\n---\n'.length);
      const page = readFileSync(join(dir, 'dist', 'talks', file.slice(0, -3), 'index.html'), 'utf8');
      expect(page, file).toContain(markdown.render(body).trim());
    }
  });
});
