import MarkdownIt, { type PluginSimple } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { escapeHtml } from '../html.ts';

/**
 * The one Markdown parser for transcripts and texts. Raw HTML is off, so markup
 * written in a transcript shows as text and never becomes live HTML; markdown-it
 * also refuses `javascript:` and similar link targets; images become links
 * (see imageAsLink). Typography is left as written: transcript characters are
 * not rewritten.
 */
export function createMarkdown(): MarkdownIt {
  // @types/markdown-it-footnote is typed against an older @types/markdown-it; the plugin itself fits v14.
  const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(footnote as unknown as PluginSimple);
  // Non-speech marks (see non-speech.ts) are set apart, and labelled for screen readers by their own words.
  markdown.renderer.rules['non_speech'] = (tokens, index) => `<span class="non-speech">${escapeHtml(tokens[index]?.content ?? '')}</span>`;
  markdown.renderer.rules['image'] = (tokens, index, options, env, renderer) => {
    const token = tokens[index];
    // Inside a link (a badge, `[![…](image)](page)`) it is that link's text: a link in a link is no HTML.
    const inLink = tokens.slice(0, index).reduce((depth, { type }) => depth + (type === 'link_open' ? 1 : type === 'link_close' ? -1 : 0), 0) > 0;
    return imageAsLink(inLink ? '' : (token?.attrGet('src') ?? ''), renderer.renderInlineAsText(token?.children ?? [], options, env));
  };
  return markdown;
}

/**
 * A Markdown image (`![alt](https://elsewhere/…)`) becomes a link to it, never an <img>: content
 * must not load anything from another site when a page is read (with a host that drops the page's
 * security policy, a remote image is a tracking pixel). The reader sees "Image: " and its
 * description, and can follow the link; an address other than http(s) (a data: image) stays text.
 */
export function imageAsLink(source: string, description: string): string {
  let url: URL | undefined;
  try {
    url = new URL(source);
  } catch {
    url = undefined;
  }
  const text = escapeHtml(`Image: ${description.trim() || (url?.hostname ?? 'without a description')}`);
  return url && (url.protocol === 'https:' || url.protocol === 'http:')
    ? `<a class="content-image" href="${escapeHtml(url.href)}">${text}</a>`
    : `<span class="content-image">${text}</span>`;
}
