import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface LongestTranscript {
  /** The page's path on the site, e.g. `/talks/<slug>/`. */
  path: string;
  /** Transcript words as the build counted them, or undefined when only the page size was known. */
  words: number | undefined;
  /** How the page was chosen, for the report. */
  chosenBy: 'catalogue' | 'page size';
}

interface CatalogueTalk {
  url: string;
  transcript?: { words: number };
  recording?: object;
}

/**
 * The talk page with the longest transcript in a built site: by the word
 * count the build writes into /catalogue.json, else (a site without one) the
 * largest talks/<slug>/index.html.
 */
export function findLongestTranscript(dist: string): LongestTranscript {
  const cataloguePath = join(dist, 'catalogue.json');
  if (existsSync(cataloguePath)) {
    const talks = (JSON.parse(readFileSync(cataloguePath, 'utf8')) as { talks: CatalogueTalk[] }).talks;
    const longest = longestOf(talks);
    if (longest) return longest;
  }
  const talksDir = join(dist, 'talks');
  let largest: { slug: string; bytes: number } | undefined;
  for (const slug of existsSync(talksDir) ? readdirSync(talksDir) : []) {
    const page = join(talksDir, slug, 'index.html');
    if (!existsSync(page)) continue;
    const bytes = statSync(page).size;
    if (!largest || bytes > largest.bytes) largest = { slug, bytes };
  }
  if (!largest) throw new Error(`no talk pages in ${dist}: build the site first (npm run build)`);
  return { path: `/talks/${largest.slug}/`, words: undefined, chosenBy: 'page size' };
}

/** The longest transcript whose page has a recording's player, from the built catalogue; undefined without one. */
export function findLongestRecordedTranscript(dist: string): LongestTranscript | undefined {
  const cataloguePath = join(dist, 'catalogue.json');
  if (!existsSync(cataloguePath)) return undefined;
  return longestOf((JSON.parse(readFileSync(cataloguePath, 'utf8')) as { talks: CatalogueTalk[] }).talks.filter((talk) => talk.recording));
}

function longestOf(talks: readonly CatalogueTalk[]): LongestTranscript | undefined {
  let longest: CatalogueTalk | undefined;
  for (const talk of talks) if ((talk.transcript?.words ?? 0) > (longest?.transcript?.words ?? 0)) longest = talk;
  // Catalogue URLs are absolute, on the deployment's origin; only the path matters here.
  return longest && { path: new URL(longest.url).pathname, words: longest.transcript?.words, chosenBy: 'catalogue' };
}
