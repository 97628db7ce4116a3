import type { SpeakerData } from '../../../schemas/speaker.ts';
import type { TalkData } from '../../../schemas/talk.ts';
import { anonymousVoice, createLabelResolver } from '../../transcript/speaker-labels.ts';
import { labelIssue } from '../check-text.ts';
import type { ContentIssue } from '../content-issue.ts';
import { outlineTranscript, type TranscriptOutline } from '../transcript-outline.ts';
import type { CheckedEntry, OutlineCache } from '../validate-archive.ts';

/**
 * Checks a talk's body: that its transcript is not empty where it claims to have one, that every
 * turn says something, and that every turn label names one of the talk's own speakers.
 */
export function checkTranscript(talk: CheckedEntry<TalkData>, speakerById: Map<string, CheckedEntry<SpeakerData>>, issues: ContentIssue[], unsplit: ReadonlySet<string>, outlines: OutlineCache | undefined): void {
  const blank = talk.body.trim() === '';
  if (blank) {
    // An empty body is a talk without a transcript yet, and valid; a transcript field says there is one.
    if (talk.valid.transcript !== undefined) {
      issues.push({
        file: talk.file,
        line: talk.lineOf(['transcript']),
        field: 'transcript',
        message: 'the front matter describes a transcript, but the body below it is empty; paste the transcript after the closing "---", or remove the transcript field until you have one',
      });
    }
    return;
  }
  // A text that was not split into paragraphs is reported already; its turns would only add noise.
  if (unsplit.has(talk.file)) return;
  let outline = outlines?.get(talk.digest);
  if (!outline) {
    outline = outlineTranscript(talk.body);
    outlines?.set(talk.digest, outline);
  }
  if (!outline.hasWords) {
    issues.push({
      file: talk.file,
      line: talk.bodyStartLine,
      field: 'transcript',
      message: 'the transcript has no words, only labels, timestamps or markup; add the text, or leave the body empty (the page then says no transcript is in the archive yet)',
    });
    return;
  }
  for (const turn of outline.turns) {
    if (turn.continued || turn.hasWords) continue;
    issues.push({
      file: talk.file,
      line: talk.bodyStartLine + turn.line - 1,
      field: 'transcript',
      message: `the turn of "${turn.label}" has no words before the next label or heading; add what was said (or [inaudible]), or delete the label`,
    });
  }
  checkTurnLabels(talk, outline, speakerById, issues);
}

/** Every turn label must name one of the talk's own speakers. */
function checkTurnLabels(talk: CheckedEntry<TalkData>, outline: TranscriptOutline, speakerById: Map<string, CheckedEntry<SpeakerData>>, issues: ContentIssue[]): void {
  // A missing speaker entry is reported already; its labels would only repeat that.
  if (talk.valid.speakers.some(({ speaker }) => !speakerById.has(speaker))) return;
  const billed = talk.valid.speakers.map(({ speaker }) => {
    const entry = speakerById.get(speaker) as CheckedEntry<SpeakerData>;
    return { slug: entry.id, name: entry.valid.name, aliases: entry.valid.aliases };
  });
  const resolve = createLabelResolver([...billed, ...talk.valid.voices.map((voice) => ({ slug: voice, name: voice, aliases: [] }))]);
  const reported = new Set<string>();
  for (const turn of outline.turns) {
    if (turn.continued || reported.has(turn.label)) continue;
    const bidi = labelIssue(talk.file, talk.bodyStartLine + turn.line - 1, turn.label);
    if (bidi) {
      issues.push(bidi);
      reported.add(turn.label);
      continue;
    }
    if (resolve(turn.label) || anonymousVoice(turn.label)) continue;
    reported.add(turn.label);
    const names = billed.map((speaker) => speaker.name).join(', ') || 'none';
    issues.push({
      file: talk.file,
      line: talk.bodyStartLine + turn.line - 1,
      field: 'transcript label',
      message: `"${turn.label}" is not one of this talk's speakers (${names}), voices or "Audience member"/"Unknown speaker"; add the speaker to the speakers field, their spelling to the speaker's aliases, or the label to voices`,
    });
  }
}
