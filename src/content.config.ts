import { defineCollection, reference } from 'astro:content';
import { contentDir } from './lib/content/content-dir.ts';
import { archiveLoader } from './loaders/archive-loader.ts';
import { eventSchema } from './schemas/event.ts';
import { speakerSchema } from './schemas/speaker.ts';
import { talkSchema } from './schemas/talk.ts';
import { topicSchema } from './schemas/topic.ts';

const root = contentDir();

export const collections = {
  talks: defineCollection({ loader: archiveLoader(root, 'talks', { keepBody: false }), schema: talkSchema(reference) }),
  speakers: defineCollection({ loader: archiveLoader(root, 'speakers', { keepBody: true }), schema: speakerSchema() }),
  events: defineCollection({ loader: archiveLoader(root, 'events', { keepBody: true }), schema: eventSchema() }),
  topics: defineCollection({ loader: archiveLoader(root, 'topics', { keepBody: true }), schema: topicSchema(reference) }),
};
