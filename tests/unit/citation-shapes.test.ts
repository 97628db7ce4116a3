import { describe, expect, it } from 'vitest';
import { validateArchive } from '../../src/lib/content/validate-archive.ts';
import { kindLabel } from '../../src/lib/format.ts';
import { bibtex, markdownQuote, markdownTalk, type CitationSource, type Credit } from '../../src/lib/quotes/citation.ts';
import { citationShape } from '../../src/lib/quotes/citation-shapes.ts';
import { citationShapesColoured, highlightCitation, highlightCitationOf, type CitationLanguage } from '../../src/lib/quotes/highlight-citation.ts';
import { PLACEHOLDERS } from '../../src/client/quotes/quote-tools.ts';

/** The four citations a talk page colours (src/components/QuoteTools.astro). */
const WRITERS: readonly [string, (source: CitationSource) => string, CitationLanguage, { wrap?: boolean }][] = [
  ['talk, Markdown', markdownTalk, 'markdown', { wrap: true }],
  ['talk, BibTeX', (source) => bibtex(source), 'bibtex', {}],
  ['quote, Markdown', (source) => markdownQuote(PLACEHOLDERS.text, PLACEHOLDERS.speaker, source, PLACEHOLDERS.link), 'markdown', { wrap: true }],
  ['quote, BibTeX', (source) => bibtex(source, { text: PLACEHOLDERS.text, speaker: PLACEHOLDERS.speaker, url: PLACEHOLDERS.link }), 'bibtex', { wrap: true }],
];

/** The archive's own talks, cited as their pages cite them. */
function archiveSources(): CitationSource[] {
  const report = validateArchive('content');
  const names = new Map(report.speakers.map(({ id, data }) => [id, String(data['name'])]));
  const events = new Map(report.events.map(({ id, data }) => [id, String(data['name'])]));
  return report.talks.map(({ id, data }) => {
    const credits = (data['speakers'] as { speaker: string; role: Credit['role'] }[]).map(({ speaker, role }) => ({
      name: names.get(speaker) ?? speaker,
      role,
    }));
    const event = typeof data['event'] === 'string' ? events.get(data['event']) : undefined;
    return {
      title: String(data['title']),
      speakers: credits,
      kind: kindLabel(data['kind'] as Parameters<typeof kindLabel>[0]),
      url: `https://alignment-talks.example.org/talks/${id}/`,
      ...(event !== undefined && { event }),
      ...(typeof data['date'] === 'string' && { date: data['date'] }),
    };
  });
}

const base: CitationSource = {
  title: 'Scaling RLHF',
  speakers: [
    { name: 'Jan Leike', role: 'guest' },
    { name: 'Rob Wiblin', role: 'host' },
  ],
  kind: 'Interview',
  event: 'San Francisco Alignment Workshop',
  date: '2023-02-10',
  url: 'https://archive.example/talks/scaling-rlhf/',
};

/** Values at the edge of what a shape stands in for, and past it (coloured as they are). */
const AWKWARD: CitationSource[] = [
  ...[
    'What is 2 + 2?',
    'GPT-4: a report',
    'Why not—yet',
    'It’s fine, isn’t it!',
    'A. B. C.',
    'Über die Sicherheit',
    'Ω and 3.14',
    'Dots... and more',
    'Q: and A:',
  ].map((title) => ({ ...base, title })),
  ...[
    '*emphasis*',
    '_under_',
    'a {brace}',
    'x < y & z',
    '`code`',
    '[link](x)',
    '1. list',
    '# heading',
    'back\\slash',
    'two  spaces',
    'trailing ',
    'qzqtitleqzq',
  ].map((title) => ({ ...base, title })),
  { ...base, speakers: [{ name: 'Paul F. Christiano', role: 'speaker' }] },
  { ...base, speakers: [{ name: '3. Numbered', role: 'speaker' }] },
  { ...base, speakers: [{ name: '李飞飞', role: 'speaker' }] },
  { ...base, speakers: [{ name: 'A', role: 'host' }] },
  { ...base, speakers: Array.from({ length: 30 }, (_, index) => ({ name: `Panelist ${index}`, role: 'panelist' as const })) },
  { ...base, url: 'https://archive.example:8080/talks/a-b_c~d.e/' },
  { ...base, url: 'https://archive.example/talks/x/?quote=1#p-2' },
  { ...base, event: 'NeurIPS 2023: Safety' },
  { title: 'An essay', speakers: [{ name: 'Zac Hatfield-Dodds', role: 'author' }], kind: 'Essay', url: 'https://archive.example/talks/essay/' },
  { ...base, date: '2023' },
];

describe('citations coloured once per shape', () => {
  it("gives every talk of the archive exactly the citation coloured on its own, in each of the page's four forms", async () => {
    const sources = archiveSources();
    expect(sources.length).toBeGreaterThan(20);
    expect(sources.filter((source) => citationShape(source) !== undefined).length).toBeGreaterThan(0);
    for (const source of sources)
      for (const [form, write, lang, options] of WRITERS)
        expect(await highlightCitationOf(source, write, lang, options), `${source.url}, ${form}`).toBe(await highlightCitation(write(source), lang, options));
  });

  it('gives exactly the citation coloured on its own for awkward titles, names, links and events', async () => {
    for (const source of AWKWARD)
      for (const [form, write, lang, options] of WRITERS)
        expect(await highlightCitationOf(source, write, lang, options), `${JSON.stringify(source)}, ${form}`).toBe(
          await highlightCitation(write(source), lang, options),
        );
  });

  it('stands in only for plain words and links', () => {
    expect(citationShape(base)).toBeDefined();
    for (const title of ['*emphasis*', 'a {brace}', 'x < y & z', 'two  spaces', '1. list', 'qzqtitleqzq'])
      expect(citationShape({ ...base, title }), title).toBeUndefined();
    expect(citationShape({ ...base, url: 'https://archive.example/talks/x/?quote=1#p-2' })).toBeUndefined();
  });

  it('colours each shape once: talks alike in all but their words and day of the month share one colouring per form', async () => {
    const before = citationShapesColoured();
    for (let index = 0; index < 40; index += 1) {
      // A month no other test cites, so that the shape is new here.
      const day = (index % 28) + 1;
      const source = {
        ...base,
        date: `2011-11-${String(day).padStart(2, '0')}`,
        title: `Talk number ${index} of many`,
        speakers: [{ name: `Speaker S${index}`, role: 'guest' as const }, base.speakers[1]!],
      };
      for (const [form, write, lang, options] of WRITERS) {
        const html = await highlightCitationOf(source, write, lang, options);
        expect(html).toContain(`Talk number ${index} of many`);
        if (lang === 'markdown') expect(html, form).toContain(`${day} November 2011. `);
      }
    }
    expect(citationShapesColoured() - before).toBe(WRITERS.length);
  });
});
