import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DerivedStore } from '../cache/derived-store.ts';
import type { ArchiveReport } from '../content/validate-archive.ts';

/** The kind of fact under which the build's store keeps each talk's download files (derived-store.ts). */
export const DOWNLOAD_FILES = 'transcript-downloads';

/** A download as a build placed it in its site: its name beside the talk's page, and what tells that file apart on disk. */
export type PlacedFile = [name: string, size: number, mtimeMs: number, inode: number];

/** A talk with the key of everything its downloads are made from. */
export interface TalkSource {
  id: string;
  /**
   * A digest of the talk's slug and file, of every speaker file (the downloads name the talk's
   * speakers) and, through the store's version, of the code that makes them.
   */
  key: string;
}

/** The key of each checked talk's downloads, from the digests the check took of every file. */
export function talkSources(report: Pick<ArchiveReport, 'talks' | 'speakers'>): TalkSource[] {
  const speakers = createHash('sha1');
  for (const { id, digest } of report.speakers) speakers.update(id).update('\0').update(digest).update('\0');
  const speakersDigest = speakers.digest('hex');
  return report.talks.map(({ id, digest }) => ({
    id,
    key: createHash('sha1').update(id).update('\0').update(speakersDigest).update('\0').update(digest).digest('base64url'),
  }));
}

/**
 * Places a talk's downloads from the last site into the new one, as links to the same files, when
 * the store says which files a build made from the same key and each is still the file that build
 * left (same size, time and inode: a file changed or put there since is not taken). Returns how many
 * files it placed, or undefined when the talk's downloads must be made again.
 */
export function keepDownloads(store: DerivedStore, talk: TalkSource, lastSite: string, siteDir: string): number | undefined {
  const placed = store.get<PlacedFile[]>(DOWNLOAD_FILES, talk.key);
  if (!placed) return undefined;
  const sources = placed.map(([name, size, mtimeMs, inode]) => {
    const path = join(lastSite, 'talks', talk.id, name);
    const stats = statIfPresent(path);
    return stats && stats.isFile() && stats.size === size && stats.mtimeMs === mtimeMs && stats.ino === inode ? path : undefined;
  });
  if (sources.some((source) => source === undefined)) return undefined;
  const targets = placed.map(([name]) => join(siteDir, 'talks', talk.id, name));
  sources.forEach((source, index) => linkOrCopy(source as string, targets[index] as string));
  recordDownloads(store, talk, targets);
  return targets.length;
}

/** Records the talk's downloads as placed at `paths`, for the next build to keep. */
export function recordDownloads(store: DerivedStore, talk: TalkSource, paths: readonly string[]): void {
  store.set(
    DOWNLOAD_FILES,
    talk.key,
    paths.map((path): PlacedFile => {
      const { size, mtimeMs, ino } = statSync(path);
      return [basename(path), size, mtimeMs, ino];
    }),
  );
}

/** A second name for the same file; a copy where the file system has no links. */
function linkOrCopy(source: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}

function statIfPresent(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
