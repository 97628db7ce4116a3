/** Someone billed for a talk, with the part the talk's entry gives them. */
export interface Credit {
  name: string;
  role: 'speaker' | 'host' | 'guest' | 'author' | 'moderator' | 'panelist';
}

/** What a citation says of a talk; every field comes from the talk's entry. */
export interface CitationSource {
  title: string;
  /** Everyone billed, by name and role, in billing order. */
  speakers: readonly Credit[];
  /** "Interview", "Talk", … */
  kind: string;
  event?: string;
  /** As precise as the source: "2023", "2023-02" or "2023-02-10". */
  date?: string;
  /** The talk's page, absolute. */
  url: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "2023-02-10" → "10 February 2023"; "2023-02" → "February 2023". */
export function readableDate(date: string): string {
  const [year, month, day] = date.split('-');
  const name = month ? MONTHS[Number(month) - 1] : undefined;
  return [day ? String(Number(day)) : '', name ?? '', year ?? ''].filter(Boolean).join(' ');
}

function names(list: readonly string[]): string {
  return list.length <= 2 ? list.join(' and ') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}

/** Hosts and moderators are not the work's authors: a citation names them after the authors. */
const LEADS = new Set<Credit['role']>(['host', 'moderator']);

/** Whose work it is: everyone billed but its hosts and moderators (all of them, if that leaves no one). */
export function citedAuthors(source: CitationSource): string[] {
  const authors = source.speakers.filter(({ role }) => !LEADS.has(role));
  return (authors.length > 0 ? authors : source.speakers).map(({ name }) => name);
}

/** "interviewed by Rob Wiblin", "moderated by …": who led it, when the authors are named apart from them. */
export function ledBy(source: CitationSource): string | undefined {
  if (source.speakers.every(({ role }) => LEADS.has(role))) return undefined;
  const phrases = (['host', 'moderator'] as const).flatMap((role) => {
    const people = source.speakers.filter((credit) => credit.role === role).map(({ name }) => name);
    if (people.length === 0) return [];
    const verb = role === 'moderator' ? 'moderated by' : source.kind === 'Interview' ? 'interviewed by' : 'hosted by';
    return [`${verb} ${names(people)}`];
  });
  return phrases.length > 0 ? phrases.join(' and ') : undefined;
}

/** "Jan Leike, “Title”, Interview, San Francisco Alignment Workshop, February 2023. <url>" */
function sourceLine(source: CitationSource, who: string): string {
  const parts = [who, `“${source.title}”`, source.event ?? source.kind, source.date ? readableDate(source.date) : undefined].filter(Boolean);
  return `${parts.join(', ')}. <${source.url}>`;
}

/** A Markdown blockquote of a quote, attributed to its speaker, with the talk and a link to the quote. */
export function markdownQuote(quote: string, speaker: string, source: CitationSource, quoteLink: string): string {
  const lines = quote.split('\n').map((line) => `> ${line}`.trimEnd());
  return `${lines.join('\n')}\n>\n> — ${sourceLine({ ...source, url: quoteLink }, speaker)}`;
}

/** A Markdown reference to the whole talk: "Jan Leike, interviewed by Rob Wiblin, “Title”, Interview. <url>" */
export function markdownTalk(source: CitationSource): string {
  const led = ledBy(source);
  return sourceLine(source, `${names(citedAuthors(source))}${led ? `, ${led}` : ''}`);
}

/** BibTeX's special characters, escaped so a title or quote prints as written. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (char) => {
    if (char === '\\') return '\\textbackslash{}';
    if (char === '~') return '\\textasciitilde{}';
    if (char === '^') return '\\textasciicircum{}';
    return `\\${char}`;
  });
}

/** A citation key such as `leike2023superalignment`: first speaker's last name, year, first long title word. */
export function bibtexKey(source: CitationSource): string {
  const ascii = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]/g, '')
      .toLowerCase();
  const last = ascii(citedAuthors(source)[0]?.split(/\s+/).at(-1) ?? 'anon');
  const word = ascii(source.title.split(/\s+/).find((candidate) => ascii(candidate).length > 3) ?? '');
  return `${last}${source.date?.slice(0, 4) ?? ''}${word}`;
}

/** A BibTeX @misc entry for the talk, with the quote and its link in `note` when given. */
export function bibtex(source: CitationSource, quote?: { text: string; speaker: string; url: string }): string {
  const [year, month] = source.date?.split('-') ?? [];
  const led = ledBy(source);
  const fields: [string, string][] = [
    ['author', escapeBibtex(citedAuthors(source).join(' and '))],
    ['title', `{${escapeBibtex(source.title)}}`],
    ['howpublished', escapeBibtex([source.kind, led, source.event].filter(Boolean).join(', '))],
  ];
  if (year) fields.push(['year', year]);
  if (month) fields.push(['month', BIBTEX_MONTHS[Number(month) - 1] ?? month]);
  fields.push(['url', quote?.url ?? source.url]);
  // TeX quotation marks: two backticks open, two apostrophes close.
  if (quote) fields.push(['note', `${escapeBibtex(quote.speaker)}: \`\`${escapeBibtex(quote.text)}''`]);
  const body = fields.map(([name, value]) => `  ${name} = ${name === 'month' ? value : `{${value}}`}`).join(',\n');
  return `@misc{${bibtexKey(source)},\n${body}\n}`;
}
