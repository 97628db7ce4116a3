import { describe, expect, it } from 'vitest';
import { bibtex, escapeBibtex, markdownQuote, markdownTalk, type CitationSource } from '../../src/lib/quotes/citation.ts';

const source: CitationSource = {
  title: 'Jan Leike on the superalignment project',
  speakers: [
    { name: 'Rob Wiblin', role: 'host' },
    { name: 'Jan Leike', role: 'guest' },
  ],
  kind: 'Interview',
  url: 'https://archive.example/talks/interview/',
};
const talk: CitationSource = {
  title: 'Scaling RLHF',
  speakers: [{ name: 'Jan Leike', role: 'speaker' }],
  kind: 'Talk',
  event: 'San Francisco Alignment Workshop',
  date: '2023-02',
  url: 'https://archive.example/talks/rlhf/',
};
const essay: CitationSource = {
  title: 'Concrete reasons for hope about AI',
  speakers: [{ name: 'Zac Hatfield-Dodds', role: 'author' }],
  kind: 'Essay',
  url: 'https://archive.example/talks/essay/',
};

describe('citations', () => {
  it('quotes in Markdown with speaker, talk, event or date, and the quote link', () => {
    expect(markdownQuote('we have a real shot', 'Jan Leike', talk, 'https://archive.example/talks/rlhf/?quote=x#p-1')).toBe(
      '> we have a real shot\n>\n> — Jan Leike, “Scaling RLHF”, San Francisco Alignment Workshop, February 2023. <https://archive.example/talks/rlhf/?quote=x#p-1>',
    );
    expect(markdownTalk(talk)).toBe('Jan Leike, “Scaling RLHF”, San Francisco Alignment Workshop, February 2023. <https://archive.example/talks/rlhf/>');
  });

  it("cites an interview as its guest's, interviewed by its host, and an essay as its author's", () => {
    expect(markdownTalk(source)).toBe(
      'Jan Leike, interviewed by Rob Wiblin, “Jan Leike on the superalignment project”, Interview. <https://archive.example/talks/interview/>',
    );
    expect(bibtex(source)).toContain(
      '  author = {Jan Leike},\n  title = {{Jan Leike on the superalignment project}},\n  howpublished = {Interview, interviewed by Rob Wiblin},',
    );
    expect(bibtex(source)).toMatch(/^@misc\{leike/);
    expect(markdownTalk(essay)).toBe('Zac Hatfield-Dodds, “Concrete reasons for hope about AI”, Essay. <https://archive.example/talks/essay/>');
    expect(
      bibtex({
        ...source,
        speakers: [
          { name: 'Ada Lovelace', role: 'moderator' },
          { name: 'Charles Babbage', role: 'panelist' },
          { name: 'Mary Somerville', role: 'panelist' },
        ],
        kind: 'Panel',
      }),
    ).toContain(
      'author = {Charles Babbage and Mary Somerville},\n  title = {{Jan Leike on the superalignment project}},\n  howpublished = {Panel, moderated by Ada Lovelace},',
    );
  });

  it('writes a BibTeX entry, with only the date parts the source gives', () => {
    expect(bibtex(talk)).toBe(
      '@misc{leike2023scaling,\n  author = {Jan Leike},\n  title = {{Scaling RLHF}},\n  howpublished = {Talk, San Francisco Alignment Workshop},\n  year = {2023},\n  month = feb,\n  url = {https://archive.example/talks/rlhf/}\n}',
    );
    expect(bibtex(source)).not.toMatch(/year|month/);
  });

  it('puts a quote in the note and escapes what BibTeX would read as commands', () => {
    const entry = bibtex(talk, { text: '20% of {compute} & more_', speaker: 'Jan Leike', url: 'https://archive.example/q' });
    expect(entry).toContain("note = {Jan Leike: ``20\\% of \\{compute\\} \\& more\\_''}");
    expect(escapeBibtex('a\\b~c^d')).toBe('a\\textbackslash{}b\\textasciitilde{}c\\textasciicircum{}d');
  });
});
