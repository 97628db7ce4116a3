/** Finding the converter's landmarks in seed text, and failing loudly when a seed or a table no longer fits. */

export function indexOfOnly(text: string, needle: string): number {
  const first = text.indexOf(needle);
  if (first === -1) throw new Error(`"${needle}" is not in the seed`);
  if (text.indexOf(needle, first + 1) !== -1) throw new Error(`"${needle}" occurs more than once in the seed`);
  return first;
}

/** The text before the only occurrence of `marker`, and the text from it on. */
export function splitAtOnly(text: string, marker: string): [string, string] {
  const at = indexOfOnly(text, marker);
  return [text.slice(0, at), text.slice(at)];
}

export function assertAscending(positions: readonly number[], what: string): void {
  positions.forEach((position, index) => {
    if (index > 0 && position <= (positions[index - 1] as number)) throw new Error(`${what} are out of order at number ${index + 1}`);
  });
}

export function assertAllUsed(keys: readonly string[], used: readonly string[], table: string): void {
  const unused = keys.filter((key) => !used.includes(key));
  if (unused.length > 0) throw new Error(`${table} has entries that match nothing: ${unused.join(', ')}`);
}
