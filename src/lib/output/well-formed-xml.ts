/**
 * Whether a text is well-formed XML 1.0, for the files the build writes for machines (the RSS feed,
 * the sitemaps). A reader of feeds drops an ill-formed one whole, so one bad character in one title
 * would take every talk out of every subscriber's reader. Covers what such files hold: an XML
 * declaration, elements, attributes, text, character and entity references, comments, CDATA and
 * processing instructions; a document type declaration is refused, since the site writes none.
 * Returns the first problem, with its line and column, or undefined.
 */
export function xmlProblem(text: string): string | undefined {
  const at = (index: number, message: string) => {
    const before = text.slice(0, index).split('\n');
    return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}: ${message}`;
  };
  const illegal = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.exec(text);
  if (illegal) return at(illegal.index, `U+${(illegal[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')} is not a character XML allows`);
  const open: string[] = [];
  let roots = 0;
  let index = 0;
  while (index < text.length) {
    const next = text.indexOf('<', index);
    const textEnd = next === -1 ? text.length : next;
    const problem = textProblem(text.slice(index, textEnd), open.length > 0);
    if (problem) return at(index + problem.offset, problem.message);
    if (next === -1) break;
    const markup = MARKUP.find(([start]) => text.startsWith(start, next));
    if (markup) {
      const [start, end, what] = markup;
      const close = text.indexOf(end, next + start.length);
      if (close === -1) return at(next, `${what} is never closed with "${end}"`);
      if (start === '<!--' && text.slice(next + 4, close).includes('--')) return at(next, 'a comment holds "--"');
      if (start === '<?' && /^<\?xml\s/.test(text.slice(next, next + 6)) && next !== 0) return at(next, 'the XML declaration must come first');
      if (start === '<![CDATA[' && open.length === 0) return at(next, 'text outside the root element');
      index = close + end.length;
      continue;
    }
    if (text.startsWith('<!', next)) return at(next, 'a declaration such as <!DOCTYPE is not expected here');
    TAG.lastIndex = next;
    const tag = TAG.exec(text);
    if (!tag) return at(next, '"<" starts no well-formed tag (escape it as &lt; in text)');
    const [whole, slash = '', name = '', attributes = '', selfClosing = ''] = tag;
    if (slash) {
      if (attributes.trim() !== '' || selfClosing) return at(next, `the end tag </${name}> is malformed`);
      const expected = open.pop();
      if (expected !== name) return at(next, expected ? `</${name}> closes <${expected}>` : `</${name}> closes nothing`);
    } else {
      const problem = attributeProblem(attributes);
      if (problem) return at(next, `<${name}>: ${problem}`);
      if (open.length === 0 && (roots += 1) > 1) return at(next, `a second root element <${name}>`);
      if (!selfClosing) open.push(name);
    }
    index = next + whole.length;
  }
  if (open.length > 0) return at(text.length, `<${open.at(-1)}> is never closed`);
  if (roots === 0) return at(0, 'there is no root element');
  return undefined;
}

const MARKUP: readonly (readonly [string, string, string])[] = [
  ['<!--', '-->', 'a comment'],
  ['<![CDATA[', ']]>', 'a CDATA section'],
  ['<?', '?>', 'a processing instruction'],
];
const NAME = '[\\p{L}_:][\\p{L}\\p{N}_:.\\-\\u00B7]*';
const TAG = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*\\s*)(/?)>`, 'uy');
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'gu');
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/y;

/** Text between tags: only whitespace outside the root, references well-formed, no "]]>". */
function textProblem(text: string, insideRoot: boolean): { offset: number; message: string } | undefined {
  if (!insideRoot && text.trim() !== '') return { offset: text.search(/\S/), message: 'text outside the root element' };
  const cdataEnd = text.indexOf(']]>');
  if (cdataEnd !== -1) return { offset: cdataEnd, message: '"]]>" in text' };
  return referenceProblem(text);
}

function attributeProblem(attributes: string): string | undefined {
  const seen = new Set<string>();
  for (const match of attributes.matchAll(ATTRIBUTE)) {
    const [, name = '', double, single] = match;
    if (seen.has(name)) return `the attribute ${name} is given twice`;
    seen.add(name);
    const problem = referenceProblem(double ?? single ?? '');
    if (problem) return `${name}: ${problem.message}`;
  }
  return undefined;
}

/** Every "&" starts a predefined entity or a reference to a character XML allows. */
function referenceProblem(text: string): { offset: number; message: string } | undefined {
  for (let amp = text.indexOf('&'); amp !== -1; amp = text.indexOf('&', amp + 1)) {
    REFERENCE.lastIndex = amp;
    const match = REFERENCE.exec(text);
    if (!match) return { offset: amp, message: '"&" starts no reference (escape it as &amp;)' };
    const [, , decimal, hex] = match;
    if (decimal === undefined && hex === undefined) continue;
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex as string, 16);
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed) return { offset: amp, message: `${match[0]} refers to no character XML allows` };
  }
  return undefined;
}
