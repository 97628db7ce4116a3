import type { CatalogueTalk } from './catalogue.ts';
import { formatPartialDate, joinNames, kindLabel } from '../format.ts';
import { escapeHtml } from '../html.ts';

/** What the RSS feed says of one talk (the shape @astrojs/rss takes). */
export interface FeedItem {
  title: string;
  link: string;
  description: string;
  categories: string[];
  /** Only for a talk dated to the day: a month or a year is not a publication date, and is not made into one. */
  pubDate?: Date;
  /** `<dc:creator>`: who speaks or wrote it (RSS's own author field wants an email address). */
  customData?: string;
}

/** Namespaces the feed's items use. */
export const FEED_XMLNS = { dc: 'http://purl.org/dc/elements/1.1/' };

/** One item per talk, in the order given (the archive's: newest first). */
export function feedItems(talks: readonly CatalogueTalk[]): FeedItem[] {
  return talks.map((talk) => {
    const names = talk.speakers.map((speaker) => speaker.name);
    const fullDate = talk.date && /^\d{4}-\d{2}-\d{2}$/.test(talk.date) ? new Date(`${talk.date}T00:00:00Z`) : undefined;
    return {
      title: talk.title,
      link: talk.url,
      description: talk.summary ?? describe(talk, names),
      categories: [kindLabel(talk.kind), ...(talk.event ? [talk.event.name] : []), ...talk.topics.map((topic) => topic.title)],
      ...(fullDate && { pubDate: fullDate }),
      ...(names.length > 0 && { customData: names.map((name) => `<dc:creator>${escapeHtml(name)}</dc:creator>`).join('') }),
    };
  });
}

/** "Talk by Jan Leike at the San Francisco Alignment Workshop, February 2023. Transcript: 5,303 words." */
function describe(talk: CatalogueTalk, names: readonly string[]): string {
  const at = talk.event ? ` at ${talk.event.name}` : '';
  const when = talk.date ? `, ${formatPartialDate(talk.date)}` : '';
  const text = talk.transcript
    ? ` ${talk.kind === 'essay' || talk.kind === 'post' ? 'Text' : 'Transcript'}: ${talk.transcript.words.toLocaleString('en')} words.`
    : ' No transcript in the archive yet.';
  return `${kindLabel(talk.kind)} by ${joinNames(names)}${at}${when}.${text}`;
}
