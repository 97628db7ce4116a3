/**
 * The most any free-text field or list of an entry may hold. Each is several times the longest of its
 * kind in the seed archive (in brackets), so no real title or name comes near it, while a transcript
 * pasted into a field cannot make every page, the feed and the catalogue that show it megabytes long.
 */
export const LIMITS = {
  /** A talk's or topic's title (85: "Can we get AIs to ... ?"). */
  title: 300,
  /** A talk's summary, one or two sentences (none in the seeds; 138 in the test archives). */
  summary: 1_000,
  /** A person's or event's name, a sort name, a place, a session's title or a topic's category (32). */
  name: 200,
  /** An affiliation (none in the seeds). */
  affiliation: 300,
  /** An alias of a speaker, or a voice of a talk, as transcripts write them (16). */
  label: 100,
  /** What a link leads to ("Recording", 33). */
  linkLabel: 200,
  /** A web address (51); 2,000 is what browsers and hosts reliably accept. */
  url: 2_000,
  /** Who made a transcript, in words (99). */
  origin: 500,
  /** A BCP 47 language tag (5); 35 is the length tags are guaranteed to fit in. */
  language: 35,
  /** A slug: a session id or a reference to an entry, and every entry's file name (40). */
  slug: 100,
  /** Entries in a list: speakers of a talk, its topics (18), voices, sources, links, aliases, sessions. */
  list: 100,
  /** A whole entry file, in bytes (the longest transcript, 28,808 words, is 160 KB). */
  fileBytes: 10_000_000,
} as const;

/**
 * Zod's message for a field or list over its limit: how long it is and how long it may be.
 * Pass as `.max(LIMITS.title, TOO_LONG)`.
 */
export const TOO_LONG = {
  error: (issue: { code: string; origin?: string; maximum?: unknown; input?: unknown }) => {
    if (issue.code !== 'too_big') return undefined;
    const count = (value: number) => value.toLocaleString('en');
    const length = (issue.input as { length?: number } | undefined)?.length ?? 0;
    const maximum = Number(issue.maximum);
    return issue.origin === 'array'
      ? `lists ${count(length)} entries; at most ${count(maximum)} are allowed`
      : `is ${count(length)} characters long; at most ${count(maximum)} are allowed here; shorten it`;
  },
};
