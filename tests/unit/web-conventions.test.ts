import { describe, expect, it } from 'vitest';
import { field, type CatalogueTalk } from '../../src/lib/export/catalogue.ts';
import { sourceFileUrl } from '../../src/lib/corrections.ts';
import { feedItems } from '../../src/lib/export/feed.ts';
import { eventJsonLd, jsonLdScript, speakerJsonLd, talkJsonLd, topicJsonLd } from '../../src/lib/export/structured-data.ts';

const SITE = { name: 'Archive', url: 'https://talks.example.org/' };
const talk: CatalogueTalk = {
  id: 'scaling-rlhf',
  url: 'https://talks.example.org/talks/scaling-rlhf/',
  title: 'Scaling RLHF',
  kind: 'talk',
  date: '2023-02',
  speakers: [
    { id: 'jan-leike', name: 'Jan Leike', url: 'https://talks.example.org/speakers/jan-leike/', role: 'speaker' },
    { id: 'rob', name: 'Rob <Host>', url: 'https://talks.example.org/speakers/rob/', role: 'host' },
  ],
  event: { id: 'sf', name: 'SF Workshop', url: 'https://talks.example.org/events/sf/' },
  topics: [{ id: 'finetuning', number: '3.2', title: 'Finetuning', url: 'https://talks.example.org/topics/finetuning/' }],
  sources: [{ label: 'Recording', url: 'https://video.example.org/1' }],
  transcript: { words: 5000, readingMinutes: 22, language: 'en-US' },
};

describe('field', () => {
  it('leaves out missing and empty values, keeps the rest', () => {
    expect({ ...field('a', undefined), ...field('b', ''), ...field('c', []), ...field('d', 0), ...field('e', 'x') }).toEqual({ d: 0, e: 'x' });
  });
});

describe('feedItems', () => {
  it('makes one item per talk with its link, categories and creators', () => {
    const [item] = feedItems([talk]);
    expect(item).toMatchObject({ title: 'Scaling RLHF', link: talk.url, categories: ['Talk', 'SF Workshop', 'Finetuning'] });
    expect(item?.description).toBe('Talk by Jan Leike and Rob <Host> at SF Workshop, February 2023. Transcript: 5,000 words.');
    expect(item?.customData).toBe('<dc:creator>Jan Leike</dc:creator><dc:creator>Rob &lt;Host&gt;</dc:creator>');
  });

  it('gives a publication date only for a talk dated to the day', () => {
    expect(feedItems([talk])[0]?.pubDate).toBeUndefined();
    expect(feedItems([{ ...talk, date: '2023-02-10' }])[0]?.pubDate?.toISOString()).toBe('2023-02-10T00:00:00.000Z');
  });

  it('uses the summary when there is one, and says when there is no transcript', () => {
    expect(feedItems([{ ...talk, summary: 'About RLHF.' }])[0]?.description).toBe('About RLHF.');
    const { transcript: _, ...untranscribed } = talk;
    expect(feedItems([untranscribed])[0]?.description).toMatch(/No transcript in the archive yet\.$/);
  });
});

describe('JSON-LD', () => {
  it('describes a talk as a CreativeWork recorded at its event, with authors, contributors and topics', () => {
    const data = talkJsonLd(talk, SITE);
    expect(data).toMatchObject({
      '@type': 'CreativeWork',
      '@id': `${talk.url}#talk`,
      genre: 'Talk',
      dateCreated: '2023-02',
      author: [{ '@type': 'Person', name: 'Jan Leike', '@id': 'https://talks.example.org/speakers/jan-leike/#person' }],
      contributor: [{ '@type': 'Person', name: 'Rob <Host>' }],
      recordedAt: { '@type': 'Event', '@id': 'https://talks.example.org/events/sf/#event' },
      about: [{ '@type': 'DefinedTerm', termCode: '3.2' }],
      isBasedOn: ['https://video.example.org/1'],
      wordCount: 5000,
      inLanguage: 'en-US',
    });
  });

  it('describes the recording that encodes a talk, with the talk’s length in it', () => {
    const recorded: CatalogueTalk = {
      ...talk,
      recording: {
        kind: 'youtube',
        url: 'https://www.youtube.com/watch?v=U2zJuTLzIm8&t=3631s',
        embedUrl: 'https://www.youtube-nocookie.com/embed/U2zJuTLzIm8',
        start: 3631,
        end: 4076,
        recordingDuration: 4605,
      },
      duration: 445,
    };
    expect(talkJsonLd(recorded, SITE)['associatedMedia']).toEqual({
      '@type': 'VideoObject',
      name: 'Scaling RLHF',
      url: 'https://www.youtube.com/watch?v=U2zJuTLzIm8&t=3631s',
      embedUrl: 'https://www.youtube-nocookie.com/embed/U2zJuTLzIm8',
      duration: 'PT7M25S',
    });
    const { duration: _, ...unmeasured } = recorded;
    expect(talkJsonLd({ ...unmeasured, recording: { kind: 'audio', url: 'https://cdn.example.org/1.mp3', start: 0 } }, SITE)['associatedMedia']).toEqual({
      '@type': 'AudioObject',
      name: 'Scaling RLHF',
      url: 'https://cdn.example.org/1.mp3',
      contentUrl: 'https://cdn.example.org/1.mp3',
    });
    expect(talkJsonLd(talk, SITE)).not.toHaveProperty('associatedMedia');
  });

  it('describes essays and posts as articles, and leaves out what the source does not give', () => {
    const { date: _date, event: _event, transcript: _transcript, ...bare } = talk;
    const data = talkJsonLd({ ...bare, kind: 'essay', topics: [], sources: [] }, SITE);
    expect(data['@type']).toBe('Article');
    for (const key of ['datePublished', 'dateCreated', 'recordedAt', 'about', 'isBasedOn', 'wordCount', 'inLanguage']) expect(data).not.toHaveProperty(key);
    expect(talkJsonLd({ ...talk, kind: 'post' }, SITE)['@type']).toBe('BlogPosting');
  });

  it('gives a person an affiliation only when their entry has one', () => {
    const speaker = { id: 'jan-leike', url: 'https://talks.example.org/speakers/jan-leike/', name: 'Jan Leike', links: [], talks: [] };
    expect(speakerJsonLd(speaker, SITE)).toMatchObject({ '@type': 'ProfilePage', mainEntity: { '@type': 'Person', name: 'Jan Leike' } });
    expect(speakerJsonLd(speaker, SITE)['mainEntity']).not.toHaveProperty('affiliation');
    expect(speakerJsonLd({ ...speaker, affiliation: 'OpenAI' }, SITE)['mainEntity']).toMatchObject({
      affiliation: { '@type': 'Organization', name: 'OpenAI' },
    });
  });

  it('describes events with their talks, and topics as terms of the agenda', () => {
    const event = {
      id: 'sf',
      url: 'https://talks.example.org/events/sf/',
      name: 'SF Workshop',
      start: '2023-02',
      place: 'San Francisco',
      links: [],
      sessions: [],
      talks: ['scaling-rlhf'],
    };
    expect(eventJsonLd(event, [talk], SITE)).toMatchObject({
      '@type': 'Event',
      startDate: '2023-02',
      location: { name: 'San Francisco' },
      workFeatured: [{ '@id': `${talk.url}#talk` }],
    });
    const topic = { id: 'finetuning', url: 'https://talks.example.org/topics/finetuning/', number: '3.2', title: 'Finetuning', category: 'Methods', talks: [] };
    expect(topicJsonLd(topic, { title: 'The agenda', url: 'https://talks.example.org/talks/agenda/' }, SITE)).toMatchObject({
      '@type': 'DefinedTerm',
      termCode: '3.2',
      inDefinedTermSet: { name: 'The agenda' },
    });
  });

  it('cannot close its script element', () => {
    expect(jsonLdScript({ name: '</script><script>alert(1)</script>' })).not.toContain('<');
    expect(JSON.parse(jsonLdScript({ name: '</script>' }))).toEqual({ name: '</script>' });
  });
});

describe('sourceFileUrl', () => {
  const root = '/srv/archive';
  const repository = { url: 'https://github.com/org/archive', branch: 'main' };

  it('links a file of the project at its path in the repository', () => {
    expect(sourceFileUrl(repository, 'content/talks/a talk.md', `${root}/content`, root)).toBe(
      'https://github.com/org/archive/blob/main/content/talks/a%20talk.md',
    );
    expect(sourceFileUrl({ url: 'https://github.com/org/archive/', branch: 'live' }, 'content/talks/x.md', `${root}/content`, root)).toBe(
      'https://github.com/org/archive/blob/live/content/talks/x.md',
    );
  });

  it('addresses a content folder kept elsewhere from its parent, and fills a {path} template', () => {
    expect(sourceFileUrl(repository, '../other/content/talks/x.md', '/srv/other/content', root)).toBe(
      'https://github.com/org/archive/blob/main/content/talks/x.md',
    );
    expect(
      sourceFileUrl({ url: 'https://gitlab.example.org/org/archive/-/blob/trunk/{path}', branch: 'main' }, 'content/talks/x.md', `${root}/content`, root),
    ).toBe('https://gitlab.example.org/org/archive/-/blob/trunk/content/talks/x.md');
  });

  it('gives no link without a repository or a file', () => {
    expect(sourceFileUrl({ url: '', branch: 'main' }, 'content/talks/x.md', `${root}/content`, root)).toBeUndefined();
    expect(sourceFileUrl(repository, undefined, `${root}/content`, root)).toBeUndefined();
  });
});
