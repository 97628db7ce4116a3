import type { z } from 'zod';
import { SLUG_PATTERN } from '../../../schemas/common.ts';
import { LIMITS } from '../../../schemas/limits.ts';
import { characterIssues } from '../check-text.ts';
import { fieldPath, type ContentIssue } from '../content-issue.ts';
import { readCollection, type CollectionName } from '../read-collection.ts';
import type { CheckedEntry } from '../validate-archive.ts';
import { collectionOf, SINGULAR } from './collection-schemas.ts';
import { oversizedBlocks } from './oversized-blocks.ts';

const MISSING = 'is required but missing';

/**
 * Reads one collection folder and checks each entry: its file name as a slug (valid, not too long,
 * not taken), its paragraphs' length, its characters, and its front matter against the schema, each
 * problem at its line with a hint. Records the files that could not be split into paragraphs in
 * `unsplit` and every slug present in `present`. Returns the entries that passed.
 */
export function checkCollection(contentDir: string, collection: CollectionName, schema: z.ZodType, issues: ContentIssue[], unsplit: Set<string>, present: Map<CollectionName, Set<string>>): CheckedEntry<unknown>[] {
  const read = readCollection(contentDir, collection);
  issues.push(...read.issues);
  present.set(collection, read.slugs);
  const checked: CheckedEntry<unknown>[] = [];
  const firstFileOf = new Map<string, string>();
  for (const entry of read.entries) {
    if (!SLUG_PATTERN.test(entry.id)) {
      issues.push({ file: entry.file, field: 'file name', message: `"${entry.id}" is not a valid slug; name the file in lower-case words joined by hyphens, such as jan-leike.md` });
    } else if (entry.id.length > LIMITS.slug) {
      issues.push({ file: entry.file, field: 'file name', message: `the slug is ${entry.id.length} characters long; at most ${LIMITS.slug} are allowed (it is the page's address): shorten the file name` });
    }
    const earlier = firstFileOf.get(entry.id);
    if (earlier) {
      issues.push({ file: entry.file, field: 'file name', message: `duplicate slug "${entry.id}": ${earlier} has it already; rename one of the files` });
    }
    firstFileOf.set(entry.id, entry.file);

    const oversized = oversizedBlocks(entry, collection);
    issues.push(...oversized);
    if (oversized.length > 0) unsplit.add(entry.file);
    issues.push(...characterIssues(entry, collection === 'talks' ? 'transcript' : 'body'));
    const result = schema.safeParse(entry.data, { error: (issue) => (issue.input === undefined ? MISSING : undefined) });
    if (result.success) {
      checked.push({ ...entry, valid: result.data });
      continue;
    }
    // A talk saved in speakers/ fails the speaker schema on every field; say where it belongs instead.
    const belongs = collectionOf(entry.data, collection);
    if (belongs) {
      issues.push({ file: entry.file, line: 1, field: 'folder', message: `this is a ${SINGULAR[belongs]} entry (its fields fit the ${belongs} schema, not the ${collection} one), but it is in ${collection}/; move it to ${belongs}/` });
      continue;
    }
    for (const problem of result.error.issues) {
      const path = problem.code === 'unrecognized_keys' ? [...problem.path, problem.keys[0] ?? ''] : problem.path;
      let message = withHint(problem.message, path);
      if (problem.code === 'unrecognized_keys') message = `unknown field; the ${collection} schema has no field "${problem.keys.join('", "')}" (check the spelling)`;
      else if (problem.code === 'invalid_value' && problem.values.length > 1) {
        const value = valueAt(entry.data, path);
        const choices = problem.values.map((choice) => JSON.stringify(choice)).join(', ');
        // A missing field is missing, as for a title, not the value "undefined".
        message = value === undefined ? `${withHint(MISSING, path)} (one of ${choices})` : `${JSON.stringify(value)} is not allowed here; write one of ${choices}`;
      }
      issues.push({ file: entry.file, line: entry.lineOf(path), field: fieldPath(path) || 'front matter', message });
    }
  }
  return checked;
}

/** The front-matter value at a schema path. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), data);
}

/** A missing field says what to add. */
function withHint(message: string, path: readonly PropertyKey[]): string {
  const key = path.at(-1);
  if (message !== MISSING || typeof key !== 'string') return message;
  return `${message}; add a "${key}:" line${path.length > 1 ? ` under ${fieldPath(path.slice(0, -1))}` : ''} to the front matter`;
}
