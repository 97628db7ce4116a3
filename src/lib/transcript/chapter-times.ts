import type { ParsedTranscript } from './parse-transcript.ts';
import type { Timestamp } from './timestamp.ts';

/**
 * When each chapter starts: the time its heading gives, or else the time of the first timed passage
 * after its heading and before the next heading, so a chapter plays from its first words. A heading
 * with neither (an essay's) has none.
 */
export function chapterTimes(parsed: ParsedTranscript): Map<string, Timestamp> {
  const times = new Map<string, Timestamp>();
  let open: string | undefined;
  for (const block of parsed.blocks) {
    if (block.kind === 'heading') {
      if (block.timestamp) times.set(block.id, block.timestamp);
      open = block.timestamp ? undefined : block.id;
      continue;
    }
    if (open === undefined) continue;
    const passages = block.kind === 'turn' ? block.passages : [block.passage];
    const first = (block.kind === 'turn' ? block.timestamp : undefined) ?? passages.find((passage) => passage.timestamp)?.timestamp;
    if (first) {
      times.set(open, first);
      open = undefined;
    }
  }
  return times;
}
