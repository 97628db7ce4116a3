import type { RepositorySettings } from '../lib/corrections.ts';

/** Site-wide names and text; another archive changes these, not the pages. */
export const SITE = {
  name: 'Alignment Talk Archive',
  description: 'Talks, interviews, essays and research-agenda sections on AI alignment and safety, with full transcripts you can search, read and quote.',
  /** The home page's opening paragraph. */
  lede: 'An open archive of talks, interviews, essays and research-agenda sections on AI alignment and safety. Every transcript is here word for word, split into speaker turns, with a permanent link to each passage.',
  /** Every page's footer, after the site's name. */
  footer: 'transcripts and texts on AI alignment and safety, with every word searchable and quotable.',
  /** What the topics are the sections of, after "the sections of" on the home and topics pages. */
  topicsSource: 'a research agenda on LLM safety and alignment',
  /** Example queries in the search page's box: a phrase, a word and a speaker of this archive. */
  searchPlaceholder: '“sharp left turn”, interpretability, Jan Leike',
};

/**
 * Where the content's files live, for each talk page's "correct this page"
 * link. Set ARCHIVE_REPOSITORY_URL when building (empty: no link), and
 * ARCHIVE_REPOSITORY_BRANCH when the branch is not "main".
 */
export const REPOSITORY: RepositorySettings = {
  url: process.env['ARCHIVE_REPOSITORY_URL'] ?? '',
  branch: process.env['ARCHIVE_REPOSITORY_BRANCH'] || 'main',
};
