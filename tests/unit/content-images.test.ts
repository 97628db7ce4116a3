import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/lib/transcript/markdown.ts';
import { parseTranscript } from '../../src/lib/transcript/parse-transcript.ts';
import { renderTranscript } from '../../src/lib/transcript/render-transcript.ts';

// Content may not load anything from another site: a Markdown image is shown as a link to it.
describe('Markdown images in content', () => {
  it('become links with their description in a transcript, never an <img>', () => {
    const body = '**Ada:** A chart: ![growth of *compute*](https://elsewhere.example/chart.png "Compute") and a pixel ![](http://tracker.example/p.gif).';
    const html = renderTranscript(parseTranscript(body), () => ({ slug: 'ada', name: 'Ada' }));
    expect(html).not.toContain('<img');
    expect(html).toContain('<a class="content-image" href="https://elsewhere.example/chart.png">Image: growth of compute</a>');
    expect(html).toContain('<a class="content-image" href="http://tracker.example/p.gif">Image: tracker.example</a>');
  });

  it('become links in bios, descriptions and topic texts too', () => {
    expect(createMarkdown().render('A portrait: ![Ada](https://elsewhere.example/ada.jpg)\n')).toBe(
      '<p>A portrait: <a class="content-image" href="https://elsewhere.example/ada.jpg">Image: Ada</a></p>\n',
    );
  });

  it('stay text where a link cannot be: inside a link, or a data: address', () => {
    const markdown = createMarkdown();
    expect(markdown.renderInline('[![build passing](https://badge.example/b.svg)](https://ci.example/)')).toBe(
      '<a href="https://ci.example/"><span class="content-image">Image: build passing</span></a>',
    );
    expect(markdown.renderInline('![dot](data:image/png;base64,iVBORw0KGgo=)')).toBe('<span class="content-image">Image: dot</span>');
  });
});
