import { describe, expect, it } from 'vitest';
import { downloadHeaders, downloadsFor } from '../../src/lib/export/download-formats.ts';

describe('downloadsFor', () => {
  it('offers text, Markdown, WebVTT and SubRip for a transcript with times, beside the talk page', () => {
    expect(downloadsFor('jan-leike-scaling-rlhf', { present: true, timed: true })).toEqual([
      {
        format: 'text',
        label: 'Plain text',
        file: 'transcript.txt',
        path: '/talks/jan-leike-scaling-rlhf/transcript.txt',
        fileName: 'jan-leike-scaling-rlhf.txt',
        contentType: 'text/plain; charset=utf-8',
      },
      {
        format: 'markdown',
        label: 'Markdown',
        file: 'transcript.md',
        path: '/talks/jan-leike-scaling-rlhf/transcript.md',
        fileName: 'jan-leike-scaling-rlhf.md',
        contentType: 'text/markdown; charset=utf-8',
      },
      {
        format: 'webvtt',
        label: 'WebVTT',
        file: 'transcript.vtt',
        path: '/talks/jan-leike-scaling-rlhf/transcript.vtt',
        fileName: 'jan-leike-scaling-rlhf.vtt',
        contentType: 'text/vtt; charset=utf-8',
      },
      {
        format: 'srt',
        label: 'SubRip',
        file: 'transcript.srt',
        path: '/talks/jan-leike-scaling-rlhf/transcript.srt',
        fileName: 'jan-leike-scaling-rlhf.srt',
        contentType: 'application/x-subrip; charset=utf-8',
      },
    ]);
  });

  it('offers no subtitles without times, and nothing without a transcript', () => {
    expect(downloadsFor('essay', { present: true, timed: false }).map((download) => download.format)).toEqual(['text', 'markdown']);
    expect(downloadsFor('talk', { present: false, timed: false })).toEqual([]);
  });
});

describe('downloadHeaders', () => {
  it('gives every download path its type and character set, in _headers rules', () => {
    expect(downloadHeaders()).toBe(
      [
        '/talks/:slug/transcript.txt\n  Content-Type: text/plain; charset=utf-8\n',
        '/talks/:slug/transcript.md\n  Content-Type: text/markdown; charset=utf-8\n',
        '/talks/:slug/transcript.vtt\n  Content-Type: text/vtt; charset=utf-8\n',
        '/talks/:slug/transcript.srt\n  Content-Type: application/x-subrip; charset=utf-8\n',
      ].join(''),
    );
  });
});
