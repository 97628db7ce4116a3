/**
 * Turns the four seed texts into content entries: the programme of the 2023
 * San Francisco Alignment Workshop (event, talks, speakers), the Jan Leike
 * interview, Zac Hatfield-Dodds's essay, and David Krueger and Usman Anwar's
 * agenda post with its 18 sections as topics. Seed text only gains markup
 * (turn labels, headings, footnotes, escapes); every body is checked to carry
 * its seed's words in order before anything is written.
 *
 * Usage: node scripts/convert-seeds.ts [seedsDir] [contentDir]
 * (defaults sources/seeds and content). Re-running rewrites the same files
 * byte for byte and leaves every other file alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { postEntries } from './seeds/agenda-post.ts';
import { topicFiles } from './seeds/agenda-topics.ts';
import { assertUniquePaths, writeContentFile } from './seeds/content-file.ts';
import { essayEntries } from './seeds/essay.ts';
import { interviewEntries } from './seeds/interview.ts';
import { speakerFiles } from './seeds/speakers.ts';
import { checkWordsKept, type WordCount } from './seeds/word-check.ts';
import { workshopEntries } from './seeds/workshop.ts';

export { repairGluedLabels } from './seeds/interview.ts';
export { stripAddedMarkup, type WordCount } from './seeds/word-check.ts';

/** Converts the seeds in `seedsDir` into entries under `contentDir`, and returns each file's word counts. */
export function convertSeeds(seedsDir: string, contentDir: string): WordCount[] {
  const post = readSeed(seedsDir, '003_');
  const parts = [
    workshopEntries(readSeed(seedsDir, '000_')),
    interviewEntries(readSeed(seedsDir, '001_')),
    essayEntries(readSeed(seedsDir, '002_')),
    postEntries(post),
  ];
  const files = [...parts.flatMap((part) => part.files), ...speakerFiles(parts.flatMap((part) => part.speakers)), ...topicFiles(post)];
  assertUniquePaths(files);
  const counts = files.map(checkWordsKept);
  for (const file of files) writeContentFile(contentDir, file);
  return counts;
}

function readSeed(seedsDir: string, prefix: string): string {
  const names = readdirSync(seedsDir).filter((name) => name.startsWith(prefix) && name.endsWith('.txt'));
  if (names.length !== 1) throw new Error(`expected one seed file ${prefix}*.txt in ${seedsDir}, found ${names.length}`);
  return readFileSync(join(seedsDir, names[0] as string), 'utf8');
}

if (import.meta.main) {
  const [seedsDir = 'sources/seeds', contentDir = 'content'] = process.argv.slice(2);
  for (const { path, wordsIn, wordsOut } of convertSeeds(seedsDir, contentDir)) {
    console.log(`${path}: ${wordsIn} words in, ${wordsOut} words out`);
  }
}
