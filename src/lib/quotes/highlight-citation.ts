import { createHighlighter, type ShikiTransformer } from 'shiki';
import { CODE_THEMES } from '../code-themes.ts';

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
