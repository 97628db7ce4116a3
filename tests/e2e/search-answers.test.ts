import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';
import { layoutShift } from '../support/page-probes.ts';

const built = useBuiltSite();
let page: Page;
beforeEach(async () => {
  page = await built.context.newPage();
});
afterEach(async () => {
  await page.close();
});

/** Opens the search page for a query and waits for its answer: results, or the empty state. */
const ask = async (query: string, viewport = { width: 1280, height: 900 }) => {
  await page.setViewportSize(viewport);
  await page.goto(`${built.url}/search/?${new URLSearchParams({ q: query }).toString()}`);
  await page.waitForFunction(() => /match/i.test(document.querySelector('#search-status')?.textContent ?? ''));
  return page.evaluate(() => {
    const suggestion = document.querySelector<HTMLElement>('#search-suggestion');
    return {
      status: document.querySelector('#search-status')?.textContent ?? '',
      titles: [...document.querySelectorAll('.result-title')].map((title) => title.textContent ?? ''),
      suggestion: suggestion && !suggestion.hidden ? (suggestion.querySelector('a')?.textContent ?? '') : '',
      marks: [...document.querySelectorAll('.result mark')].map((mark) => mark.textContent ?? ''),
    };
  });
};

type Outcome = { first: string; suggest?: string } | { empty: true; suggest?: string };

/**
 * What a reader should get: the right page first, "Did you mean …?", or the honest empty state. The
 * misspellings and nonsense of the report that opened this work are here; a word Pagefind found only
 * through a much shorter prefix must match nothing.
 */
const QUERIES: [string, Outcome][] = [
  ['intrepretability', { empty: true, suggest: 'interpretability' }],
  ['mesa-optimizer', { empty: true }],
  ['xyzzy', { empty: true }],
  ['zxqvbn blorf', { empty: true }],
  ['qwertyuiop', { empty: true }],
  ['flurbington', { empty: true }],
  ['Bengio', { empty: true }],
  ['capture the flag', { empty: true }],
  ['backdor', { empty: true, suggest: 'backdoor' }],
  ['alignmnet', { empty: true, suggest: 'alignment' }],
  ['interpretibility', { first: '3.4 Interpretability', suggest: 'interpretability' }],
  ['superalignmnet', { first: 'Jan Leike on the superalignment project', suggest: 'superalignment' }],
  ['situationl awareness', { first: '“Situational Awareness” Makes Measuring Safety Tricky', suggest: 'situational awareness' }],
  ['interpretability', { first: '3.4 Interpretability' }],
  ['superalignment', { first: 'Jan Leike on the superalignment project' }],
  ['"sharp left turn"', { first: 'Concrete reasons for hope about AI' }],
  ['cryptographic backdoors', { first: 'Cryptographic backdoors in large language models' }],
  ['influence functions', { first: 'Understanding LLM generalization using influence functions' }],
  ['datamodels', { first: 'Faster datamodels as a new approach to alignment' }],
  ['iterated decomposition', { first: 'Iterated decomposition: improving science Q&A by supervising reasoning processes' }],
  ['model-written evals', { first: 'Model-written evals' }],
  ['situational awareness', { first: '“Situational Awareness” Makes Measuring Safety Tricky' }],
  ['mechanistic anomaly detection', { first: 'Mechanistic anomaly detection' }],
  ['takeover', { first: 'How Misalignment Could Lead to Takeover' }],
  ['cooperative AI', { first: 'Foundations of cooperative AI lab' }],
  ['emergent abilities', { first: 'Emergent abilities of language models' }],
  ['scalable oversight', { first: 'Measuring progress on scalable oversight for large language models' }],
  ['Othello', { first: 'Emergent world models and instrumenting AI systems' }],
  ['coherence', { first: 'More intelligent agents behave less coherently' }],
  ['Goodhart', { first: 'Social dynamics of reinforcement learners' }],
  ['jailbreak', { first: '3.5 Jailbreaking' }],
  ['reward learning', { first: 'Models of human preferences for learning reward functions' }],
  ['GPT-4', { first: 'Jan Leike on the superalignment project' }],
  ['Chris Olah', { first: 'Chris Olah' }],
  ['Conitzer', { first: 'Vincent Conitzer' }],
];

describe('search answers', () => {
  it.each(QUERIES)('%s: %j', async (query, outcome) => {
    const answer = await ask(query);
    if ('empty' in outcome) {
      expect(answer.status).toMatch(/^Nothing matches/);
      expect(answer.titles).toEqual([]);
    } else {
      expect(answer.titles[0]).toBe(outcome.first);
    }
    expect(answer.suggestion).toBe(outcome.suggest ?? '');
  });

  it('follows "Did you mean" to the results, and Back returns to the query typed', async () => {
    await ask('intrepretability');
    await page.locator('#search-suggestion a').click();
    await page.waitForFunction(() => document.querySelectorAll('.result').length > 0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('interpretability');
    expect(await page.locator('#search-input').inputValue()).toBe('interpretability');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent?.startsWith('Nothing matches') ?? false);
  });

  it('fetches the word list for suggestions only when a query needs one, and it is small', async () => {
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await ask('interpretability');
    expect(fetched).not.toContain('/search-words.txt');
    const response = page.waitForResponse((candidate) => candidate.url().endsWith('/search-words.txt'));
    await ask('intrepretability');
    expect((await (await response).body()).length).toBeLessThan(40_000);
  });
});

describe('passages shown for a result', () => {
  it('show the rare words of the query, not the most frequent ones', async () => {
    const answer = await ask('the game of Othello');
    expect(answer.titles[0]).toBe('Emergent world models and instrumenting AI systems');
    const first = await page.locator('.result-passages').first().locator('li').first().locator('mark').allTextContents();
    expect(first.map((mark) => mark.toLowerCase())).toContain('othello.');
  });

  it('carry no speaker label: a turn that follows a passage does not show in its excerpt', async () => {
    // The last words of a turn of the interview, and the speaker of the turn after it.
    await page.goto(`${built.url}/talks/jan-leike-superalignment-interview/`);
    const { words, next } = await page.evaluate(() => {
      const turn = [...document.querySelectorAll<HTMLElement>('.transcript .turn')].find((candidate, index, all) => {
        const text = candidate.querySelector('.passage:last-of-type p')?.textContent ?? '';
        return index > 3 && text.split(/\s+/).length > 12 && all[index + 1]?.dataset['speakerName'] !== candidate.dataset['speakerName'];
      }) as HTMLElement;
      const text = (turn.querySelector('.passage:last-of-type p')?.textContent ?? '').replace(/[¶#]/g, '').trim();
      return { words: text.split(/\s+/).slice(-6).join(' '), next: (turn.nextElementSibling as HTMLElement).dataset['speakerName'] ?? '' };
    });
    await ask(`"${words.replace(/["“”]/g, '')}"`);
    const excerpts = await page.locator('.result-passages .result-excerpt').allTextContents();
    expect(excerpts.length).toBeGreaterThan(0);
    for (const excerpt of excerpts) expect(excerpt).not.toContain(next);
  });

  it('find a talk by the name of a person billed for it', async () => {
    // The essay's text never names its author; its details do.
    const answer = await ask('Hatfield-Dodds');
    expect(answer.titles).toContain('Concrete reasons for hope about AI');
  });

  it('open the talk’s other matching passages in place, the first of them focused', async () => {
    await ask('alignment');
    const more = page.locator('.result-more').first();
    const label = (await more.textContent()) ?? '';
    const count = Number(/^(\d+) more matching passages?/.exec(label)?.[1]);
    expect(count).toBeGreaterThan(0);
    const index = await page.locator('.result').evaluateAll((results) => results.findIndex((result) => result.querySelector('.result-more') !== null));
    const result = page.locator('.result').nth(index);
    const before = await result
      .locator('.result-passages li')
      .evaluateAll((items) => items.filter((item) => (item as HTMLElement).offsetParent !== null).length);
    await more.click();
    const after = await result
      .locator('.result-passages li')
      .evaluateAll((items) => items.filter((item) => (item as HTMLElement).offsetParent !== null).length);
    expect(after).toBe(before + count);
    expect(await page.evaluate(() => document.activeElement?.closest('.result-passages') !== null)).toBe(true);
  });
});

describe('search on a phone', () => {
  it('folds the filters behind one control that says how many are in use, the first result in the first screen, at 360 by 740', async () => {
    for (const url of ['/search/?q=alignment', '/search/?q=alignment&speaker=Jan+Leike&kind=Interview']) {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${built.url}${url}`);
      await page.waitForSelector('.result');
      const panel = page.locator('#search-filter-panel');
      expect(await panel.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
      const firstResult = await page
        .locator('.result')
        .first()
        .evaluate((element) => element.getBoundingClientRect().top + 40);
      expect(firstResult).toBeLessThan(740);
      const inUse = new URL(url, 'http://x').searchParams.size - 1;
      expect(await panel.locator('> summary').textContent()).toBe(inUse > 0 ? `Filters (${inUse} in use)` : 'Filters');
    }
    await page.locator('#search-filter-panel > summary').click();
    expect(await page.locator('#search-filters input[type="checkbox"]').first().isVisible()).toBe(true);
  });

  it('keeps every filter open on a wide screen, a long list of speakers in its own scrolling box', async () => {
    await ask('the');
    const speakers = page.locator('details[data-filter="speaker"]');
    expect(await speakers.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(true);
    expect(await speakers.locator('input').count()).toBeGreaterThan(6);
    expect(await speakers.locator('input').last().isVisible()).toBe(true);
  });
});

describe('searching as the reader types', () => {
  it.each([
    { width: 1280, height: 900 },
    { width: 360, height: 740 },
  ])('carries what is typed in the header box, and the focus, on to the search page, at $width px', async (viewport) => {
    await page.setViewportSize(viewport);
    await page.goto(`${built.url}/talks/`);
    if (viewport.width < 600) await page.locator('.search-toggle').click();
    else await page.locator('#header-search-input').click();
    // A quick typist: a key every 60 ms, some of them while the search page loads.
    await page.keyboard.type('interpretability', { delay: 60 });
    await page.waitForURL(/\/search\/\?q=interpretability$/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    expect(await page.locator('#search-input').inputValue()).toBe('interpretability');
    await page.waitForFunction(() => document.querySelectorAll('.result').length > 0);
    expect(await page.locator('.result-title').first().textContent()).toBe('3.4 Interpretability');
  });

  it('adds a history entry once typing pauses, so Back returns to the query before', async () => {
    await page.goto(`${built.url}/search/`);
    await page.locator('#search-input').click();
    await page.keyboard.type('oversight', { delay: 30 });
    await page.waitForFunction(() => document.querySelectorAll('.result').length > 0);
    await page.waitForTimeout(1300);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('superalignment', { delay: 30 });
    await page.waitForFunction(() => document.querySelector('.result-title')?.textContent === 'Jan Leike on the superalignment project');
    expect(new URL(page.url()).searchParams.get('q')).toBe('superalignment');
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'oversight');
    await page.waitForFunction(() => (document.querySelector('#search-input') as HTMLInputElement).value === 'oversight');
    await page.goBack();
    await page.waitForFunction(() => location.search === '');
  });
});

describe('the search page holds still', () => {
  it.each([
    { width: 360, height: 740 },
    { width: 1280, height: 900 },
  ])('while results, filters and "Did you mean" arrive, at $width px', async (viewport) => {
    for (const query of ['alignment', 'intrepretability', 'interpretibility']) {
      await ask(query, viewport);
      expect(await layoutShift(page), query).toBe(0);
    }
  });
});
