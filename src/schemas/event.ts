import { z } from 'zod';
import { link, partialDate, slug } from './common.ts';
import { LIMITS, TOO_LONG } from './limits.ts';

/** A workshop, conference or series. The body describes it. */
export const eventSchema = () =>
  z.strictObject({
    /** Name as the organisers give it. */
    name: z.string().trim().min(1, 'an event needs a name').max(LIMITS.name, TOO_LONG),
    /** First day, as precisely as the source says. */
    start: partialDate.optional(),
    /** Last day, when it ran over several. */
    end: partialDate.optional(),
    /** City or venue, when a source says. */
    place: z.string().min(1).max(LIMITS.name, TOO_LONG).optional(),
    /** Programme blocks in running order; talks point at them by id. */
    sessions: z
      .array(
        z.strictObject({
          /** Id talks use in their `session` field. */
          id: slug,
          /** Heading as the programme gives it. */
          title: z.string().min(1).max(LIMITS.name, TOO_LONG),
        }),
      )
      .max(LIMITS.list, TOO_LONG)
      .default([]),
    /** Event website, recordings playlist. */
    links: z.array(link).max(LIMITS.list, TOO_LONG).default([]),
  });

export type EventData = z.infer<ReturnType<typeof eventSchema>>;
