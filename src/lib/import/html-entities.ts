/**
 * HTML character references decoded as the HTML standard says: every named
 * reference of HTML5 (the table webvtt.js ships, the standard's own list)
 * and numeric ones, with the standard's replacements for C1 controls, NUL,
 * surrogates and code points past Unicode. Only references closed by `;` are
 * decoded: "AT&T", "R&D" and "&ampersand" stay as written.
 */
import table from 'webvtt-parser/html-entities.json' with { type: 'json' };

const NAMED: ReadonlyMap<string, string> = new Map(Object.entries(table as Record<string, string>).filter(([name]) => name.endsWith(';')));

/** Windows-1252 characters the standard reads for references to 0x80 to 0x9F. */
const C1: Readonly<Record<number, number>> = {
  0x80: 0x20ac,
  0x82: 0x201a,
  0x83: 0x0192,
  0x84: 0x201e,
  0x85: 0x2026,
  0x86: 0x2020,
  0x87: 0x2021,
  0x88: 0x02c6,
  0x89: 0x2030,
  0x8a: 0x0160,
  0x8b: 0x2039,
  0x8c: 0x0152,
  0x8e: 0x017d,
  0x91: 0x2018,
  0x92: 0x2019,
  0x93: 0x201c,
  0x94: 0x201d,
  0x95: 0x2022,
  0x96: 0x2013,
  0x97: 0x2014,
  0x98: 0x02dc,
  0x99: 0x2122,
  0x9a: 0x0161,
  0x9b: 0x203a,
  0x9c: 0x0153,
  0x9e: 0x017e,
  0x9f: 0x0178,
};

const REFERENCE = /&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z][A-Za-z0-9]{0,31}));/g;

/** `&quot;`, `&eacute;`, `&#39;`, `&#x2019;` and every other closed reference decoded; unknown names stay as written. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(REFERENCE, (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED.get(`&${name};`) ?? whole;
    return fromCodePoint(hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal));
  });
}

function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || !Number.isFinite(code)) return '\uFFFD';
  return String.fromCodePoint(C1[code] ?? code);
}
