import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { xmlProblem } from './well-formed-xml.ts';

/**
 * What is wrong with the files a build writes for programs rather than readers: the RSS feed, the
 * sitemaps and the catalogue. A feed reader or crawler drops an ill-formed file whole, so these are
 * checked in every build, not only by the tests; an empty list means all are well-formed.
 */
export function dataFileProblems(outDir: string): string[] {
  const problems: string[] = [];
  const xml = [
    'rss.xml',
    ...readdirSync(outDir)
      .filter((name) => /^sitemap.*\.xml$/.test(name))
      .sort(),
  ];
  if (!xml.some((name) => name.startsWith('sitemap'))) problems.push('sitemap-index.xml: missing');
  for (const name of xml) {
    const path = join(outDir, name);
    if (!existsSync(path)) {
      problems.push(`${name}: missing`);
      continue;
    }
    const problem = xmlProblem(readFileSync(path, 'utf8'));
    if (problem) problems.push(`${name}: not well-formed XML: ${problem}`);
  }
  const catalogue = join(outDir, 'catalogue.json');
  if (!existsSync(catalogue)) problems.push('catalogue.json: missing');
  else {
    try {
      JSON.parse(readFileSync(catalogue, 'utf8'));
    } catch (error) {
      problems.push(`catalogue.json: not valid JSON: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** Fails a build whose feed, sitemap or catalogue is not well-formed; the problems say where, without a stack. */
export class DataFileError extends Error {
  constructor(problems: readonly string[]) {
    super(
      `The build wrote files that feed readers and search engines would refuse:\n${problems.map((problem) => `  ${problem}`).join('\n')}\n` +
        'Content validation should have stopped whatever caused this; please report it with the content you last changed.',
    );
    this.name = 'DataFileError';
    this.stack = `${this.name}: ${this.message}`;
  }
}
