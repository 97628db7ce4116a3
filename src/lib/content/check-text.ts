import { BIDI_ADVICE, bidiControl, FORBIDDEN_ADVICE, forbiddenCharacter } from './characters.ts';
import { fieldPath, type ContentIssue } from './content-issue.ts';
import type { RawEntry } from './read-collection.ts';

/** Every text value of the front matter, at any depth, with its path. */
function* textsOf(value: unknown, path: PropertyKey[] = []): Generator<{ path: PropertyKey[]; text: string }> {
  if (typeof value === 'string') yield { path, text: value };
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* textsOf(item, [...path, index]);
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* textsOf(item, [...path, key]);
}

/**
 * Characters an entry must not hold, in any front-matter field or in its body, each at its line:
 * control characters anywhere, and bidirectional controls in the front matter (names, titles,
 * labels; see labelIssue for transcript labels). A body may hold bidirectional controls: each
 * paragraph is a block of its own, where they reorder nothing beyond it.
 * The body gives its first one, and how many lines more have one: a file saved by a tool gone
 * wrong can have thousands.
 */
export function characterIssues(entry: RawEntry, bodyField: string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const { path, text } of textsOf(entry.data)) {
    const found = forbiddenCharacter(text);
    if (found) issues.push({ file: entry.file, line: entry.lineOf(path), field: fieldPath(path), message: `contains ${found.description} at character ${found.index + 1}; ${FORBIDDEN_ADVICE}` });
    const bidi = bidiControl(text);
    if (bidi) issues.push({ file: entry.file, line: entry.lineOf(path), field: fieldPath(path), message: `contains ${bidi.description} at character ${bidi.index + 1}; ${BIDI_ADVICE}` });
  }
  const found = forbiddenCharacter(entry.body);
  if (found) {
    const lines = entry.body.split('\n');
    const bad = lines.flatMap((line, index) => (forbiddenCharacter(line) ? [index] : []));
    const first = bad[0] as number;
    const column = (forbiddenCharacter(lines[first] as string)?.index ?? 0) + 1;
    const more = bad.length > 1 ? ` (and ${bad.length - 1} more line${bad.length === 2 ? '' : 's'} with one)` : '';
    issues.push({ file: entry.file, line: entry.bodyStartLine + first, field: bodyField, message: `contains ${found.description} at column ${column}${more}; ${FORBIDDEN_ADVICE}` });
  }
  return issues;
}

/** A transcript label names a speaker as a field does, so it may hold no bidirectional control either. */
export function labelIssue(file: string, line: number, label: string): ContentIssue | undefined {
  const bidi = bidiControl(label);
  // Shown with the control spelt out: printed as it is, it would reorder this very message.
  const visible = label.replace(/[\u202A-\u202E\u2066-\u2069]/g, (control) => `<U+${(control.codePointAt(0) as number).toString(16).toUpperCase()}>`);
  return bidi && { file, line, field: 'transcript label', message: `"${visible}" contains ${bidi.description} at character ${bidi.index + 1}; ${BIDI_ADVICE}` };
}
