import type { PassageText } from '../../lib/quotes/reanchor.ts';

/**
 * The transcript's passages as reanchor() reads them (whitespace collapsed,
 * passages joined by one space), with a map between offsets in that text and
 * the DOM. Timestamps and permalinks are not part of what is quoted.
 */
export interface PageText {
  passages: PassageText[];
  /** Offset in the joined text of a DOM position inside a passage, if it is in one. */
  offsetOf(node: Node, index: number, edge: 'start' | 'end'): number | undefined;
  /** Wraps the joined-text range [start, end) in <mark class="quote-mark"> elements; returns the first. */
  mark(start: number, end: number): HTMLElement | undefined;
}

const SKIP = '.timestamp, .permalink';

/** White space as `/\s/` sees it, by code unit: testing a regular expression per character cost the longest page tens of milliseconds. */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The transcript as read so far: its text nodes, where each node's characters went, and where each offset comes from. */
interface Reading {
  nodes: Text[];
  offsetsOf: Map<Text, Int32Array>;
  /** Per joined-text offset, the number of its node in `nodes` and its index in that node, for `length` offsets. */
  positionNode: Int32Array<ArrayBuffer>;
  positionIndex: Int32Array<ArrayBuffer>;
  length: number;
}

/**
 * Reads the transcript once per quote link and per selection, so it keeps one number per character
 * in typed arrays rather than an object: where each joined-text offset comes from (node and index),
 * and where each node's characters went (-1 for white space folded into one space).
 */
export function readPageText(root: ParentNode): PageText {
  const passages: PassageText[] = [];
  const reading: Reading = { nodes: [], offsetsOf: new Map(), positionNode: new Int32Array(4096), positionIndex: new Int32Array(4096), length: 0 };
  for (const element of root.querySelectorAll<HTMLElement>('.passage[id]')) {
    // The one space that joins passages maps onto the previous passage's last character.
    if (reading.length > 0) push(reading, reading.positionNode[reading.length - 1] as number, reading.positionIndex[reading.length - 1] as number);
    passages.push({ id: element.id, text: readPassage(reading, element) });
  }
  return {
    passages,
    offsetOf: (node, index, edge) => textOffset(reading, node, index, edge),
    mark: (start, end) => markRange(reading, start, end),
  };
}

/** Records where the next joined-text offset comes from. */
function push(reading: Reading, node: number, index: number): void {
  if (reading.length === reading.positionNode.length) {
    reading.positionNode = grow(reading.positionNode);
    reading.positionIndex = grow(reading.positionIndex);
  }
  reading.positionNode[reading.length] = node;
  reading.positionIndex[reading.length] = index;
  reading.length += 1;
}

/** One passage's text, white space folded into single spaces, with each character's position recorded. */
function readPassage(reading: Reading, element: HTMLElement): string {
  const chunks: string[] = [];
  let written = 0;
  let pendingSpace: [number, number] | undefined;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const number = reading.nodes.push(node) - 1;
    const data = node.data;
    const offsets = new Int32Array(data.length).fill(-1);
    reading.offsetsOf.set(node, offsets);
    let run = -1;
    for (let index = 0; index < data.length; index += 1) {
      if (isSpace(data.charCodeAt(index))) {
        if (run !== -1) chunks.push(data.slice(run, index));
        run = -1;
        if (written > 0) pendingSpace ??= [number, index];
        continue;
      }
      if (pendingSpace) {
        chunks.push(' ');
        push(reading, ...pendingSpace);
        written += 1;
        pendingSpace = undefined;
      }
      if (run === -1) run = index;
      offsets[index] = reading.length;
      push(reading, number, index);
      written += 1;
    }
    if (run !== -1) chunks.push(data.slice(run));
  }
  return chunks.join('');
}

/** PageText.offsetOf: the nearest character inside the passages, forward from a start and back from an end. */
function textOffset({ offsetsOf }: Reading, node: Node, index: number, edge: 'start' | 'end'): number | undefined {
  const offsets = node instanceof Text ? offsetsOf.get(node) : undefined;
  if (!offsets) return undefined;
  const first = (from: number) => offsets.slice(from).find((offset) => offset >= 0);
  const last = (before: number) => offsets.slice(0, Math.max(0, before)).findLast((offset) => offset >= 0);
  if (edge === 'start') return first(index) ?? last(offsets.length);
  const before = last(index);
  return before === undefined ? first(0) : before + 1;
}

/** PageText.mark: one <mark> per text node the range touches. */
function markRange({ nodes, positionNode, positionIndex, length }: Reading, start: number, end: number): HTMLElement | undefined {
  const segments = new Map<Text, { from: number; to: number }>();
  for (let offset = Math.max(0, start); offset < Math.min(end, length); offset += 1) {
    const node = nodes[positionNode[offset] as number] as Text;
    const index = positionIndex[offset] as number;
    const segment = segments.get(node);
    if (segment) segment.to = Math.max(segment.to, index + 1);
    else segments.set(node, { from: index, to: index + 1 });
  }
  const marks: HTMLElement[] = [];
  // Later segments first: wrapping splits text nodes, which would shift earlier indexes otherwise.
  for (const [node, { from, to }] of [...segments].reverse()) {
    const range = document.createRange();
    range.setStart(node, from);
    range.setEnd(node, to);
    const mark = document.createElement('mark');
    mark.className = 'quote-mark';
    range.surroundContents(mark);
    marks.unshift(mark);
  }
  return marks[0];
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}
