import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/helpers/browser.ts';
import { formatIssue } from '../../src/lib/content/content-issue.ts';
import { validateArchive } from '../../src/lib/content/validate-archive.ts';
import { startDevServer, type DevServer } from '../../scripts/helpers/dev-server.ts';

// `npm run dev` on a copy of the mini archive: each edit a curator makes shows over HTTP without a restart.
const FIXTURE = resolve(import.meta.dirname, '../fixtures/mini-archive');
const TALK = 'talks/notes-on-the-engine.md';
let content: string;
let server: DevServer;

beforeAll(async () => {
  content = mkdtempSync(join(tmpdir(), 'archive-dev-content-'));
  cpSync(FIXTURE, content, { recursive: true });
  server = await startDevServer(content);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  rmSync(content, { recursive: true, force: true });
});

const get = async (path: string) => {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') ?? '' };
};
const edit = (file: string, change: (text: string) => string) => writeFileSync(join(content, file), change(readFileSync(join(content, file), 'utf8')));
/** Polls until `check` holds of the page, for up to `timeout` ms; the page as last seen. */
async function until(path: string, check: (page: { status: number; text: string }) => boolean, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let page = await get(path);
  while (!check(page) && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 100));
    page = await get(path);
  }
  if (!check(page))
    console.error(
      `${path} never came as expected; the server printed:\n${server
        .output()
        .split('\n')
        .filter((line) => !/\[200\]/.test(line))
        .slice(-40)
        .join('\n')}`,
    );
  return page;
}

describe('npm run dev follows the content folder', () => {
  it('shows an edited transcript and title on the talk page and on the pages that list it', async () => {
    expect((await get('/talks/notes-on-the-engine/')).text).toContain('Notes on the Engine');
    edit(TALK, (text) =>
      text.replace('title: Notes on the Engine', 'title: Notes on the Analytical Engine').replace('It has no pretensions', 'It has no pretensions whatever'),
    );
    const page = await until('/talks/notes-on-the-engine/', ({ text }) => text.includes('Notes on the Analytical Engine'));
    expect(page.text).toContain('Notes on the Analytical Engine');
    expect(page.text).toContain('It has no pretensions whatever');
    for (const path of ['/speakers/ada-lovelace/', '/talks/', '/events/analytical-workshop/', '/topics/engines/'])
      expect((await get(path)).text, path).toContain('Notes on the Analytical Engine');
    // The downloads beside the page follow too, and are files, without the trailing slash pages take.
    const vtt = await get('/talks/notes-on-the-engine/transcript.vtt');
    expect([vtt.status, vtt.type]).toEqual([200, 'text/vtt; charset=utf-8']);
    expect(vtt.text).toContain('It has no pretensions whatever');
  });

  it('adds a speaker, and moves a renamed talk to its new address', async () => {
    writeFileSync(join(content, 'speakers/charles-babbage.md'), '---\nname: Charles Babbage\n---\nInventor of the Difference Engine.\n');
    const speaker = await until('/speakers/charles-babbage/', ({ status }) => status === 200);
    expect(speaker.text).toContain('Inventor of the Difference Engine.');
    expect((await get('/speakers/')).text).toContain('Charles Babbage');
    renameSync(join(content, 'talks/an-empty-talk.md'), join(content, 'talks/a-renamed-talk.md'));
    expect((await until('/talks/a-renamed-talk/', ({ status }) => status === 200)).status).toBe(200);
    expect((await get('/talks/an-empty-talk/')).status).toBe(404);
  });

  it('says what is wrong with a broken file, as the build does, in the browser and the terminal, and keeps running until it is fixed', async () => {
    edit(TALK, (text) => text.replace('kind: interview', 'kind: keynote'));
    const expected = validateArchive(content).issues.map((issue) => formatIssue({ ...issue, file: relative(content, resolve(issue.file)) }));
    expect(expected).toEqual([`${TALK}:3: kind: "keynote" is not allowed here; write one of "talk", "lightning-talk", "interview", "panel", "essay", "post"`]);
    const broken = await until('/talks/', ({ status }) => status === 500);
    expect(broken.status).toBe(500);
    expect(broken.text.replaceAll('&quot;', '"')).toContain(expected[0]);
    expect(server.output()).toContain(expected[0]);
    expect((await get('/speakers/ada-lovelace/')).status).toBe(500);
    edit(TALK, (text) => text.replace('kind: keynote', 'kind: interview'));
    const fixed = await until('/talks/notes-on-the-engine/', ({ status }) => status === 200);
    expect(fixed.text).toContain('Notes on the Analytical Engine');
  });

  it('answers searches from an index of the content as it is now', async () => {
    edit(TALK, (text) => text.replace('Can the engine', 'Can the quincunxial engine'));
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      const deadline = Date.now() + 20_000;
      let found = 0;
      while (found === 0 && Date.now() < deadline) {
        await page.goto(`${server.url}/search/?q=quincunxial`);
        await page.waitForSelector('.result, .search-status.empty', { timeout: 10_000 });
        found = await page.locator('.result').count();
      }
      const links = await page
        .locator('.result .result-title a')
        .evaluateAll((anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname));
      expect(links, server.output().slice(-2000)).toEqual(['/talks/notes-on-the-engine/']);
    } finally {
      await browser.close();
    }
  });
});
