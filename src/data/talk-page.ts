import { momentUrl, talkRecording, type Recording } from '../lib/recording/talk-recording.ts';
import { renderTranscript, type ResolvedSpeaker } from '../lib/transcript/render-transcript.ts';
import { talkLabelResolver } from '../lib/transcript/speaker-labels.ts';
import { relatedTalksFinder, type Relatable } from '../lib/related-talks.ts';
import { tableOfContents, type TocItem } from '../lib/transcript/table-of-contents.ts';
import { routes } from '../lib/routes.ts';
import type { CitationSource } from '../lib/quotes/citation.ts';
import { joinNames, kindLabel } from '../lib/format.ts';
import type { Archive, Talk } from './archive.ts';
import { takeTranscript } from './parsed-transcripts.ts';

export interface TalkPageData {
  /** The recording the page plays, where a source gives one. */
  recording: Recording | undefined;
  transcriptHtml: string;
  toc: TocItem[];
  related: Talk[];
  /** Names shown for each turn label, for the table of contents. */
  labelNames: Map<string, string>;
}

/** Everything a talk page shows beyond the talk's own fields: its rendered transcript, contents and related talks. */
export function talkPageData(archive: Archive, talk: Talk): TalkPageData {
  const parsed = takeTranscript(talk);
  const resolve = speakerResolver(talk);
  const labelNames = new Map<string, string>();
  const authors = joinNames(talk.speakers.map(({ speaker }) => speaker.data.name));
  const recording = talkRecording(talk.data.sources);
  const transcriptHtml = renderTranscript(
    parsed,
    (label) => {
      const speaker = resolve(label);
      if (speaker) labelNames.set(label, speaker.name);
      return speaker;
    },
    { proseVoice: authors, ...(recording && { moment: (seconds: number) => momentUrl(recording, seconds) }) },
  );
  return {
    recording,
    transcriptHtml,
    toc: tableOfContents(parsed, talk.wordCount, asksQuestions(talk, resolve)),
    related: relatedTalks(archive, talk),
    labelNames,
  };
}

/** What a citation of the talk says, with the talk page's absolute URL. */
export function citationSource(talk: Talk, site: URL | undefined): CitationSource {
  return {
    title: talk.data.title,
    speakers: talk.speakers.map(({ speaker, role }) => ({ name: speaker.data.name, role })),
    kind: kindLabel(talk.data.kind),
    url: new URL(routes.talk(talk.id), site ?? 'http://localhost/').toString(),
    ...(talk.event && { event: talk.event.data.name }),
    ...(talk.date && { date: talk.date }),
  };
}

/** The talk's search filters: everyone billed, its topics, event, kind and year. */
export function searchFacets(talk: Talk) {
  return {
    speaker: talk.speakers.map(({ speaker }) => speaker.data.name),
    topic: talk.topics.map((topic) => topic.data.title),
    event: talk.event ? [talk.event.data.name] : [],
    kind: [kindLabel(talk.data.kind)],
    year: talk.date ? [talk.date.slice(0, 4)] : [],
  };
}

/**
 * Who a transcript label stands for in this talk: a billed speaker (linked),
 * a declared voice, or the anonymous audience (unlinked, named as written).
 */
export function speakerResolver(talk: Talk): (label: string) => ResolvedSpeaker | undefined {
  const speakers = talk.speakers.map(({ speaker }) => ({
    slug: speaker.id,
    name: speaker.data.name,
    aliases: speaker.data.aliases,
    href: routes.speaker(speaker.id),
  }));
  return talkLabelResolver(speakers, talk.data.voices);
}

/**
 * Whether a turn's speaker is one who asks the questions: a host or moderator, or anyone the talk does
 * not bill as speaking (the audience, a session chair), whose turns in a talk are mostly questions.
 */
function asksQuestions(talk: Talk, resolve: (label: string) => ResolvedSpeaker | undefined): (label: string) => boolean {
  const roles = new Map(talk.speakers.map(({ speaker, role }) => [speaker.id, role]));
  return (label) => {
    const role = roles.get(resolve(label)?.slug ?? '');
    return role === undefined || role === 'host' || role === 'moderator';
  };
}

/** The talks a talk's page lists as related. */
export function relatedTalks(archive: Archive, talk: Talk): Talk[] {
  return relatedFinder(archive)(relatable(talk)).map(({ talk: other }) => other);
}

const finders = new WeakMap<Archive, (talk: Relatable) => (Relatable & { talk: Talk })[]>();

/** Related talks are looked up once per talk page, in an index made once per build. */
function relatedFinder(archive: Archive): (talk: Relatable) => (Relatable & { talk: Talk })[] {
  let finder = finders.get(archive);
  if (!finder) {
    finder = relatedTalksFinder(archive.talks.map((talk) => Object.assign(relatable(talk), { talk })));
    finders.set(archive, finder);
  }
  return finder;
}

function relatable(talk: Talk): Relatable {
  return { id: talk.id, speakerIds: talk.speakers.map(({ speaker }) => speaker.id), topicIds: talk.topics.map((topic) => topic.id), eventId: talk.event?.id };
}
