import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { ContentIssue } from './content-issue.ts';

/** A content file split into its YAML front matter and Markdown body. */
export interface EntryFile {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyStartLine: number;
  /** The file line of a front-matter field, or of the front matter's start when the field is absent. */
  lineOf(path: readonly PropertyKey[]): number;
}

const FENCE = /^---[ \t]*$/;

/**
 * Splits and parses front matter, keeping YAML positions so that every schema
 * problem can name its line. Returns issues instead of throwing.
 */
export function parseEntryFile(text: string, file: string): EntryFile | ContentIssue {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    return { file, line: 1, field: 'front matter', message: 'expected the file to start with a "---" line opening YAML front matter' };
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing === -1) {
    return { file, line: 1, field: 'front matter', message: 'front matter opened with "---" is never closed by a second "---" line' };
  }
  const yamlText = lines.slice(1, closing).join('\n');
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError = document.errors[0];
  if (firstError) {
    const yamlLine = lineCounter.linePos(firstError.pos[0]).line;
    return { file, line: yamlLine + 1, field: 'front matter', message: `YAML is not valid: ${firstError.message.split('\n')[0]}` };
  }
  const data: unknown = document.toJS() ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { file, line: 2, field: 'front matter', message: 'expected front matter to be a YAML mapping of fields (key: value)' };
  }
  return {
    data: data as Record<string, unknown>,
    body: lines.slice(closing + 1).join('\n'),
    bodyStartLine: closing + 2,
    lineOf: (path) => 1 + lineInYaml(document, lineCounter, path),
  };
}

/** Walks the path as far as the YAML has it and returns that node's line (1 for the front matter's start). */
function lineInYaml(document: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number {
  for (let length = path.length; length > 0; length -= 1) {
    const node = document.getIn(path.slice(0, length) as unknown[], true);
    if (isNode(node) && node.range) {
      return lineCounter.linePos(node.range[0]).line;
    }
  }
  return 0;
}
