/** Content entries as the converter builds them, and how they are written out: YAML front matter, then the body. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Document, isScalar, Scalar, stringify } from 'yaml';
import { editFrontMatter, renderEntry, splitEntry } from '../../src/lib/import/entry-file.ts';
import { slugReference } from '../../src/schemas/common.ts';
import { speakerSchema } from '../../src/schemas/speaker.ts';
import { talkSchema } from '../../src/schemas/talk.ts';

/** One entry to write. */
export interface ContentFile {
  /** Path inside the content folder, such as `talks/jan-leike-scaling-rlhf.md`. */
  path: string;
  data: Record<string, unknown>;
  /** YAML comment after the title, where the title is ours because the seed has none. */
  titleNote?: string;
  body: string;
  /** The seed text the body carries, which must come out word for word ('' for none). */
  source: string;
  /**
   * The only fields the seed decides, for entries that others fill in: a
   * workshop talk's transcript comes from the importer, a speaker's aliases
   * from curators. When the file exists, these fields are set and its body and
   * every other field are kept.
   */
  owns?: readonly string[];
}

export interface Entries {
  files: ContentFile[];
  /** Names of the people the talks bill, as the sources spell them. */
  speakers: string[];
}

export function assertUniquePaths(files: readonly ContentFile[]): void {
  const seen = new Set<string>();
  for (const { path } of files) {
    if (seen.has(path)) throw new Error(`two entries would be written to ${path}`);
    seen.add(path);
  }
}

export function writeContentFile(contentDir: string, file: ContentFile): void {
  const path = join(contentDir, file.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.owns && existsSync(path) ? mergedContentFile(readFileSync(path, 'utf8'), file, file.owns, path) : renderContentFile(file));
}

/** Field order of each collection's schema, so merged files list fields as fresh ones do. */
const FIELD_ORDER: Record<string, readonly string[]> = {
  talks: Object.keys(talkSchema(slugReference).shape),
  speakers: Object.keys(speakerSchema().shape),
};

/** The existing file with the seed's fields set and everything else (body, other fields, comments) as it was. */
function mergedContentFile(text: string, file: ContentFile, owns: readonly string[], path: string): string {
  const entry = splitEntry(text);
  if (!entry) throw new Error(`${path}: cannot merge the seed's fields into it, since it does not open with "---" front matter; fix or remove the file`);
  const changes = Object.fromEntries(owns.map((field) => [field, file.data[field]]));
  return renderEntry(editFrontMatter(entry.frontMatter, changes, FIELD_ORDER[file.path.split('/')[0] ?? ''] ?? []), entry.body);
}

function renderContentFile(file: ContentFile): string {
  return `---\n${frontMatter(file)}---\n${file.body === '' ? '' : `${file.body}\n`}`;
}

/** Fields that hold dates or section numbers, quoted so that no YAML reader takes them for numbers or timestamps. */
const QUOTED_FIELDS = ['date', 'start', 'number'];

function frontMatter(file: ContentFile): string {
  const document = new Document(file.data);
  for (const field of QUOTED_FIELDS) {
    const node = document.get(field, true);
    if (isScalar(node)) node.type = Scalar.QUOTE_DOUBLE;
  }
  const title = document.get('title', true);
  if (file.titleNote !== undefined && isScalar(title)) title.comment = ` ${file.titleNote}`;
  return stringify(document, { lineWidth: 0 });
}
