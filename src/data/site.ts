/** Site-wide names and text; another archive changes these, not the pages. */
export const SITE = {
  name: 'Alignment Talk Archive',
  description: 'Talks, interviews, essays and research-agenda sections on AI alignment and safety, with full transcripts you can search, read and quote.',
};
