/**
 * A file's bytes as UTF-8 text, or where they stop being UTF-8 and what to do about it: the content check
 * and the importer say the same thing about a file saved in another encoding.
 */
export function decodeUtf8Text(bytes: Buffer): { text: string } | { line: number; message: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, offset).toString('latin1').split('\n').length;
    const byte = bytes[offset] ?? 0;
    // A Latin-1 or Windows-1252 file has letters such as é (0xE9) where UTF-8 needs two bytes.
    const guess = byte >= 0xa0 ? ` ("${Buffer.from([byte]).toString('latin1')}" in Latin-1)` : '';
    const hex = byte.toString(16).toUpperCase().padStart(2, '0');
    return {
      line,
      message: `the file is not valid UTF-8: byte 0x${hex}${guess} on this line is not UTF-8 text; re-save the file as UTF-8 (in an editor, or with iconv -f latin1 -t utf-8)`,
    };
  }
}

/** Offset of the first byte that is not part of a well-formed UTF-8 character (runs only for broken files). */
function firstInvalidUtf8(bytes: Buffer): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return index;
    // The second byte's range is narrower after some lead bytes (no overlong forms, no surrogates).
    const second = bytes[index + 1] as number;
    const [low, high] =
      lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (second < low || second > high) return index;
    for (let next = 2; next < length; next += 1) {
      if (((bytes[index + next] as number) & 0xc0) !== 0x80) return index;
    }
    index += length;
  }
  return 0;
}
