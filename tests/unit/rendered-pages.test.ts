import { afterEach, describe, expect, it } from 'vitest';
import { handleRenderedPage, hasPageHandlers, observeRenderedPages, transformRenderedPages } from '../../src/lib/output/rendered-pages.ts';

afterEach(() => {
  transformRenderedPages('policy', undefined);
  transformRenderedPages('other', undefined);
  observeRenderedPages('index', undefined);
});

describe('rendered page handlers', () => {
  it('leave pages alone when no build is listening', () => {
    expect(hasPageHandlers()).toBe(false);
    expect(handleRenderedPage('a/index.html', '<p>a</p>')).toBe('<p>a</p>');
  });

  it('apply every transform in turn; one that returns nothing keeps the page', () => {
    transformRenderedPages('policy', (_file, html) => `<meta>${html}`);
    transformRenderedPages('other', () => undefined);
    expect(hasPageHandlers()).toBe(true);
    expect(handleRenderedPage('a/index.html', '<p>a</p>')).toBe('<meta><p>a</p>');
  });

  it('show each page to the observers as it will be written, after every transform', () => {
    const seen: string[] = [];
    observeRenderedPages('index', (file, html) => seen.push(`${file} ${html}`));
    expect(hasPageHandlers()).toBe(true);
    transformRenderedPages('policy', (_file, html) => `<meta>${html}`);
    expect(handleRenderedPage('a/index.html', '<p>a</p>')).toBe('<meta><p>a</p>');
    expect(seen).toEqual(['a/index.html <meta><p>a</p>']);
  });
});
