/** What a citation says of a talk; every field comes from the talk's entry. */
export interface CitationSource {
  title: string;
  /** Everyone billed, by name, in billing order. */
  speakers: readonly string[];
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

function readableDate(date: string): string {
  const [year, month, day] = date.split('-');
  const name = month ? MONTHS[Number(month) - 1] : undefined;
  return [day ? String(Number(day)) : '', name ?? '', year ?? ''].filter(Boolean).join(' ');
}

function names(list: readonly string[]): string {
  return list.length <= 2 ? list.join(' and ') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
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

/** A Markdown reference to the whole talk. */
export function markdownTalk(source: CitationSource): string {
  return sourceLine(source, names(source.speakers));
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
  const ascii = (text: string) => text.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  const last = ascii(source.speakers[0]?.split(/\s+/).at(-1) ?? 'anon');
  const word = ascii(source.title.split(/\s+/).find((candidate) => ascii(candidate).length > 3) ?? '');
  return `${last}${source.date?.slice(0, 4) ?? ''}${word}`;
}

/** A BibTeX @misc entry for the talk, with the quote and its link in `note` when given. */
export function bibtex(source: CitationSource, quote?: { text: string; speaker: string; url: string }): string {
  const [year, month] = source.date?.split('-') ?? [];
  const fields: [string, string][] = [
    ['author', escapeBibtex(source.speakers.join(' and '))],
    ['title', `{${escapeBibtex(source.title)}}`],
    ['howpublished', escapeBibtex(source.event ? `${source.kind}, ${source.event}` : source.kind)],
  ];
  if (year) fields.push(['year', year]);
  if (month) fields.push(['month', BIBTEX_MONTHS[Number(month) - 1] ?? month]);
  fields.push(['url', quote?.url ?? source.url]);
  // TeX quotation marks: two backticks open, two apostrophes close.
  if (quote) fields.push(['note', `${escapeBibtex(quote.speaker)}: \`\`${escapeBibtex(quote.text)}''`]);
  const body = fields.map(([name, value]) => `  ${name} = ${name === 'month' ? value : `{${value}}`}`).join(',\n');
  return `@misc{${bibtexKey(source)},\n${body}\n}`;
}
