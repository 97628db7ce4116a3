/**
 * Reading and writing content entries as text: YAML front matter between
 * `---` lines, then the body. Editing sets some fields and keeps every other
 * field, comment and quoting as it was, in the schema's field order.
 */
import { Document, isMap, isPair, isScalar, parseDocument, Scalar, visit, type Pair } from 'yaml';

/** Fields that hold dates or section numbers, quoted so that no YAML reader takes them for numbers or timestamps. */
const QUOTED_FIELDS = ['date', 'start', 'number'];
/** Clock times of a recording (`start: "1:00:31"`), quoted at any depth: YAML 1.1 readers take 1:00:31 for a number. */
const QUOTED_CLOCKS = new Set(['duration', 'start', 'end']);

export interface EntryText {
  frontMatter: string;
  body: string;
}

/** Splits an entry's text at its front matter fences. */
export function splitEntry(text: string): EntryText | undefined {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return undefined;
  return { frontMatter: match[1] ?? '', body: text.slice(match[0].length) };
}

/** An entry file's text: front matter, then the body (if any) ending in one newline. */
export function renderEntry(frontMatter: string, body: string): string {
  const trimmed = body.replace(/^\n+/, '').trimEnd();
  return `---\n${frontMatter}---\n${trimmed === '' ? '' : `${trimmed}\n`}`;
}

/** Front matter for new data, fields in `order` first. */
export function frontMatterFor(data: Record<string, unknown>, order: readonly string[] = []): string {
  return editFrontMatter('', data, order);
}

/**
 * Sets the given fields (undefined deletes one) in existing front matter and
 * keeps all else: other fields, comments, quoting. Fields are put in `order`;
 * fields it does not list keep their place after those it does.
 */
export function editFrontMatter(yaml: string, changes: Record<string, unknown>, order: readonly string[] = []): string {
  const document = yaml.trim() === '' ? new Document({}) : parseDocument(yaml);
  const current = (document.toJS() ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) document.delete(key);
    // An unchanged value keeps its node, so its comments and quoting stay.
    else if (JSON.stringify(current[key]) !== JSON.stringify(value)) document.set(key, document.createNode(value));
  }
  const contents = document.contents;
  if (isMap(contents)) {
    const rank = (pair: Pair) => {
      const index = order.indexOf(String(isScalar(pair.key) ? pair.key.value : pair.key));
      return index === -1 ? order.length : index;
    };
    contents.items = contents.items
      .map((pair, index) => ({ pair, index }))
      .sort((a, b) => rank(a.pair) - rank(b.pair) || a.index - b.index)
      .map(({ pair }) => pair);
  }
  for (const field of QUOTED_FIELDS) {
    const node = document.get(field, true);
    if (isScalar(node) && typeof node.value === 'string') node.type = Scalar.QUOTE_DOUBLE;
  }
  visit(document, {
    Pair(_, pair) {
      if (
        isPair(pair) &&
        isScalar(pair.key) &&
        QUOTED_CLOCKS.has(String(pair.key.value)) &&
        isScalar(pair.value) &&
        typeof pair.value.value === 'string' &&
        pair.value.value.includes(':')
      ) {
        pair.value.type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
  return document.toString({ lineWidth: 0 });
}
