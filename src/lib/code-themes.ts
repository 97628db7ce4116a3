/**
 * The Shiki themes code is coloured with, light and dark: Markdown code blocks (astro.config.ts) and the
 * citation blocks (src/lib/quotes/highlight-citation.ts). global.css switches to the dark one with the theme.
 */
export const CODE_THEMES = { light: 'github-light', dark: 'github-dark' } as const;
