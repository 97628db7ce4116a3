import { describe, expect, it } from 'vitest';
import { pageFile } from '../../src/lib/output/html-files.ts';

describe('pageFile', () => {
  it('names the file a static build writes for a path', () => {
    expect(pageFile('/')).toBe('index.html');
    expect(pageFile('/talks/jan-leike/')).toBe('talks/jan-leike/index.html');
    expect(pageFile('/404')).toBe('404.html');
    expect(pageFile('/404/')).toBe('404.html');
    expect(pageFile('/500/')).toBe('500.html');
    expect(pageFile('/speakers/caf%C3%A9/')).toBe('speakers/café/index.html');
  });
});
