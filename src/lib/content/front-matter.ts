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
  const { lines, closing } = splitLines(text);
  if (!FENCE.test(lines[0] ?? '')) {
    return { file, line: 1, field: 'front matter', message: 'expected the file to start with a "---" line opening YAML front matter' };
  }
  if (closing === -1) {
    return { file, line: 1, field: 'front matter', message: 'front matter opened with "---" is never closed by a second "---" line' };
  }
  const yamlText = lines.slice(1, closing).join('\n');
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError = document.errors[0];
  if (firstError) {
    let yamlLine = lineCounter.linePos(firstError.pos[0]).line;
    // An unclosed quote or bracket is noticed where the text ends; the line that opened it is the one to fix.
    const opener = /quote/.test(firstError.message) ? '"' : /Flow sequence/.test(firstError.message) ? '[' : /Flow mapping/.test(firstError.message) ? '{' : undefined;
    if (opener) yamlLine = unclosedLine(lines, yamlLine, opener) ?? yamlLine;
    const key = /^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:/.exec(lines[yamlLine] ?? '')?.[1];
    return {
      file,
      line: yamlLine + 1,
      field: key ?? 'front matter',
      message: `YAML is not valid: ${firstError.message.split('\n')[0]}; ${yamlHint(firstError.code)}`,
    };
  }
  let data: unknown;
  try {
    data = document.toJS() ?? {};
  } catch (error) {
    // toJS refuses, for one, aliases that expand without bound.
    return { file, line: 2, field: 'front matter', message: `YAML cannot be read: ${(error as Error).message}; write the values out instead of using anchors and aliases (& and *)` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { file, line: 2, field: 'front matter', message: 'expected front matter to be a YAML mapping of fields (key: value)' };
  }
  return {
    data: data as Record<string, unknown>,
    body: bodyAfter(lines, closing),
    bodyStartLine: closing + 2,
    lineOf: (path) => 1 + lineInYaml(document, lineCounter, path),
  };
}

/**
 * The Markdown body of an entry file that is known to be well formed (validated
 * earlier in the build), without parsing its YAML: the same text as
 * `parseEntryFile(text).body`.
 */
export function entryBody(text: string): string {
  const { lines, closing } = splitLines(text);
  return closing === -1 ? '' : bodyAfter(lines, closing);
}

/** The file's lines, and the index of the "---" that closes its front matter (-1 when there is none). */
function splitLines(text: string): { lines: string[]; closing: number } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const closing = FENCE.test(lines[0] ?? '') ? lines.findIndex((line, index) => index > 0 && FENCE.test(line)) : -1;
  return { lines, closing };
}

function bodyAfter(lines: readonly string[], closing: number): string {
  return lines.slice(closing + 1).join('\n');
}

/** The first front-matter line (1-based, as YAML counts) up to `before` that opens a quote or bracket it does not close. */
function unclosedLine(lines: readonly string[], before: number, opener: '"' | '[' | '{'): number | undefined {
  const closer = opener === '[' ? ']' : opener === '{' ? '}' : '"';
  for (let line = 1; line <= before; line += 1) {
    const text = (lines[line] ?? '').replaceAll('\\"', '');
    const opened = text.split(opener).length - 1;
    const unclosed = opener === '"' ? opened % 2 === 1 : opened > text.split(closer).length - 1;
    if (unclosed) return line;
  }
  return undefined;
}

/** What to do about a YAML error, by the parser's error code. */
function yamlHint(code: string): string {
  if (code === 'DUPLICATE_KEY') return 'a field appears twice; keep one of them';
  if (code === 'MISSING_CHAR') return 'a quoted value needs its closing quote, and a key its colon';
  if (code === 'TAB_AS_INDENT') return 'indent with spaces, not tabs';
  return 'check the indentation (spaces, not tabs) and put in quotes any value that contains ": " or " #", or starts with one of [ ] { } " \' * & ! | > % @ `';
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
