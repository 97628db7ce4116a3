/**
 * Splits one recording into several talks (a session of lightning talks).
 * Each part starts at the first turn of its talk's speaker at or after the
 * part's time, so a chair's hand-off and the last words of the talk before
 * stay with the part before; the first part also takes what comes before it
 * (a session's opening). Every segment lands in exactly one part, in order.
 */
import { ImportError } from './import-error.ts';
import type { Chapter, Segment, SourcePlace } from './model.ts';
import { formatClock } from './text.ts';

export interface PartSpec {
  /** Seconds from the start of the recording. */
  start: number;
  slug: string;
  /** Whether a label names this part's speaker. */
  isSpeaker: (label: string) => boolean;
  /** For messages: who the speaker is. */
  speakerNames: string;
}

export interface Part {
  spec: PartSpec;
  segments: Segment[];
  chapters: Chapter[];
  /** Where the part starts in the source. */
  at: SourcePlace;
  notes: string[];
}

export function splitIntoParts(segments: readonly Segment[], chapters: readonly Chapter[], specs: readonly PartSpec[]): Part[] {
  const boundaries: number[] = [];
  specs.forEach((spec, index) => {
    const previous = specs[index - 1];
    if (previous && spec.start <= previous.start) {
      throw new ImportError(
        `--part ${formatClock(spec.start)}=${spec.slug} must start after --part ${formatClock(previous.start)}=${previous.slug}; list parts in the order of the recording`,
        { exitCode: 2 },
      );
    }
    if (index === 0) {
      boundaries.push(0);
      return;
    }
    const from = (boundaries[index - 1] as number) + 1;
    const found = segments.findIndex(
      (segment, at) =>
        at >= from && segment.label !== undefined && spec.isSpeaker(segment.label) && (segment.start ?? Number.POSITIVE_INFINITY) >= spec.start - 0.5,
    );
    if (found === -1) {
      throw new ImportError(
        `--part ${formatClock(spec.start)}=${spec.slug}: no turn labelled as ${spec.speakerNames} at or after ${formatClock(spec.start)}; check the time, or add the label's spelling to the speaker's aliases`,
        { exitCode: 1 },
      );
    }
    boundaries.push(found);
  });
  return specs.map((spec, index) => {
    const from = boundaries[index] as number;
    const to = boundaries[index + 1] ?? segments.length;
    const notes: string[] = [];
    const own = chapters
      .filter((chapter) => chapter.before >= from && (chapter.before < to || (to === segments.length && chapter.before === to)))
      .map((chapter) => ({ ...chapter, before: chapter.before - from }));
    const opening = own.filter((chapter) => chapter.before === 0);
    for (const chapter of opening) notes.push(`the chapter heading "${chapter.title}" opens this part: the page's title says it, so it gets no heading`);
    return {
      spec,
      segments: segments.slice(from, to),
      chapters: own.filter((chapter) => chapter.before > 0),
      at: segments[from]?.at ?? { line: 1 },
      notes,
    };
  });
}
