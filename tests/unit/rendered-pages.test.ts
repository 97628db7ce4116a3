import { afterEach, describe, expect, it } from 'vitest';
import { handleRenderedPage, hasPageHandlers, transformRenderedPages } from '../../src/lib/site/rendered-pages.ts';

afterEach(() => {
  transformRenderedPages('policy', undefined);
  transformRenderedPages('other', undefined);
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
});
