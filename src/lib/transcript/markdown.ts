import MarkdownIt, { type PluginSimple } from 'markdown-it';
import footnote from 'markdown-it-footnote';

/**
 * The one Markdown parser for transcripts and texts. Raw HTML is off, so markup
 * written in a transcript shows as text and never becomes live HTML; markdown-it
 * also refuses `javascript:` and similar link targets. Typography is left as
 * written: transcript characters are not rewritten.
 */
export function createMarkdown(): MarkdownIt {
  // @types/markdown-it-footnote is typed against an older @types/markdown-it; the plugin itself fits v14.
  return new MarkdownIt({ html: false, linkify: false, typographer: false }).use(footnote as unknown as PluginSimple);
}
