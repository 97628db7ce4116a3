/** Small text helpers shared by the format parsers. */

// Clock times are read and written the same way by the transcript parser; they live with it.
export { formatClock, parseClock } from '../transcript/timestamp.ts';

/** Lines of a file without BOM, whatever its line endings (LF, CRLF or CR). */
export function sourceLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** Runs of whitespace, line breaks included, become one space. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The named character references the importer decodes. */
export const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
};

/** Decodes HTML character references (`&quot;`, `&#39;`, `&#x2019;`); unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    // Own names only: "&constructor;" is text, not Object.prototype's constructor.
    const name = ref.toLowerCase();
    return Object.hasOwn(NAMED_ENTITIES, name) ? (NAMED_ENTITIES[name] as string) : whole;
  });
}

/** A paragraph of a text file: lines between blank lines, with the line it starts on. */
export interface Block {
  line: number;
  lines: string[];
}

/** Blank-line separated blocks of `lines`, starting at index `from` (0-based). */
export function blocksOf(lines: readonly string[], from = 0): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index] as string;
    if (line.trim() === '') {
      current = undefined;
      continue;
    }
    if (!current) {
      current = { line: index + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  }
  return blocks;
}

/** YAML front matter at the top of a file: its lines (without the fences) and the index of the first line after it. */
export function frontMatterOf(lines: readonly string[]): { yaml: string[]; bodyFrom: number } | undefined {
  if (!/^---\s*$/.test(lines[0] ?? '')) return undefined;
  const closing = lines.findIndex((line, index) => index > 0 && /^---\s*$/.test(line));
  if (closing === -1) return undefined;
  return { yaml: lines.slice(1, closing), bodyFrom: closing + 1 };
}
