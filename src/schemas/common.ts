import { z } from 'zod';
import { LIMITS, TOO_LONG } from './limits.ts';

/**
 * Builds the zod type of a reference to another collection. Astro passes its
 * `reference()`; scripts and unit tests, which cannot import `astro:content`,
 * pass `slugReference`, so one schema module serves both.
 */
export type ReferenceFactory<R extends z.ZodType = z.ZodType> = (collection: 'talks' | 'speakers' | 'events' | 'topics') => R;

/** A reference as a plain slug: existence is checked by the archive validator. */
export const slugReference = (): typeof slug => slug;

/** What every slug is: lower-case letters and digits in words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An entry's id in its collection: its file name without extension. */
export const slug = z
  .string()
  .regex(SLUG_PATTERN, 'expected a slug: lower-case letters, digits and single hyphens, such as "jan-leike"')
  .max(LIMITS.slug, TOO_LONG);

/**
 * A date as precise as the source gives it: a year, a year and month, or a full
 * day (ISO 8601). Sources often say only "February 2023"; inventing a day would
 * be a guess.
 */
export const partialDate = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isRealDate, 'expected a real calendar date (month 01-12, a day that month has)');

function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  if (month === undefined) return true;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  const daysInMonth = new Date(Date.UTC(year ?? 0, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/** A link to somewhere else on the web: recording, original post, slides. */
export const link = z.strictObject({
  /** What the link leads to, as a reader would say it ("Recording", "Original post"). */
  label: z.string().min(1).max(LIMITS.linkLabel, TOO_LONG),
  /** Absolute http(s) URL. */
  url: z
    .url({
      protocol: /^https?$/,
      // Left to the caller's message when missing; zod's own says only "Invalid URL".
      error: (issue) =>
        issue.input === undefined ? undefined : 'expected a full web address such as "https://example.org/talk"; only http and https addresses are accepted',
    })
    .max(LIMITS.url, TOO_LONG),
});

/**
 * A time in a recording as people write it: "m:ss", "mm:ss" or "h:mm:ss" ("38:30", "1:00:31").
 * Kept as written; src/lib/transcript/timestamp.ts reads it in seconds.
 */
export const clockTime = z
  .string()
  .regex(/^(?:\d{1,3}:[0-5]\d|\d{1,3}):[0-5]\d$/, 'expected a time as m:ss or h:mm:ss, such as "38:30" or "1:00:31" (in quotes)');
