/**
 * Lighthouse's performance score and layout shift on the page that costs a
 * phone the most: the talk with the longest transcript. The built site is
 * served with gzip like a static host, and Lighthouse (default mobile
 * configuration: a mid-range phone, simulated slow 4G, 4x slower CPU) drives
 * Debian's Chromium (CHROMIUM_PATH overrides). Prints each run, the median of
 * each figure, what Lighthouse found wanting, the layout shift of a few other
 * kinds of page, and the layout shift while scrolling the long page to its
 * end (Lighthouse measures the load only), and the longest transcript with a
 * recording's player. A benchmark, not a test: it fails
 * only when it cannot measure. Not part of npm test.
 *
 * Usage: node scripts/lighthouse.ts [DIST] [--runs N]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHROMIUM } from './helpers/browser.ts';
import { auditPage, openChromium, type PageAudit } from './helpers/lighthouse-audit.ts';
import { findLongestRecordedTranscript, findLongestTranscript } from './helpers/longest-transcript.ts';
import { measureScrollShift } from './helpers/scroll-layout-shift.ts';
import { serveStatic } from './helpers/static-server.ts';

/** Other kinds of page, one run each, for their layout shift: the home page, the filtered talks list, search. */
const OTHER_PAGES = ['/', '/talks/', '/search/'];

interface Options {
  dist: string;
  runs: number;
}

export async function measureLighthouse({ dist, runs }: Options): Promise<void> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`no built site in ${dist}: run npm run build first`);
  const longest = findLongestTranscript(dist);
  console.log(
    `longest transcript: ${longest.path}${longest.words === undefined ? '' : ` (${longest.words.toLocaleString('en')} words)`}, chosen by ${longest.chosenBy}`,
  );
  console.log(`${chromiumVersion()}; Lighthouse default mobile configuration (simulated throttling), site served with gzip`);

  const site = await serveStatic(dist, { gzip: true });
  const chromium = await openChromium();
  try {
    const audits: PageAudit[] = [];
    for (let run = 1; run <= runs; run++) {
      const audit = await auditPage(site.url + longest.path, chromium.port, ['performance', 'accessibility', 'best-practices']);
      audits.push(audit);
      console.log(`run ${run}: ${describe(audit)}`);
    }
    const typical = medianAudit(audits);
    console.log(`median of ${runs}: ${describe(typical)}`);
    console.log(
      `lighthouse ${audits[0]?.lighthouseVersion}; accessibility ${typical.scores.accessibility}, best practices ${typical.scores['best-practices']} (medians)`,
    );
    const tasks = audits.map((audit) => audit.longTasksMs.map((ms) => ms.toFixed(0)).join(', ') || 'none');
    console.log(`long tasks (ms, simulated), per run: ${tasks.join(' | ')}`);
    // Findings and culprits come from a run that scored the median.
    const medianRun = audits.find((audit) => audit.scores.performance === typical.scores.performance) ?? typical;
    for (const finding of medianRun.findings) console.log(`  not passing: ${finding}`);
    for (const culprit of medianRun.shiftCulprits) console.log(`  layout shift: ${culprit}`);

    // The player's facade and its script are on talk pages with a recording only.
    const recorded = findLongestRecordedTranscript(dist);
    for (const path of [...OTHER_PAGES, ...(recorded && recorded.path !== longest.path ? [recorded.path] : [])]) {
      const audit = await auditPage(site.url + path, chromium.port, ['performance']);
      console.log(
        `other page ${path}: performance ${audit.scores.performance}, CLS ${audit.cls.toFixed(4)}, TBT ${audit.tbtMs.toFixed(0)} ms, LCP ${seconds(audit.lcpMs)}`,
      );
      for (const culprit of audit.shiftCulprits) console.log(`  layout shift: ${culprit}`);
    }
    for (const scroll of await measureScrollShift(site.url + longest.path)) {
      console.log(`layout shift loading and scrolling ${longest.path} to its end at ${scroll.width} px (sum of shifts): ${scroll.total.toFixed(4)}`);
      for (const source of scroll.sources.slice(0, 5)) console.log(`  moved: ${source}`);
    }
    console.log(`lighthouse: page=${longest.path} performance=${typical.scores.performance} cls=${typical.cls.toFixed(4)}`);
  } finally {
    chromium.close();
    await site.close();
  }
}

function describe(audit: PageAudit): string {
  return [
    `performance ${audit.scores.performance}`,
    `FCP ${seconds(audit.fcpMs)}`,
    `LCP ${seconds(audit.lcpMs)}`,
    `TBT ${audit.tbtMs.toFixed(0)} ms`,
    `CLS ${audit.cls.toFixed(4)}`,
    `SI ${seconds(audit.speedIndexMs)}`,
    `transferred ${(audit.transferBytes / 1024).toFixed(1)} KB`,
    `DOM ${audit.domElements.toLocaleString('en')} elements`,
    `main thread ${audit.mainThreadMs.toFixed(0)} ms (style and layout ${audit.styleLayoutMs.toFixed(0)} ms)`,
  ].join(', ');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Each score and metric is the median of its own values over the runs (they need not come from one run). */
function medianAudit(audits: readonly PageAudit[]): PageAudit {
  const first = audits[0];
  if (!first) throw new Error('no Lighthouse runs');
  const of = (pick: (audit: PageAudit) => number | undefined) => median(audits.map(pick).filter((value) => value !== undefined));
  const scores: PageAudit['scores'] = {};
  for (const category of Object.keys(first.scores) as (keyof PageAudit['scores'])[]) scores[category] = of((audit) => audit.scores[category]);
  return {
    ...first,
    scores,
    fcpMs: of((audit) => audit.fcpMs),
    lcpMs: of((audit) => audit.lcpMs),
    tbtMs: of((audit) => audit.tbtMs),
    cls: of((audit) => audit.cls),
    speedIndexMs: of((audit) => audit.speedIndexMs),
    transferBytes: of((audit) => audit.transferBytes),
    domElements: of((audit) => audit.domElements),
    mainThreadMs: of((audit) => audit.mainThreadMs),
    styleLayoutMs: of((audit) => audit.styleLayoutMs),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Debian's chromium wrapper prints a shell warning on stderr with the version; only stdout is the version. */
function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return `Chromium at ${CHROMIUM} (version unknown)`;
  }
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt === -1 ? 3 : Number(args[runsAt + 1]);
  const dist = resolve(args.find((arg, index) => !arg.startsWith('--') && (runsAt === -1 || index !== runsAt + 1)) ?? 'dist');
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('usage: npm run lighthouse -- [DIST] [--runs N]');
    process.exit(2);
  }
  try {
    await measureLighthouse({ dist, runs });
  } catch (error) {
    console.error(`lighthouse: could not measure: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
