/**
 * How long a curator waits in `npm run dev`: from saving a change to a talk until its page shows
 * it, and until search finds a word the change added. Starts the development server on a copy of a
 * content folder (default content/), makes a few edits and prints each wait. A benchmark: it fails
 * only when it cannot measure. Not part of npm test.
 *
 * Usage: node scripts/measure-dev-loop.ts [CONTENT_DIR] [--edits N]
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startDevServer } from './helpers/dev-server.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { edits: { type: 'string', default: '5' } } });
const source = resolve(positionals[0] ?? 'content');
const edits = Number(values.edits);
const content = mkdtempSync(join(tmpdir(), 'archive-dev-loop-'));
cpSync(source, content, { recursive: true });
const talk = readdirSync(join(content, 'talks')).find(
  (name) =>
    name.endsWith('.md') &&
    readFileSync(join(content, 'talks', name), 'utf8')
      .split('\n---')[1]
      ?.trim(),
);
if (!talk) throw new Error(`no talk with a transcript in ${source}`);
const slug = talk.replace(/\.md$/, '');
const server = await startDevServer(content);

async function until(check: () => Promise<boolean>, timeout = 30_000): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeout) throw new Error(`not seen within ${timeout / 1000} s`);
    await new Promise((done) => setTimeout(done, 25));
  }
  return performance.now() - started;
}
const page = async (path: string) => (await fetch(`${server.url}${path}`)).text();

try {
  const shown: number[] = [];
  const indexed: number[] = [];
  for (let edit = 1; edit <= edits; edit += 1) {
    const word = `zyxwvutsrq${String.fromCharCode(96 + edit)}`;
    const path = join(content, 'talks', talk);
    const text = readFileSync(path, 'utf8');
    const at = text.lastIndexOf('.');
    // A new index has a new entry file (its hash changes with the words indexed).
    const entry = await page('/pagefind/pagefind-entry.json');
    const saved = performance.now();
    writeFileSync(path, `${text.slice(0, at)} ${word}${text.slice(at)}`);
    shown.push(await until(async () => (await page(`/talks/${slug}/`)).includes(word)));
    await until(async () => (await page('/pagefind/pagefind-entry.json')) !== entry);
    indexed.push(performance.now() - saved);
    console.log(`edit ${edit}: on the page after ${Math.round(shown.at(-1)!)} ms, in a new search index after ${Math.round(indexed.at(-1)!)} ms`);
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
  console.log(
    `dev-loop: content=${source} talk=${slug} page-median-ms=${Math.round(median(shown))} page-max-ms=${Math.round(Math.max(...shown))} index-median-ms=${Math.round(median(indexed))}`,
  );
} finally {
  await server.stop();
  rmSync(content, { recursive: true, force: true });
}
