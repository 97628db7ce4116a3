import { collapseWhitespace, shortestContext, type QuoteSelector } from '../../lib/quotes/quote-url.ts';
import { momentOf } from '../recording/moments.ts';
import { readPageText } from './page-text.ts';

/** A quote selected in the transcript: what the quote tools' link and citations are made of. */
export interface Quote {
  selector: QuoteSelector;
  speaker: string;
  /** When the quote's passage starts in the recording, where the talk has one. */
  moment?: number | undefined;
}

/** The quote the reader has selected in the transcript, with context and speaker; undefined otherwise. */
export function quoteFromSelection(transcript: HTMLElement, authors: string): Quote | undefined {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  if (!transcript.contains(range.commonAncestorContainer)) return undefined;
  const text = readPageText(transcript);
  const startNode = firstText(range.startContainer, range.startOffset);
  const endNode = lastText(range.endContainer, range.endOffset);
  const start = startNode && text.offsetOf(startNode.node, startNode.index, 'start');
  const end = endNode && text.offsetOf(endNode.node, endNode.index, 'end');
  if (start === undefined || end === undefined || end <= start) return undefined;
  const joined = text.passages.map((passage) => passage.text).join(' ');
  const exact = collapseWhitespace(joined.slice(start, end));
  if (exact === '') return undefined;
  const passage = (range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement)?.closest<HTMLElement>('.passage[id]');
  const firstPassage = passage ?? transcript.querySelector<HTMLElement>('.passage[id]');
  const { prefix, suffix } = shortestContext(joined, start, end);
  const speaker = firstPassage?.closest<HTMLElement>('.turn')?.dataset['speakerName'] ?? authors;
  return { selector: { passageId: firstPassage?.id ?? '', exact, prefix, suffix }, speaker, moment: firstPassage ? momentOf(firstPassage) : undefined };
}

/** The text position a range boundary stands for, when the boundary sits between elements. */
function firstText(container: Node, offset: number): { node: Node; index: number } | undefined {
  if (container instanceof Text) return { node: container, index: offset };
  const start = container.childNodes[offset] ?? container;
  const walker = document.createTreeWalker(start, NodeFilter.SHOW_TEXT);
  const node = start instanceof Text ? start : walker.nextNode();
  return node ? { node, index: 0 } : undefined;
}

function lastText(container: Node, offset: number): { node: Node; index: number } | undefined {
  if (container instanceof Text) return { node: container, index: offset };
  const before = container.childNodes[offset - 1];
  if (!before) return undefined;
  const texts: Text[] = [];
  const walker = document.createTreeWalker(before, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  const last = before instanceof Text ? before : texts.at(-1);
  return last ? { node: last, index: last.data.length } : undefined;
}
