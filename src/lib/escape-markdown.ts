/**
 * Backslash escapes for text that must render exactly as written through the
 * archive's markdown-it (CommonMark with footnotes and strikethrough, HTML off).
 * Lines are expected to start without indentation: four leading spaces would
 * make a code block, and spaces cannot be escaped.
 */

/** Inline syntax anywhere in a line: escapes, code, emphasis, links and footnotes, autolinks, strikethrough. */
const INLINE_SYNTAX = /[\\`*_[\]<>~]/g;
/** `&amp;` would be decoded to `&`; a lone ampersand is literal and stays as it is. */
const ENTITY_START = /&(?=#?[a-z0-9]+;)/gi;
/** A line opening with these starts a heading, list, rule, setext underline or table (`>` is escaped inline). */
const BLOCK_START = /^[#+=|-]/gm;
/** `2023.` or `1)` opening a line would start an ordered list. */
const ORDERED_LIST_START = /^(\d{1,9})([.)])/gm;
/** Any backslash escape CommonMark knows: a backslash before ASCII punctuation. */
const ESCAPE = /\\([!-/:-@[-`{-~])/g;

export function escapeMarkdown(text: string): string {
  return escapeInline(text).replace(BLOCK_START, '\\$&').replace(ORDERED_LIST_START, '$1\\$2');
}

/** The inline escapes only, for text that goes in the middle of a line, where nothing starts a block. */
export function escapeInline(text: string): string {
  return text.replace(INLINE_SYNTAX, '\\$&').replace(ENTITY_START, '\\&');
}

/** Removes backslash escapes, giving back the text as written. */
export function unescapeMarkdown(markdown: string): string {
  return markdown.replace(ESCAPE, '$1');
}
