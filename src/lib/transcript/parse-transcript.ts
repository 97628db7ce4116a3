import type MarkdownIt from 'markdown-it';
import Token from 'markdown-it/lib/token.mjs';
import { contentId, IdAllocator, slugify } from './stable-id.ts';
import { createMarkdown } from './markdown.ts';
import { markNonSpeech } from './non-speech.ts';
import { LEADING_TIMESTAMP, parseTimestamp, type Timestamp } from './timestamp.ts';

/** One top-level block of Markdown (paragraph, list, quote...) with its stable id. */
export interface Passage {
  id: string;
  /** 1-based line in the body where the block starts. */
  line: number;
  /** Plain text of the block, label and timestamp removed. */
  text: string;
  timestamp?: Timestamp;
  /** The block's markdown-it tokens, ready to render. */
  tokens: Token[];
}

/** A speaker's uninterrupted contribution, opened by a label such as `**Jan Leike:**`. */
export interface Turn {
  kind: 'turn';
  id: string;
  line: number;
  /** The label as written, without `**` and colon. */
  label: string;
  /** True when the turn carries on the previous speaker after a heading, with no label of its own. */
  continued: boolean;
  timestamp?: Timestamp;
  passages: Passage[];
}

export interface Heading {
  kind: 'heading';
  id: string;
  line: number;
  depth: number;
  /** The heading's text, without the time it may open with. */
  text: string;
  /** When the chapter starts in the recording, where the heading says (`## [1:32] Scalable oversight`). */
  timestamp?: Timestamp;
  tokens: Token[];
}

/** Text outside any turn: an essay's paragraphs, or what precedes the first label. */
export interface Prose {
  kind: 'prose';
  passage: Passage;
}

export type TranscriptBlock = Turn | Heading | Prose;

export interface ParsedTranscript {
  blocks: TranscriptBlock[];
  /** Footnote section tokens (rendered after the text), empty when there are none. */
  footnoteTokens: Token[];
  /** markdown-it's environment: footnote definitions live here. */
  env: Record<string, unknown>;
  markdown: MarkdownIt;
}

const sharedMarkdown = createMarkdown();

/**
 * Reads a Markdown body in the archive's transcript convention: a paragraph
 * that opens with a bold label ending in a colon (`**Jan Leike:**` or
 * `**Jan Leike**:`) starts a turn, optionally followed by a timestamp
 * (`[12:34]`); paragraphs without a label continue the current turn. Any
 * paragraph may open with a timestamp of its own. Headings mark chapters, and
 * may open with the time the chapter starts (`## [1:32] Scalable oversight`).
 */
export function parseTranscript(body: string, markdown: MarkdownIt = sharedMarkdown): ParsedTranscript {
  const env: Record<string, unknown> = {};
  const tokens = markdown.parse(body, env);
  const ids = new IdAllocator();
  const blocks: TranscriptBlock[] = [];
  let currentTurn: Turn | undefined;
  let lastLabel: string | undefined;
  let footnoteTokens: Token[] = [];

  for (const { open, line, tokens: block } of topLevelBlocks(tokens)) {
    if (open.type === 'footnote_block_open') {
      footnoteTokens = block;
      continue;
    }
    if (open.type === 'heading_open') {
      const timestamp = takeTimestamp(block);
      const text = inlineText(block);
      const id = ids.take(`h-${slugify(text)}`);
      open.attrSet('id', id);
      blocks.push({ kind: 'heading', id, line, depth: Number(open.tag.slice(1)), text, ...(timestamp && { timestamp }), tokens: block });
      currentTurn = undefined;
      continue;
    }

    const label = open.type === 'paragraph_open' ? takeLabel(block) : undefined;
    const timestamp = takeTimestamp(block);
    const text = inlineText(block);

    if (label !== undefined) {
      currentTurn = { kind: 'turn', id: '', line, label, continued: false, passages: [], ...(timestamp && { timestamp }) };
      lastLabel = label;
      blocks.push(currentTurn);
      // A label alone on its line opens the turn; the text follows in the next paragraph.
      if (text === '') continue;
    } else if (!currentTurn && lastLabel !== undefined) {
      // A chapter heading fell inside someone's turn: the speaker carries on.
      currentTurn = { kind: 'turn', id: '', line, label: lastLabel, continued: true, passages: [] };
      blocks.push(currentTurn);
    }
    const passage: Passage = { id: ids.take(contentId('p', text)), line, text, tokens: block, ...(timestamp && { timestamp }) };
    if (currentTurn) {
      for (const inline of block.filter((token) => token.type === 'inline')) markNonSpeech(inline);
      currentTurn.passages.push(passage);
      if (!currentTurn.timestamp && passage.timestamp) currentTurn.timestamp = passage.timestamp;
    } else {
      blocks.push({ kind: 'prose', passage });
    }
  }
  assignTurnIds(blocks, ids);
  return { blocks, footnoteTokens, env, markdown };
}

/** A turn's id comes from its speaker label and its first words, so it survives edits elsewhere. */
function assignTurnIds(blocks: TranscriptBlock[], ids: IdAllocator): void {
  for (const block of blocks) {
    if (block.kind === 'turn') block.id = ids.take(contentId('t', `${block.label} ${block.passages[0]?.text ?? ''}`));
  }
}

/** Splits the token stream into top-level blocks, each from its opening token to its closing one. */
/** A top-level block of markdown-it's tokens: its opening token, its first line (1-based), and all its tokens. */
export interface TopLevelBlock {
  open: Token;
  line: number;
  tokens: Token[];
}

export function topLevelBlocks(tokens: readonly Token[]): TopLevelBlock[] {
  const blocks: TopLevelBlock[] = [];
  let depth = 0;
  let current: Token[] = [];
  for (const token of tokens) {
    current.push(token);
    depth += token.nesting;
    if (depth === 0) {
      const open = current[0] as Token;
      blocks.push({ open, line: (open.map?.[0] ?? 0) + 1, tokens: current });
      current = [];
    }
  }
  return blocks;
}

function inlineText(block: Token[]): string {
  return block
    .filter((token) => token.type === 'inline')
    .map((token) => (token.children ?? []).map(childText).join(''))
    .join('\n')
    .trim();
}

function childText(token: Token): string {
  if (token.type === 'text' || token.type === 'code_inline') return token.content;
  if (token.type === 'softbreak' || token.type === 'hardbreak') return ' ';
  return '';
}

/**
 * Removes a leading `**Label:**` or `**Label**:` from the block's first inline
 * token and returns the label, or undefined when the paragraph has none.
 */
export function takeLabel(block: Token[]): string | undefined {
  const children = block.find((token) => token.type === 'inline')?.children;
  if (!children) return undefined;
  let start = 0;
  while (children[start]?.type === 'text' && children[start]?.content === '') start += 1;
  const [open, inner, close] = [children[start], children[start + 1], children[start + 2]];
  if (open?.type !== 'strong_open' || inner?.type !== 'text' || close?.type !== 'strong_close') return undefined;

  let label: string;
  const after = children[start + 3];
  if (inner.content.trimEnd().endsWith(':')) {
    label = inner.content.trimEnd().slice(0, -1).trim();
  } else if (after?.type === 'text' && after.content.startsWith(':')) {
    label = inner.content.trim();
    after.content = after.content.slice(1);
  } else {
    return undefined;
  }
  if (label === '') return undefined;
  children.splice(0, start + 3);
  const next = children[0];
  if (next?.type === 'text') next.content = next.content.replace(/^[ \t]+/, '');
  return label;
}

/** Removes a leading `[12:34]` from the block's text and returns it. */
function takeTimestamp(block: Token[]): Timestamp | undefined {
  const first = block.find((token) => token.type === 'inline')?.children?.[0];
  if (first?.type !== 'text') return undefined;
  const match = LEADING_TIMESTAMP.exec(first.content);
  if (!match?.[1]) return undefined;
  first.content = first.content.slice(match[0].length);
  return parseTimestamp(match[1]);
}
