/**
 * The audit of times: every time the source gives is written as it is, and
 * no time the source does not give passes for one (see auditOutput).
 */
import type { Passage } from '../transcript/parse-transcript.ts';
import type { WordAudit } from './audit.ts';
import type { Layout, Segment, SourcePlace } from './model.ts';
import { formatClock } from './text.ts';

/**
 * Every time the source gives must be written as it is: each timed paragraph or cue with words is
 * where a paragraph of the output starts, at that time and not marked as an estimate (paragraph
 * layouts); merged cues start their paragraphs at one of the cues' times. A written time that is
 * not marked as an estimate must be one the source gives, at that place.
 */
export function auditTimes(
  segments: readonly Segment[],
  passages: readonly Passage[],
  layout: Layout,
  fail: (message: string, place?: SourcePlace) => never,
): Pick<WordAudit, 'timesRead' | 'timesKept' | 'timesEstimated'> {
  const given = sourceTimes(segments);
  const exact = passages.flatMap((passage) => (passage.timestamp && !passage.timestamp.estimated ? [passage.timestamp.label] : []));
  let at = 0;
  for (const label of exact) {
    const found = given.findIndex((time, index) => index >= at && time.label === label);
    if (found === -1 || (layout === 'paragraphs' && found !== at)) {
      const missing = given[at];
      if (layout === 'paragraphs' && missing && found !== -1)
        fail(`the source's timestamp [${missing.label}] is not in the output (dropped, or merged into the paragraph before)`, missing.at);
      fail(`[${label}] is written as a time the source gives, but the source gives it nowhere there; an estimate must be written [~${label}]`);
    }
    at = found + 1;
  }
  const missing = given[at];
  if (layout === 'paragraphs' && missing)
    fail(`the source's timestamp [${missing.label}] is not in the output (dropped, or merged into the paragraph before)`, missing.at);
  return { timesRead: given.length, timesKept: exact.length, timesEstimated: passages.filter((passage) => passage.timestamp?.estimated).length };
}

/** The times the source states, in order: the start of each timed paragraph or cue that has words (not those the source itself marks as estimates). */
function sourceTimes(segments: readonly Segment[]): { label: string; at: SourcePlace }[] {
  const times: { label: string; at: SourcePlace }[] = [];
  for (const segment of segments) {
    const clock = segment.clock;
    if (!clock || clock.wordsBefore !== 0 || clock.words === 0 || clock.estimated) continue;
    const label = formatClock(clock.from);
    // The unit's first segment may hold no words (a label alone); its next one opens the paragraph.
    const last = times.at(-1);
    if (last && last.label === label && last.at.line === segment.at.line && last.at.cue === segment.at.cue) continue;
    times.push({ label, at: segment.at });
  }
  return times;
}
