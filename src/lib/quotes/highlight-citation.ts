import { createHighlighter, type ShikiTransformer } from 'shiki';
import { CODE_THEMES } from '../code-themes.ts';
import type { CitationSource } from './citation.ts';
import { citationShape, fillShape } from './citation-shapes.ts';

const LANGUAGES = ['markdown', 'bibtex'] as const;
export type CitationLanguage = (typeof LANGUAGES)[number];

let highlighter: ReturnType<typeof createHighlighter> | undefined;

/**
 * A citation as HTML, coloured by Shiki at build time in the site's light and dark themes. One
 * highlighter with the two languages citations are written in serves the whole build. The <pre> gets
 * the classes and attributes Astro gives a Markdown code block, so one stylesheet (and the switch to
 * the dark theme) serves both.
 */
export async function highlightCitation(code: string, lang: CitationLanguage, { wrap = false } = {}): Promise<string> {
  highlighter ??= createHighlighter({ langs: [...LANGUAGES], themes: Object.values(CODE_THEMES) });
  return (await highlighter).codeToHtml(code.replace(/(?:\r\n|\r|\n)$/, ''), {
    lang,
    themes: CODE_THEMES,
    defaultColor: 'light',
    transformers: [asCodeBlock(lang, wrap)],
  });
}

/** Coloured citation shapes, by language, wrapping and text; bounded, as an archive of unlike talks makes one each. */
const shapes = new Map<string, Promise<string>>();
const SHAPES_LIMIT = 2_000;
let shapesColoured = 0;

/**
 * The citation `write` makes of `source`, coloured as highlightCitation colours it, but coloured
 * once for every talk whose citation has the same shape (src/lib/quotes/citation-shapes.ts): four
 * citations a talk page, about 1 s of a 1,000-talk build when each was coloured on its own.
 */
export async function highlightCitationOf(
  source: CitationSource,
  write: (source: CitationSource) => string,
  lang: CitationLanguage,
  options: { wrap?: boolean } = {},
): Promise<string> {
  const shape = citationShape(source);
  if (shape) {
    const code = write(shape.source);
    const key = `${lang}\0${options.wrap === true}\0${code}`;
    let html = shapes.get(key);
    if (!html) {
      if (shapes.size >= SHAPES_LIMIT) shapes.clear();
      shapesColoured += 1;
      html = highlightCitation(code, lang, options);
      shapes.set(key, html);
    }
    const filled = fillShape(await html, shape, code);
    if (filled !== undefined) return filled;
  }
  return highlightCitation(write(source), lang, options);
}

/** How many shapes have been coloured in this process (for tests). */
export function citationShapesColoured(): number {
  return shapesColoured;
}

function asCodeBlock(lang: CitationLanguage, wrap: boolean): ShikiTransformer {
  return {
    pre(node) {
      const { class: classes, style } = node.properties;
      node.properties['class'] = String(classes ?? '').replace(/shiki/g, 'astro-code');
      node.properties['dataLanguage'] = lang;
      node.properties['style'] = `${String(style ?? '')}; overflow-x: auto;${wrap ? ' white-space: pre-wrap; word-wrap: break-word;' : ''}`;
    },
  };
}
