/** One problem in the content, precise enough to fix without reading code. */
export interface ContentIssue {
  /** Path of the file, relative to the working directory. */
  file: string;
  /** 1-based line, where the problem has one. */
  line?: number;
  /** The field at fault, as a path such as `speakers[1].speaker`. */
  field?: string;
  /** What is wrong and what was expected. */
  message: string;
}

export function formatIssue(issue: ContentIssue): string {
  const place = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  const field = issue.field ? ` ${issue.field}:` : '';
  return `${place}:${field} ${issue.message}`;
}

/** Thrown when content fails validation; its message lists every issue. */
export class ContentValidationError extends Error {
  readonly issues: readonly ContentIssue[];

  constructor(issues: readonly ContentIssue[]) {
    const count = `${issues.length} problem${issues.length === 1 ? '' : 's'}`;
    super(`The archive's content has ${count}:\n${issues.map((issue) => `  ${formatIssue(issue)}`).join('\n')}`);
    this.name = 'ContentValidationError';
    this.issues = issues;
    // The issues say where the problem is; a stack trace into the validator would only hide them.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** Renders a zod-style path (`['speakers', 1, 'speaker']`) as `speakers[1].speaker`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}
