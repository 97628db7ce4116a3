import { launch } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.ts';

export type Category = 'performance' | 'accessibility' | 'best-practices';

/** What one Lighthouse run of one page found, in the units a reader expects. */
export interface PageAudit {
  lighthouseVersion: string;
  /** Category scores, 0 to 100, for the categories asked for. */
  scores: Partial<Record<Category, number>>;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  /** Bytes over the network for the whole load (compressed where the server compressed). */
  transferBytes: number;
  domElements: number;
  /** Main-thread work during the load, in simulated milliseconds, and its style-and-layout part. */
  mainThreadMs: number;
  styleLayoutMs: number;
  /** Main-thread tasks of 50 ms or more, in Lighthouse's simulated (throttled) milliseconds, longest first. */
  longTasksMs: number[];
  /** Performance audits that did not pass, with Lighthouse's own summary. */
  findings: string[];
  /** Elements whose movement made up the layout shift, with their share of it. */
  shiftCulprits: string[];
}

/**
 * A fresh headless Chromium (a new temporary profile, removed on close) with a
 * remote-debugging port for Lighthouse. chrome-launcher's own defaults apply
 * too; ours keep Chromium off the network at start-up.
 */
export async function openChromium(): Promise<{ port: number; close: () => void }> {
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS, logLevel: 'silent' });
  return { port: chrome.port, close: () => chrome.kill() };
}

/**
 * One Lighthouse navigation with the default configuration: a mid-range
 * phone's screen, simulated slow 4G and a 4x slower CPU. Throws when
 * Lighthouse could not measure the page (a low score is not an error).
 */
export async function auditPage(url: string, port: number, categories: readonly Category[]): Promise<PageAudit> {
  const result = await lighthouse(url, { port, logLevel: 'error', onlyCategories: [...categories] });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned no result for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse could not measure ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores: Partial<Record<Category, number>> = {};
  for (const category of categories) {
    const score = lhr.categories[category]?.score;
    if (typeof score !== 'number') throw new Error(`Lighthouse gave no ${category} score for ${url}`);
    scores[category] = Math.round(score * 100);
  }
  return {
    lighthouseVersion: lhr.lighthouseVersion,
    scores,
    fcpMs: numeric(lhr, 'first-contentful-paint'),
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    speedIndexMs: numeric(lhr, 'speed-index'),
    transferBytes: numeric(lhr, 'total-byte-weight'),
    domElements: numeric(lhr, 'dom-size-insight'),
    mainThreadMs: numeric(lhr, 'mainthread-work-breakdown'),
    styleLayoutMs: Number(tableItems(lhr, 'mainthread-work-breakdown').find((item) => item['group'] === 'styleLayout')?.['duration'] ?? 0),
    longTasksMs: tableItems(lhr, 'long-tasks')
      .map((item) => Number(item['duration']))
      .sort((a, b) => b - a),
    findings: failedPerformanceAudits(lhr),
    shiftCulprits: tableItems(lhr, 'layout-shifts').map((item) => {
      const node = item['node'] as { selector?: string; snippet?: string } | undefined;
      return `${node?.selector ?? node?.snippet ?? 'unknown element'} (${Number(item['score']).toFixed(4)})`;
    }),
  };
}

function numeric(lhr: Result, id: string): number {
  const value = lhr.audits[id]?.numericValue;
  if (typeof value !== 'number') throw new Error(`Lighthouse audit ${id} has no value (is this Lighthouse 13?)`);
  return value;
}

function tableItems(lhr: Result, id: string): Record<string, unknown>[] {
  const details = lhr.audits[id]?.details;
  return details?.type === 'table' ? details.items : [];
}

/** Lighthouse's "failed" threshold: audits scoring under 0.9 show in red or orange in its report. */
function failedPerformanceAudits(lhr: Result): string[] {
  const refs = lhr.categories['performance']?.auditRefs ?? [];
  return refs.flatMap((ref) => {
    const audit = lhr.audits[ref.id];
    if (!audit || ref.group === 'metrics' || audit.score === null || audit.score >= 0.9) return [];
    if (!['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode)) return [];
    return [`${audit.title}${audit.displayValue ? `: ${audit.displayValue}` : ''} [${audit.id}]`];
  });
}
