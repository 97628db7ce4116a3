/**
 * Tells a transcript's format from its name and text. Returns undefined when
 * nothing fits; the user can always name the format with --format.
 */
import { leadingLabel } from './label-text.ts';
import { FORMATS, type FormatName, type ParsedSource, type ParseOptions } from './model.ts';
import { parseCaptionMarkdown } from './parse-caption-markdown.ts';
import { parseJson } from './parse-json.ts';
import { parseMarkdownLabels } from './parse-markdown-labels.ts';
import { parseNameColon } from './parse-name-colon.ts';
import { parsePodcastingHtml } from './parse-podcasting-html.ts';
import { parsePodcastingJson } from './parse-podcasting-json.ts';
import { inferNames, parseSeedStyle } from './parse-seed-style.ts';
import { parseSrt } from './parse-srt.ts';
import { parseVtt } from './parse-vtt.ts';
import { parseWhisperJson } from './parse-whisper-json.ts';
import { blocksOf, sourceLines, squeeze } from './text.ts';

export const PARSERS: Record<FormatName, (text: string, options: ParseOptions) => ParsedSource> = {
  seed: parseSeedStyle,
  'name-colon': parseNameColon,
  'markdown-labels': parseMarkdownLabels,
  'caption-markdown': parseCaptionMarkdown,
  vtt: parseVtt,
  srt: parseSrt,
  'whisper-json': parseWhisperJson,
  'podcasting-html': parsePodcastingHtml,
  'podcasting-json': parsePodcastingJson,
};

export function isFormatName(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}

const SRT_TIMING = /^\d{1,3}:\d{2}:\d{2},\d{1,3}\s*-->/m;
const BOLD_LABEL = /^\*\*[^*\n]{1,60}(?::\*\*|\*\*\s*(?::|\(\d{1,2}:\d{2}(?::\d{2})?\):))/gm;

export function detectFormat(fileName: string, text: string): FormatName | undefined {
  const name = fileName.toLowerCase();
  const body = text.replace(/^\uFEFF/, '');
  const start = body.trimStart();
  if (start.startsWith('WEBVTT')) return 'vtt';
  if (name.endsWith('.srt') || (/^\d+\s*\r?\n/.test(start) && SRT_TIMING.test(body))) return 'srt';
  if (name.endsWith('.json')) return detectJson(parseJson(body));
  if (start.startsWith('{')) return detectJson(tryJson(body));
  if (name.endsWith('.html') || name.endsWith('.htm') || /<cite\b/i.test(body)) return /<p\b/i.test(body) ? 'podcasting-html' : undefined;
  if (/^##\s+Transcript\s*$/m.test(body) && /^\[(?:\d{1,2}:)?\d{1,2}:\d{2}\] /m.test(body)) return 'caption-markdown';
  const bold = (body.match(BOLD_LABEL) ?? []).length;
  if (bold >= 2) return 'markdown-labels';
  const paragraphs = blocksOf(sourceLines(body)).map((block) => squeeze(block.lines.join(' ')));
  const labelled = paragraphs.filter((paragraph) => leadingLabel(paragraph) !== undefined).length;
  if (labelled >= 2 && labelled >= paragraphs.length / 5) return 'name-colon';
  if (inferNames(paragraphs).length > 0) return 'seed';
  // When nothing else fits, one label is enough: a talk by one speaker has a single turn.
  if (bold >= 1) return 'markdown-labels';
  if (labelled >= 1) return 'name-colon';
  return undefined;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function detectJson(data: unknown): FormatName | undefined {
  const first = (data as { segments?: unknown[] } | null)?.segments?.[0];
  if (typeof first !== 'object' || first === null) return undefined;
  if ('body' in first) return 'podcasting-json';
  if ('text' in first) return 'whisper-json';
  return undefined;
}
