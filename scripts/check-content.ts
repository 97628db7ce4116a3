// Validates the whole content folder without building the site: `npm run check`.
import { relative } from 'node:path';
import { formatIssue } from '../src/lib/content/content-issue.ts';
import { contentDir } from '../src/lib/content/content-dir.ts';
import { validateArchive } from '../src/lib/content/validate-archive.ts';

const started = performance.now();
const folder = relative(process.cwd(), contentDir()) || '.';
const report = validateArchive(folder);
const seconds = ((performance.now() - started) / 1000).toFixed(2);
if (report.issues.length > 0) {
  for (const issue of report.issues) console.error(formatIssue(issue));
  console.error(`\n${report.issues.length} problem(s) in ${folder} (${seconds} s)`);
  process.exitCode = 1;
} else {
  console.log(`${folder}: ${report.talks.length} talks, ${report.speakers.length} speakers, ${report.events.length} events, ${report.topics.length} topics, all valid (${seconds} s)`);
}
