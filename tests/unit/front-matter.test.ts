import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryBody, parseEntryFile } from '../../src/lib/content/front-matter.ts';

const CONTENT = join(import.meta.dirname, '../../content');

describe('entryBody', () => {
  // Talk pages read their transcript with entryBody, after validation parsed the same file with parseEntryFile.
  it('reads the same body as the full parse, for every entry of the archive', () => {
    const files = readdirSync(CONTENT, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md') && name.includes('/'));
    expect(files.length).toBeGreaterThan(50);
    for (const name of files) {
      const text = readFileSync(join(CONTENT, name), 'utf8');
      const parsed = parseEntryFile(text, name);
      if ('message' in parsed) throw new Error(`${name}: ${parsed.message}`);
      expect(entryBody(text), name).toBe(parsed.body);
    }
  });

  it('handles a byte-order mark, CRLF line ends, a fence with trailing spaces and an empty body', () => {
    for (const text of ['\uFEFF---\r\ntitle: a\r\n---\r\n**A:** one\r\n\r\ntwo\r\n', '---\ntitle: a\n---  \n', '---\ntitle: a\n---\n\n\nbody\n']) {
      const parsed = parseEntryFile(text, 'x.md');
      if ('message' in parsed) throw new Error(parsed.message);
      expect(entryBody(text)).toBe(parsed.body);
    }
  });
});
