/**
 * Text the importer writes into a transcript body. Plain source text is
 * escaped so it shows exactly as written (HTML included); non-speech marks
 * stay readable as `[laughs]`. Markdown sources keep their emphasis and web
 * links, re-written from markdown-it's tokens; their inline HTML tags are
 * markup and are dropped, their text kept, so nothing becomes live HTML.
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { escapeInline, escapeMarkdown } from '../escape-markdown.ts';
import { bracketed } from '../transcript/non-speech.ts';
import { LEADING_TIMESTAMP } from '../transcript/timestamp.ts';
import { decodeEntities } from './text.ts';

/**
 * Escapes plain text for a paragraph. A bracket (a mark, or the editor's words) keeps its bare
 * brackets when nothing could read it as a link, footnote or timestamp.
 */
export function escapeText(text: string): string {
  let out = '';
  let last = 0;
  for (const mark of bracketed(text)) {
    const after = text.charAt(mark.index + mark.text.length);
    const bare = mark.text.startsWith('[') && !/^\[\^/.test(mark.text) && !LEADING_TIMESTAMP.test(mark.text) && !['(', '[', ':'].includes(after);
    out += escapePart(text.slice(last, mark.index), last);
    out += bare ? `[${escapeInline(mark.text.slice(1, -1))}]` : escapePart(mark.text, mark.index);
    last = mark.index + mark.text.length;
  }
  return out + escapePart(text.slice(last), last);
}

/** A piece of a line: only the first can start a block ("3.5" after a bracket is no list item). */
function escapePart(part: string, at: number): string {
  return at === 0 ? escapeMarkdown(part) : escapeInline(part);
}

/** Parses source Markdown with HTML recognised, so that it can be written back as text rather than dropped. */
export function createSourceMarkdown(): MarkdownIt {
  return new MarkdownIt({ html: true, linkify: false, typographer: false });
}

const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;

/**
 * A link within the page whose text has no word (`[⬆](#contents)`, "back to contents"): the
 * post's navigation, not its text. Returns the index of its closing token, or -1.
 */
export function navigationLinkEnd(children: readonly Token[], open: number): number {
  const token = children[open];
  if (token?.type !== 'link_open' || !(token.attrGet('href') ?? '').startsWith('#')) return -1;
  let depth = 0;
  for (let index = open; index < children.length; index += 1) {
    depth += (children[index] as Token).nesting;
    if (depth === 0) return /[\p{L}\p{N}]/u.test(inlineToText(children.slice(open + 1, index))) ? -1 : index;
  }
  return -1;
}

/** Inline tokens written back as the archive's safe Markdown: emphasis and web links kept, navigation links dropped, anything else as text. */
export function inlineToMarkdown(children: readonly Token[]): string {
  let out = '';
  let linkDepth = 0;
  const linkClosers: string[] = [];
  for (let index = 0; index < children.length; index += 1) {
    const token = children[index] as Token;
    const navigation = navigationLinkEnd(children, index);
    if (navigation !== -1) {
      index = navigation;
      continue;
    }
    switch (token.type) {
      case 'text':
        out += escapeText(token.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        out += ' ';
        break;
      case 'strong_open':
      case 'strong_close':
        out += '**';
        break;
      case 'em_open':
      case 'em_close':
        out += '*';
        break;
      case 's_open':
      case 's_close':
        out += '~~';
        break;
      case 'code_inline':
        out += token.content.includes('`') ? escapeText(token.content) : `\`${token.content}\``;
        break;
      case 'link_open': {
        const href = token.attrGet('href') ?? '';
        const keep = SAFE_URL.test(href) && linkDepth === 0;
        linkDepth += 1;
        linkClosers.push(keep ? `](${href.replace(/[()\s<>]/g, (char) => encodeURIComponent(char))})` : '');
        if (keep) out += '[';
        break;
      }
      case 'link_close':
        linkDepth -= 1;
        out += linkClosers.pop() ?? '';
        break;
      case 'image':
        out += escapeText(token.content);
        break;
      case 'html_inline':
        // A tag is markup, not words: the words between tags are text tokens of their own.
        break;
      default:
        out += escapeText(token.content);
    }
  }
  return out.trim();
}

/** The words a reader sees in inline tokens: text and code; link targets, tags and other markup not. */
export function inlineToText(children: readonly Token[]): string {
  return children
    .map((token) => {
      if (token.type === 'softbreak' || token.type === 'hardbreak') return ' ';
      if (token.type === 'text' || token.type === 'code_inline' || token.type === 'image') return token.content;
      return '';
    })
    .join('');
}

const viewer = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** The visible text of a Markdown inline string, as the site's parser reads it (escapes and entities resolved). */
export function markdownText(markdown: string): string {
  const [paragraph] = viewer.parseInline(markdown, {});
  return paragraph ? inlineToText(paragraph.children ?? []) : decodeEntities(markdown);
}
