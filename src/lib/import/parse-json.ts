import { ImportError } from './import-error.ts';

/** JSON.parse with the failing line in the message. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = errorOffset(text, message);
    const line = at === undefined ? 1 : text.slice(0, at).split('\n').length;
    throw new ImportError(`not valid JSON: ${message.split('\n')[0]}`, { place: { line } });
  }
}

/**
 * Where JSON.parse stopped: V8 gives a position for some errors, and for an
 * unexpected token a snippet of about ten characters either side of it.
 */
function errorOffset(text: string, message: string): number | undefined {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return Number(position);
  const snippet = /^Unexpected token .*?, "(\.\.\.)?([\s\S]*?)(?:\.\.\.)?" is not valid JSON$/.exec(message);
  if (!snippet?.[2]) return undefined;
  const found = text.indexOf(snippet[2]);
  return found === -1 ? undefined : found + (snippet[1] ? 10 : 0);
}

/** Line numbers of each occurrence of a JSON key, in order. */
export function keyLines(text: string, key: string): number[] {
  const found: number[] = [];
  let line = 1;
  let from = 0;
  for (let at = text.indexOf(key); at !== -1; at = text.indexOf(key, at + key.length)) {
    for (let index = from; index < at; index += 1) if (text.charCodeAt(index) === 10) line += 1;
    from = at;
    found.push(line);
  }
  return found;
}
