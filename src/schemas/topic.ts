import { z } from 'zod';
import { slugReference, type ReferenceFactory } from './common.ts';
import { LIMITS, TOO_LONG } from './limits.ts';

/** A section of a research agenda. The body is what the agenda says about it. */
export const topicSchema = <R extends z.ZodType>(reference: ReferenceFactory<R>) =>
  z.strictObject({
    /** Section number in the agenda, such as "3.4". */
    number: z
      .string()
      .regex(/^\d+(?:\.\d+)*$/, 'expected a section number such as "3.4"')
      .max(LIMITS.slug, TOO_LONG),
    /** Short title: the agenda's own words for the section. */
    title: z.string().trim().min(1, 'a topic needs a title').max(LIMITS.title, TOO_LONG),
    /** The high-level category the agenda files it under. */
    category: z.string().trim().min(1, 'a topic needs a category').max(LIMITS.name, TOO_LONG),
    /** The post or paper the section and its text come from. */
    source: reference('talks').optional(),
  });

/** Front matter as the validator sees it, references as slugs. */
export type TopicData = z.infer<ReturnType<typeof topicSchema<ReturnType<typeof slugReference>>>>;
