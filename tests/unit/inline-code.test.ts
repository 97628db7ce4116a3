import { describe, expect, it } from 'vitest';
import { findInlineCode } from '../../src/lib/security/inline-code.ts';

describe('findInlineCode', () => {
  it('finds inline scripts with their type, style elements and style attributes', () => {
    const html =
      '<!doctype html><html><head><script>a()</script><script type="application/ld+json">{"a":1}</script><script src="/x.js"></script><STYLE>p{}</STYLE></head><body><p style="color:red">x</p><P STYLE=color:blue>y</P></body></html>';
    expect(findInlineCode(html)).toEqual({
      scripts: [
        { type: '', text: 'a()' },
        { type: 'application/ld+json', text: '{"a":1}' },
      ],
      styles: ['p{}'],
      styleAttributes: ['color:red', 'color:blue'],
    });
  });

  it('reads attribute values whole, so markup inside them is not markup', () => {
    const html = `<meta content="<script>evil()</script>"><a title='style="x" <style>q{}</style>' href=/a>link</a><img alt="a > b" style="width:1px">`;
    expect(findInlineCode(html)).toEqual({ scripts: [], styles: [], styleAttributes: ['width:1px'] });
  });

  it('skips comments and the text of title and textarea elements', () => {
    const html = '<!-- <script>a()</script> --><title>Why <script>b()</script> is text</title><textarea><style>c{}</style></textarea><p>1 < 2</p>';
    expect(findInlineCode(html)).toEqual({ scripts: [], styles: [], styleAttributes: [] });
  });

  it('runs a script to its end tag even when its start tag ends in a slash', () => {
    expect(findInlineCode('<script/>a()</script><p style="b">').scripts).toEqual([{ type: '', text: 'a()' }]);
  });

  it('reads script and style text raw: character references and tags in it stay as they are, as the browser hashes them', () => {
    expect(findInlineCode('<script>if(a&amp;&b<c)x("</p>")</script><style>a::after{content:"&amp;"}</style>')).toEqual({
      scripts: [{ type: '', text: 'if(a&amp;&b<c)x("</p>")' }],
      styles: ['a::after{content:"&amp;"}'],
      styleAttributes: [],
    });
  });

  it('decodes character references in style attributes, as the browser hashes the decoded value', () => {
    expect(findInlineCode('<p style="font-family:&quot;A&quot;;content:&#39;&#x41;&#39;">').styleAttributes).toEqual([`font-family:"A";content:'A'`]);
  });

  it('keeps the first of a repeated attribute, as browsers do', () => {
    expect(findInlineCode('<p style="a" style="b">').styleAttributes).toEqual(['a']);
  });
});
