/**
 * Decodes CBOR (RFC 8949), the format of Pagefind's index files, as far as Pagefind uses it.
 */

/** A CBOR decoder for what Pagefind writes: integers, strings, arrays, maps and simple values. */
export function decodeCbor(bytes: Uint8Array): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const length = (info: number): number => {
    if (info < 24) return info;
    const size = 1 << (info - 24);
    const start = at;
    at += size;
    if (size === 1) return view.getUint8(start);
    if (size === 2) return view.getUint16(start);
    if (size === 4) return view.getUint32(start);
    return Number(view.getBigUint64(start));
  };
  const item = (): unknown => {
    const head = view.getUint8(at++);
    const major = head >> 5;
    const info = head & 31;
    switch (major) {
      case 0:
        return length(info);
      case 1:
        return -1 - length(info);
      case 2: {
        const size = length(info);
        at += size;
        return bytes.subarray(at - size, at);
      }
      case 3: {
        const size = length(info);
        at += size;
        return Buffer.from(bytes.subarray(at - size, at)).toString('utf8');
      }
      case 4:
        return Array.from({ length: length(info) }, item);
      case 5:
        return Object.fromEntries(Array.from({ length: length(info) }, () => [String(item()), item()]));
      case 7:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        throw new Error(`CBOR simple value ${info} at byte ${at - 1} is not one Pagefind writes`);
      default:
        throw new Error(`CBOR major type ${major} at byte ${at - 1} is not one Pagefind writes`);
    }
  };
  const value = item();
  if (at !== bytes.length) throw new Error(`CBOR: ${bytes.length - at} bytes left after the value`);
  return value;
}
