/**
 * Builds synthetic archives with the archive's real build (`npm run build`: every page and the search
 * index) and, side by side in the same run, the same corpus with the Hugo + Pagefind baseline and the
 * Starlight baseline, and prints for each size build time, pages per second, peak memory, output and
 * index size, and bytes for a first search. Each of our full builds starts from an empty cache folder;
 * after each, one transcript is changed and the site rebuilt with that build's cache, and the rebuild
 * is timed against the full build.
 *
 * Usage: node scripts/bench.ts [--talks N] [--words W] [--runs R] [--tools DIR] [--keep]
 *   --talks N   one size (default: 100, 1000 and 5000 in turn)
 *   --runs R    build each side R times, alternating, and report the median (default 1)
 *   --tools DIR the shared tools folder holding gen-corpus.mjs, baseline-hugo/run.sh and
 *               baseline-starlight/ ($ARCHIVE_BENCH_TOOLS may give it instead)
 *   --keep      keep the corpora and the built sites (below node_modules/.cache/archive-bench/)
 * Needs Hugo (Debian: apt-get install hugo) and Chromium (for the first-search bytes).
 *
 * Two floors are timed once per size, to show where the time goes: a bare Astro site over the same
 * talk files (Markdown to HTML and nothing else, scripts/helpers/bare-astro-site.ts), and Pagefind's own
 * command-line indexer over our built pages.
 *
 * Peak memory is the largest sum of resident memory (VmRSS) of the build process and all its
 * descendants, sampled every 100 ms from /proc.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pagefindBinary } from '../src/lib/search/pagefind-binary.ts';
import { bareSiteBuild, writeBareAstroSite } from './helpers/bare-astro-site.ts';
import { measureSearch } from './measure-search.ts';
import { writeSyntheticArchive } from './synthetic-corpus.ts';

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, 'node_modules', '.cache', 'archive-bench');

interface Run {
  seconds: number;
  peakBytes: number;
}

/** Sum of VmRSS over a process and all its descendants, in bytes. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) total += Number(match[1]) * 1024;
    } catch {
      // ended
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs a command, timing it and sampling the memory of its process tree; fails on a non-zero exit. */
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv, log: string): Promise<Run> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let peakBytes = 0;
    const sample = () => {
      if (child.pid !== undefined) peakBytes = Math.max(peakBytes, treeRss(child.pid));
    };
    const timer = setInterval(sample, 100);
    sample();
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => {
      clearInterval(timer);
      fail(error);
    });
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      clearInterval(timer);
      appendFileSync(log, output);
      if (code === 0) done({ seconds, peakBytes });
      else fail(new Error(`${command} ${args.join(' ')} exited with ${code}; its output is in ${log}:\n${output.slice(-4000)}`));
    });
  });
}

/** The archive's own build, as `npm run build` runs it, with its own output and cache folders. */
function buildArchive(content: string, outDir: string, cacheDir: string, log: string): Promise<Run> {
  return run(
    process.execPath,
    [join(ROOT, 'scripts', 'build.ts'), '--outDir', outDir, '--cacheDir', cacheDir],
    { ...process.env, ARCHIVE_CONTENT_DIR: content },
    log,
  );
}

/** A full build: from an empty output and cache folder, as on a fresh clone. */
function fullBuild(content: string, outDir: string, cacheDir: string, log: string): Promise<Run> {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  return buildArchive(content, outDir, cacheDir, log);
}

/** The bare Astro site over the talk files in `talks` (see scripts/helpers/bare-astro-site.ts). */
function buildBareSite(root: string, talks: string, log: string): Promise<Run> {
  return run(process.execPath, ['--input-type=module', '--eval', bareSiteBuild(root)], { ...process.env, BARE_SITE_TALKS: talks }, log);
}

function folderBytes(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + folderBytes(join(path, name)), 0);
}

function countHtml(path: string): number {
  let count = 0;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith('.html')) count += 1;
  return count;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The run with the median time (the upper middle one for an even count), with its own peak memory. */
function medianRun(runs: readonly Run[]): Run {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor(sorted.length / 2)] as Run;
}

/** Changes one talk's transcript: appends a sentence to the last paragraph of the `nth` talk. */
function editOneTranscript(content: string, nth = 0): string {
  const talks = join(content, 'talks');
  const names = readdirSync(talks)
    .filter((name) => name.endsWith('.md'))
    .sort();
  const file = join(talks, names[(nth * 97) % names.length] as string);
  const text = readFileSync(file, 'utf8').trimEnd();
  writeFileSync(file, `${text} And one more sentence for the rebuild benchmark.\n`);
  return file;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? undefined : args[index + 1];
}

async function benchSize(
  talks: number,
  words: number,
  runs: number,
  tools: string,
  keep: boolean,
): Promise<{ ours: number; baseline: number; starlight?: number }> {
  const size = await prepareSize(talks, words, tools);
  const builds = await alternateBuilds(size, runs, tools);
  const medians = {
    baseline: medianRun(builds.baseline),
    ours: medianRun(builds.ours),
    rebuild: medianRun(builds.rebuild),
    starlight: size.starlight ? medianRun(builds.starlight) : undefined,
  };
  const floors = {
    bareSite: await buildBareSite(writeBareAstroSite(join(size.work, 'bare-astro'), ROOT), join(size.content, 'talks'), size.log),
    pagefindAlone: await run(pagefindBinary(), ['--site', size.outDir, '--output-path', join(size.work, 'pagefind-alone')], process.env, size.log),
  };
  const search = await measureSearch(size.outDir);
  const firstSearch = [...search.firstQueryBytes.values()].map((bytes) => bytes + search.pageBytes);
  printSize(size, builds, medians, floors, firstSearch);

  if (!keep) rmSync(size.work, { recursive: true, force: true });
  else console.log(`kept:      ${size.work}`);
  const { ours, baseline, starlight } = medians;
  return { ours: ours.seconds, baseline: baseline.seconds, ...(starlight && { starlight: starlight.seconds }) };
}

/** One size's folders: its work folder and build log, the corpus in our format and as generated, and each side's output. */
interface Size {
  work: string;
  log: string;
  content: string;
  generated: string;
  baselineOut: string;
  outDir: string;
  cacheDir: string;
  starlightWork: string;
  /** Whether the tools folder holds the Starlight baseline. */
  starlight: boolean;
}

/** An empty work folder with the corpus generated and converted, and Starlight installed; none of it timed. */
async function prepareSize(talks: number, words: number, tools: string): Promise<Size> {
  const work = join(WORK, `talks-${talks}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const log = join(work, 'build.log');
  console.log(`\n== ${talks} talks of ${words} words ==`);

  const started = performance.now();
  const content = writeSyntheticArchive(join(work, 'corpus'), talks, words, join(tools, 'gen-corpus.mjs'), true);
  const generated = join(work, 'corpus', 'generated');
  console.log(`corpus:    ${((performance.now() - started) / 1000).toFixed(1)} s to generate and convert (not timed below)`);

  // Starlight is installed once, untimed; Hugo comes from the system.
  const starlightWork = join(WORK, 'starlight');
  const starlight = existsSync(join(tools, 'baseline-starlight', 'run.sh'));
  if (starlight && !existsSync(join(starlightWork, 'node_modules', '@astrojs', 'starlight')))
    await run('bash', [join(tools, 'baseline-starlight', 'prepare.sh'), starlightWork], process.env, log);
  return {
    work,
    log,
    content,
    generated,
    baselineOut: join(work, 'baseline'),
    outDir: join(work, 'dist'),
    cacheDir: join(work, 'cache'),
    starlightWork,
    starlight,
  };
}

/** Each side's runs in order, and how many pages the last rebuild rendered again. */
interface Builds {
  baseline: Run[];
  starlight: Run[];
  ours: Run[];
  rebuild: Run[];
  rebuiltPages: number;
}

async function alternateBuilds(size: Size, runs: number, tools: string): Promise<Builds> {
  const { log, content, generated, baselineOut, outDir, cacheDir, starlightWork } = size;
  // Alternate the builds, so a slow spell of a shared machine falls on all of them.
  const builds: Builds = { baseline: [], starlight: [], ours: [], rebuild: [], rebuiltPages: 0 };
  for (let index = 0; index < runs; index += 1) {
    builds.baseline.push(await run('bash', [join(tools, 'baseline-hugo', 'run.sh'), generated, baselineOut, pagefindBinary()], process.env, log));
    if (size.starlight) builds.starlight.push(await run('bash', [join(tools, 'baseline-starlight', 'run.sh'), generated, starlightWork], process.env, log));
    builds.ours.push(await fullBuild(content, outDir, cacheDir, log));
    editOneTranscript(content, index);
    const before = readFileSync(log, 'utf8').length;
    builds.rebuild.push(await buildArchive(content, outDir, cacheDir, log));
    builds.rebuiltPages =
      readFileSync(log, 'utf8')
        .slice(before)
        .match(/ \(\+\d+(?:\.\d+)?m?s\)/g)?.length ?? 0;
  }
  return builds;
}

/** The table for one size: each side's build, the ratios, the floors, the rebuild and the first search. */
function printSize(
  { outDir, baselineOut, starlightWork }: Size,
  builds: Builds,
  { ours, baseline, rebuild, starlight }: { ours: Run; baseline: Run; rebuild: Run; starlight: Run | undefined },
  { bareSite, pagefindAlone }: { bareSite: Run; pagefindAlone: Run },
  firstSearch: readonly number[],
): void {
  const spread = (results: Run[]) => (results.length > 1 ? ` (${results.length} runs: ${results.map(({ seconds }) => seconds.toFixed(1)).join(', ')} s)` : '');
  const row = (name: string, result: Run, pages: number, out: string, index: string) =>
    `${name.padEnd(9)}  build ${result.seconds.toFixed(1).padStart(6)} s  ${(pages / result.seconds).toFixed(1).padStart(7)} pages/s (${pages} pages)  peak ${mb(result.peakBytes).padStart(9)}  output ${mb(folderBytes(out)).padStart(9)}  index ${mb(folderBytes(index)).padStart(8)}`;
  console.log(row('ours', ours, countHtml(outDir), outDir, join(outDir, 'pagefind')) + spread(builds.ours));
  console.log(
    row('baseline', baseline, countHtml(join(baselineOut, 'public')), join(baselineOut, 'public'), join(baselineOut, 'public', 'pagefind')) +
      spread(builds.baseline),
  );
  if (starlight)
    console.log(
      row('starlight', starlight, countHtml(join(starlightWork, 'dist')), join(starlightWork, 'dist'), join(starlightWork, 'dist', 'pagefind')) +
        spread(builds.starlight),
    );
  console.log(
    `ratio      ${(ours.seconds / baseline.seconds).toFixed(2)}x the Hugo + Pagefind baseline's build time${starlight ? `, ${(ours.seconds / starlight.seconds).toFixed(2)}x Starlight's` : ''}`,
  );
  console.log(
    `floors     bare Astro over the same talk files (Markdown to HTML, nothing else) ${bareSite.seconds.toFixed(1)} s; ` +
      `Pagefind's own indexer over our built pages ${pagefindAlone.seconds.toFixed(1)} s; together ${(bareSite.seconds + pagefindAlone.seconds).toFixed(1)} s, ` +
      `against ${(1.5 * baseline.seconds).toFixed(1)} s for 1.5x the baseline`,
  );
  console.log(
    `rebuild    ${rebuild.seconds.toFixed(1)} s after changing one transcript (the full build's cache folder; ${builds.rebuiltPages} pages rendered again, the rest kept), ${(rebuild.seconds / ours.seconds).toFixed(2)}x the full build; peak ${mb(rebuild.peakBytes)}${spread(builds.rebuild)}`,
  );
  console.log(
    `search     first search on a fresh page (search page + first query, gzip): median ${kb(median(firstSearch))}, max ${kb(Math.max(...firstSearch))} over ${firstSearch.length} queries (ours; the baseline has no search page)`,
  );
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const toolsOption = option(args, 'tools') ?? process.env['ARCHIVE_BENCH_TOOLS'];
  if (!toolsOption || !existsSync(join(toolsOption, 'gen-corpus.mjs')) || !existsSync(join(toolsOption, 'baseline-hugo', 'run.sh'))) {
    console.error(
      'usage: npm run bench -- --tools DIR [--talks N] [--words W] [--runs R] [--keep]\n  DIR holds gen-corpus.mjs and baseline-hugo/run.sh ($ARCHIVE_BENCH_TOOLS may give it)',
    );
    process.exit(2);
  }
  const tools = resolve(toolsOption);
  const talksOption = option(args, 'talks');
  const sizes = talksOption === undefined ? [100, 1000, 5000] : [Number(talksOption)];
  const words = Number(option(args, 'words') ?? 8000);
  const runs = Number(option(args, 'runs') ?? 1);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1) || ![words, runs].every((value) => Number.isInteger(value) && value >= 1)) {
    console.error('--talks, --words and --runs take a positive whole number');
    process.exit(2);
  }
  let last: { talks: number; ours: number; baseline: number; starlight?: number } = { talks: 0, ours: 0, baseline: 0 };
  for (const talks of sizes) last = { talks, ...(await benchSize(talks, words, runs, tools, args.includes('--keep'))) };
  const starlightPart = last.starlight === undefined ? '' : ` starlight=${last.starlight.toFixed(1)}`;
  console.log(
    `bench: talks=${last.talks} ours=${last.ours.toFixed(1)} baseline=${last.baseline.toFixed(1)} ratio=${(last.ours / last.baseline).toFixed(2)}${starlightPart}`,
  );
}
