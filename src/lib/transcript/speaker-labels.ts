/** What the label resolver needs to know of a speaker. */
export interface SpeakerIdentity {
  slug: string;
  name: string;
  aliases: readonly string[];
}

/** Case, accents, spacing and a trailing colon do not distinguish labels. */
export function labelKey(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ')
    .replace(/[:.]+$/, '')
    .trim();
}

/**
 * Maps transcript labels to the talk's speakers by slug, full name or alias,
 * ignoring case and accents: `jan leike`, `Jan Leike` and `jan-leike` are one.
 */
export function createLabelResolver<S extends SpeakerIdentity>(speakers: readonly S[]): (label: string) => S | undefined {
  const byKey = new Map<string, S>();
  for (const speaker of speakers) {
    for (const key of [speaker.slug, speaker.name, ...speaker.aliases]) {
      const normalized = labelKey(key);
      if (!byKey.has(normalized)) byKey.set(normalized, speaker);
    }
  }
  return (label) => byKey.get(labelKey(label));
}
