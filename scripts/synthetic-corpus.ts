/**
 * Writes a synthetic archive for benchmarks: runs the shared corpus
 * generator (gen-corpus.mjs), then turns its output into this archive's
 * content format, words unchanged. Build it with
 *   ARCHIVE_CONTENT_DIR=<out>/content npm run build
 *
 * Usage: node scripts/synthetic-corpus.ts OUT --generator PATH [--talks N] [--words W]
 * PATH is the corpus generator script (gen-corpus.mjs); $ARCHIVE_CORPUS_GENERATOR may give it instead.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEntryFile } from '../src/lib/content/front-matter.ts';

interface GeneratedSpeaker {
  slug: string;
  name: string;
}

/**
 * Writes the archive into OUT/content; with keepGenerated, the generator's own output stays in
 * OUT/generated (talks/ and speakers.json), for tools that read that format, such as the baseline build.
 */
export function writeSyntheticArchive(out: string, talks: number, words: number, generator: string, keepGenerated = false): string {
  const raw = join(out, 'generated');
  const content = join(out, 'content');
  rmSync(out, { recursive: true, force: true });
  execFileSync(process.execPath, [generator, raw, '--talks', String(talks), '--words', String(words)], { stdio: 'inherit' });
  const speakers = JSON.parse(readFileSync(join(raw, 'speakers.json'), 'utf8')) as GeneratedSpeaker[];
  for (const folder of ['talks', 'speakers', 'topics']) mkdirSync(join(content, folder), { recursive: true });
  for (const speaker of speakers) writeFileSync(join(content, 'speakers', `${speaker.slug}.md`), `---\nname: ${speaker.name}\n---\n`);
  const topics = new Set<string>();
  for (const file of readdirSync(join(raw, 'talks'))) {
    const text = readFileSync(join(raw, 'talks', file), 'utf8');
    const entry = parseEntryFile(text, file);
    if ('message' in entry) throw new Error(`${file}: ${entry.message}`);
    const { title, date, speakers: billed, topics: tagged } = entry.data as { title: string; date: string; speakers: string[]; topics: string[] };
    const unique = [...new Set(billed)];
    for (const topic of tagged) topics.add(topic);
    const front = [
      `title: ${JSON.stringify(title)}`,
      'kind: interview',
      `date: "${date}"`,
      'speakers:',
      ...unique.map((slug, index) => `  - speaker: ${slug}\n    role: ${index === 0 ? 'host' : 'guest'}`),
      `topics: [${[...new Set(tagged)].join(', ')}]`,
    ];
    writeFileSync(join(content, 'talks', file), `---\n${front.join('\n')}\n---\n${entry.body}`);
  }
  [...topics].sort().forEach((topic, index) => {
    writeFileSync(
      join(content, 'topics', `${topic}.md`),
      `---\nnumber: "9.${index + 1}"\ntitle: ${topic.replaceAll('-', ' ')}\ncategory: Synthetic topics\n---\n`,
    );
  });
  if (!keepGenerated) rmSync(raw, { recursive: true, force: true });
  return content;
}

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? undefined : args[index + 1];
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const out = args[0];
  const generatorPath = option(args, 'generator') ?? process.env['ARCHIVE_CORPUS_GENERATOR'];
  if (!out || out.startsWith('--') || !generatorPath) {
    console.error('usage: node scripts/synthetic-corpus.ts OUT --generator PATH/gen-corpus.mjs [--talks N] [--words W]');
    process.exit(2);
  }
  const generator = resolve(generatorPath);
  const content = writeSyntheticArchive(resolve(out), Number(option(args, 'talks') ?? 100), Number(option(args, 'words') ?? 8000), generator);
  console.log(`synthetic archive in ${content}; build it with ARCHIVE_CONTENT_DIR=${content} npm run build`);
}
