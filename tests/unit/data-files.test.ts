import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import { dataFileCheck } from '../../src/integrations/data-file-check.ts';
import { xmlProblem } from '../../src/lib/output/well-formed-xml.ts';

const made: string[] = [];
afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

const FEED =
  '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>A &amp; B</title><item><title>TITLE</title><dc:creator>Ada</dc:creator></item></channel></rss>';
const SITEMAP =
  '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://example.org/sitemap-0.xml</loc></sitemap></sitemapindex>';

/** A built site's data files, with the feed's one title as given. */
function site(title: string, catalogue = '{"talks": []}'): string {
  const dir = mkdtempSync(join(tmpdir(), 'data-files-'));
  made.push(dir);
  writeFileSync(join(dir, 'rss.xml'), FEED.replace('TITLE', title));
  writeFileSync(join(dir, 'sitemap-index.xml'), SITEMAP);
  writeFileSync(join(dir, 'catalogue.json'), catalogue);
  return dir;
}

/** Runs the integration's hook as a build does when it is done. */
function buildDone(dir: string): void {
  const logger = { info: () => {} } as unknown as AstroIntegrationLogger;
  const hook = dataFileCheck().hooks['astro:build:done'] as (options: { dir: URL; logger: AstroIntegrationLogger }) => void;
  hook({ dir: pathToFileURL(`${dir}/`), logger });
}

describe('the feed, sitemap and catalogue of a build', () => {
  it('pass when well-formed', () => {
    expect(() => buildDone(site('Notes on the Engine &lt;1843&gt; &#x2014; “quoted”'))).not.toThrow();
  });

  it('fail the build, saying which file and where, when a control character reaches the feed', () => {
    // (A lone surrogate cannot reach the file: written as UTF-8 it becomes U+FFFD. Validation refuses it all the same.)
    for (const [character, code] of [
      ['\u0000', '0000'],
      ['\u0001', '0001'],
      ['\u001b', '001B'],
      ['\f', '000C'],
    ] as const) {
      expect(() => buildDone(site(`Notes on${character} the Engine`))).toThrow(
        `rss.xml: not well-formed XML: line 1, column 156: U+${code} is not a character XML allows`,
      );
    }
  });

  it('fail the build on a broken catalogue or a missing sitemap, with no stack trace', () => {
    const dir = site('Fine', '{"talks": [}');
    rmSync(join(dir, 'sitemap-index.xml'));
    const error = (() => {
      try {
        buildDone(dir);
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    })();
    expect(error?.message).toMatch(
      /^The build wrote files that feed readers and search engines would refuse:\n {2}sitemap-index\.xml: missing\n {2}catalogue\.json: not valid JSON: /,
    );
    expect(error?.stack).not.toMatch(/\n\s+at /);
  });
});

describe('well-formed XML', () => {
  it.each([
    ['<a><b></a>', 'line 1, column 7: </a> closes <b>'],
    ['<a>\n&nbsp;</a>', 'line 2, column 1: "&" starts no reference (escape it as &amp;)'],
    ['<a>&#27;</a>', 'line 1, column 4: &#27; refers to no character XML allows'],
    ['<a>x</a><b/>', 'line 1, column 9: a second root element <b>'],
    ['<a b="1" b="2"/>', 'line 1, column 1: <a>: the attribute b is given twice'],
    ['<a b=1/>', 'line 1, column 1: "<" starts no well-formed tag (escape it as &lt; in text)'],
    ['<a>]]></a>', 'line 1, column 4: "]]>" in text'],
    ['<a>x</a>y', 'line 1, column 9: text outside the root element'],
    ['<!DOCTYPE a><a/>', 'line 1, column 1: a declaration such as <!DOCTYPE is not expected here'],
    ['<a><!-- x -- y --></a>', 'line 1, column 4: a comment holds "--"'],
    ['<a>', 'line 1, column 4: <a> is never closed'],
    ['<a>\uffff</a>', 'line 1, column 4: U+FFFF is not a character XML allows'],
  ])('%j: %s', (xml, problem) => {
    expect(xmlProblem(xml)).toBe(problem);
  });

  it('accepts declarations, comments, CDATA, namespaces, references and characters beyond the BMP', () => {
    expect(xmlProblem('<?xml version="1.0"?>\n<!-- c --><a:b xmlns:a="u" c=\'&quot;\'><![CDATA[<x> & y]]>&lt;&#x41;&#65;&amp; 😀</a:b>\n')).toBeUndefined();
  });
});
