import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

export interface RepositorySettings {
  /**
   * The repository's web address ("https://github.com/org/archive"), or a
   * template with `{path}` where the file's path goes, for hosts with other
   * URL shapes. Empty: no correction links.
   */
  url: string;
  /** Branch that file links point at when `url` is not a template. */
  branch: string;
}

/**
 * The web address of an entry's source file in the repository, for "correct
 * this page" links; undefined when no repository is configured. `filePath`
 * is relative to `projectRoot` (where the build runs). A file inside the
 * project keeps its path from there; a content folder elsewhere is taken to
 * sit at the root of its own repository, so its files are addressed from
 * the content folder's parent ("content/talks/x.md").
 */
export function sourceFileUrl(repository: RepositorySettings, filePath: string | undefined, contentDir: string, projectRoot: string): string | undefined {
  const base = repository.url.trim();
  if (!base || !filePath) return undefined;
  const absolute = resolve(projectRoot, filePath);
  const fromRoot = relative(projectRoot, absolute);
  const inside = fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot);
  const path = (inside ? fromRoot : relative(dirname(contentDir), absolute)).split(sep).map(encodeURIComponent).join('/');
  if (base.includes('{path}')) return base.replace('{path}', path);
  return `${base.replace(/\/+$/, '')}/blob/${encodeURI(repository.branch)}/${path}`;
}
