import type { z } from 'zod';
import { slugReference } from '../../../schemas/common.ts';
import { eventSchema } from '../../../schemas/event.ts';
import { speakerSchema } from '../../../schemas/speaker.ts';
import { talkSchema } from '../../../schemas/talk.ts';
import { topicSchema } from '../../../schemas/topic.ts';
import { COLLECTIONS, type CollectionName } from '../read-collection.ts';

/** Each collection's schema, with references as plain slugs (their targets are checked apart). */
export const schemas = {
  talks: talkSchema(slugReference),
  speakers: speakerSchema(),
  events: eventSchema(),
  topics: topicSchema(slugReference),
} satisfies Record<CollectionName, z.ZodType>;

export const SINGULAR: Record<CollectionName, string> = { talks: 'talk', speakers: 'speaker', events: 'event', topics: 'topic' };

/** The collection whose schema accepts these front-matter fields, if exactly one does (leaving out `except`). */
export function collectionOf(data: Record<string, unknown>, except?: CollectionName): CollectionName | undefined {
  const fits = COLLECTIONS.filter((collection) => collection !== except && schemas[collection].safeParse(data).success);
  return fits.length === 1 ? fits[0] : undefined;
}
