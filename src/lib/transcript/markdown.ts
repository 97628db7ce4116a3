import MarkdownIt, { type PluginSimple } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { escapeHtml } from '../html.ts';

/**
 * The one Markdown parser for transcripts and texts. Raw HTML is off, so markup
 * written in a transcript shows as text and never becomes live HTML; markdown-it
 * also refuses `javascript:` and similar link targets. Typography is left as
 * written: transcript characters are not rewritten.
 */
export function createMarkdown(): MarkdownIt {
  // @types/markdown-it-footnote is typed against an older @types/markdown-it; the plugin itself fits v14.
  const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(footnote as unknown as PluginSimple);
  // Non-speech marks (see non-speech.ts) are set apart, and labelled for screen readers by their own words.
  markdown.renderer.rules['non_speech'] = (tokens, index) => `<span class="non-speech">${escapeHtml(tokens[index]?.content ?? '')}</span>`;
  return markdown;
}
