/** The check that every body carries its seed's words in order, once the markup the converter adds is taken away. */
import { normalizedWords } from '../../src/lib/transcript/words.ts';
import { unescapeMarkdown } from '../../src/lib/escape-markdown.ts';
import type { ContentFile } from './content-file.ts';

export interface WordCount {
  path: string;
  wordsIn: number;
  wordsOut: number;
}

/**
 * Removes the markup this script adds, leaving the seed's characters: turn
 * labels' bold and colon (the label words stay), headings, list markers,
 * bold lead-ins, footnote definition labels (`[^1]` references go back to the
 * seed's `[1]`) and backslash escapes.
 */
export function stripAddedMarkup(body: string): string {
  return unescapeMarkdown(
    body
      .replace(/^\*\*(.+?):\*\* /gm, '$1 ')
      .replace(/^#{2,3} /gm, '')
      .replace(/^- /gm, '')
      .replace(/(?<!\\)\*\*/g, '')
      .replace(/^\[\^\d+\]: /gm, '')
      .replace(/\[\^(\d+)\]/g, '[$1]'),
  );
}

/** Fails unless the body, stripped of added markup, has exactly the source's words in the same order. */
export function checkWordsKept(file: ContentFile): WordCount {
  const expected = normalizedWords(file.source);
  const actual = normalizedWords(stripAddedMarkup(file.body));
  const at = expected.findIndex((word, index) => actual[index] !== word);
  if (at !== -1 || actual.length !== expected.length) {
    const index = at === -1 ? expected.length : at;
    throw new Error(`${file.path}: word ${index + 1} of the seed is "${expected[index]}" but the body has "${actual[index]}"`);
  }
  return { path: file.path, wordsIn: expected.length, wordsOut: actual.length };
}
