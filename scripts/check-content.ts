// Validates the whole content folder without building the site: `npm run check`.
// Exit code 0: all valid; 1: problems in the content (each printed as file:line: field: message); 2: the check itself failed.
import { relative } from 'node:path';
import { formatIssue } from '../src/lib/content/content-issue.ts';
import { contentDir } from '../src/lib/content/content-dir.ts';
import { validateArchive, type ArchiveReport } from '../src/lib/content/validate-archive.ts';

const started = performance.now();
const folder = relative(process.cwd(), contentDir()) || '.';
let report: ArchiveReport;
try {
  report = validateArchive(folder);
} catch (error) {
  // Content problems are reported as issues; anything thrown is a fault of the checker, not of the content.
  console.error(`error: the check of ${folder} stopped: ${error instanceof Error ? error.message : String(error)}`);
  console.error('This is a fault in the checker rather than in your content; please report it with the file you last changed.');
  if (process.env['ARCHIVE_DEBUG']) console.error(error);
  process.exit(2);
}
const seconds = ((performance.now() - started) / 1000).toFixed(2);
if (report.issues.length > 0) {
  for (const issue of report.issues) console.error(formatIssue(issue));
  console.error(`\n${report.issues.length} problem(s) in ${folder} (${seconds} s); each line reads file:line: field: what is wrong and what to do.`);
  process.exitCode = 1;
} else {
  console.log(
    `${folder}: ${report.talks.length} talks, ${report.speakers.length} speakers, ${report.events.length} events, ${report.topics.length} topics, all valid (${seconds} s)`,
  );
}
