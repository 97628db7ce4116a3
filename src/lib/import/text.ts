/** Small text helpers shared by the format parsers. */

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
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
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

/** `1:02:03`, `62:03`, `00:09`, `00:00:06,687`, `00:15.000` in seconds; undefined when it is no clock time. */
export function parseClock(text: string): number | undefined {
  const match = /^(?:(\d{1,3}):)?(\d{1,3}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0', fraction = ''] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + (fraction ? Number(`0.${fraction}`) : 0);
}

/** `[m:ss]` under an hour, `[h:mm:ss]` from an hour on, whole seconds (rounded down). */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds + 1e-6));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** YAML front matter at the top of a file: its lines (without the fences) and the index of the first line after it. */
export function frontMatterOf(lines: readonly string[]): { yaml: string[]; bodyFrom: number } | undefined {
  if (!/^---\s*$/.test(lines[0] ?? '')) return undefined;
  const closing = lines.findIndex((line, index) => index > 0 && /^---\s*$/.test(line));
  if (closing === -1) return undefined;
  return { yaml: lines.slice(1, closing), bodyFrom: closing + 1 };
}
