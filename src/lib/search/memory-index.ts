import type * as pagefindApi from 'pagefind';

export type PagefindService = Pick<typeof pagefindApi, 'createIndex' | 'close'>;

/** A Pagefind index's files, held in memory by their path below `/pagefind/`. */
export type IndexFiles = Map<string, Uint8Array>;

/**
 * A Pagefind index of the given pages (site path to HTML), built in memory with Pagefind's Node API,
 * as the build does but without writing it: the development server serves these files. Any error
 * Pagefind reports is thrown.
 */
export async function indexInMemory(pagefind: PagefindService, pages: ReadonlyMap<string, string>): Promise<IndexFiles> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  try {
    const added = await Promise.all([...pages].map(([url, content]) => index.addHTMLFile({ url, content })));
    const problems = added.flatMap((result) => result.errors);
    if (problems.length > 0) throw new Error(`Pagefind could not index the pages: ${problems.join('; ')}`);
    const { files, errors: writing } = await index.getFiles();
    if (writing.length > 0) throw new Error(`Pagefind could not make the index: ${writing.join('; ')}`);
    return new Map(files.map((file) => [file.path.replace(/^\/+/, ''), file.content]));
  } finally {
    await index.deleteIndex();
  }
}
