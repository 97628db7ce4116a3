/**
 * Chapter headings as the transcript writes them. A source's heading levels
 * are kept in their order from `##` down, so `#` parts over `##` sections
 * become `##` parts over `###` sections (the page's contents nest them), and
 * a source with one level gets `##` whatever it used. A heading without a
 * title is no chapter: it would be written as an empty heading.
 */
import type { Chapter } from './model.ts';

/** Chapters with `depth` as the source's heading level (1 to 6) get the transcript's depth, from 2 on. */
export function keepLevels(chapters: Chapter[]): Chapter[] {
  const levels = [...new Set(chapters.map((chapter) => chapter.depth))].sort((a, b) => a - b);
  return chapters.map((chapter) => ({ ...chapter, depth: Math.min(6, 2 + levels.indexOf(chapter.depth)) }));
}

/** The chapters that have a title; each one without is reported and left out. */
export function withTitles(chapters: readonly Chapter[], notes: string[]): Chapter[] {
  return chapters.filter((chapter) => {
    if (chapter.title.trim() !== '') return true;
    notes.push(`line ${chapter.at.line}: a chapter heading without a title; it gets no heading`);
    return false;
  });
}
