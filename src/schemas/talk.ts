import { z } from 'zod';
import { partialDate, slug, slugReference, type ReferenceFactory } from './common.ts';
import { LIMITS, TOO_LONG } from './limits.ts';
import { talkSource } from './talk-source.ts';

export const TALK_KINDS = ['talk', 'lightning-talk', 'interview', 'panel', 'essay', 'post'] as const;
export const SPEAKER_ROLES = ['speaker', 'host', 'guest', 'author', 'moderator', 'panelist'] as const;
export const PROVENANCES = ['human-transcript', 'captions', 'auto-captions', 'edited', 'author-text'] as const;

/** A talk, interview, essay or post. The Markdown body is its transcript or text. */
export const talkSchema = <R extends z.ZodType>(reference: ReferenceFactory<R>) =>
  z.strictObject({
    /** Title as the source gives it. */
    title: z.string().trim().min(1, 'a talk needs a title').max(LIMITS.title, TOO_LONG),
    /** What sort of item this is; decides labels and grouping on the site. */
    kind: z.enum(TALK_KINDS),
    /** The event it was given at, if any. */
    event: reference('events').optional(),
    /** Id of one of the event's sessions (checked against the event). */
    session: slug.optional(),
    /** Position within the session's programme, from 1. */
    order: z.int().positive().optional(),
    /** When it was given or published, as precisely as the source says. */
    date: partialDate.optional(),
    /** Who speaks or wrote it, in billing order, each with their role. */
    speakers: z
      .array(
        z.strictObject({
          /** The speaker entry. */
          speaker: reference('speakers'),
          /** Their part in it. */
          role: z.enum(SPEAKER_ROLES).default('speaker'),
        }),
      )
      .min(1, 'list at least one speaker')
      .max(LIMITS.list, TOO_LONG),
    /**
     * Other labels its transcript uses for people without a speaker entry: an
     * audience member named only by first name, a session chair. Shown as written, unlinked.
     */
    voices: z.array(z.string().trim().min(1).max(LIMITS.label, TOO_LONG)).max(LIMITS.list, TOO_LONG).default([]),
    /** Research-agenda sections it evidently addresses. */
    topics: z.array(reference('topics')).max(LIMITS.list, TOO_LONG).default([]),
    /** Where the original lives: recording, post, slides; a recording's times where its source gives them. */
    sources: z.array(talkSource).max(LIMITS.list, TOO_LONG).default([]),
    /** Where the transcript or text came from; omitted when the source does not say. */
    transcript: z
      .strictObject({
        /** How it was made. */
        provenance: z.enum(PROVENANCES).optional(),
        /** Who made it or where it was taken from, in words. */
        origin: z.string().min(1).max(LIMITS.origin, TOO_LONG).optional(),
        /** Language of the transcript (BCP 47). */
        language: z.string().min(2).max(LIMITS.language, TOO_LONG).optional(),
      })
      .optional(),
    /** One or two sentences on what it is about, taken from a source. */
    summary: z.string().min(1).max(LIMITS.summary, TOO_LONG).optional(),
  });

/** Front matter as the validator sees it, references as slugs. */
export type TalkData = z.infer<ReturnType<typeof talkSchema<ReturnType<typeof slugReference>>>>;
