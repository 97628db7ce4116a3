import type { PassageText } from '../../lib/quotes/reanchor.ts';

/** A position in the page: a text node and an index into it. */
interface NodePosition {
  node: Text;
  index: number;
}

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

export function readPageText(root: ParentNode): PageText {
  const passages: PassageText[] = [];
  const positions: NodePosition[] = [];
  const byNode = new Map<Text, { index: number; offset: number }[]>();
  for (const element of root.querySelectorAll<HTMLElement>('.passage[id]')) {
    // The one space that joins passages maps onto the previous passage's last character.
    if (positions.length > 0) positions.push(positions[positions.length - 1] as NodePosition);
    let text = '';
    let pendingSpace: NodePosition | undefined;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, { acceptNode: (node) => (node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const entries: { index: number; offset: number }[] = [];
      byNode.set(node, entries);
      for (let index = 0; index < node.data.length; index += 1) {
        if (/\s/.test(node.data[index] as string)) {
          if (text !== '') pendingSpace ??= { node, index };
          continue;
        }
        if (pendingSpace) {
          text += ' ';
          positions.push(pendingSpace);
          pendingSpace = undefined;
        }
        entries.push({ index, offset: positions.length });
        text += node.data[index];
        positions.push({ node, index });
      }
    }
    passages.push({ id: element.id, text });
  }

  return {
    passages,
    offsetOf(node, index, edge) {
      const entries = node instanceof Text ? byNode.get(node) : undefined;
      if (!entries || entries.length === 0) return undefined;
      if (edge === 'start') return (entries.find((entry) => entry.index >= index) ?? entries[entries.length - 1])?.offset;
      const before = entries.filter((entry) => entry.index < index).at(-1);
      return before ? before.offset + 1 : entries[0]?.offset;
    },
    mark(start, end) {
      const segments = new Map<Text, { from: number; to: number }>();
      for (let offset = start; offset < end; offset += 1) {
        const position = positions[offset];
        if (!position) continue;
        const segment = segments.get(position.node);
        if (segment) segment.to = Math.max(segment.to, position.index + 1);
        else segments.set(position.node, { from: position.index, to: position.index + 1 });
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
    },
  };
}
