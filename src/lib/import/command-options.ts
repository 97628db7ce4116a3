/**
 * The import command's line: its help text and options, read and checked before anything is read
 * or written (slugs against the slug pattern, times, pairs), for scripts/import.ts.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { contentDir as defaultContentDir } from '../content/content-dir.ts';
import { isFormatName } from './detect-format.ts';
import { ImportError } from './import-error.ts';
import { UNLABELLED, type Unlabelled } from './import-transcript.ts';
import { FORMATS, type FormatName } from './model.ts';
import { type Link, type TranscriptFields } from './sources-and-provenance.ts';
import { parseClock } from './text.ts';
import { slug as slugSchema } from '../../schemas/common.ts';
import { PROVENANCES, SPEAKER_ROLES, TALK_KINDS } from '../../schemas/talk.ts';

export const HELP = `Usage: npm run import -- <file> [options]

Turns a raw transcript into a talk entry, or replaces an existing talk's transcript.
Formats: ${FORMATS.join(', ')} (detected; override with --format).

Where it goes (one of):
  --talk <slug>                 replace the transcript of content/talks/<slug>.md, keeping its front matter
  --slug <slug> --title <text> --kind <${TALK_KINDS.join('|')}> --speaker <slug[:role]> ...
                                create a new talk (--speaker repeatable; roles ${SPEAKER_ROLES.join(', ')});
                                also --event <slug> --session <id> --order <n> --date <YYYY[-MM[-DD]]>
  --part <time>=<slug> ...      cut one recording into existing talks: each part starts at its speaker's
                                first turn at or after <time> (m:ss or h:mm:ss) and runs to the next part

Labels and text:
  --map "<Label>=<slug>"        map a label to a speaker of the talk (or to "Audience member"); repeatable
  --voice "<Name>"              a voice the transcript names who is no speaker of the talk ("Richard"); repeatable
  --strict                      an unmapped label is an error (default: kept as written, added to voices)
  --unlabelled <mode>           text without a label: continue (the speaker before; default),
                                unattributed ("Unknown speaker") or audience ("Audience member")

Front matter:
  --provenance <${PROVENANCES.join('|')}>  --origin <text>  --language <BCP 47>
  --source "<Label>=<URL>"      add a link to the original (repeatable)

Running:
  --check                       report what would be imported; write nothing
  --force                       replace a transcript that is already there
  --content <dir>               the content folder (default: $ARCHIVE_CONTENT_DIR or ./content)
  --help                        this text

Exit codes: 0 done, 1 the input or a check failed (nothing written), 2 the command line is wrong.`;

export interface Options {
  help: boolean;
  file: string;
  format?: FormatName;
  talk?: string;
  newTalk?: NewTalk;
  parts: { start: number; slug: string }[];
  maps: Map<string, string>;
  /** Voices declared with --voice: people the transcript names who have no speaker entry. */
  voices: string[];
  strict: boolean;
  unlabelled: Unlabelled;
  check: boolean;
  force: boolean;
  transcript: TranscriptFields;
  sources: Link[];
  contentDir: string;
}

export interface NewTalk {
  slug: string;
  title: string;
  kind: string;
  speakers: { speaker: string; role: string }[];
  event?: string;
  session?: string;
  order?: number;
  date?: string;
}

const usage = (message: string) => new ImportError(message, { exitCode: 2 });

/** The command's options, for parseArgs. */
const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  format: { type: 'string' },
  talk: { type: 'string' },
  slug: { type: 'string' },
  title: { type: 'string' },
  kind: { type: 'string' },
  speaker: { type: 'string', multiple: true },
  event: { type: 'string' },
  session: { type: 'string' },
  order: { type: 'string' },
  date: { type: 'string' },
  part: { type: 'string', multiple: true },
  map: { type: 'string', multiple: true },
  voice: { type: 'string', multiple: true },
  strict: { type: 'boolean' },
  unlabelled: { type: 'string' },
  check: { type: 'boolean' },
  force: { type: 'boolean' },
  provenance: { type: 'string' },
  origin: { type: 'string' },
  language: { type: 'string' },
  source: { type: 'string', multiple: true },
  content: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/**
 * A transcript whose file name starts with "-" would be read as an option. An argument that is no
 * option of the command, not an option's value, and names a file that exists is taken for the
 * file; `--` ends the options, as usual, for any other.
 */
function filesAfterOptions(argv: readonly string[]): string[] {
  const options: string[] = [];
  const files: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (arg === '--') {
      files.push(...argv.slice(index + 1));
      break;
    }
    const name = /^--([^=]+)/.exec(arg)?.[1];
    const known = arg === '-h' || (name !== undefined && Object.hasOwn(OPTIONS, name));
    if (arg.startsWith('-') && arg !== '-' && !known && existsSync(arg)) {
      files.push(arg);
      continue;
    }
    options.push(arg);
    const option = name === undefined ? undefined : (OPTIONS as Record<string, { type: string }>)[name];
    if (option?.type === 'string' && !arg.includes('=') && index + 1 < argv.length) options.push(argv[(index += 1)] as string);
  }
  return [...options, '--', ...files];
}

export function readOptions(argv: readonly string[]): Options {
  const { values, positionals } = parseCommandLine(argv);
  if (values.help) return { help: true } as Options;
  checkSlugs(values);
  const file = transcriptFile(positionals);
  const { format, unlabelled } = readChoices(values);
  const newTalk = readDestination(values);
  return {
    help: false,
    file,
    ...(format !== undefined && { format }),
    ...(values.talk !== undefined && { talk: values.talk }),
    ...(newTalk && { newTalk }),
    parts: (values.part ?? []).map(readPart),
    maps: new Map((values.map ?? []).map((pair) => splitPair(pair, '--map', '"Label=slug"'))),
    voices: (values.voice ?? []).map(readVoice),
    strict: values.strict ?? false,
    unlabelled,
    check: values.check ?? false,
    force: values.force ?? false,
    transcript: transcriptFields(values),
    sources: (values.source ?? []).map(readSourceLink),
    contentDir: values.content === undefined ? defaultContentDir() : resolve(values.content),
  };
}

/** The line as parseArgs reads it; what it cannot read is a usage error (exit code 2). */
function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({ args: filesAfterOptions(argv), allowPositionals: true, options: OPTIONS });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /Unknown option '(-[^']*)'/.exec(message)?.[1];
    // A file whose name starts with "-" and does not exist reads as an unknown option: say how to name one.
    throw usage(option ? `${message}; to import a file whose name starts with "-", write ./${option} or put it after --` : message);
  }
}

/** The options as parseArgs reads them. */
type Values = ReturnType<typeof parseCommandLine>['values'];

/** The one transcript file the line names. */
function transcriptFile(positionals: readonly string[]): string {
  if (positionals.length !== 1)
    throw usage(
      positionals.length === 0 ? 'name the transcript file to import' : `expected one transcript file, got ${positionals.length}: ${positionals.join(', ')}`,
    );
  return positionals[0] as string;
}

/** The options that take one of a list of words: --format, --unlabelled and --provenance. */
function readChoices(values: Values): { format: FormatName | undefined; unlabelled: Unlabelled } {
  if (values.format !== undefined && !isFormatName(values.format)) throw usage(`unknown --format "${values.format}"; expected one of ${FORMATS.join(', ')}`);
  const unlabelled = values.unlabelled ?? 'continue';
  if (!(UNLABELLED as readonly string[]).includes(unlabelled)) throw usage(`--unlabelled must be one of ${UNLABELLED.join(', ')}, not "${unlabelled}"`);
  if (values.provenance !== undefined && !(PROVENANCES as readonly string[]).includes(values.provenance))
    throw usage(`--provenance must be one of ${PROVENANCES.join(', ')}`);
  return { format: values.format, unlabelled: unlabelled as Unlabelled };
}

/** Where the transcript goes: exactly one of --talk, --slug and --part; the new talk, for --slug. */
function readDestination(values: Values): NewTalk | undefined {
  const modes = [values.talk !== undefined, values.slug !== undefined, (values.part ?? []).length > 0].filter(Boolean).length;
  if (modes !== 1)
    throw usage(
      'say where the transcript goes: --talk <slug> (an existing talk), --slug <slug> with --title, --kind and --speaker (a new talk), or --part <time>=<slug> (several talks)',
    );
  const newTalk = values.slug === undefined ? undefined : readNewTalk(values);
  if (
    newTalk === undefined &&
    [values.title, values.kind, values.speaker, values.event, values.session, values.order, values.date].some((value) => value !== undefined)
  ) {
    throw usage('--title, --kind, --speaker, --event, --session, --order and --date describe a new talk; use them with --slug');
  }
  return newTalk;
}

/** The transcript's provenance, origin and language, as far as the options give them. */
function transcriptFields(values: Values): TranscriptFields {
  const transcript: TranscriptFields = {};
  if (values.provenance !== undefined) transcript.provenance = values.provenance;
  if (values.origin !== undefined) transcript.origin = values.origin;
  if (values.language !== undefined) transcript.language = values.language;
  return transcript;
}

function readVoice(voice: string): string {
  if (voice.trim() === '') throw usage('--voice needs a name, such as --voice "Richard"');
  return voice.trim();
}

function readSourceLink(pair: string): Link {
  const [label, url] = splitPair(pair, '--source', '"Label=https://…"');
  if (!/^https?:\/\//.test(url)) throw usage(`--source "${pair}": the URL must start with http:// or https://`);
  return { label, url };
}

/**
 * Every slug on the command line names a file or an entry, so each must be a slug before anything
 * else happens: `--slug ../../victim` once wrote a file two folders above the content folder.
 */
function checkSlugs(values: { slug?: string; talk?: string; event?: string; session?: string; speaker?: string[]; part?: string[] }): void {
  const given: [string, string | undefined][] = [
    ['--slug', values.slug],
    ['--talk', values.talk],
    ['--event', values.event],
    ['--session', values.session],
    ...(values.speaker ?? []).map((value): [string, string] => ['--speaker', value.split(':')[0] ?? '']),
    ...(values.part ?? []).flatMap((value): [string, string][] => (value.includes('=') ? [['--part', value.slice(value.lastIndexOf('=') + 1).trim()]] : [])),
  ];
  for (const [option, value] of given) {
    if (value !== undefined && !slugSchema.safeParse(value).success) {
      throw usage(
        `${option} "${value}" is not a slug: write lower-case letters, digits and single hyphens (at most 100 characters), such as "ada-lovelace-engines"`,
      );
    }
  }
}

function readNewTalk(values: Record<string, string | boolean | string[] | undefined>): NewTalk {
  const text = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
  const [slug, title, kind] = [text('slug') as string, text('title'), text('kind')];
  const speakers = ((values['speaker'] as string[] | undefined) ?? []).map((value) => {
    const [speaker = '', role = 'speaker'] = value.split(':');
    if (!(SPEAKER_ROLES as readonly string[]).includes(role)) throw usage(`--speaker "${value}": the role must be one of ${SPEAKER_ROLES.join(', ')}`);
    return { speaker, role };
  });
  if (title === undefined || kind === undefined || speakers.length === 0) throw usage('a new talk (--slug) needs --title, --kind and at least one --speaker');
  if (!(TALK_KINDS as readonly string[]).includes(kind)) throw usage(`--kind must be one of ${TALK_KINDS.join(', ')}, not "${kind}"`);
  const order = text('order');
  if (order !== undefined && !/^[1-9]\d*$/.test(order)) throw usage(`--order must be a whole number from 1, not "${order}"`);
  const [event, session, date] = [text('event'), text('session'), text('date')];
  return { slug, title, kind, speakers, ...(event && { event }), ...(session && { session }), ...(order && { order: Number(order) }), ...(date && { date }) };
}

function readPart(value: string): { start: number; slug: string } {
  const [time, slug] = splitPair(value, '--part', '<m:ss>=<slug>');
  const start = parseClock(time);
  if (start === undefined) throw usage(`--part "${value}": "${time}" is not a time; write m:ss or h:mm:ss`);
  if (start >= LONGEST_TIME) throw usage(`--part "${value}": ${time} is 100 hours or more into the recording; the archive's times run to 99:59:59`);
  return { start, slug };
}

/**
 * The archive writes times as [h:mm:ss] with at most two digits of hours. A time of 100 hours or
 * more is no recording anyone transcribes, but a timing line gone wrong: said here, at its cue,
 * rather than as a word-audit failure when the written time fails to read back.
 */
export const LONGEST_TIME = 100 * 3600;

function splitPair(value: string, option: string, shape: string): [string, string] {
  const at = value.lastIndexOf('=');
  const [left, right] = [value.slice(0, at).trim(), value.slice(at + 1).trim()];
  if (at === -1 || left === '' || right === '') throw usage(`${option} "${value}": expected ${shape}`);
  return [left, right];
}
