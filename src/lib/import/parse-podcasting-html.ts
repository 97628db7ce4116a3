/**
 * Podcasting 2.0 HTML transcript: a flat run of `<cite>Name:</cite>`,
 * `<time>0:00</time>` and `<p>text</p>`, with or without `<html>`/`<body>`.
 * Each `<p>` is a paragraph of the speaker last cited; entities (`&#39;`)
 * are decoded, and tags inside a paragraph count only for their text.
 */
import { HTMLElement, parse, type Node } from 'node-html-parser';
import { parsedSource, type ParsedSource, type Segment } from './model.ts';
import { parseClock, squeeze } from './text.ts';

export function parsePodcastingHtml(text: string): ParsedSource {
  const root = parse(text.replace(/^\uFEFF/, ''), { comment: false });
  const lineAt = lineFinder(text);
  const segments: Segment[] = [];
  let label: string | undefined;
  let start: number | undefined;
  const visit = (node: Node): void => {
    if (!(node instanceof HTMLElement)) return;
    const tag = node.tagName?.toLowerCase();
    if (tag === 'cite') label = squeeze(node.text).replace(/:$/, '').trim() || undefined;
    else if (tag === 'time') start = parseClock(node.getAttribute('datetime') ?? squeeze(node.text)) ?? parseClock(squeeze(node.text));
    else if (tag === 'p') {
      segments.push({
        ...(label !== undefined && { label }),
        text: squeeze(node.text),
        ...(start !== undefined && { start }),
        at: { line: lineAt(node.range[0]) },
      });
      label = undefined;
      start = undefined;
    } else if (tag !== 'head' && tag !== 'script' && tag !== 'style') node.childNodes.forEach(visit);
  };
  root.childNodes.forEach(visit);
  return parsedSource({
    format: 'podcasting-html',
    layout: 'paragraphs',
    references: true,
    segments,
    coverage: coverageOf(text),
  });
}

function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) === 10) starts.push(index + 1);
  return (offset) => {
    let line = 0;
    while (line + 1 < starts.length && (starts[line + 1] as number) <= offset) line += 1;
    return line + 1;
  };
}

/** The fragment's visible text, found with plain text rules: times, head, scripts and tags removed (references left as written). */
function coverageOf(text: string): string {
  return text
    .replace(/<(head|script|style|time)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ');
}
