import { z } from 'zod';
import { link } from './common.ts';
import { LIMITS, TOO_LONG } from './limits.ts';

/** A person who speaks in, hosts or wrote something in the archive. The body is an optional bio. */
export const speakerSchema = () =>
  z.strictObject({
    /** Full name as the person writes it. */
    name: z.string().trim().min(1, 'a speaker needs a name').max(LIMITS.name, TOO_LONG),
    /** Name used for sorting; defaults to the last word of the name. */
    sortName: z.string().min(1).max(LIMITS.name, TOO_LONG).optional(),
    /** Affiliation, only when a source states it. */
    affiliation: z.string().min(1).max(LIMITS.affiliation, TOO_LONG).optional(),
    /** Their own pages: homepage, profile. */
    links: z.array(link).max(LIMITS.list, TOO_LONG).default([]),
    /** Other spellings transcripts use for them ("Jan", "Micheal"); matched without regard to case. */
    aliases: z.array(z.string().trim().min(1).max(LIMITS.label, TOO_LONG)).max(LIMITS.list, TOO_LONG).default([]),
  });

export type SpeakerData = z.infer<ReturnType<typeof speakerSchema>>;
