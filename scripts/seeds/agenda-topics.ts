/** Seed 003's sections as topics, each carrying the post's excerpts about it. */
import { slugify } from '../../src/lib/transcript/stable-id.ts';
import { escapeMarkdown } from '../../src/lib/escape-markdown.ts';
import { POST_SLUG } from './agenda-post.ts';
import { CATEGORIES, TOPICS, type Span, type Topic } from './agenda-sections.ts';
import type { ContentFile } from './content-file.ts';
import { indexOfOnly } from './text-checks.ts';

export function topicFiles(post: string): ContentFile[] {
  return TOPICS.map((topic) => {
    const excerpts = topic.excerpts.map((excerpt) => excerptOf(post, excerpt));
    return {
      path: `topics/${slugify(topic.title)}.md`,
      data: { number: topic.number, title: topic.title, category: categoryOf(topic), source: POST_SLUG },
      body: excerpts.map(escapeMarkdown).join('\n\n'),
      source: excerpts.join('\n\n'),
    };
  });
}

function excerptOf(text: string, { from, through }: Span): string {
  const start = indexOfOnly(text, from);
  const end = text.indexOf(through, start);
  if (end === -1) throw new Error(`excerpt from "${from}" never reaches "${through}"`);
  return text.slice(start, end + through.length);
}

function categoryOf(topic: Topic): string {
  const category = CATEGORIES[topic.number.split('.')[0] ?? ''];
  if (category === undefined) throw new Error(`no category for section ${topic.number}`);
  return category;
}
