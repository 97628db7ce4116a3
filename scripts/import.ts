/**
 * `npm run import -- <file> [options]`: turns one raw transcript into a talk
 * entry in the archive's transcript convention, or replaces the transcript of
 * an existing talk (or of several, cut from one recording with --part).
 * Nothing is written unless the output reads back as the intended turns,
 * carries exactly the source's words, and passes the archive's validation;
 * files are then written atomically. Run with --help for the options.
 */
import { fileSystemReason } from '../src/lib/import/write-files.ts';
import { HELP, readOptions } from '../src/lib/import/command-options.ts';
import { ImportError } from '../src/lib/import/import-error.ts';
import { displayPath, importFile } from '../src/lib/import/import-command.ts';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const consoleIo: Io = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** Runs the importer; returns the exit code. Never throws for a user's mistake. */
export function runImport(argv: readonly string[], io: Io = consoleIo): number {
  try {
    const options = readOptions(argv);
    if (options.help) {
      io.out(HELP);
      return 0;
    }
    for (const line of importFile(options)) io.out(line);
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      io.err(`error: ${error.describe()}`);
      if (error.exitCode === 2) io.err('Run with --help for the options.');
      return error.exitCode;
    }
    // Any other refusal of the file system (the check's copy in a full temporary folder, a stale
    // temporary file that cannot be removed) is said, not thrown as a stack trace.
    const { code, path } = error as NodeJS.ErrnoException;
    if (typeof code === 'string' && typeof path === 'string') {
      io.err(`error: ${displayPath(path)}: ${fileSystemReason(code)}; nothing was written`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.main) process.exitCode = runImport(process.argv.slice(2));
