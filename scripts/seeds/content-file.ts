/** Content entries as the converter builds them, and how they are written out: YAML front matter, then the body. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Document, isScalar, Scalar, stringify } from 'yaml';

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
  writeFileSync(path, renderContentFile(file));
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
