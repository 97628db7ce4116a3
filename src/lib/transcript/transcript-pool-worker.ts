/**
 * A thread of the transcript pool (transcript-pool.ts). Asked for a talk's facts, it parses the
 * transcript and answers with them; given the talk page's input as well, it renders the page's
 * transcript parts from the same parse at once and keeps them until the talk page asks for them.
 * It keeps the rendered transcript as UTF-8 bytes, not the parse (which holds every passage's
 * Markdown tokens) nor a string (two bytes a character, as a transcript has curly quotes): at 1,000
 * talks that is about 150 MB waiting, where the strings took twice that. The bytes are handed over,
 * not copied.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { entryBody } from '../content/front-matter.ts';
import { countEachWritten, countWritten } from '../search/vocabulary.ts';
import type { TranscriptText } from './current-pool.ts';
import { parseTranscript, type ParsedTranscript } from './parse-transcript.ts';
import { transcriptFacts } from './transcript-facts.ts';
import { transcriptPageParts } from './transcript-page-parts.ts';
import type { EncodedPageParts, PoolReply, PoolRequest } from './transcript-pool.ts';

const rendered = new Map<string, EncodedPageParts>();
const utf8 = new TextEncoder();

function encoded(parsed: ParsedTranscript, input: Parameters<typeof transcriptPageParts>[1]): EncodedPageParts {
  const { transcriptHtml, ...rest } = transcriptPageParts(parsed, input);
  return { ...rest, transcriptHtml: utf8.encode(transcriptHtml) };
}

/** The transcript as the talk page reads it (src/data/archive.ts). */
function bodyOf(text: TranscriptText): string {
  return 'body' in text ? text.body : entryBody(readFileSync(text.file, 'utf8'));
}

function answer(request: PoolRequest): PoolReply {
  if (request.kind === 'words') {
    if (!request.each) return { kind: 'words', id: request.id, counts: countWritten(request.texts.map(bodyOf)) };
    return { kind: 'words', id: request.id, ...countEachWritten(request.texts.map(bodyOf)) };
  }
  if (request.kind === 'facts') {
    const body = bodyOf(request.text);
    let parsed: ParsedTranscript | undefined;
    const facts = transcriptFacts(body, () => (parsed = parseTranscript(body)));
    if (request.page) {
      const input = { ...request.page, wordCount: facts.summary.words };
      rendered.set(request.id, encoded(parsed ?? parseTranscript(body), input));
    }
    return { kind: 'facts', id: request.id, facts };
  }
  // Rendered with the facts; else (facts kept from the last build) parsed and rendered now.
  const parts = rendered.get(request.id) ?? encoded(parseTranscript(bodyOf(request.text)), request.input);
  rendered.delete(request.id);
  return { kind: 'page', id: request.id, parts };
}

parentPort?.on('message', (request: PoolRequest) => {
  let reply: PoolReply;
  try {
    reply = answer(request);
  } catch (error) {
    reply = { kind: 'failed', of: request.kind, id: request.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply, reply.kind === 'page' ? [reply.parts.transcriptHtml.buffer] : []);
});
