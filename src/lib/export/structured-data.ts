import type { CatalogueEvent, CatalogueSpeaker, CatalogueTalk, CatalogueTopic } from './catalogue.ts';
import { field } from './catalogue.ts';
import { kindLabel } from '../format.ts';
import { isoDuration } from '../transcript/timestamp.ts';

/**
 * schema.org descriptions of the archive's pages, as JSON-LD. Each thing has
 * an `@id` made from its page's URL (`…/speakers/jan-leike/#person`), so
 * talks, people, events and topics on different pages name the same nodes.
 */
const CONTEXT = 'https://schema.org';

export interface SiteRef {
  name: string;
  url: string;
}

type Node = Record<string, unknown>;

const WRITTEN_TYPES: Partial<Record<CatalogueTalk['kind'], string>> = { essay: 'Article', post: 'BlogPosting' };
/** Roles that make someone an author of the talk or text; the others (host, moderator) contribute. */
const AUTHOR_ROLES = new Set(['speaker', 'author', 'guest', 'panelist']);

export const ids = {
  talk: (url: string) => `${url}#talk`,
  person: (url: string) => `${url}#person`,
  event: (url: string) => `${url}#event`,
  topic: (url: string) => `${url}#topic`,
  site: (url: string) => `${url}#website`,
};

function person(speaker: { name: string; url: string }): Node {
  return { '@type': 'Person', '@id': ids.person(speaker.url), name: speaker.name, url: speaker.url };
}

function website(site: SiteRef): Node {
  return { '@type': 'WebSite', '@id': ids.site(site.url), name: site.name, url: site.url };
}

/**
 * A talk, interview or panel is a CreativeWork (its genre says which),
 * recorded at its event; an essay is an Article and a post a BlogPosting.
 * The page is the transcript or text itself, so `wordCount` and `inLanguage`
 * describe it, and the recording or original it is based on is `isBasedOn`.
 */
export function talkJsonLd(talk: CatalogueTalk, site: SiteRef): Node {
  const written = WRITTEN_TYPES[talk.kind];
  const authors = talk.speakers.filter((speaker) => AUTHOR_ROLES.has(speaker.role)).map(person);
  const contributors = talk.speakers.filter((speaker) => !AUTHOR_ROLES.has(speaker.role)).map(person);
  return {
    '@context': CONTEXT,
    '@type': written ?? 'CreativeWork',
    '@id': ids.talk(talk.url),
    url: talk.url,
    name: talk.title,
    headline: talk.title,
    genre: kindLabel(talk.kind),
    ...field('abstract', talk.summary),
    ...field('author', authors),
    ...field('contributor', contributors),
    ...field(written ? 'datePublished' : 'dateCreated', talk.date),
    ...field('recordedAt', talk.event && { '@type': 'Event', '@id': ids.event(talk.event.url), name: talk.event.name, url: talk.event.url }),
    ...field(
      'about',
      talk.topics.map((topic) => ({ '@type': 'DefinedTerm', '@id': ids.topic(topic.url), name: topic.title, termCode: topic.number, url: topic.url })),
    ),
    ...field(
      'isBasedOn',
      talk.sources.map((source) => source.url),
    ),
    ...field('associatedMedia', talk.recording && mediaObject(talk)),
    ...field('wordCount', talk.transcript?.words),
    ...field('inLanguage', talk.transcript?.language),
    isPartOf: website(site),
  };
}

/**
 * The recording that encodes the talk: a video or audio object with the talk's own length
 * (`duration`, ISO 8601), from the talk's start where it is one part of a longer recording.
 */
function mediaObject(talk: CatalogueTalk): Node | undefined {
  const recording = talk.recording;
  if (!recording) return undefined;
  return {
    '@type': recording.kind === 'audio' ? 'AudioObject' : 'VideoObject',
    name: talk.title,
    url: recording.url,
    ...field(recording.kind === 'youtube' ? 'embedUrl' : 'contentUrl', recording.kind === 'youtube' ? recording.embedUrl : recording.url),
    ...field('duration', talk.duration === undefined ? undefined : isoDuration(talk.duration)),
  };
}

/** A speaker's page is a ProfilePage about a Person: affiliation and links only as their entry gives them. */
export function speakerJsonLd(speaker: CatalogueSpeaker, site: SiteRef): Node {
  return {
    '@context': CONTEXT,
    '@type': 'ProfilePage',
    url: speaker.url,
    isPartOf: website(site),
    mainEntity: {
      ...person(speaker),
      ...field('affiliation', speaker.affiliation && { '@type': 'Organization', name: speaker.affiliation }),
      ...field(
        'sameAs',
        speaker.links.map((link) => link.url),
      ),
    },
  };
}

/** An event with its place and dates as the source gives them, and the talks given there. */
export function eventJsonLd(event: CatalogueEvent, talks: readonly CatalogueTalk[], site: SiteRef): Node {
  return {
    '@context': CONTEXT,
    '@type': 'Event',
    '@id': ids.event(event.url),
    url: event.url,
    name: event.name,
    ...field('startDate', event.start),
    ...field('endDate', event.end),
    ...field('location', event.place && { '@type': 'Place', name: event.place }),
    ...field(
      'sameAs',
      event.links.map((link) => link.url),
    ),
    ...field(
      'workFeatured',
      talks.map((talk) => ({ '@type': WRITTEN_TYPES[talk.kind] ?? 'CreativeWork', '@id': ids.talk(talk.url), name: talk.title, url: talk.url })),
    ),
    isPartOf: website(site),
  };
}

/** A research-agenda section is a DefinedTerm in the set of the agenda's sections. */
export function topicJsonLd(topic: CatalogueTopic, agenda: { title: string; url: string } | undefined, site: SiteRef): Node {
  return {
    '@context': CONTEXT,
    '@type': 'DefinedTerm',
    '@id': ids.topic(topic.url),
    url: topic.url,
    name: topic.title,
    termCode: topic.number,
    ...field('inDefinedTermSet', agenda && { '@type': 'DefinedTermSet', name: agenda.title, url: agenda.url }),
    isPartOf: website(site),
  };
}

/** The home page: the site, with a search action readers' tools can use. */
export function siteJsonLd(site: SiteRef, description: string, searchUrl: string): Node {
  return {
    '@context': CONTEXT,
    ...website(site),
    description,
    potentialAction: { '@type': 'SearchAction', target: `${searchUrl}?q={query}`, 'query-input': 'required name=query' },
  };
}

/** JSON for a <script type="application/ld+json">, safe against a "</script>" in any text. */
export function jsonLdScript(data: object): string {
  return JSON.stringify(data).replaceAll('<', '\\u003c');
}
