import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { addCounts } from '../search/vocabulary.ts';
import type { TranscriptText, TranscriptWork } from './current-pool.ts';
import type { TranscriptFacts } from './transcript-facts.ts';
import type { TranscriptPageInput, TranscriptPageParts } from './transcript-page-parts.ts';

export type PoolRequest =
  | { kind: 'facts'; id: string; text: TranscriptText; page?: PageInputBeforeFacts }
  | { kind: 'page'; id: string; text: TranscriptText; input: TranscriptPageInput }
  | { kind: 'words'; id: string; texts: TranscriptText[]; each?: boolean };

/** A talk page's transcript parts as a thread keeps and hands them over: the transcript as UTF-8. */
export type EncodedPageParts = Omit<TranscriptPageParts, 'transcriptHtml'> & { transcriptHtml: Uint8Array<ArrayBuffer> };

/** The talk page's input but its word count, which the facts give. */
export type PageInputBeforeFacts = Omit<TranscriptPageInput, 'wordCount'>;

export type PoolReply =
  | { kind: 'facts'; id: string; facts: TranscriptFacts }
  | { kind: 'page'; id: string; parts: EncodedPageParts }
  | { kind: 'words'; id: string; counts: Map<string, number>; each?: string[] }
  | { kind: 'failed'; of: PoolRequest['kind']; id: string; message: string };

interface Waiting {
  done: (reply: PoolReply) => void;
  fail: (error: Error) => void;
  answered: Promise<unknown>;
}

const utf8 = new TextDecoder();

/** Counts of words of transcripts: all of them, and with `each`, each one's packed (packCounts), with the files counted. */
interface EachCounted {
  counts: Map<string, number>;
  each?: string[];
  files?: readonly string[];
}

/** A list of files, in any order, as one string. */
function filesKey(texts: readonly { file: string }[]): string {
  return texts
    .map(({ file }) => file)
    .sort()
    .join('\0');
}

/** At most this many threads: past it, Astro's own thread and the search index leave no core for more. */
const MAX_THREADS = 4;

/**
 * Threads that parse and render transcripts for a build, beside the thread that renders its pages.
 * Every talk's transcript facts are needed before the first page (lists show word counts), so they
 * are worked out by all threads at once, and with them, from the same parse, the transcript's parts
 * of the talk page, which the thread keeps until the page asks for them. A talk whose facts were
 * kept from the last build has its parts worked out when its page asks (a few pages ahead). A talk
 * always goes to the same thread (by its place in the order first asked).
 *
 * The threads run the same functions the page would run itself (transcript-page-parts.ts), so the
 * site is the same with or without them; the development server renders in its own thread.
 */
export class TranscriptPool implements TranscriptWork {
  readonly #workers: Worker[];
  readonly #threadOf = new Map<string, number>();
  readonly #waiting: Map<string, Waiting>[];
  #failure: Error | undefined;
  #asked = 0;
  #early: { files: string; counts: Promise<EachCounted> } | undefined;

  private constructor(size: number) {
    this.#workers = Array.from({ length: size }, () => {
      // No inherited flags: Astro's process may run with --input-type, which a worker loaded from a file refuses.
      return new Worker(new URL('./transcript-pool-worker.ts', import.meta.url), { execArgv: [] });
    });
    this.#waiting = this.#workers.map(() => new Map<string, Waiting>());
    this.#workers.forEach((worker, index) => {
      worker.on('message', (reply: PoolReply) => this.#settle(index, reply));
      worker.on('error', (error: Error) => this.#stop(index, error));
      worker.on('exit', (code) => this.#stop(index, new Error(`a transcript thread stopped with exit code ${code}`)));
      // Held open only while it owes an answer: a build that fails before closing the pool still ends.
      worker.unref();
    });
  }

  /** A pool of one thread per core, at most four. */
  static start(size = Math.min(MAX_THREADS, availableParallelism())): TranscriptPool {
    return new TranscriptPool(Math.max(1, size));
  }

  facts(id: string, text: TranscriptText, page?: PageInputBeforeFacts): Promise<TranscriptFacts> {
    return this.#ask({ kind: 'facts', id, text, ...(page && { page }) }).then((reply) => (reply as Extract<PoolReply, { kind: 'facts' }>).facts);
  }

  page(id: string, text: TranscriptText, input: TranscriptPageInput): Promise<TranscriptPageParts> {
    return this.#ask({ kind: 'page', id, text, input }).then((reply) => {
      const { transcriptHtml, ...rest } = (reply as Extract<PoolReply, { kind: 'page' }>).parts;
      return { ...rest, transcriptHtml: utf8.decode(transcriptHtml) };
    });
  }

  /**
   * How often each word of the transcripts occurs, as written (src/lib/search/vocabulary.ts): each
   * thread counts a share. Counts begun early (countWordsEarly) for the same files are taken instead.
   */
  countWords(texts: readonly TranscriptText[]): Promise<Map<string, number>> {
    const early = this.#takeEarly(texts);
    return early ? early.then(({ counts }) => counts) : this.#count(texts, false).then(({ counts }) => counts);
  }

  /** The same, with each transcript's own counts as well, packed (packCounts), in the order given. */
  countWordsEach(texts: readonly TranscriptText[]): Promise<{ counts: Map<string, number>; each: string[] }> {
    const early = this.#takeEarly(texts);
    if (!early) return this.#count(texts, true).then(({ counts, each }) => ({ counts, each: each ?? [] }));
    return early.then(({ counts, each = [], files = [] }) => {
      const byFile = new Map(files.map((file, index) => [file, each[index] ?? '']));
      return { counts, each: texts.map((text) => ('file' in text ? (byFile.get(text.file) ?? '') : '')) };
    });
  }

  /**
   * Begins counting the words of these transcript files now, on the threads' idle time, for the page
   * that will ask for them (the list of the archive's words, rendered before the talk pages, which
   * would otherwise wait for the count while the threads have just started).
   */
  countWordsEarly(files: readonly string[]): void {
    const texts = files.map((file) => ({ file }));
    const counts = this.#count(texts, true).then((counted) => ({ ...counted, files }));
    // A failure is reported to the page that takes the counts; none takes them if the build stops first.
    counts.catch(() => undefined);
    this.#early = { files: filesKey(texts), counts };
  }

  /** The counts begun early, once, when they are of these texts' files. */
  #takeEarly(texts: readonly TranscriptText[]): Promise<EachCounted> | undefined {
    const early = this.#early;
    if (!early || !texts.every((text) => 'file' in text) || early.files !== filesKey(texts)) return undefined;
    this.#early = undefined;
    return early.counts;
  }

  /** How many counts of words this pool has made (for tests). */
  get wordCountsMade(): number {
    return this.#asked;
  }

  async #count(texts: readonly TranscriptText[], each: boolean): Promise<EachCounted> {
    const threads = this.#workers.length;
    const shareOf = (index: number) => index % threads;
    const shares = Array.from({ length: threads }, (_, thread) => texts.filter((_, index) => shareOf(index) === thread));
    this.#asked += 1;
    const replies = await Promise.all(
      shares.map((share, thread) =>
        this.#ask({ kind: 'words', id: `words-${this.#asked}-${thread}`, texts: share, ...(each && { each }) }, thread).then(
          (reply) => reply as Extract<PoolReply, { kind: 'words' }>,
        ),
      ),
    );
    const counts = replies.reduce((all, share) => addCounts(all, share.counts), new Map<string, number>());
    if (!each) return { counts };
    // Each thread's answers are in its share's order: put them back in the order given.
    const taken = replies.map(() => 0);
    return {
      counts,
      each: texts.map((_, index) => {
        const thread = shareOf(index);
        return replies[thread]?.each?.[taken[thread]!++] ?? '';
      }),
    };
  }

  /** Ends the threads once they have answered what they were asked. */
  async close(): Promise<void> {
    await Promise.allSettled(this.#waiting.flatMap((waiting) => [...waiting.values()].map(({ answered }) => answered)));
    const workers = this.#workers.splice(0);
    for (const worker of workers) worker.removeAllListeners('exit');
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  #ask(request: PoolRequest, to?: number): Promise<PoolReply> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#workers.length === 0) return Promise.reject(new Error('the transcript threads were closed'));
    let thread = to ?? this.#threadOf.get(request.id);
    if (thread === undefined) {
      thread = this.#threadOf.size % this.#workers.length;
      this.#threadOf.set(request.id, thread);
    }
    const waiting = this.#waiting[thread]!;
    const key = `${request.kind}:${request.id}`;
    if (waiting.has(key)) return Promise.reject(new Error(`${request.kind} of ${request.id} asked for twice at once`));
    const worker = this.#workers[thread]!;
    let settle: Pick<Waiting, 'done' | 'fail'> | undefined;
    const answered = new Promise<PoolReply>((done, fail) => (settle = { done, fail }));
    waiting.set(key, { ...settle!, answered });
    if (waiting.size === 1) worker.ref();
    worker.postMessage(request);
    return answered;
  }

  #settle(thread: number, reply: PoolReply): void {
    const waiting = this.#waiting[thread]!;
    const key = `${reply.kind === 'failed' ? reply.of : reply.kind}:${reply.id}`;
    const entry = waiting.get(key);
    if (!entry) return;
    waiting.delete(key);
    if (waiting.size === 0) this.#workers[thread]?.unref();
    if (reply.kind === 'failed') entry.fail(new Error(`working out the transcript of ${reply.id} failed: ${reply.message}`));
    else entry.done(reply);
  }

  #stop(thread: number, error: Error): void {
    this.#failure ??= error;
    for (const { fail } of this.#waiting[thread]!.values()) fail(error);
    this.#waiting[thread]!.clear();
  }
}
