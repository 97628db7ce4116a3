/** One entry per person the talks bill; only the name is the seed's, so aliases and bios added later stay. */
import { slugify } from '../../src/lib/transcript/stable-id.ts';
import type { ContentFile } from './content-file.ts';

export function speakerFiles(names: readonly string[]): ContentFile[] {
  return [...new Set(names)].map((name) => ({ path: `speakers/${slugify(name)}.md`, data: { name }, body: '', source: '', owns: ['name'] }));
}
