import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/lib/content/content-issue.ts';
import { validateArchive } from '../../src/lib/content/validate-archive.ts';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/mini-archive');
const TALK = 'talks/notes-on-the-engine.md';
const made: string[] = [];

/** A copy of the mini archive with one file rewritten by `edit`. */
function archiveWith(file: string, edit: (text: string) => string): string {
  const folder = mkdtempSync(join(tmpdir(), 'archive-'));
  made.push(folder);
  cpSync(FIXTURE, folder, { recursive: true });
  writeFileSync(join(folder, file), edit(readFileSync(join(folder, file), 'utf8')));
  return folder;
}

/** The single problem found, as it is printed, with the temporary folder made relative. */
function onlyProblem(folder: string): string {
  const { issues } = validateArchive(folder);
  expect(issues, issues.map(formatIssue).join('\n')).toHaveLength(1);
  return formatIssue({ ...issues[0]!, file: relative(folder, resolve(issues[0]!.file)) });
}

afterEach(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('validateArchive', () => {
  it('accepts the mini archive', () => {
    const report = validateArchive(FIXTURE);
    expect(report.issues).toEqual([]);
    expect([report.talks.length, report.speakers.length, report.events.length, report.topics.length]).toEqual([2, 2, 1, 1]);
  });

  it('names file, line and field of a missing title', () => {
    const folder = archiveWith(TALK, (text) => text.replace('title: Notes on the Engine\n', ''));
    expect(onlyProblem(folder)).toBe(`${TALK}:1: title: is required but missing; add a "title:" line to the front matter`);
  });

  it('names the line of an unknown kind and lists the kinds', () => {
    const folder = archiveWith(TALK, (text) => text.replace('kind: interview', 'kind: keynote'));
    expect(onlyProblem(folder)).toMatch(new RegExp(`^${TALK}:3: kind: .*"interview"`));
  });

  it('rejects an impossible date at its line', () => {
    const folder = archiveWith(TALK, (text) => text.replace('date: "1843-07-12"', 'date: "1843-02-30"'));
    expect(onlyProblem(folder)).toBe(`${TALK}:7: date: expected a real calendar date (month 01-12, a day that month has)`);
  });

  it('rejects a malformed date at its line', () => {
    const folder = archiveWith(TALK, (text) => text.replace('date: "1843-07-12"', 'date: 12/07/1843'));
    expect(onlyProblem(folder)).toBe(`${TALK}:7: date: expected a date as YYYY, YYYY-MM or YYYY-MM-DD`);
  });

  it('names an unknown field', () => {
    const folder = archiveWith(TALK, (text) => text.replace('kind: interview', 'kind: interview\nvenue: London'));
    expect(onlyProblem(folder)).toBe(`${TALK}:4: venue: unknown field; the talks schema has no field "venue" (check the spelling)`);
  });

  it('fails on a reference to a missing speaker, topic or event, at its line', () => {
    expect(onlyProblem(archiveWith(TALK, (text) => text.replace('speaker: ada-lovelace', 'speaker: ada-lovelase')))).toBe(
      `${TALK}:11: speakers[1].speaker: unknown speaker "ada-lovelase"; no file speakers/ada-lovelase.md exists (check the slug or add the entry)`,
    );
    expect(onlyProblem(archiveWith(TALK, (text) => text.replace('topics: [engines]', 'topics: [looms]')))).toMatch(
      `${TALK}:13: topics[0]: unknown topic "looms"`,
    );
    expect(onlyProblem(archiveWith(TALK, (text) => text.replace('event: analytical-workshop', 'event: nowhere')))).toMatch(
      `${TALK}:4: event: unknown event "nowhere"`,
    );
  });

  it('fails on a session the event does not have', () => {
    const folder = archiveWith(TALK, (text) => text.replace('session: main', 'session: evening'));
    expect(onlyProblem(folder)).toBe(`${TALK}:5: session: event "analytical-workshop" has no session "evening" (its sessions: main)`);
  });

  it('fails on a transcript label that maps to none of the talk speakers, at its line', () => {
    const folder = archiveWith(TALK, (text) => text.replace('**Ada:**', '**Charles:**'));
    expect(onlyProblem(folder)).toBe(
      `${TALK}:19: transcript label: "Charles" is not one of this talk's speakers (Alan Turing, Ada Lovelace), voices or "Audience member"/"Unknown speaker"; add the speaker to the speakers field, their spelling to the speaker's aliases, or the label to voices`,
    );
  });

  it('accepts the anonymous audience and unknown speakers without a speaker entry', () => {
    const folder = archiveWith(TALK, (text) => `${text}\n**Audience member:** A question.\n\n**Unknown speaker:** An answer.\n`);
    expect(validateArchive(folder).issues).toEqual([]);
  });

  it('accepts a label declared among the talk voices', () => {
    const folder = archiveWith(TALK, (text) => text.replace('topics: [engines]', 'topics: [engines]\nvoices: [Charles]').replace('**Ada:**', '**Charles:**'));
    expect(validateArchive(folder).issues).toEqual([]);
  });

  it('fails on a duplicate slug in a subfolder', () => {
    const folder = archiveWith(TALK, (text) => text);
    mkdirSync(join(folder, 'talks/older'));
    cpSync(join(folder, TALK), join(folder, 'talks/older/notes-on-the-engine.md'));
    const issues = validateArchive(folder).issues.filter((issue) => issue.field === 'file name');
    expect(issues.map((issue) => issue.message)).toEqual([
      `duplicate slug "notes-on-the-engine": ${relative(process.cwd(), join(folder, TALK))} has it already; rename one of the files`,
    ]);
  });

  it('reports broken YAML at its line', () => {
    const folder = archiveWith(TALK, (text) => text.replace('order: 1', 'order: [1'));
    expect(onlyProblem(folder)).toMatch(new RegExp(`^${TALK}:6: order: YAML is not valid: .*end with a \\]; check the indentation`));
  });

  it('reports a file without front matter', () => {
    const folder = archiveWith(TALK, (text) => text.replace(/^---\n[\s\S]*?\n---\n/, ''));
    expect(onlyProblem(folder)).toBe(`${TALK}:1: front matter: expected the file to start with a "---" line opening YAML front matter`);
  });
});
