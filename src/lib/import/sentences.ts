/**
 * Where sentences end, for cutting paragraphs only between sentences. A
 * sentence ends at `.`, `?`, `!` or `…` (with any closing quotes or brackets)
 * followed by a space and a capital, digit or opening quote, unless the word
 * is a common abbreviation ("e.g.", "Dr.").
 */

const ABBREVIATIONS = new Set(['e.g.', 'i.e.', 'cf.', 'vs.', 'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'st.', 'no.', 'et al.', 'al.', 'approx.', 'u.s.']);

const TERMINAL = /[.?!…]["'”’)\]]*$/u;
const BOUNDARY = /(?<=[.?!…]["'”’)\]]*)\s+(?=["'“‘([]?[\p{Lu}\p{N}])/gu;

/** True when the text ends a sentence (a final `.`, `?`, `!` or `…`, abbreviations aside). */
export function endsSentence(text: string): boolean {
  const trimmed = text.trimEnd();
  if (!TERMINAL.test(trimmed)) return false;
  const lastWord = trimmed.slice(trimmed.lastIndexOf(' ') + 1).toLowerCase();
  return !ABBREVIATIONS.has(lastWord);
}

/** Offsets at which a new sentence starts inside `text` (never 0). */
export function sentenceStarts(text: string): number[] {
  const starts: number[] = [];
  for (const match of text.matchAll(BOUNDARY)) {
    const before = text.slice(0, match.index);
    if (!endsSentence(before)) continue;
    starts.push(match.index + match[0].length);
  }
  return starts;
}

/** The text cut into sentences (each keeps its trailing punctuation; spaces between them are dropped). */
export function splitSentences(text: string): string[] {
  const starts = [0, ...sentenceStarts(text), text.length];
  const parts: string[] = [];
  for (let index = 0; index < starts.length - 1; index += 1) {
    const part = text.slice(starts[index], starts[index + 1]).trim();
    if (part !== '') parts.push(part);
  }
  return parts;
}
