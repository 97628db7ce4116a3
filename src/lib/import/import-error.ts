import type { SourcePlace } from './model.ts';

/**
 * A problem with the input or the options, said so that a curator can fix it
 * without reading code: the file, the line or cue, and what was expected.
 * The command prints it without a stack trace.
 */
export class ImportError extends Error {
  readonly file: string | undefined;
  readonly place: SourcePlace | undefined;
  /** 1 for a bad input or a failed check, 2 for a bad command line. */
  readonly exitCode: 1 | 2;

  constructor(message: string, options: { file?: string; place?: SourcePlace; exitCode?: 1 | 2 } = {}) {
    super(message);
    this.name = 'ImportError';
    this.file = options.file;
    this.place = options.place;
    this.exitCode = options.exitCode ?? 1;
  }

  /** The same error, now knowing which file it is about. */
  inFile(file: string): ImportError {
    if (this.file !== undefined) return this;
    return new ImportError(this.message, { file, ...(this.place && { place: this.place }), exitCode: this.exitCode });
  }

  /** `file:line: message`, or `file: cue 12 (line 57): message`. */
  describe(): string {
    const where = placeLabel(this.place);
    if (this.file === undefined) return where ? `${where}: ${this.message}` : this.message;
    if (this.place?.cue !== undefined) return `${this.file}: ${where}: ${this.message}`;
    return `${this.file}${this.place ? `:${this.place.line}` : ''}: ${this.message}`;
  }
}

export function placeLabel(place: SourcePlace | undefined): string {
  if (!place) return '';
  return place.cue === undefined ? `line ${place.line}` : `cue ${place.cue} (line ${place.line})`;
}
