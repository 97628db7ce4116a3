import { ImportError } from './import-error.ts';

/** JSON.parse with the failing line in the message. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const line = position === undefined ? 1 : text.slice(0, Number(position)).split('\n').length;
    throw new ImportError(`not valid JSON: ${message}`, { place: { line } });
  }
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
