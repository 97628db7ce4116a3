import { Parser } from 'htmlparser2';

/**
 * Finds a page's inline code (script and style elements, and style attributes) with htmlparser2's
 * streaming parser, which reads tags as a browser's tokenizer does without building a document tree:
 * the policy pass reads every page of the site, and building a tree of each was most of its time.
 * Attribute values are read whole, so a `<` or a `style=` inside a value is never markup; comments
 * and the text of title and textarea elements are text, not code; character references in a style
 * attribute are decoded, as the browser decodes them before it hashes the value.
 */
export interface InlineCode {
  /** Text of each <script> element without a src attribute, with its type attribute ('' when absent). */
  scripts: { type: string; text: string }[];
  /** Text of each <style> element. */
  styles: string[];
  /** Value of each style attribute. */
  styleAttributes: string[];
}

export function findInlineCode(html: string): InlineCode {
  const found: InlineCode = { scripts: [], styles: [], styleAttributes: [] };
  // The script or style element being read, and its text so far (the parser may hand it in pieces).
  let open: { name: 'script' | 'style'; type: string; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const style = attributes['style'];
        if (style !== undefined) found.styleAttributes.push(style);
        if (name === 'style' || (name === 'script' && attributes['src'] === undefined)) open = { name, type: attributes['type'] ?? '', text: '' };
      },
      ontext(text) {
        if (open) open.text += text;
      },
      onclosetag(name) {
        if (open?.name !== name) return;
        if (name === 'script') found.scripts.push({ type: open.type, text: open.text });
        else found.styles.push(open.text);
        open = undefined;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return found;
}
