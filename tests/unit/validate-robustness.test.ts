import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/lib/content/content-issue.ts';
import { MAX_BLOCK_CHARACTERS } from '../../src/lib/content/checks/oversized-blocks.ts';
import { validateArchive } from '../../src/lib/content/validate-archive.ts';
import { LIMITS } from '../../src/schemas/limits.ts';

// The edge cases around the broken fixtures (tests/fixtures/broken/): where the line between valid
// and broken lies, and inputs that must give a message rather than an exception.
const FIXTURE = resolve(import.meta.dirname, '../fixtures/mini-archive');
const TALK = 'talks/notes-on-the-engine.md';
const made: string[] = [];
const run = promisify(execFile);

function archive(edit: (folder: string) => void = () => {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'archive-'));
  made.push(folder);
  cpSync(FIXTURE, folder, { recursive: true });
  edit(folder);
  return folder;
}

const rewrite = (file: string, change: (text: string) => string) => (folder: string) =>
  writeFileSync(join(folder, file), change(readFileSync(join(folder, file), 'utf8')));
const withBody = (body: string) => rewrite(TALK, (text) => text.slice(0, text.indexOf('---\n', 4) + 4) + body);

function problems(folder: string): string[] {
  return validateArchive(folder).issues.map((issue) => formatIssue({ ...issue, file: relative(folder, resolve(issue.file)) }));
}

afterEach(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('validation at the edges', () => {
  it('accepts a talk with no body, or a body of blank lines: no transcript yet', () => {
    expect(problems(archive(rewrite('talks/an-empty-talk.md', (text) => `${text}\n\n  \n`)))).toEqual([]);
  });

  it('accepts turns that hold only a non-speech mark, and a label standing alone before its text', () => {
    expect(problems(archive(withBody('**Alan Turing:** [0:01] [inaudible]\n\n**Ada:**\n\nHer text.\n')))).toEqual([]);
  });

  it('reports a body of markup only as a transcript with no words', () => {
    expect(problems(archive(withBody('---\n\n**Ada:** [0:05]\n')))).toEqual([
      `${TALK}:17: transcript: the transcript has no words, only labels, timestamps or markup; add the text, or leave the body empty (the page then says no transcript is in the archive yet)`,
    ]);
  });

  it('reports each empty turn at its label', () => {
    expect(problems(archive(withBody('**Ada:** Fine.\n\n**Alan Turing:** [0:09]\n\n**Ada:** Fine again.\n')))).toEqual([
      `${TALK}:19: transcript: the turn of "Alan Turing" has no words before the next label or heading; add what was said (or [inaudible]), or delete the label`,
    ]);
  });

  it(`takes a paragraph of ${MAX_BLOCK_CHARACTERS.toLocaleString('en')} characters, not one more, in any collection`, () => {
    const paragraph = (length: number) => `**Ada:** ${'x'.repeat(length - 9)}\n`;
    expect(problems(archive(withBody(paragraph(MAX_BLOCK_CHARACTERS))))).toEqual([]);
    expect(problems(archive(withBody(paragraph(MAX_BLOCK_CHARACTERS + 1))))).toEqual([
      expect.stringMatching(new RegExp(`^${TALK}:17: transcript: one paragraph of 20,001 characters \\(2 words\\)`)),
    ]);
    const bio = problems(archive(rewrite('speakers/ada-lovelace.md', (text) => `${text}\nShort first paragraph.\n\n${'y '.repeat(MAX_BLOCK_CHARACTERS)}\n`)));
    expect(bio).toEqual([expect.stringMatching(/^speakers\/ada-lovelace.md:8: body: one paragraph of 40,000 characters \(20,000 words\)/)]);
  });

  it('reports an entry file at the top of the content folder with the folder it belongs in', () => {
    const folder = archive((root) => cpSync(join(root, TALK), join(root, 'notes-on-the-engine.md')));
    expect(problems(folder)).toContain(
      'notes-on-the-engine.md: folder: is not in a collection folder and would be ignored; it reads as a talk entry, so move it to talks/',
    );
  });

  it('reports a folder whose name is a collection’s in another case', () => {
    const folder = archive((root) => mkdirSync(join(root, 'Speakers')));
    expect(problems(folder)).toEqual([
      'Speakers: folder: is not a collection folder; did you mean speakers/? Move its files to speakers/ (collections: talks/, speakers/, events/, topics/)',
    ]);
  });

  it('refuses MDX in any collection, whatever the case of its extension', () => {
    const folder = archive((root) => writeFileSync(join(root, 'speakers/grace-hopper.MDX'), '---\nname: Grace Hopper\n---\n'));
    expect(problems(folder)).toEqual([expect.stringMatching(/^speakers\/grace-hopper.MDX: file name: content entries cannot be MDX/)]);
  });

  it('reports a broken symbolic link instead of stopping', () => {
    const folder = archive((root) => symlinkSync(join(root, 'nowhere.md'), join(root, 'speakers/grace-hopper.md')));
    expect(problems(folder)).toEqual([
      'speakers/grace-hopper.md: cannot be read (ENOENT: no such file or directory); a broken symbolic link? Remove it or point it at a file',
    ]);
  });

  it('follows symbolic links that stay in the content folder, and reads each folder once', () => {
    const folder = archive((root) => {
      symlinkSync('ada-lovelace.md', join(root, 'speakers/ada.md'));
      mkdirSync(join(root, 'talks/1843'));
      symlinkSync('../notes-on-the-engine.md', join(root, 'talks/1843/notes-again.md'));
      symlinkSync('1843', join(root, 'talks/later'));
      symlinkSync('me.md', join(root, 'speakers/me.md'));
    });
    // Paths inside messages are as the check prints them, relative to the working directory.
    const inFolder = relative(process.cwd(), folder);
    expect(problems(folder).map((problem) => problem.replaceAll(`${inFolder}/`, ''))).toEqual([
      'talks/later: leads to a folder read already as talks/1843 (through a symbolic link): a second way into one folder; remove the link',
      'speakers/me.md: is a symbolic link that leads back to itself (a loop); remove it',
      // The link to a talk inside the folder is read: it is a second talk in the same programme slot.
      `${TALK}:6: order: talks/1843/notes-again.md already has order 1 in this session`,
    ]);
    expect(validateArchive(folder).speakers.map((speaker) => speaker.id)).toContain('ada');
  });

  it('reports a FIFO, a link out of the folder and a hidden entry at the top of the content folder, reading none', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    made.push(outside);
    writeFileSync(join(outside, 'private.md'), '---\nname: Private\n---\n');
    const folder = archive((root) => {
      execFileSync('mkfifo', [join(root, 'pipe.md')]);
      symlinkSync(outside, join(root, 'speakers/elsewhere'));
      writeFileSync(join(root, '.draft.md'), '---\nname: Draft\n---\n');
    });
    // In a process of its own, killed after 10 s: reading a FIFO would hang this one for good.
    const outcome = await run(process.execPath, [resolve(import.meta.dirname, '../../scripts/check-content.ts')], {
      cwd: folder,
      env: { ...process.env, ARCHIVE_CONTENT_DIR: '.' },
      timeout: 10_000,
      killSignal: 'SIGKILL',
    }).catch((error: { stderr: string }) => error);
    expect(outcome.stderr.split('\n\n')[0]?.split('\n')).toEqual([
      '.draft.md: file name: starts with a dot, so the file is hidden and its entry would never be published; rename it to draft.md, or delete it',
      'pipe.md: is a FIFO (named pipe), not a file; only regular files are read: remove it',
      `speakers/elsewhere: is a symbolic link to ${outside}, outside the content folder; only files inside it are read, so that nothing else on this machine can be published: copy the file in instead`,
    ]);
  }, 20_000);

  it('names the byte and the line of a file that is not UTF-8, after valid multi-byte text', () => {
    const folder = archive((root) =>
      writeFileSync(
        join(root, 'speakers/ada-lovelace.md'),
        Buffer.concat([Buffer.from('---\nname: Ada — “Lovelace”\n---\nLine one.\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')]),
      ),
    );
    expect(problems(folder)).toEqual([
      'speakers/ada-lovelace.md:5: the file is not valid UTF-8: byte 0xE9 ("é" in Latin-1) on this line is not UTF-8 text; re-save the file as UTF-8 (in an editor, or with iconv -f latin1 -t utf-8)',
    ]);
  });

  it('points an unclosed quote or bracket in YAML at the line that opened it', () => {
    expect(problems(archive(rewrite(TALK, (text) => text.replace('title: Notes on the Engine', 'title: "Notes on the Engine'))))).toEqual([
      expect.stringMatching(new RegExp(`^${TALK}:2: title: YAML is not valid: Missing closing "quote; a quoted value needs its closing quote`)),
    ]);
    expect(problems(archive(rewrite(TALK, (text) => text.replace('topics: [engines]', 'topics: [engines'))))).toEqual([
      expect.stringMatching(new RegExp(`^${TALK}:13: topics: YAML is not valid`)),
    ]);
  });

  it('reports a field given twice, and YAML aliases that would expand without bound', () => {
    expect(problems(archive(rewrite(TALK, (text) => text.replace('kind: interview', 'kind: interview\nkind: talk'))))).toEqual([
      `${TALK}:4: kind: YAML is not valid: Map keys must be unique; a field appears twice; keep one of them`,
    ]);
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefg'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefg'[index]}`).join(', ')}]`),
    ].join('\n');
    expect(problems(archive(rewrite(TALK, (text) => text.replace('---\n', `---\n${bomb}\n`))))).toEqual([
      `${TALK}:2: front matter: YAML cannot be read: Excessive alias count indicates a resource exhaustion attack; write the values out instead of using anchors and aliases (& and *)`,
    ]);
  });

  it('refuses control characters, lone surrogates and non-characters in any field and in the body, naming line and field', () => {
    const cases = [
      ['\\0', 'the control character U+0000 (NUL)'],
      ['\\x01', 'the control character U+0001'],
      ['\\e', 'the control character U+001B (ESC)'],
      ['\\x85', 'the control character U+0085'],
      ['\\uD800', 'half of a character (the lone surrogate U+D800)'],
      ['\\uFFFF', 'the non-character U+FFFF'],
    ];
    for (const [escape, what] of cases) {
      expect(problems(archive(rewrite(TALK, (text) => text.replace('title: Notes on the Engine', `title: "Notes on ${escape}the Engine"`))))).toEqual([
        `${TALK}:2: title: contains ${what} at character 10; remove it: it is invisible, and neither a web page nor the RSS feed can carry it`,
      ]);
    }
    const deep = problems(archive(rewrite('speakers/ada-lovelace.md', (text) => text.replace('aliases: [Ada]', 'aliases: [Ada, "Countess\\x07"]'))));
    expect(deep).toEqual([
      'speakers/ada-lovelace.md:3: aliases[1]: contains the control character U+0007 at character 9; remove it: it is invisible, and neither a web page nor the RSS feed can carry it',
    ]);
    const body = problems(archive(withBody('**Ada:** Fine.\n\nA bell\u0007 here.\n\nAnd\u0000 here.\n')));
    expect(body).toEqual([
      `${TALK}:19: transcript: contains the control character U+0007 at column 7 (and 1 more line with one); remove it: it is invisible, and neither a web page nor the RSS feed can carry it`,
    ]);
  });

  it('refuses bidirectional controls in names, titles and labels, but not the marks right-to-left text may use', () => {
    const advice =
      'remove it: it would reverse or reorder the text after it wherever this is shown (the page title, links, the feed); right-to-left text needs no control characters';
    for (const [control, name] of [
      ['\u202E', '202E (right-to-left override)'],
      ['\u202A', '202A (left-to-right embedding)'],
      ['\u2066', '2066 (left-to-right isolate)'],
      ['\u2069', '2069 (pop directional isolate)'],
    ]) {
      expect(problems(archive(rewrite(TALK, (text) => text.replace('title: Notes on the Engine', `title: Notes ${control}on the Engine`))))).toEqual([
        `${TALK}:2: title: contains the bidirectional control U+${name} at character 7; ${advice}`,
      ]);
    }
    expect(problems(archive(rewrite('speakers/ada-lovelace.md', (text) => text.replace('name: Ada Lovelace', 'name: "Ada \u202ELovelace"'))))).toEqual([
      `speakers/ada-lovelace.md:2: name: contains the bidirectional control U+202E (right-to-left override) at character 5; ${advice}`,
    ]);
    expect(problems(archive(withBody('**Ada\u202E:** Hello.\n')))).toEqual([
      `${TALK}:17: transcript label: "Ada<U+202E>" contains the bidirectional control U+202E (right-to-left override) at character 4; ${advice}`,
    ]);
    // A right-to-left mark in a name, and isolates inside a paragraph (a block of its own), are fine.
    expect(
      problems(archive(rewrite('speakers/ada-lovelace.md', (text) => text.replace('aliases: [Ada]', 'aliases: [Ada, "\u05E2\u05D3\u05D4\u200F"]')))),
    ).toEqual([]);
    expect(problems(archive(withBody('**Ada:** She said \u2067\u05E9\u05DC\u05D5\u05DD\u2069 and left.\n')))).toEqual([]);
  });

  it('limits every free-text field and list, saying the limit', () => {
    const title = (length: number) => rewrite(TALK, (text) => text.replace('title: Notes on the Engine', `title: ${'t'.repeat(length)}`));
    expect(problems(archive(title(LIMITS.title)))).toEqual([]);
    expect(problems(archive(title(LIMITS.title + 1)))).toEqual([`${TALK}:2: title: is 301 characters long; at most 300 are allowed here; shorten it`]);
    const talk = (anchor: string, replacement: string) => problems(archive(rewrite(TALK, (text) => text.replace(anchor, replacement))));
    const tooLong = (line: number, field: string, length: string, limit: string) =>
      `${TALK}:${line}: ${field}: is ${length} characters long; at most ${limit} are allowed here; shorten it`;
    expect(talk('kind:', `summary: ${'s'.repeat(LIMITS.summary + 1)}\nkind:`)).toEqual([tooLong(3, 'summary', '1,001', '1,000')]);
    expect(talk('  provenance:', `  origin: ${'o'.repeat(LIMITS.origin + 1)}\n  language: ${'l'.repeat(LIMITS.language + 1)}\n  provenance:`)).toEqual([
      tooLong(15, 'transcript.origin', '501', '500'),
      tooLong(16, 'transcript.language', '36', '35'),
    ]);
    expect(talk('topics:', `voices: [${'v'.repeat(LIMITS.label + 1)}]\ntopics:`)).toEqual([tooLong(13, 'voices[0]', '101', '100')]);
    expect(
      talk(
        'topics:',
        `voices: [${Array(LIMITS.list + 1)
          .fill('v')
          .join(', ')}]\ntopics:`,
      ),
    ).toEqual([`${TALK}:13: voices: lists 101 entries; at most 100 are allowed`]);
    expect(
      talk('topics:', `sources:\n  - label: ${'l'.repeat(LIMITS.linkLabel + 1)}\n    url: https://example.org/${'u'.repeat(LIMITS.url)}\ntopics:`),
    ).toEqual([tooLong(14, 'sources[0].label', '201', '200'), tooLong(15, 'sources[0].url', '2,020', '2,000')]);
    const speaker = problems(
      archive(
        rewrite('speakers/ada-lovelace.md', (text) =>
          text.replace('name: Ada Lovelace', `name: ${'n'.repeat(LIMITS.name + 1)}\naffiliation: ${'a'.repeat(LIMITS.affiliation + 1)}`),
        ),
      ),
    );
    expect(speaker).toEqual([
      'speakers/ada-lovelace.md:2: name: is 201 characters long; at most 200 are allowed here; shorten it',
      'speakers/ada-lovelace.md:3: affiliation: is 301 characters long; at most 300 are allowed here; shorten it',
    ]);
  });

  it('limits a file name to a slug of 100 characters, and a file to 10 MB, read no further', () => {
    const long = 'a'.repeat(LIMITS.slug + 1);
    expect(problems(archive((root) => cpSync(join(root, 'speakers/alan-turing.md'), join(root, `speakers/${long}.md`))))).toEqual([
      `speakers/${long}.md: file name: the slug is 101 characters long; at most 100 are allowed (it is the page's address): shorten the file name`,
    ]);
    const huge = problems(archive(rewrite(TALK, (text) => `${text}\n${`${'word '.repeat(1_000)}\n\n`.repeat(2_000)}`)));
    expect(huge).toEqual([
      `${TALK}: the file is 10 MB; an entry may be at most 10 MB (the longest transcript in the seed archive is 0.16 MB): split it, or check that it is the file you meant`,
    ]);
  });

  it('lists the allowed values of a field with a fixed set', () => {
    expect(problems(archive(rewrite(TALK, (text) => text.replace('role: host', 'role: chair'))))).toEqual([
      `${TALK}:10: speakers[0].role: "chair" is not allowed here; write one of "speaker", "host", "guest", "author", "moderator", "panelist"`,
    ]);
  });
});
