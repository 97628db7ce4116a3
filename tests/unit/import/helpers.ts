/** Shared by the importer's tests: temporary archives, running the command in-process, reading results. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { runImport } from '../../../scripts/import.ts';
import { parseEntryFile } from '../../../src/lib/content/front-matter.ts';
import { listFiles } from '../../../src/lib/content/read-collection.ts';
import { replaceNonSpeech } from '../../../src/lib/transcript/non-speech.ts';
import { parseTranscript, type Turn } from '../../../src/lib/transcript/parse-transcript.ts';
import { normalizedWords } from '../../../src/lib/transcript/words.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const CORPUS = join(ROOT, 'tests/fixtures/import/corpus');
export const SAMPLES = join(ROOT, 'tests/fixtures/import/samples');
export const FIXTURE_ARCHIVE = join(ROOT, 'tests/fixtures/import/archive');

const made: string[] = [];
afterAll(() => {
  for (const path of made.splice(0)) rmSync(path, { recursive: true, force: true });
});

/** A scratch copy of an archive's content folder, removed after the test file. The fixture has no talks: git keeps no empty talks/ folder. */
export function scratchArchive(from = FIXTURE_ARCHIVE): string {
  const folder = mkdtempSync(join(tmpdir(), 'import-test-'));
  made.push(folder);
  cpSync(from, folder, { recursive: true });
  mkdirSync(join(folder, 'talks'), { recursive: true });
  return folder;
}

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs `npm run import -- …args` in this process, capturing what it prints. */
export function importer(...args: string[]): Run {
  const out: string[] = [];
  const err: string[] = [];
  const code = runImport(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every file below a folder with its text: to prove a failed run changed nothing. */
export function snapshot(folder: string): Map<string, string> {
  return new Map(listFiles(folder).map((path) => [relative(folder, path), readFileSync(path, 'utf8')]));
}

export function entry(path: string): { data: Record<string, unknown>; body: string } {
  const parsed = parseEntryFile(readFileSync(path, 'utf8'), path);
  if ('message' in parsed) throw new Error(`${path}: ${parsed.message}`);
  return parsed;
}

/** Turns of a body as the archive reads them. */
export function turnsOf(body: string): Turn[] {
  return parseTranscript(body).blocks.flatMap((block) => (block.kind === 'turn' ? [block] : []));
}

/** Spoken words (non-speech marks taken out) of a text, compared without case. */
export function spokenWords(text: string): string[] {
  return normalizedWords(replaceNonSpeech(text.replace(/\s+/g, ' '), () => ' '));
}

/** Spoken words of a body's turns, as a reader sees them: labels and timestamps are not words of the passages. */
export function bodySpokenWords(body: string): string[] {
  return turnsOf(body).flatMap((turn) => turn.passages.flatMap((passage) => spokenWords(passage.text)));
}

/** The labelled (not continued) turns' labels with how many turns each has. */
export function turnCounts(body: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const turn of turnsOf(body)) if (!turn.continued) counts[turn.label] = (counts[turn.label] ?? 0) + 1;
  return counts;
}
