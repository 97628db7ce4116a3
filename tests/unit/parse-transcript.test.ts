import { describe, expect, it } from 'vitest';
import { parseTranscript, type Heading, type Turn } from '../../src/lib/transcript/parse-transcript.ts';
import { renderTranscript } from '../../src/lib/transcript/render-transcript.ts';

const turns = (body: string) => parseTranscript(body).blocks.filter((block): block is Turn => block.kind === 'turn');

describe('parseTranscript', () => {
  it('opens a turn at a bold label with the colon inside or outside the bold', () => {
    const parsed = turns('**Jan Leike:** Hello there.\n\n**Rob Wiblin**: Welcome.');
    expect(parsed.map((turn) => turn.label)).toEqual(['Jan Leike', 'Rob Wiblin']);
    expect(parsed.map((turn) => turn.passages[0]?.text)).toEqual(['Hello there.', 'Welcome.']);
  });

  it('continues the current speaker in paragraphs without a label', () => {
    const [turn] = turns('**Ada:** One.\n\nTwo.\n\nThree.');
    expect(turn?.passages.map((passage) => passage.text)).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('accepts a label alone on its line, with the text in the next paragraph', () => {
    const [turn] = turns('**Ada Lovelace:**\n\nThe engine weaves algebraic patterns.');
    expect(turn?.label).toBe('Ada Lovelace');
    expect(turn?.passages.map((passage) => passage.text)).toEqual(['The engine weaves algebraic patterns.']);
  });

  it('keeps timestamps after a label and at the start of any paragraph', () => {
    const [turn] = turns('**Ada:** [1:02:03] First.\n\n[1:05:00] Later.');
    expect(turn?.timestamp).toEqual({ label: '1:02:03', seconds: 3723 });
    expect(turn?.passages.map((passage) => passage.timestamp?.seconds)).toEqual([3723, 3900]);
    expect(turn?.passages[1]?.text).toBe('Later.');
  });

  it('reads an estimated time, [~2:31], as that second, marked as an estimate and not as words', () => {
    const [turn] = turns('**Ada:** [~2:31] About then.\n\n[2:40] Exactly then.');
    expect(turn?.timestamp).toEqual({ label: '2:31', seconds: 151, estimated: true });
    expect(turn?.passages.map((passage) => [passage.text, passage.timestamp?.estimated ?? false])).toEqual([
      ['About then.', true],
      ['Exactly then.', false],
    ]);
  });

  it('carries the speaker on after a chapter heading that interrupts a turn', () => {
    const blocks = parseTranscript('**Ada:** We should\n\n## Make it mainstream\n\nmake it mainstream.').blocks;
    expect(blocks.map((block) => block.kind)).toEqual(['turn', 'heading', 'turn']);
    const after = blocks[2] as Turn;
    expect(after.label).toBe('Ada');
    expect(after.continued).toBe(true);
  });

  it('treats text before any label, and bold text without a colon, as prose', () => {
    const blocks = parseTranscript('An essay paragraph.\n\n**Training near-SOTA models.** This ensures relevance.').blocks;
    expect(blocks.map((block) => block.kind)).toEqual(['prose', 'prose']);
  });

  it('reports each block at its line in the body', () => {
    const blocks = parseTranscript('**Ada:** One.\n\nTwo.\n\n\n**Alan:** Three.').blocks as Turn[];
    expect(blocks.map((turn) => turn.line)).toEqual([1, 6]);
    expect(blocks[0]?.passages.map((passage) => passage.line)).toEqual([1, 3]);
  });
});

describe('renderTranscript', () => {
  const speaker = (label: string) => (label === 'Ada' ? { slug: 'ada-lovelace', name: 'Ada Lovelace', href: '/speakers/ada-lovelace/' } : undefined);

  it('marks each turn with its speaker and each passage with its id and speaker for search', () => {
    const parsed = parseTranscript('**Ada:** It weaves patterns.');
    const html = renderTranscript(parsed, speaker);
    const turn = parsed.blocks[0] as Turn;
    expect(html).toContain(`<div class="turn" id="${turn.id}" data-speaker="ada-lovelace" data-speaker-name="Ada Lovelace">`);
    expect(html).toContain(
      `<div class="passage" id="${turn.passages[0]?.id}" data-pagefind-title="Ada Lovelace"><p>It weaves patterns. <a class="permalink" href="#${turn.passages[0]?.id}" aria-label="Link to this passage" data-pagefind-ignore>¶</a></p>\n</div>`,
    );
  });

  it('never turns markup in a transcript into live HTML', () => {
    const html = renderTranscript(parseTranscript('**Ada:** <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))'), speaker);
    expect(html).not.toMatch(/<script|<img|href="javascript:/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('links each time to its own passage when the talk has no recording', () => {
    const parsed = parseTranscript('**Ada:** [0:05] It weaves.\n\n[1:02:03] Patterns.');
    const html = renderTranscript(parsed, speaker);
    const turn = parsed.blocks[0] as Turn;
    expect(html).toContain(`<a class="timestamp" href="#${turn.id}" data-pagefind-ignore><time datetime="PT5S">0:05</time></a>`);
    expect(html).toContain(`<a class="timestamp" href="#${turn.passages[1]?.id}" data-pagefind-ignore><time datetime="PT1H2M3S">1:02:03</time></a>`);
    expect(html).not.toContain('data-t=');
  });

  it('with a recording, plays every time from there: turns, passages and chapters', () => {
    const parsed = parseTranscript(
      '## Opening\n\n**Ada:** [0:05] It weaves.\n\nUntimed.\n\n[2:27] Patterns.\n\n## Questions\n\nNo time here.\n\n**Alan:** [1:02:03] Yes.',
    );
    const html = renderTranscript(parsed, speaker, { moment: (seconds) => `https://www.youtube.com/watch?v=abc&t=${seconds}s` });
    const play = (seconds: number, label: string) =>
      `<a class="timestamp" href="https://www.youtube.com/watch?v=abc&amp;t=${seconds}s" data-t="${seconds}" title="Play from ${label}" data-pagefind-ignore><span class="visually-hidden">Play from </span><time datetime="`;
    const [opening, ada, questions, , alan] = parsed.blocks as [Heading, Turn, Heading, Turn, Turn];
    // Chapters start with their first timed words; a chapter's untimed first turn waits for the next time.
    expect(html).toContain(`<h2 id="${opening.id}">Opening ${play(5, '0:05')}PT5S">0:05</time></a></h2>`);
    expect(html).toContain(`<h2 id="${questions.id}">Questions ${play(3723, '1:02:03')}`);
    expect(html).toContain(
      `<p class="turn-label" data-pagefind-ignore><a class="turn-speaker" href="/speakers/ada-lovelace/">Ada Lovelace</a> ${play(5, '0:05')}`,
    );
    // The passage that opens a timed turn starts with it; an untimed passage carries no time of its own.
    expect(html).toContain(`<div class="passage" id="${ada.passages[0]?.id}" data-pagefind-title="Ada Lovelace" data-t="5">`);
    expect(html).toContain(`<div class="passage" id="${ada.passages[1]?.id}" data-pagefind-title="Ada Lovelace">`);
    expect(html).toContain(
      `<div class="passage passage-timed" id="${ada.passages[2]?.id}" data-pagefind-title="Ada Lovelace" data-t="147">${play(147, '2:27')}`,
    );
    expect(html).toContain(`<div class="passage" id="${alan.passages[0]?.id}" data-pagefind-title="Alan" data-t="3723">`);
  });

  it('shows an estimated time as "about", and plays it from its second like any other', () => {
    const parsed = parseTranscript('**Ada:** [0:05] It weaves.\n\n[~2:31] Patterns, about then.');
    const untimed = renderTranscript(parsed, speaker);
    expect(untimed).toContain('<a class="timestamp timestamp-estimated" href="#');
    expect(untimed).toContain('data-pagefind-ignore>about <time datetime="PT2M31S">2:31</time></a>');
    const html = renderTranscript(parsed, speaker, { moment: (seconds) => `#t=${seconds}` });
    const ada = parsed.blocks[0] as Turn;
    expect(html).toContain(
      `<div class="passage passage-timed" id="${ada.passages[1]?.id}" data-pagefind-title="Ada Lovelace" data-t="151"><a class="timestamp timestamp-estimated" href="#t=151" data-t="151" title="Play from about 2:31" data-pagefind-ignore><span class="visually-hidden">Play from </span>about <time datetime="PT2M31S">2:31</time></a>`,
    );
    // An exact time reads as it always did.
    expect(html).toContain('title="Play from 0:05" data-pagefind-ignore><span class="visually-hidden">Play from </span><time datetime="PT5S">0:05</time>');
  });

  it('renders footnotes as footnotes', () => {
    const html = renderTranscript(parseTranscript('A claim.[^1]\n\n[^1]: The evidence.'), speaker);
    expect(html).toMatch(/<sup class="footnote-ref"><a href="#fn1"/);
    expect(html).toMatch(/<section class="footnotes">[\s\S]*The evidence\./);
  });
});

describe('non-speech marks', () => {
  const render = (body: string) => renderTranscript(parseTranscript(body), () => undefined);

  it('sets bracketed and parenthesised marks apart inside turns, keeping their words', () => {
    const html = render('**Ada:** So [inaudible] and (Laughs) then [Inaudible until 24:57] analysis[?] (rlhf) done.');
    expect(html).toContain('So <span class="non-speech">[inaudible]</span> and <span class="non-speech">(Laughs)</span> then');
    expect(html).toContain('<span class="non-speech">[Inaudible until 24:57]</span> analysis<span class="non-speech">[?]</span> (rlhf) done.');
  });

  it('leaves brackets in essays and other prose alone', () => {
    expect(render('A range of [ 0.15 , 0.95 ] is consistent.')).not.toContain('non-speech');
  });

  it('escapes what a mark contains', () => {
    expect(render('**Ada:** [inaudible <b>x</b>]')).toContain('<span class="non-speech">[inaudible &lt;b&gt;x&lt;/b&gt;]</span>');
  });

  it("shows the editor's words in brackets as text, apart from marks: brackets joined to a word or continuing the sentence", () => {
    const html = render(
      '**Ada:** We used [GPT-]3.5 when evaluat[ing] it at [the Schwartz Reisman Institute], analysis[?], [Bekah laughs] [inaudlble] [Music] [Inaudible until 27:30] [Question about bias] [??].',
    );
    expect(html).toContain('We used [GPT-]3.5 when evaluat[ing] it at [the Schwartz Reisman Institute], analysis<span class="non-speech">[?]</span>, ');
    for (const mark of ['[Bekah laughs]', '[inaudlble]', '[Music]', '[Inaudible until 27:30]', '[Question about bias]', '[??]'])
      expect(html).toContain(`<span class="non-speech">${mark}</span>`);
    expect(html.match(/class="non-speech"/g)).toHaveLength(7);
  });
});

describe('chapter times', () => {
  it('reads the time a heading opens with, apart from its text and id', () => {
    const parsed = parseTranscript('## [1:32] Scalable oversight\n\n**Ada:** [0:56] Words before it. Words in it.');
    const heading = parsed.blocks[0] as Heading;
    expect(heading).toMatchObject({ text: 'Scalable oversight', id: 'h-scalable-oversight', timestamp: { label: '1:32', seconds: 92 } });
    const html = renderTranscript(parsed, () => undefined, { moment: (seconds) => `#t=${seconds}` });
    expect(html).toMatch(/<h2 id="h-scalable-oversight">Scalable oversight <a class="timestamp" href="#t=92" data-t="92"/);
  });
});
