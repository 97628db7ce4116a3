import { countWords } from '../../transcript/words.ts';
import type { ContentIssue } from '../content-issue.ts';
import type { CollectionName, RawEntry } from '../read-collection.ts';

/**
 * The longest block of text (lines with no blank line between them) a body may hold. The longest
 * paragraph of the seed archive has 1,342 characters. A paragraph is one passage: one id to link
 * to, one search result, one quotation; a text pasted without paragraph breaks would be one
 * passage of a whole talk, so it is reported rather than published.
 */
export const MAX_BLOCK_CHARACTERS = 20_000;

/** Blocks of text longer than MAX_BLOCK_CHARACTERS, each at its first line. */
export function oversizedBlocks(entry: RawEntry, collection: CollectionName): ContentIssue[] {
  const found: ContentIssue[] = [];
  const { body } = entry;
  if (body.length <= MAX_BLOCK_CHARACTERS) return found;
  let blockStart = -1;
  let blockEnd = -1;
  let blockLine = 0;
  const close = () => {
    if (blockStart !== -1 && blockEnd - blockStart > MAX_BLOCK_CHARACTERS) {
      const text = body.slice(blockStart, blockEnd);
      found.push({
        file: entry.file,
        line: entry.bodyStartLine + blockLine,
        field: collection === 'talks' ? 'transcript' : 'body',
        message:
          `one paragraph of ${text.length.toLocaleString('en')} characters (${countWords(text).toLocaleString('en')} words) with no blank line in it; ` +
          `a paragraph may hold at most ${MAX_BLOCK_CHARACTERS.toLocaleString('en')} characters. Each paragraph is one passage to link to, quote and find, ` +
          `so split the text into paragraphs with blank lines (at each change of speaker or subject; the importer does this for caption files)`,
      });
    }
    blockStart = -1;
  };
  for (let position = 0, line = 0; position <= body.length; line += 1) {
    let end = body.indexOf('\n', position);
    if (end === -1) end = body.length;
    if (/^\s*$/.test(body.slice(position, end))) close();
    else {
      if (blockStart === -1) [blockStart, blockLine] = [position, line];
      blockEnd = end;
    }
    position = end + 1;
  }
  close();
  return found;
}
