/**
 * The transcript file, read as the import's first step: its bytes as UTF-8 text, its format
 * (detected, or named with --format), the reading in that format, and the checks that the reading
 * lost nothing and holds transcript text, each failure naming the file.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeUtf8Text } from '../decode-utf8.ts';
import { countWords } from '../transcript/words.ts';
import { auditCoverage, plainText } from './audit.ts';
import { LONGEST_TIME, type Options } from './command-options.ts';
import { detectFormat, PARSERS } from './detect-format.ts';
import { ImportError } from './import-error.ts';
import { FORMATS, type FormatName, type ParsedSource, type ParseOptions } from './model.ts';
import { formatClock } from './text.ts';

/** The transcript file, read and parsed in its format, with its name as messages give it. */
export interface SourceFile {
  file: string;
  format: FormatName;
  parsed: ParsedSource;
}

/**
 * Reads the transcript and parses it in its format (detected, or named with --format); refuses a
 * file without transcript text, with times past the archive's, or that the reader lost track of.
 */
export function readTranscriptFile(options: Options, file: string, labels: ParseOptions): SourceFile {
  const text = readSource(options.file, file);
  if (text.trim() === '') {
    throw new ImportError(`the file is empty${text === '' ? '' : ' (it holds only blank space)'}; expected a transcript, in one of ${FORMATS.join(', ')}`, {
      file,
    });
  }
  const format = options.format ?? withFile(file, () => detectFormat(basename(options.file), text));
  if (format === undefined) {
    throw new ImportError(`cannot tell the transcript format; expected one of ${FORMATS.join(', ')} (see docs/importing.md), or name it with --format`, {
      file,
      place: { line: 1 },
    });
  }
  const parsed = withFile(file, () => PARSERS[format](text, labels));
  withFile(file, () => refuseLongTimes(parsed));
  withFile(file, () => auditCoverage(parsed));
  if (!parsed.segments.some((segment) => countWords(plainText(segment, parsed.markup)) > 0)) {
    throw new ImportError(`no transcript text found (read as ${format}, from line ${parsed.firstLine}); expected ${EXPECTED[format]}`, {
      file,
      place: { line: parsed.firstLine },
    });
  }
  return { file, format, parsed };
}

function refuseLongTimes(parsed: ParsedSource): void {
  const long = [...parsed.segments, ...parsed.chapters].find((item) => (item.start ?? 0) >= LONGEST_TIME);
  if (!long) return;
  throw new ImportError(
    `a time of ${formatClock(long.start as number)}, 100 hours or more into the recording; the archive's times run to 99:59:59, so check the file's timings`,
    { place: long.at },
  );
}

const EXPECTED: Record<FormatName, string> = {
  seed: 'paragraphs that open with the speaker\'s name ("rob wiblin hi listeners …")',
  'name-colon': 'paragraphs such as "Name: what they said"',
  'markdown-labels': 'paragraphs opening with a bold label such as "**Jan Leike:**"',
  'caption-markdown': 'a "## Transcript" heading followed by "[m:ss] text" paragraphs',
  vtt: 'cues with "00:00:01.000 --> 00:00:04.000" timings and text',
  srt: 'numbered cues with "00:00:01,000 --> 00:00:04,000" timings and text',
  'whisper-json': 'a "segments" array of {start, end, text} with words in the text',
  'podcasting-html': '<cite>Name:</cite> <time>0:00</time> <p>text</p> runs',
  'podcasting-json': 'a "segments" array of {speaker, startTime, endTime, body} with words in the body',
};

function readSource(path: string, file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    throw new ImportError(`cannot read the transcript: ${why}; expected a readable text file`, { file });
  }
  const decoded = decodeUtf8Text(bytes);
  if ('text' in decoded) return decoded.text;
  throw new ImportError(decoded.message, { file, place: { line: decoded.line } });
}

/** Runs a step of the import, naming the transcript file in any ImportError it throws. */
export function withFile<T>(file: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw error instanceof ImportError ? error.inFile(file) : error;
  }
}
